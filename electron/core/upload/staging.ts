import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { ContractError } from '../../../shared/contract';
import { caseWorkDir } from '../db/case-db';

/**
 * Evidence sent as content (the browser host has no file paths). Each upload is written to
 * `<case>.work/uploads/<id>/<original name>`: outside `staging/`, which every import clears, and
 * under the original name so the evidence manifest records what the user picked.
 */
export interface Upload {
  id: string;
  casePath: string;
  path: string;
  expected: number;
  received: number;
}

/** A file name safe on every OS, still recognisable: separators, control characters and leading dots go. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim().slice(0, 200);
  return cleaned.length ? cleaned : 'upload';
}

export function uploadsDir(casePath: string): string {
  return join(caseWorkDir(casePath), 'uploads');
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  begin(casePath: string, fileName: string, bytes: number): Upload {
    // Uploads live only as long as this process: anything on disk that no upload here owns is a
    // leftover of a crashed or restarted backend, never needed again.
    if (![...this.uploads.values()].some((u) => u.casePath === casePath)) rmSync(uploadsDir(casePath), { recursive: true, force: true });
    const id = randomUUID();
    const dir = join(uploadsDir(casePath), id);
    mkdirSync(dir, { recursive: true });
    const upload = { id, casePath, path: join(dir, safeFileName(fileName)), expected: bytes, received: 0 };
    this.uploads.set(id, upload);
    return upload;
  }

  async append(id: string, offset: number, data: Buffer): Promise<number> {
    const upload = this.get(id);
    if (offset !== upload.received) throw new ContractError('CONFLICT', `Upload ${id}: expected a chunk at byte ${upload.received}, got ${offset}`);
    if (upload.received + data.length > upload.expected) throw new ContractError('BAD_REQUEST', `Upload ${id}: more bytes than the ${upload.expected} announced`);
    const handle = await open(upload.path, upload.received === 0 ? 'w' : 'a');
    try {
      await handle.write(data);
    } finally {
      await handle.close();
    }
    upload.received += data.length;
    return upload.received;
  }

  /** The finished uploads' paths for one case; refuses incomplete ones. */
  complete(ids: string[], casePath: string): Upload[] {
    return ids.map((id) => {
      const upload = this.get(id);
      if (upload.casePath !== casePath) throw new ContractError('CONFLICT', `Upload ${id} belongs to another case`);
      if (upload.received !== upload.expected) {
        throw new ContractError('BAD_REQUEST', `Upload ${id} is incomplete: ${upload.received} of ${upload.expected} bytes`);
      }
      return upload;
    });
  }

  discard(ids: string[]): void {
    for (const id of ids) {
      const upload = this.uploads.get(id);
      if (!upload) continue;
      rmSync(join(uploadsDir(upload.casePath), id), { recursive: true, force: true });
      this.uploads.delete(id);
    }
  }

  discardAll(): void {
    this.discard([...this.uploads.keys()]);
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new ContractError('NOT_FOUND', `No upload ${id} (it finished, was cancelled, or the backend restarted)`);
    return upload;
  }
}
