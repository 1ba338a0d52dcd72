import { describe, expect, it } from 'vitest';
import { triageRequest } from './triage-form';

const id = 'a'.repeat(32);
const now = new Date('2026-11-25T12:00:00Z');

describe('triageRequest', () => {
  it('passes states without expiry through, with a trimmed note when there is one', () => {
    expect(triageRequest(id, 'confirmed', '', '  seen  ', now)).toEqual({ ok: true, input: { findingId: id, state: 'confirmed', note: 'seen' } });
    expect(triageRequest(id, 'false_positive', '2027-01-01', '   ', now)).toEqual({ ok: true, input: { findingId: id, state: 'false_positive' } });
  });

  it('requires a future expiry date for an accepted risk, ending that day in UTC', () => {
    expect(triageRequest(id, 'accepted_risk', '', '', now)).toEqual({ ok: false, message: 'An accepted risk needs an expiry date.' });
    expect(triageRequest(id, 'accepted_risk', '2026-11-24', '', now)).toEqual({ ok: false, message: 'The expiry must be in the future.' });
    expect(triageRequest(id, 'accepted_risk', '2026-13-45', '', now)).toMatchObject({ ok: false });
    expect(triageRequest(id, 'accepted_risk', '2026-11-25', 'ticket 7', now)).toEqual({
      ok: true,
      input: { findingId: id, state: 'accepted_risk', note: 'ticket 7', expiresAt: '2026-11-25T23:59:59.000Z' },
    });
  });
});
