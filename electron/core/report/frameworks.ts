/**
 * Titles for the framework controls rules map to (rule.yaml `frameworks`), so the report's
 * mapping table reads without a lookup. OWASP Non-Human Identities Top 10 (2025) and NIST
 * Cybersecurity Framework 2.0 subcategories. An id not listed here is shown with its id only.
 */
export const frameworkTitles: Record<string, string> = {
  'OWASP-NHI:NHI1': 'Improper Offboarding',
  'OWASP-NHI:NHI2': 'Secret Leakage',
  'OWASP-NHI:NHI3': 'Vulnerable Third-Party NHI',
  'OWASP-NHI:NHI4': 'Insecure Authentication',
  'OWASP-NHI:NHI5': 'Overprivileged NHI',
  'OWASP-NHI:NHI6': 'Insecure Cloud Deployment Configurations',
  'OWASP-NHI:NHI7': 'Long-Lived Secrets',
  'OWASP-NHI:NHI8': 'Environment Isolation',
  'OWASP-NHI:NHI9': 'NHI Reuse',
  'OWASP-NHI:NHI10': 'Human Use of NHI',
  'NIST-CSF-2.0:GV.OV-03': 'Cybersecurity risk management performance is evaluated and reviewed for adjustments',
  'NIST-CSF-2.0:GV.SC-07': 'Supplier risks are understood, recorded, prioritized, assessed, responded to, and monitored',
  'NIST-CSF-2.0:ID.AM-08': 'Systems, hardware, software, services, and data are managed throughout their life cycles',
  'NIST-CSF-2.0:ID.RA-01': 'Vulnerabilities in assets are identified, validated, and recorded',
  'NIST-CSF-2.0:ID.RA-02': 'Cyber threat intelligence is received from information sharing forums and sources',
  'NIST-CSF-2.0:PR.AA-01': 'Identities and credentials for authorized users, services, and hardware are managed',
  'NIST-CSF-2.0:PR.AA-05': 'Access permissions, entitlements, and authorizations are defined, managed, enforced, and reviewed',
  'NIST-CSF-2.0:DE.AE-02': 'Potentially adverse events are analyzed to better understand associated activities',
  'NIST-CSF-2.0:DE.AE-03': 'Information is correlated from multiple sources',
  'NIST-CSF-2.0:DE.CM-01': 'Networks and network services are monitored to find potentially adverse events',
  'NIST-CSF-2.0:DE.CM-03': 'Personnel activity and technology usage are monitored to find potentially adverse events',
};

export function frameworkFamily(id: string): string {
  if (id.startsWith('OWASP-NHI:')) return 'OWASP NHI Top 10';
  if (id.startsWith('NIST-CSF-2.0:')) return 'NIST CSF 2.0';
  return id.split(':')[0] ?? id;
}
