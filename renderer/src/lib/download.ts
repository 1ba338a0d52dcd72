/** Save a Blob as a file through a temporary link (works over HTTP and in Electron; no HTML built from data). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text the backend produced (CSV, JSON, the HTML report) as a download. */
export function downloadText(fileName: string, mediaType: string, content: string): void {
  downloadBlob(new Blob([content], { type: `${mediaType};charset=utf-8` }), fileName);
}
