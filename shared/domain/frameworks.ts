/**
 * Framework references carried by every finding: OWASP Non-Human Identities Top 10 (2025) and
 * NIST CSF 2.0 subcategories. Ids are written `OWASP-NHI:NHI<n>` and `NIST-CSF-2.0:<FN>.<CAT>-<nn>`
 * so a report can group on the prefix without a lookup table.
 */
export const owaspNhi2025 = {
  NHI1: 'Improper Offboarding',
  NHI2: 'Secret Leakage',
  NHI3: 'Vulnerable Third-Party NHI',
  NHI4: 'Insecure Authentication',
  NHI5: 'Overprivileged NHI',
  NHI6: 'Insecure Cloud Deployment Configurations',
  NHI7: 'Long-Lived Secrets',
  NHI8: 'Environment Isolation',
  NHI9: 'NHI Reuse',
  NHI10: 'Human Use of NHI',
} as const;

const owaspPattern = /^OWASP-NHI:NHI([1-9]|10)$/;
const nistPattern = /^NIST-CSF-2\.0:(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/;

export function isFrameworkRef(value: string): boolean {
  return owaspPattern.test(value) || nistPattern.test(value);
}

export function frameworkTitle(ref: string): string | undefined {
  const match = /^OWASP-NHI:(NHI\d+)$/.exec(ref);
  return match ? owaspNhi2025[match[1] as keyof typeof owaspNhi2025] : undefined;
}
