/** A file name from a case name: letters, digits, dot, dash and underscore only. */
export function reportFileName(caseName: string, when: Date): string {
  const base = caseName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'case';
  return `${base}-report-${when.toISOString().slice(0, 10)}.html`;
}
