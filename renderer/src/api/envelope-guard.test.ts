import { describe, expect, it } from 'vitest';
import { asEnvelope } from './envelope-guard';
import { asEvent } from './event-guard';

describe('envelope guard', () => {
  it('passes real envelopes through', () => {
    expect(asEnvelope({ ok: true, value: { a: 1 } })).toEqual({ ok: true, value: { a: 1 } });
    expect(asEnvelope({ ok: false, error: { code: 'NO_CASE', message: 'Open a case' } })).toEqual({
      ok: false,
      error: { code: 'NO_CASE', message: 'Open a case' },
    });
  });

  it('turns anything else into an INTERNAL error rather than trusting it', () => {
    for (const junk of [null, 'Forbidden', 42, {}, { ok: 'yes' }, { ok: false }]) {
      const result = asEnvelope(junk);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INTERNAL');
    }
    const unknownCode = asEnvelope({ ok: false, error: { code: 'PWNED', message: 'x' } });
    expect(unknownCode).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'x' } });
  });
});

describe('event guard', () => {
  it('accepts contract events and drops unknown or malformed ones', () => {
    const state = { state: 'crashed', message: 'gone', restarts: 1 };
    expect(asEvent({ event: 'backend.state', payload: state })).toEqual({ event: 'backend.state', payload: state });
    expect(asEvent({ event: 'backend.state', payload: { state: 'on fire', message: '', restarts: 0 } })).toBeNull();
    expect(asEvent({ event: 'toString', payload: {} })).toBeNull();
    expect(asEvent({ event: 'case.changed' })).toBeNull();
    expect(asEvent('case.changed')).toBeNull();
  });
});
