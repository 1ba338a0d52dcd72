import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hashFile } from '../ingest/input';
import { appendAction, verifyLog } from '../cases/action-log';
import type { CaseDatabase } from '../db/case-db';
import { gatherReport } from '../report/data';
import { reportJson } from '../report/generate';
import { renderReportHtml } from '../report/html';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleManifest } from './manifest';
import { writeTarGz, type TarSource } from './tar';

export interface BundleExport {
  path: string;
  bytes: number;
  sha256: string;
  manifest: BundleManifest;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Export the open case as one .tar.gz: manifest.json first, then the checkpointed case
 * database, the findings JSON (when detections have run) and the HTML report. The manifest
 * carries the dataset digest, so whoever opens the bundle can prove they hold the same data.
 */
export async function exportBundle(db: CaseDatabase, out: string, now = new Date()): Promise<BundleExport> {
  const target = resolve(out);
  if (!existsSync(dirname(target))) throw new Error(`cannot write ${target}: folder ${dirname(target)} does not exist`);
  if (target === db.path || target.startsWith(`${db.path}.`)) throw new Error('The bundle cannot be written over the case file or its work folder.');
  const conn = db.connection;
  const data = await gatherReport(conn, db.info, now);
  const html = Buffer.from(renderReportHtml(data));
  const json = data.run ? Buffer.from(`${JSON.stringify(await reportJson(conn, data), null, 2)}\n`) : null;
  await appendAction(conn, 'bundle.export', { path: target, datasetDigest: data.digest.digest, findings: data.findings.length });
  // Everything in the WAL goes into the database file, so the file alone is the whole case.
  await conn.run('CHECKPOINT');
  const caseSha = await hashFile(db.path);
  const caseBytes = statSync(db.path).size;
  const chain = await verifyLog(conn);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: now.toISOString(),
    tool: data.tool,
    case: { name: db.info.name, createdAt: db.info.createdAt, schemaVersion: db.info.schemaVersion },
    datasetDigest: data.digest,
    actionLogHead: chain.ok ? chain.head : null,
    evidence: data.evidence.map((e) => ({ fileName: e.fileName, sha256: e.sha256, bytes: e.bytes, source: e.source, status: e.status })),
    files: [
      { name: 'case.tokenscope', bytes: caseBytes, sha256: caseSha },
      ...(json ? [{ name: 'findings.json' as const, bytes: json.length, sha256: sha(json) }] : []),
      { name: 'report.html', bytes: html.length, sha256: sha(html) },
    ],
  };
  const sources: TarSource[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'case.tokenscope', path: db.path },
    ...(json ? [{ name: 'findings.json', data: json }] : []),
    { name: 'report.html', data: html },
  ];
  const written = await writeTarGz(target, sources);
  return { path: target, ...written, manifest };
}
