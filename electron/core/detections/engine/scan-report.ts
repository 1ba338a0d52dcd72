import type { DuckDBConnection } from '@duckdb/node-api';
import { toolVersion } from '../../version';
import { listFindings, type StoredFinding } from './findings-store';
import type { RunResult } from './run';

/** What the scan needs to know about each imported file (ImportResult.files from the importer). */
export interface ScannedFile {
  path: string;
  sha256: string;
  bytes: number;
  source: string;
  shape: string;
  recordsSeen: number;
  recordsLoaded: number;
  recordsRejected: number;
  warnings: string[];
  status: string;
  reason?: string;
}

/**
 * The `tokenscope scan` output (findings.schema.json): every evidence file with its record
 * accounting, and every unsuppressed finding in a stable order with stable ids. Only
 * `generatedAt` differs between two scans of the same evidence with the same version.
 */
export async function buildScanReport(conn: DuckDBConnection, files: ScannedFile[], run: RunResult, generatedAt = new Date().toISOString()) {
  const { findings } = await listFindings(conn, { includeSuppressed: false });
  return {
    tool: { name: 'tokenscope', version: toolVersion, rulesVersion: run.rulesVersion },
    generatedAt,
    analysis: { asOf: run.asOf, analysisStart: run.analysisStart, trainingEnd: run.analysisStart },
    evidence: files
      .filter((f) => /^[0-9a-f]{64}$/.test(f.sha256))
      .map((f) => ({
        path: f.path,
        sha256: f.sha256,
        bytes: f.bytes,
        source: f.source,
        shape: f.shape,
        recordsSeen: f.recordsSeen,
        recordsLoaded: f.recordsLoaded,
        recordsRejected: f.recordsRejected,
        warnings: f.status === 'imported' || !f.reason ? f.warnings : [...f.warnings, `${f.status}: ${f.reason}`],
      })),
    findings: findings.map(toScanFinding),
  };
}

function toScanFinding(f: StoredFinding) {
  return {
    id: f.id,
    detection: f.ruleId,
    ruleVersion: f.ruleVersion,
    kind: f.kind,
    severity: f.severity,
    entity: {
      type: f.entity.type,
      ids: f.entity.ids,
      key: f.entity.key,
      ...(f.entity.name ? { name: f.entity.name } : {}),
      ...(f.entity.platform ? { platform: f.entity.platform } : {}),
    },
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
    eventCount: f.eventCount,
    summary: f.summary,
    explanation: f.explanation,
    frameworks: f.frameworks,
    evidenceRefs: [
      ...f.inventoryRefs.map((r) => ({ sha256: r.sha256, record: r.record, role: 'inventory' })),
      ...f.eventRefs.map((r) => ({ sha256: r.sha256, record: r.record, role: 'event' })),
    ],
  };
}
