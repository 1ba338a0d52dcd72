import type { MethodInput } from '../../../../shared/contract';

export const triageStateLabels = {
  open: 'Open',
  confirmed: 'Confirmed',
  false_positive: 'False positive',
  accepted_risk: 'Accepted risk',
} as const;
export type TriageStateName = keyof typeof triageStateLabels;

/**
 * Turn the triage form into a `triage.set` input, or say what is wrong. An accepted risk needs an
 * expiry date in the future (taken as the end of that day, UTC); other states take none.
 */
export function triageRequest(
  findingId: string,
  state: TriageStateName,
  expiryDate: string,
  note: string,
  now: Date,
): { ok: true; input: MethodInput<'triage.set'> } | { ok: false; message: string } {
  const trimmed = note.trim();
  const base = { findingId, state, ...(trimmed ? { note: trimmed } : {}) };
  if (state !== 'accepted_risk') return { ok: true, input: base };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiryDate)) return { ok: false, message: 'An accepted risk needs an expiry date.' };
  const expiresAt = `${expiryDate}T23:59:59.000Z`;
  if (Number.isNaN(Date.parse(expiresAt))) return { ok: false, message: `${expiryDate} is not a date.` };
  if (Date.parse(expiresAt) <= now.getTime()) return { ok: false, message: 'The expiry must be in the future.' };
  return { ok: true, input: { ...base, expiresAt } };
}
