import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The dataset digest: one SHA-256 that says "this case holds exactly this evidence and this
 * canonical data". Definition (version 1):
 *  - for each table below, in this order, every row is serialised as JSON (to_json of the row
 *    with the listed columns, TIMESTAMPTZ as epoch microseconds so the session time zone cannot
 *    change it, BLOB as its SHA-256) and hashed (SHA-256, hex); the row hashes are sorted (a
 *    canonical order independent of physical storage; duplicates kept) and the table's digest
 *    is SHA-256 over them, each followed by LF;
 *  - the digest is SHA-256 over `name<TAB>rows<TAB>sha256<LF>` for each table.
 * The evidence manifest leaves out where and when files were imported (path, import id, times),
 * so the same evidence imported elsewhere with the same version gives the same digest.
 */
export const DIGEST_VERSION = 1;

const tables: Array<{ name: string; exclude?: string[] }> = [
  { name: 'evidence_files', exclude: ['import_id', 'path', 'modified_at', 'imported_at'] },
  { name: 'evidence_records' },
  { name: 'evidence_rejects' },
  { name: 'events' },
  { name: 'credentials' },
  { name: 'credential_ids' },
  { name: 'credential_records' },
  { name: 'apps' },
  { name: 'app_ids' },
  { name: 'principals' },
  { name: 'principal_ids' },
  { name: 'grants' },
];

export interface TableDigest {
  name: string;
  rows: number;
  sha256: string;
}

export interface DatasetDigest {
  version: number;
  digest: string;
  tables: TableDigest[];
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function tableDigest(conn: DuckDBConnection, table: string, exclude: string[]): Promise<TableDigest> {
  const columns = (
    await conn.runAndReadAll(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = $t ORDER BY column_index`,
      { t: table },
    )
  ).getRowObjectsJS();
  if (columns.length === 0) throw new Error(`dataset digest: table ${table} does not exist`);
  // Identifiers come from the catalog (not from data), so building the select list is safe.
  const select = columns
    .filter((c) => !exclude.includes(String(c.column_name)))
    .map((c) => {
      const col = ident(String(c.column_name));
      const type = String(c.data_type);
      if (type.startsWith('TIMESTAMP')) return `epoch_us(${col}) AS ${col}`;
      if (type === 'BLOB') return `sha256(${col}) AS ${col}`;
      return col;
    })
    .join(', ');
  // Row hashes are computed in parallel inside DuckDB and sorted there; only the 64-character
  // hashes cross into JS. (An ordered string_agg over the full rows is 4x slower.)
  const reader = await conn.runAndReadAll(`SELECT sha256(CAST(to_json(t) AS VARCHAR)) AS h FROM (SELECT ${select} FROM ${ident(table)}) t ORDER BY h`);
  const hash = createHash('sha256');
  let rows = 0;
  for (const h of reader.getColumnsJS()[0] ?? []) {
    hash.update(`${String(h)}\n`);
    rows++;
  }
  return { name: table, rows, sha256: hash.digest('hex') };
}

export async function datasetDigest(conn: DuckDBConnection): Promise<DatasetDigest> {
  const parts: TableDigest[] = [];
  for (const t of tables) parts.push(await tableDigest(conn, t.name, t.exclude ?? []));
  const digest = createHash('sha256')
    .update(parts.map((p) => `${p.name}\t${p.rows}\t${p.sha256}\n`).join(''))
    .digest('hex');
  return { version: DIGEST_VERSION, digest, tables: parts };
}
