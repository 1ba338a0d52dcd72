import { existsSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { hashFile } from '../ingest/input';

export interface EvidenceCheck {
  fileId: number;
  fileName: string;
  path: string;
  sha256: string;
  bytes: number;
  source: string;
  shape: string;
  parser: string;
  parserVersion: string;
  recordsSeen: number;
  recordsLoaded: number;
  recordsRejected: number;
  warnings: string[];
  /** verified: same SHA-256 now; mismatch: the file changed since import; unreachable: not at its path any more. */
  status: 'verified' | 'mismatch' | 'unreachable';
  actualSha256: string | null;
}

/** Every evidence file of the case, re-hashed from disk when it is still there (SECURITY.md T9.1). */
export async function verifyEvidence(conn: DuckDBConnection): Promise<EvidenceCheck[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT file_id, file_name, path, sha256, bytes, source, shape, parser, parser_version, records_seen, records_loaded,
              records_rejected, CAST(coalesce(warnings, '[]') AS VARCHAR) AS warnings
       FROM evidence_files ORDER BY file_id`,
    )
  ).getRowObjectsJS();
  const checks: EvidenceCheck[] = [];
  for (const r of rows) {
    const path = String(r.path);
    let actual: string | null = null;
    try {
      if (existsSync(path) && statSync(path).isFile()) actual = await hashFile(path);
    } catch {
      actual = null;
    }
    const sha256 = String(r.sha256);
    checks.push({
      fileId: Number(r.file_id),
      fileName: String(r.file_name),
      path,
      sha256,
      bytes: Number(r.bytes),
      source: String(r.source),
      shape: String(r.shape),
      parser: String(r.parser),
      parserVersion: String(r.parser_version),
      recordsSeen: Number(r.records_seen),
      recordsLoaded: Number(r.records_loaded),
      recordsRejected: Number(r.records_rejected),
      warnings: JSON.parse(String(r.warnings)) as string[],
      status: actual === null ? 'unreachable' : actual === sha256 ? 'verified' : 'mismatch',
      actualSha256: actual,
    });
  }
  return checks;
}
