import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * A column computed in JavaScript once per distinct key: the distinct keys are read from
 * `bulk_rows`, mapped by `compute`, staged as NDJSON and loaded as a temp table to join back.
 * Keys and outputs are plain values; SQL text here is constant.
 */
export interface Lookup {
  table: string;
  /** Key columns of bulk_rows. */
  keys: string[];
  /** Only rows matching this predicate need the lookup. */
  where?: string;
  outputs: Record<string, string>;
  compute(key: (string | null)[]): Record<string, unknown>;
}

export async function buildLookup(conn: DuckDBConnection, dir: string, lookup: Lookup): Promise<void> {
  const keyNames = lookup.keys.map((_, i) => `k${i + 1}`);
  const distinct = await conn.runAndReadAll(
    `SELECT DISTINCT ${lookup.keys.map((k, i) => `${k} AS ${keyNames[i]}`).join(', ')} FROM bulk_rows WHERE ok${lookup.where ? ` AND (${lookup.where})` : ''}`,
  );
  const lines: string[] = [];
  for (const row of distinct.getRows()) {
    const key = row.map((v) => (v === null || v === undefined ? null : String(v)));
    const out = lookup.compute(key);
    const record: Record<string, unknown> = {};
    keyNames.forEach((k, i) => (record[k] = key[i]));
    for (const name of Object.keys(lookup.outputs)) record[name] = out[name] ?? null;
    lines.push(JSON.stringify(record));
  }
  const path = join(dir, `${lookup.table}.ndjson`);
  await writeFile(path, lines.join('\n') + '\n');
  const columns = [...keyNames.map((k) => `${k}: 'VARCHAR'`), ...Object.entries(lookup.outputs).map(([name, type]) => `${name}: '${type}'`)].join(', ');
  await conn.run(
    lines.length
      ? `CREATE OR REPLACE TEMP TABLE ${lookup.table} AS SELECT * FROM read_json($path, format = 'newline_delimited', columns = {${columns}})`
      : `CREATE OR REPLACE TEMP TABLE ${lookup.table} AS SELECT * FROM (SELECT ${[...keyNames.map((k) => `NULL::VARCHAR AS ${k}`), ...Object.entries(lookup.outputs).map(([n, t]) => `NULL::${t} AS ${n}`)].join(', ')}) WHERE false`,
    lines.length ? { path } : undefined,
  );
}

/** `LEFT JOIN` of a lookup, as `alias`, against bulk_rows `r` (NULL keys match NULL keys). */
export function joinLookup(alias: string, lookup: Lookup): string {
  const on = lookup.keys.map((k, i) => `${alias}.k${i + 1} IS NOT DISTINCT FROM r.${k}`).join(' AND ');
  // `where` only narrows which keys are computed; rows outside it find no match and keep NULL.
  return `LEFT JOIN ${lookup.table} ${alias} ON ${on}`;
}
