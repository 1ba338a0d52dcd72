/** Offer text the backend produced as a download (a Blob URL: no server round trip, nothing rendered here). */
export function saveTextFile(fileName: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a case name: letters, digits, dot, dash and underscore only. */
export function reportFileName(caseName: string, when: Date): string {
  const base = caseName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'case';
  return `${base}-report-${when.toISOString().slice(0, 10)}.html`;
}
