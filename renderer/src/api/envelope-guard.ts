import { errorCodes, fail, type Envelope, type ErrorCode } from '../../../shared/contract';

/**
 * Whatever a transport hands back is checked for the envelope shape before the UI trusts it: a
 * proxy error page or a half-written body becomes a clear error envelope instead of a crash.
 */
export function asEnvelope(value: unknown): Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return fail('INTERNAL', 'The backend answered something that is not a result envelope.');
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return { ok: true, value: candidate.value };
  if (candidate.ok === false && typeof candidate.error === 'object' && candidate.error !== null) {
    const error = candidate.error as { code?: unknown; message?: unknown; details?: unknown };
    const code = isErrorCode(error.code) ? error.code : 'INTERNAL';
    const message = typeof error.message === 'string' ? error.message : 'The backend reported an error without a message.';
    return error.details === undefined ? fail(code, message) : fail(code, message, error.details);
  }
  return fail('INTERNAL', 'The backend answered something that is not a result envelope.');
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
