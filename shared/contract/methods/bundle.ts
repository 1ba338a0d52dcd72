import { z } from 'zod';
import { AbsolutePath, method } from '../method-spec';
import { CaseInfo, Empty } from '../schemas';

const TableDigest = z.object({ name: z.string(), rows: z.number().int(), sha256: z.string() }).strict();
export const DatasetDigest = z.object({ version: z.number().int(), digest: z.string(), tables: z.array(TableDigest) }).strict();

export const bundleMethods = {
  'bundle.digest': method({
    input: Empty,
    output: DatasetDigest,
    audience: 'renderer',
    summary: 'The dataset digest of the open case: SHA-256 over the evidence manifest and canonical tables in canonical order.',
  }),
  'bundle.export': method({
    input: z.object({ path: AbsolutePath }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string(), datasetDigest: z.string() }).strict(),
    audience: 'host',
    summary: 'Export the open case (checkpointed database, manifest, findings, report) as one deterministic .tar.gz.',
  }),
  'bundle.open': method({
    input: z.object({ bundlePath: AbsolutePath, casePath: AbsolutePath }).strict(),
    output: z
      .object({ case: CaseInfo, recordedDigest: z.string(), datasetDigest: z.string(), digestMatches: z.boolean(), differingTables: z.array(z.string()) })
      .strict(),
    audience: 'host',
    summary: 'Open an evidence bundle as a new case file, checking every file against its manifest and recomputing the dataset digest.',
  }),
};
