import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CaseDatabase } from '../../db/case-db';
import { importEvidence } from '../../ingest';
import { runDetections, type RunResult } from './run';
import { buildScanReport } from './scan-report';

export interface ScanOptions {
  paths: string[];
  out: string;
  casePath?: string;
  asOf?: string;
  analysisStart?: string;
}

export interface ScanOutcome {
  run: RunResult;
  files: number;
  findings: number;
  /** Files that could not be read or recognised, with why (the scan still ran on the rest). */
  problems: string[];
}

/**
 * `tokenscope scan`: ingest into the given case (or a temporary one that is deleted afterwards),
 * analyse as of the latest event (or --as-of), and write the findings JSON.
 */
export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  for (const p of options.paths) if (!existsSync(p)) throw new Error(`no such file or folder: ${p}`);
  const out = resolve(options.out);
  if (!existsSync(dirname(out))) throw new Error(`cannot write ${out}: folder ${dirname(out)} does not exist`);
  const tempDir = options.casePath ? undefined : mkdtempSync(join(tmpdir(), 'tokenscope-scan-'));
  const casePath = options.casePath ? resolve(options.casePath) : join(tempDir!, 'scan.tokenscope');
  try {
    const db = existsSync(casePath) ? await CaseDatabase.open(casePath) : await CaseDatabase.create(casePath, basename(casePath).replace(/\.tokenscope$/, '') || 'Scan');
    try {
      const imported = await importEvidence(db, options.paths.map((p) => resolve(p)));
      const problems = imported.files
        .filter((f) => f.status === 'failed' || f.status === 'unrecognised')
        .map((f) => `${f.path}: ${f.status}${f.reason ? ` (${f.reason})` : ''}`);
      const run = await runDetections(db.connection, { asOf: options.asOf, analysisStart: options.analysisStart });
      const report = await buildScanReport(db.connection, imported.files, run);
      writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
      return { run, files: report.evidence.length, findings: report.findings.length, problems };
    } finally {
      await db.close();
    }
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}
