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

export interface SentFile {
  uploadId: string;
  name: string;
}

export type Failure = { ok: false; error: { code: string; message: string } };

/**
 * Send files' content to the backend in bounded base64 chunks (the browser host has no file
 * paths). Progress per file goes to `onProgress`. Nothing is imported yet.
 */
export async function sendFiles(files: File[], run: UploadRun, onProgress: (progress: FileProgress[]) => void): Promise<{ ok: true; value: SentFile[] } | Failure> {
  const progress: FileProgress[] = files.map((f) => ({ name: f.name, bytes: f.size, sent: 0, state: 'waiting' }));
  const report = () => onProgress(progress.map((p) => ({ ...p })));
  const sent: SentFile[] = [];
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
      const answer = await api.invoke('upload.chunk', { uploadId, offset, data: toBase64(chunk) });
      if (!answer.ok) {
        p.state = 'failed';
        p.error = answer.error.message;
        report();
        await api.invoke('upload.cancel', {});
        return answer;
      }
      p.sent = answer.value.received;
      report();
    }
    p.state = 'sent';
    sent.push({ uploadId, name: file.name });
    report();
  }
  if (run.cancelled) {
    await api.invoke('upload.cancel', {});
    return { ok: false, error: { code: 'CANCELLED', message: 'Upload cancelled; nothing was imported.' } };
  }
  return { ok: true, value: sent };
}

export type Inspection = MethodOutput<'upload.inspect'>;

/** Uploads no parser recognises but whose columns could be read: candidates for the column mapper. */
export async function unrecognised(sent: SentFile[]): Promise<{ file: SentFile; inspection: Inspection }[]> {
  const out: { file: SentFile; inspection: Inspection }[] = [];
  for (const file of sent) {
    const answer = await api.invoke('upload.inspect', { uploadId: file.uploadId });
    if (answer.ok && !answer.value.recognised && answer.value.columns.length > 0) out.push({ file, inspection: answer.value });
  }
  return out;
}
