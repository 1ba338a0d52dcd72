import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CaseInfo } from '../../../shared/contract';
import { appendAction } from '../cases/action-log';
import { buildScanReport } from '../detections/engine/scan-report';
import { toCsv, type Cell, type CsvResult } from './csv';
import { gatherReport, type ReportData } from './data';
import { renderReportHtml } from './html';

export interface ReportOutputs {
  html?: string;
  csvDir?: string;
  json?: string;
}

export interface CsvManifestFile {
  file: string;
  rows: number;
  neutralisedCells: number;
  sha256: string;
}

export interface ReportResult {
  html: string;
  htmlSha256: string;
  findings: number;
  evidence: { verified: number; mismatch: number; unreachable: number };
  chainOk: boolean;
  datasetDigest: string;
  written: string[];
  csv: CsvManifestFile[];
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The findings-schema JSON (the `scan` output) for the case as it stands. */
export function reportJson(conn: DuckDBConnection, d: ReportData) {
  const files = d.evidence.map((e) => ({ ...e, status: 'imported' }));
  const run = d.run
    ? { runId: d.run.runId, asOf: d.run.asOf, analysisStart: d.run.analysisStart, rulesVersion: d.run.rulesVersion, findings: d.findings.length, timings: {} }
    : null;
  if (!run) throw new Error('The case has no detection run yet: run detections before exporting findings JSON.');
  return buildScanReport(conn, files, run, d.generatedAt);
}

/** CSV tables of the report, each neutralised against formula injection (see csv.ts). */
export function reportCsvs(d: ReportData): Array<{ file: string; csv: CsvResult }> {
  const tables: Array<[string, string[], Cell[][]]> = [
    [
      'findings.csv',
      ['id', 'severity', 'kind', 'rule', 'rule_version', 'entity_type', 'entity_key', 'entity_name', 'platform', 'first_seen', 'last_seen', 'events', 'summary', 'triage', 'triage_expires', 'frameworks'],
      d.findings.map((f) => [
        f.id, f.severity, f.kind, f.ruleId, f.ruleVersion, f.entity.type, f.entity.key, f.entity.name, f.entity.platform, f.firstSeen, f.lastSeen, f.eventCount,
        f.summary, f.triage?.effectiveState ?? 'open', f.triage?.expiresAt ?? null, f.frameworks.join(' '),
      ]),
    ],
    [
      'affected.csv',
      ['entity_type', 'entity_key', 'name', 'platform', 'findings', 'max_severity', 'blast_radius'],
      d.entities.map((e) => [e.type, e.key, e.name, e.platform, e.findings, e.maxSeverity, e.blastRadius.map(([k, v]) => `${k}: ${v}`).join('; ')]),
    ],
    [
      'evidence.csv',
      ['file_name', 'path', 'sha256', 'verification', 'sha256_now', 'bytes', 'source', 'shape', 'records_seen', 'records_loaded', 'records_rejected'],
      d.evidence.map((e) => [e.fileName, e.path, e.sha256, e.status, e.actualSha256, e.bytes, e.source, e.shape, e.recordsSeen, e.recordsLoaded, e.recordsRejected]),
    ],
    ['frameworks.csv', ['framework', 'control', 'title', 'findings', 'rules'], d.frameworks.map((r) => [r.family, r.id, r.title, r.findings, r.rules.join(' ')])],
    [
      'action-log.csv',
      ['seq', 'acted_at', 'actor', 'action', 'detail', 'row_hash'],
      d.log.map((e) => [e.seq, e.actedAt, e.actor, e.action, e.detail === null ? null : JSON.stringify(e.detail), e.rowHash]),
    ],
  ];
  return tables.map(([file, header, rows]) => ({ file, csv: toCsv(header, rows) }));
}

function writeTo(path: string, text: string): string {
  const full = resolve(path);
  if (!existsSync(dirname(full))) throw new Error(`cannot write ${full}: folder ${dirname(full)} does not exist`);
  writeFileSync(full, text);
  return full;
}

/**
 * Build the report from the open case and write whichever outputs were asked for. Evidence is
 * re-verified and the action log verified while gathering; the generation itself is logged
 * (with the verification result), and a mismatch is logged as its own action so it persists.
 */
export async function generateReport(conn: DuckDBConnection, info: CaseInfo, outputs: ReportOutputs, now = new Date()): Promise<ReportResult> {
  const data = await gatherReport(conn, info, now);
  const html = renderReportHtml(data);
  const written: string[] = [];
  const csv: CsvManifestFile[] = [];
  if (outputs.html) written.push(writeTo(outputs.html, html));
  if (outputs.csvDir) {
    const dir = resolve(outputs.csvDir);
    mkdirSync(dir, { recursive: true });
    for (const { file, csv: c } of reportCsvs(data)) {
      written.push(writeTo(join(dir, file), c.text));
      csv.push({ file, rows: c.rows, neutralisedCells: c.neutralisedCells, sha256: sha(c.text) });
    }
    const manifest = {
      generatedAt: data.generatedAt,
      note: "Cells starting with = + - @ TAB CR LF or NUL were prefixed with a single quote (') so spreadsheets do not evaluate them (OWASP CSV injection).",
      neutralisedCells: csv.reduce((n, f) => n + f.neutralisedCells, 0),
      files: csv,
    };
    written.push(writeTo(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`));
  }
  if (outputs.json) written.push(writeTo(outputs.json, `${JSON.stringify(await reportJson(conn, data), null, 2)}\n`));
  const evidence = {
    verified: data.evidence.filter((e) => e.status === 'verified').length,
    mismatch: data.evidence.filter((e) => e.status === 'mismatch').length,
    unreachable: data.evidence.filter((e) => e.status === 'unreachable').length,
  };
  for (const e of data.evidence.filter((x) => x.status === 'mismatch')) {
    await appendAction(conn, 'evidence.verifyFailed', { fileName: e.fileName, path: e.path, sha256: e.sha256, now: e.actualSha256 });
  }
  await appendAction(conn, 'report.generate', {
    outputs: written.length,
    htmlSha256: sha(html),
    findings: data.findings.length,
    evidence,
    chainOk: data.chain.ok,
    datasetDigest: data.digest.digest,
  });
  return { html, htmlSha256: sha(html), findings: data.findings.length, evidence, chainOk: data.chain.ok, datasetDigest: data.digest.digest, written, csv };
}
