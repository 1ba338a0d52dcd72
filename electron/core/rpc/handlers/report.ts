import { ContractError } from '../../../../shared/contract';
import { generateReport } from '../../report/generate';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type ReportHandlers = Pick<Handlers, 'report.html' | 'report.write'>;

/** Output problems (missing folder, no detection run) are the caller's to fix. */
export async function userErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ContractError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/^cannot write|no detection run|cannot be written over/.test(message)) throw new ContractError('BAD_REQUEST', message);
    throw error;
  }
}

export function reportHandlers({ session }: BackendContext): ReportHandlers {
  return {
    'report.html': async () => {
      const db = session.require();
      const { html, htmlSha256, findings, evidence, chainOk, datasetDigest } = await generateReport(db.connection, db.info, {});
      return { html, htmlSha256, findings, evidence, chainOk, datasetDigest };
    },
    'report.write': (outputs) =>
      userErrors(async () => {
        const db = session.require();
        if (!outputs.html && !outputs.csvDir && !outputs.json) throw new ContractError('BAD_REQUEST', 'Name at least one output (html, csvDir or json).');
        const r = await generateReport(db.connection, db.info, outputs);
        return { htmlSha256: r.htmlSha256, findings: r.findings, evidence: r.evidence, chainOk: r.chainOk, datasetDigest: r.datasetDigest, written: r.written, csv: r.csv };
      }),
  };
}
