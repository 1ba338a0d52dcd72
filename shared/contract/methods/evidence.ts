import { z } from 'zod';
import { AbsolutePath, method } from '../method-spec';
import { Empty } from '../schemas';

export const ImportedFile = z
  .object({
    fileId: z.number().int().nullable(),
    path: z.string(),
    sha256: z.string(),
    bytes: z.number(),
    source: z.string(),
    shape: z.string(),
    recordsSeen: z.number(),
    recordsLoaded: z.number(),
    recordsRejected: z.number(),
    warnings: z.array(z.string()),
    status: z.enum(['imported', 'duplicate', 'unrecognised', 'failed']),
    reason: z.string().optional(),
  })
  .strict();

export const ImportResult = z.object({ importId: z.number().int().nullable(), files: z.array(ImportedFile) }).strict();

export const EvidenceFile = z
  .object({
    fileId: z.number().int(),
    importId: z.number().int(),
    sha256: z.string(),
    path: z.string(),
    fileName: z.string(),
    bytes: z.number(),
    source: z.string(),
    shape: z.string(),
    parser: z.string(),
    parserVersion: z.string(),
    encoding: z.string().nullable(),
    compression: z.string().nullable(),
    recordsSeen: z.number(),
    recordsLoaded: z.number(),
    recordsRejected: z.number(),
    recordsUnmapped: z.number(),
    eventsLoaded: z.number(),
    warnings: z.array(z.string()),
    importedAt: z.string(),
  })
  .strict();

export const SkippedFile = z
  .object({ importId: z.number().int(), path: z.string(), sha256: z.string().nullable(), bytes: z.number().nullable(), status: z.string(), reasonCode: z.string(), reason: z.string(), seenAt: z.string() })
  .strict();

export const RejectRow = z
  .object({
    recordNo: z.number(),
    byteOffset: z.number().nullable(),
    reasonCode: z.string(),
    reason: z.string(),
    rawLength: z.number(),
    rawSha256: z.string(),
    /** The kept bytes as text, control characters escaped, capped; never markup. */
    rawText: z.string(),
    rawBase64: z.string(),
    truncated: z.boolean(),
  })
  .strict();

export const evidenceMethods = {
  'evidence.importPaths': method({
    input: z.object({ paths: z.array(AbsolutePath).min(1).max(1000) }).strict(),
    output: ImportResult,
    audience: 'host',
    summary: 'Import evidence files and folders (recursive, gzip transparent) into the open case as one transaction.',
  }),
  'evidence.list': method({
    input: Empty,
    output: z.object({ files: z.array(EvidenceFile), skipped: z.array(SkippedFile), enrichment: z.array(z.string()) }).strict(),
    audience: 'renderer',
    summary: 'The evidence manifest: every imported file with hash, source, shape, parser and counts, plus files not imported and why.',
  }),
  'evidence.rejects': method({
    input: z.object({ fileId: z.number().int().min(1), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ total: z.number(), rows: z.array(RejectRow) }).strict(),
    audience: 'renderer',
    summary: 'A page of the rejected records of one evidence file, with reason, offset and capped raw bytes.',
  }),
  'evidence.cancel': method({
    input: Empty,
    output: z.object({ cancelled: z.boolean() }).strict(),
    audience: 'renderer',
    summary: 'Cancel the running import; nothing from it is kept.',
  }),
};
