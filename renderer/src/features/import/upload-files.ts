import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api';

export interface FileProgress {
  name: string;
  bytes: number;
  sent: number;
  state: 'waiting' | 'sending' | 'sent' | 'failed' | 'cancelled';
  error?: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface UploadRun {
  cancelled: boolean;
}

/**
 * Send files' content to the backend in bounded base64 chunks (the browser host has no file
 * paths), then import them all as one import. Progress per file goes to `onProgress`.
 */
export async function uploadAndImport(
  files: File[],
  run: UploadRun,
  onProgress: (progress: FileProgress[]) => void,
): Promise<{ ok: true; value: MethodOutput<'upload.import'> } | { ok: false; error: { code: string; message: string } }> {
  const progress: FileProgress[] = files.map((f) => ({ name: f.name, bytes: f.size, sent: 0, state: 'waiting' }));
  const report = () => onProgress(progress.map((p) => ({ ...p })));
  const ids: string[] = [];
  for (const [i, file] of files.entries()) {
    const p = progress[i]!;
    if (run.cancelled) return { ok: false, error: { code: 'CANCELLED', message: 'Upload cancelled; nothing was imported.' } };
    p.state = 'sending';
    report();
    const begun = await api.invoke('upload.begin', { fileName: file.name.slice(0, 255) || 'upload', bytes: file.size });
    if (!begun.ok) {
      p.state = 'failed';
      p.error = begun.error.message;
      report();
      return begun;
    }
    const { uploadId, chunkBytes } = begun.value;
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      if (run.cancelled) {
        p.state = 'cancelled';
        report();
        await api.invoke('upload.cancel', {});
        return { ok: false, error: { code: 'CANCELLED', message: 'Upload cancelled; nothing was imported.' } };
      }
      const chunk = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      const sent = await api.invoke('upload.chunk', { uploadId, offset, data: toBase64(chunk) });
      if (!sent.ok) {
        p.state = 'failed';
        p.error = sent.error.message;
        report();
        await api.invoke('upload.cancel', {});
        return sent;
      }
      p.sent = sent.value.received;
      report();
    }
    p.state = 'sent';
    ids.push(uploadId);
    report();
  }
  if (run.cancelled) {
    await api.invoke('upload.cancel', {});
    return { ok: false, error: { code: 'CANCELLED', message: 'Upload cancelled; nothing was imported.' } };
  }
  return api.invoke('upload.import', { uploadIds: ids });
}
