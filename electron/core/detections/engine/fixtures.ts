import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Given rows of a rule case (cases.yaml) into the canonical tables. Columns are checked against
 * the real table, values are bound (never spliced into SQL) and cast to the column's type, and
 * the NOT NULL bookkeeping columns get sensible defaults so a case states only what matters.
 *
 * An events row may carry `repeat: { every: <ISO-8601 duration>, until: <date-time> }` to stand
 * for the same event every `every` from its event_time up to `until` (training history).
 */
export type GivenRows = Record<string, Record<string, unknown>[]>;

const tableOrder = [
  'evidence_files', 'principals', 'principal_ids', 'apps', 'app_ids', 'credentials', 'credential_ids', 'credential_records',
  'grants', 'systems', 'scope_catalog', 'events', 'allowlist_networks', 'allowlist_user_agents', 'ioc_indicators', 'suppressions',
];

function durationMs(text: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text === 'PT') throw new Error(`repeat.every "${text}" is not an ISO-8601 duration like PT1H or P1D`);
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60_000 + Number(m[4] ?? 0) * 1000;
}

function expandRepeats(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const { repeat, ...rest } = row as { repeat?: { every: string; until: string }; event_time?: unknown };
    if (!repeat) {
      out.push(rest);
      continue;
    }
    const step = durationMs(repeat.every);
    const end = Date.parse(repeat.until);
    for (let t = Date.parse(String(rest.event_time)); t <= end; t += step) out.push({ ...rest, event_time: new Date(t).toISOString() });
  }
  return out;
}

function platformOf(key: unknown): string {
  return typeof key === 'string' && key.includes(':') ? key.split(':')[0]! : 'test';
}

function withDefaults(table: string, row: Record<string, unknown>, index: number): Record<string, unknown> {
  if (table === 'events') {
    const platform = (row.platform as string | undefined) ?? platformOf(row.credential_key ?? row.app_key ?? row.principal_key);
    const action = (row.action as string | undefined) ?? 'api.call';
    return {
      event_id: index + 1, file_id: 1, record_no: index + 1, source: platform, platform, time_quality: 'exact', action,
      action_raw: action, category: 'api', outcome: 'success', ...row,
    };
  }
  if (table === 'credentials') {
    return { platform: platformOf(row.credential_key), credential_type: 'api_token', status: 'active', in_inventory: true, ...row };
  }
  if (table === 'apps') return { platform: platformOf(row.app_key), ...row };
  if (table === 'principals') return { kind: 'person', ...row };
  if (table === 'suppressions') return { created_at: '2000-01-01T00:00:00Z', ...row };
  if (table === 'allowlist_networks' || table === 'allowlist_user_agents') return { created_at: '2000-01-01T00:00:00Z', ...row };
  if (table === 'ioc_indicators') return { pack_id: 'case', incident: 'case', ...row };
  return row;
}

/** Consecutive rows with the same columns, at most 200 per statement (one multi-row INSERT each). */
function batches(rows: Record<string, unknown>[]): Record<string, unknown>[][] {
  const out: Record<string, unknown>[][] = [];
  let key = '';
  for (const row of rows) {
    const k = Object.keys(row).join(',');
    const last = out.at(-1);
    if (last && k === key && last.length < 200) last.push(row);
    else out.push([row]);
    key = k;
  }
  return out;
}

async function columnTypes(conn: DuckDBConnection, table: string): Promise<Map<string, string>> {
  const rows = (
    await conn.runAndReadAll(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $t AND schema_name = 'main'`, { t: table })
  ).getRowObjectsJS();
  if (rows.length === 0) throw new Error(`given rows name table "${table}", which does not exist`);
  return new Map(rows.map((r) => [String(r.column_name), String(r.data_type)]));
}

export async function insertGivenRows(conn: DuckDBConnection, given: GivenRows): Promise<void> {
  const unknown = Object.keys(given).filter((t) => !tableOrder.includes(t));
  if (unknown.length) throw new Error(`given rows for unsupported table(s): ${unknown.join(', ')}`);
  const fileIds = new Set<number>();
  for (const table of tableOrder) {
    const rows = table === 'events' ? expandRepeats(given[table] ?? []) : (given[table] ?? []);
    if (rows.length === 0) continue;
    const types = await columnTypes(conn, table);
    const prepared = rows.map((raw, i) => {
      const row = withDefaults(table, raw, i);
      if ('file_id' in row && table !== 'evidence_files') fileIds.add(Number(row.file_id));
      for (const name of Object.keys(row)) if (!types.has(name)) throw new Error(`${table} row ${i + 1}: no column "${name}"`);
      return row;
    });
    // The schema seeds reference tables (scope catalog, systems); a case may restate a seeded row.
    const verb = table === 'scope_catalog' || table === 'systems' ? 'INSERT OR REPLACE' : 'INSERT';
    for (const batch of batches(prepared)) {
      const names = Object.keys(batch[0]!);
      const values: Record<string, string | null> = {};
      const tuples = batch.map((row, r) =>
        names.map((name, j) => {
          const v = row[name];
          values[`v${r}_${j}`] = v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);
          const type = types.get(name)!;
          return type.endsWith('[]') ? `CAST(CAST($v${r}_${j} AS JSON) AS ${type})` : `CAST($v${r}_${j} AS ${type})`;
        }),
      );
      await conn.run(`${verb} INTO ${table} (${names.join(', ')}) VALUES ${tuples.map((t) => `(${t.join(', ')})`).join(', ')}`, values);
    }
  }
  // Events and inventory point at evidence files; give each referenced file a row with a stable fake hash.
  const existing = new Set(
    (await conn.runAndReadAll(`SELECT file_id FROM evidence_files`)).getRowObjectsJS().map((r) => Number(r.file_id)),
  );
  for (const id of [...fileIds].filter((f) => !existing.has(f))) {
    await conn.run(
      `INSERT INTO evidence_files (file_id, import_id, sha256, path, file_name, bytes, source, shape, parser, parser_version,
         records_seen, records_loaded, records_rejected, imported_at)
       VALUES ($id, 1, $sha, $name, $name, 0, 'test', 'test', 'test', '0', 0, 0, 0, '2000-01-01T00:00:00Z')`,
      { id, sha: id.toString(16).padStart(64, '0'), name: `fixture-${id}` },
    );
  }
}
