import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../../shared/contract';
import { UPLOAD_CHUNK_BYTES } from '../../../../shared/contract/methods/upload';
import { importEvidence } from '../../ingest';
import { mappingParser } from '../../upload/column-mapping';
import { inspectUpload } from '../../upload/inspect';
import { UploadStore } from '../../upload/staging';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type UploadHandlers = Pick<Handlers, 'upload.begin' | 'upload.chunk' | 'upload.inspect' | 'upload.import' | 'upload.cancel'>;

export function uploadHandlers({ session, events }: BackendContext): UploadHandlers {
  const store = new UploadStore();
  let running: AbortController | null = null;
  return {
    'upload.begin': ({ fileName, bytes }) => {
      const upload = store.begin(session.require().path, fileName, bytes);
      return { uploadId: upload.id, chunkBytes: UPLOAD_CHUNK_BYTES };
    },
    'upload.chunk': async ({ uploadId, offset, data }) => {
      const bytes = Buffer.from(data, 'base64');
      if (bytes.length > UPLOAD_CHUNK_BYTES) throw new ContractError('BAD_REQUEST', `A chunk is at most ${UPLOAD_CHUNK_BYTES} bytes`);
      return { received: await store.append(uploadId, offset, bytes) };
    },
    'upload.inspect': async ({ uploadId }) => {
      const [upload] = store.complete([uploadId], session.require().path);
      return inspectUpload(upload!.path, upload!.expected);
    },
    'upload.import': async ({ uploadIds, mappings }) => {
      const db = session.require();
      if (running) throw new ContractError('CONFLICT', 'An upload import is already running; cancel it or wait for it to finish.');
      const uploads = store.complete(uploadIds, db.path);
      const chosen = new Map(uploads.flatMap((u) => (mappings?.[u.id] ? [[u.path, mappingParser(mappings[u.id]!)] as const] : [])));
      const controller = new AbortController();
      running = controller;
      const jobId = `upload-${randomUUID()}`;
      try {
        return await importEvidence(
          db,
          uploads.map((u) => u.path),
          {
            signal: controller.signal,
            parserFor: (path) => chosen.get(path),
            onProgress: (p) => {
              const label = `Importing ${p.file.split(/[\\/]/).pop() ?? p.file} (${p.fileIndex + 1}/${p.fileCount})`;
              events.emit({ event: 'job.progress', payload: { jobId, label, done: p.bytesDone, total: p.bytesTotal, unit: 'bytes' } });
            },
          },
        );
      } finally {
        running = null;
        // The evidence now lives in the case (records, hashes, rejects): the staged copy is not needed.
        store.discard(uploadIds);
      }
    },
    'upload.cancel': () => {
      const wasRunning = running !== null;
      running?.abort();
      store.discardAll();
      return { cancelled: wasRunning };
    },
  };
}
