/**
 * What crosses every process boundary: a result envelope, never a thrown error.
 * (Signal-Desktop's pattern; see ARCHITECTURE.md principle 3.)
 */
export const errorCodes = [
  'BAD_REQUEST', // input failed its schema
  'UNKNOWN_METHOD',
  'FORBIDDEN', // method exists but not for this caller (host-only, test-only)
  'NOT_FOUND',
  'NO_CASE', // method needs an open case
  'CASE_TOO_NEW', // case written by a newer Tokenscope
  'CASE_INVALID', // not a Tokenscope case, or damaged
  'CONFLICT',
  'CANCELLED',
  'BACKEND_CRASHED', // backend process died during the call
  'BACKEND_UNAVAILABLE',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Envelope<never> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** An Error that carries a contract error code; handlers throw it, the router turns it into an envelope. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}
