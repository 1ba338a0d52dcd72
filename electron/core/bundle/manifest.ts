import { z } from 'zod';

/** manifest.json at the start of every evidence bundle. */
export const BUNDLE_FORMAT = 'tokenscope-evidence-bundle';
export const BUNDLE_VERSION = 1;

/** The files a bundle may hold (anything else is refused when opening). */
export const bundleFiles = ['case.tokenscope', 'findings.json', 'report.html'] as const;

const Sha = z.string().regex(/^[0-9a-f]{64}$/);

export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  createdAt: z.string(),
  tool: z.object({ name: z.literal('tokenscope'), version: z.string(), duckdb: z.string() }),
  case: z.object({ name: z.string(), createdAt: z.string(), schemaVersion: z.number().int() }),
  datasetDigest: z.object({
    version: z.number().int(),
    digest: Sha,
    tables: z.array(z.object({ name: z.string(), rows: z.number().int(), sha256: Sha })),
  }),
  actionLogHead: z.string().nullable(),
  evidence: z.array(z.object({ fileName: z.string(), sha256: Sha, bytes: z.number(), source: z.string(), status: z.string() })),
  files: z.array(z.object({ name: z.enum(bundleFiles), bytes: z.number().int(), sha256: Sha })),
});
export type BundleManifest = z.infer<typeof BundleManifest>;
