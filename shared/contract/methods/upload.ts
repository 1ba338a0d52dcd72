import { z } from 'zod';
import { method } from '../method-spec';
import { Empty } from '../schemas';
import { ImportResult } from './evidence';

/** Largest decoded chunk per call: the HTTP host caps request bodies at 1 MiB, and base64 grows by 4/3. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** Largest file accepted through the browser path (the Electron path reads from disk without this cap). */
export const UPLOAD_MAX_BYTES = 4 * 1024 * 1024 * 1024;

const UploadId = z.string().regex(/^[0-9a-f-]{36}$/, 'upload ids are UUIDs');

export const uploadMethods = {
  'upload.begin': method({
    input: z.object({ fileName: z.string().min(1).max(255), bytes: z.number().int().min(0).max(UPLOAD_MAX_BYTES) }).strict(),
    output: z.object({ uploadId: UploadId, chunkBytes: z.number().int() }).strict(),
    audience: 'renderer',
    summary: 'Start sending one evidence file’s content (browser host: no file paths); the original name is kept.',
  }),
  'upload.chunk': method({
    input: z
      .object({
        uploadId: UploadId,
        offset: z.number().int().min(0),
        data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
      })
      .strict(),
    output: z.object({ received: z.number().int() }).strict(),
    audience: 'renderer',
    summary: 'Append one base64 chunk at the given offset (chunks must arrive in order).',
  }),
  'upload.import': method({
    input: z.object({ uploadIds: z.array(UploadId).min(1).max(1000) }).strict(),
    output: ImportResult,
    audience: 'renderer',
    summary: 'Import the completed uploads as one import (same engine as evidence.importPaths), then delete the staged copies.',
  }),
  'upload.cancel': method({
    input: Empty,
    output: z.object({ cancelled: z.boolean() }).strict(),
    audience: 'renderer',
    summary: 'Cancel the running upload import and discard every staged upload.',
  }),
};
