import { z } from 'zod';
import { method } from '../method-spec';
import { Empty } from '../schemas';
import { ImportResult } from './evidence';

/** Largest decoded chunk per call: the HTTP host caps request bodies at 1 MiB, and base64 grows by 4/3. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** Largest file accepted through the browser path (the Electron path reads from disk without this cap). */
export const UPLOAD_MAX_BYTES = 4 * 1024 * 1024 * 1024;

const UploadId = z.string().regex(/^[0-9a-f-]{36}$/, 'upload ids are UUIDs');

/** Event fields the generic column mapper can fill (electron/core/upload/column-mapping.ts). */
export const mappingTargets = ['time', 'action', 'outcome', 'actor', 'ip', 'userAgent', 'credentialId', 'appId', 'appName', 'resource', 'bytes', 'rows'] as const;

const ColumnName = z.string().min(1).max(256);
export const ColumnMapping = z
  .object({
    platform: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'platform is a short lower-case name'),
    credentialType: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'credential type is a short snake_case name'),
    columns: z
      .object(Object.fromEntries(mappingTargets.map((t) => [t, ColumnName.optional()])) as Record<(typeof mappingTargets)[number], z.ZodOptional<typeof ColumnName>>)
      .strict()
      .refine((c) => !!c.time && !!c.action, 'map at least the time and the action columns'),
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMapping>;

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
  'upload.inspect': method({
    input: z.object({ uploadId: UploadId }).strict(),
    output: z
      .object({
        recognised: z.boolean(),
        detail: z.string(),
        container: z.string().nullable(),
        columns: z.array(z.string()),
        sample: z.array(z.record(z.string(), z.string())),
      })
      .strict(),
    audience: 'renderer',
    summary: 'Whether a completed upload is a recognised export; if not, its columns and first rows for the column mapper.',
  }),
  'upload.import': method({
    input: z
      .object({
        uploadIds: z.array(UploadId).min(1).max(1000),
        /** Column mappings for uploads no parser recognises, by upload id. */
        mappings: z.record(UploadId, ColumnMapping).optional(),
      })
      .strict(),
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
