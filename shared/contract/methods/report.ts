import { z } from 'zod';
import { AbsolutePath, method } from '../method-spec';
import { Empty } from '../schemas';

const Verification = z.object({ verified: z.number().int(), mismatch: z.number().int(), unreachable: z.number().int() }).strict();
const CsvFile = z.object({ file: z.string(), rows: z.number().int(), neutralisedCells: z.number().int(), sha256: z.string() }).strict();

export const ReportSummary = z
  .object({
    htmlSha256: z.string(),
    findings: z.number().int(),
    /** Evidence files re-hashed while generating (T9.1): same hash, changed, or no longer at their path. */
    evidence: Verification,
    chainOk: z.boolean(),
    datasetDigest: z.string(),
  })
  .strict();

export const reportMethods = {
  'report.html': method({
    input: Empty,
    output: ReportSummary.extend({ html: z.string() }).strict(),
    audience: 'renderer',
    summary: 'Generate the self-contained HTML report of the open case (re-verifies evidence; logged). The UI saves it.',
  }),
  'report.write': method({
    input: z.object({ html: AbsolutePath.optional(), csvDir: AbsolutePath.optional(), json: AbsolutePath.optional() }).strict(),
    output: ReportSummary.extend({ written: z.array(z.string()), csv: z.array(CsvFile) }).strict(),
    audience: 'host',
    summary: 'Write the HTML report, CSV tables (formula cells neutralised, with a manifest) and findings JSON to paths the host chose.',
  }),
};
