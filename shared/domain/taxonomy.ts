/**
 * The stable detection taxonomy (PRODUCT.md "Detection kinds"). Every finding carries exactly one
 * kind; the scan output (findings.schema.json) and the rule catalog lint both check against this
 * list, so adding a kind is a deliberate, reviewed change. Pure data: no Node, no DOM.
 */
export const runtimeKinds = [
  'new-network',
  'impossible-travel',
  'volume-spike',
  'off-hours',
  'scope-escalation',
  'new-user-agent',
  'dormant-reactivation',
  'use-after-revocation',
  'use-after-expiry',
  'new-resource',
  'ioc-match',
  'cadence-break',
  'concurrent-use',
  'consent-burst',
  'auth-failure-burst',
  'human-use-of-nhi',
] as const;

export const postureKinds = [
  'stale-credential',
  'over-scoped',
  'long-lived',
  'orphaned-owner',
  'review-overdue',
  'risky-third-party',
  'shadow-credential',
] as const;

export const detectionKinds = [...runtimeKinds, ...postureKinds] as const;
export type DetectionKind = (typeof detectionKinds)[number];
export type DetectionFamily = 'runtime' | 'posture';

export function isDetectionKind(value: unknown): value is DetectionKind {
  return typeof value === 'string' && (detectionKinds as readonly string[]).includes(value);
}

export function familyOf(kind: DetectionKind): DetectionFamily {
  return (postureKinds as readonly string[]).includes(kind) ? 'posture' : 'runtime';
}

export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (severities as readonly string[]).includes(value);
}

/** Higher is worse; used for stable ordering of findings (most severe first). */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** What a finding attaches to. A credential when known; its app or principal when the log names no credential. */
export const entityTypes = ['credential', 'app', 'principal'] as const;
export type EntityType = (typeof entityTypes)[number];
