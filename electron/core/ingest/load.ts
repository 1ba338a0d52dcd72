import type { DuckDBConnection } from '@duckdb/node-api';
import type { Stage, StagedTable } from './stage';

/**
 * The credential and app keys an event gets when it is written: the key its identifier already
 * has in the case, else the key identity resolution gives an identifier seen only in events
 * (inventory/rebuild.ts: platform:type:value, platform:app:value). The rebuild at the end of the
 * import then UPDATEs only the few events whose key it decides otherwise: updating every row
 * appended in the same transaction makes DuckDB log them all to the WAL (1M events: 427 MB, +3 s).
 * `e` is the new events' source; the SQL joins `ci` and `ai`.
 */
export const provisionalKeys = {
  joins: (e: string) => `LEFT JOIN credential_ids ci ON ci.id_kind = ${e}.credential_ref_kind AND ci.id_value = ${e}.credential_ref
     LEFT JOIN app_ids ai ON ai.id_kind = ${e}.app_ref_kind AND ai.id_value = ${e}.app_ref`,
  credential: (e: string) =>
    `CASE WHEN ${e}.credential_ref IS NOT NULL THEN coalesce(ci.credential_key, ${e}.platform || ':' || coalesce(${e}.credential_ref_type, 'unknown') || ':' || ${e}.credential_ref) END`,
  app: (e: string) => `CASE WHEN ${e}.app_ref IS NOT NULL THEN coalesce(ai.app_key, ${e}.platform || ':app:' || ${e}.app_ref) END`,
};

/**
 * Staged NDJSON → case tables, with EXPLICIT columns (never schema inference, never
 * ignore_errors: SECURITY.md §4). Runs inside the import's transaction. SQL text here is
 * constant; the only value, the staging path, is bound.
 */
const loaders: Record<StagedTable, { columns: string; sql: string }> = {
  records: {
    columns: `{file_id: 'INTEGER', record_no: 'BIGINT', byte_offset: 'BIGINT', byte_length: 'BIGINT', raw: 'VARCHAR', raw_b64: 'VARCHAR'}`,
    sql: `INSERT INTO evidence_records (file_id, record_no, byte_offset, byte_length, raw, raw_bytes)
          SELECT file_id, record_no, byte_offset, byte_length, raw, from_base64(raw_b64) FROM staged`,
  },
  records_plain: {
    columns: `{file_id: 'INTEGER', record_no: 'BIGINT', byte_offset: 'BIGINT', byte_length: 'BIGINT', raw: 'VARCHAR'}`,
    sql: `INSERT INTO evidence_records (file_id, record_no, byte_offset, byte_length, raw)
          SELECT file_id, record_no, byte_offset, byte_length, raw FROM staged`,
  },
  rejects: {
    columns: `{file_id: 'INTEGER', record_no: 'BIGINT', byte_offset: 'BIGINT', reason_code: 'VARCHAR', reason: 'VARCHAR', raw_b64: 'VARCHAR', raw_length: 'BIGINT', raw_sha256: 'VARCHAR'}`,
    sql: `INSERT INTO evidence_rejects (file_id, record_no, byte_offset, reason_code, reason, raw, raw_length, raw_sha256)
          SELECT file_id, record_no, byte_offset, reason_code, reason, from_base64(raw_b64), raw_length, raw_sha256 FROM staged`,
  },
  events: {
    columns: `{event_id: 'BIGINT', file_id: 'INTEGER', record_no: 'BIGINT', sub_no: 'INTEGER', source: 'VARCHAR', platform: 'VARCHAR',
      event_time: 'TIMESTAMPTZ', time_raw: 'VARCHAR', time_quality: 'VARCHAR', action: 'VARCHAR', action_raw: 'VARCHAR', category: 'VARCHAR',
      outcome: 'VARCHAR', failure_reason: 'VARCHAR', actor_id: 'VARCHAR', actor_name: 'VARCHAR', actor_type: 'VARCHAR', principal_key: 'VARCHAR',
      credential_ref: 'VARCHAR', credential_ref_kind: 'VARCHAR', credential_ref_type: 'VARCHAR', app_ref: 'VARCHAR', app_ref_kind: 'VARCHAR',
      app_name: 'VARCHAR', ip: 'VARCHAR', ip_raw: 'VARCHAR', asn: 'INTEGER', as_org: 'VARCHAR', country: 'VARCHAR', city: 'VARCHAR',
      lat: 'DOUBLE', lon: 'DOUBLE', user_agent: 'VARCHAR', system_key: 'VARCHAR', resource: 'VARCHAR', operation: 'VARCHAR',
      bytes: 'BIGINT', rows: 'BIGINT', scopes: 'VARCHAR[]', scopes_requested: 'VARCHAR[]', session_id: 'VARCHAR'}`,
    sql: `INSERT INTO events (event_id, file_id, record_no, sub_no, source, platform, event_time, time_raw, time_quality, action, action_raw,
            category, outcome, failure_reason, actor_id, actor_name, actor_type, principal_key, credential_ref, credential_ref_kind,
            credential_ref_type, app_ref, app_ref_kind, app_name, ip, ip_raw, asn, as_org, country, city, lat, lon, user_agent, system_key,
            resource, operation, bytes, rows, scopes, scopes_requested, session_id, credential_key, app_key)
          SELECT event_id, file_id, record_no, sub_no, source, platform, event_time, time_raw, time_quality, action, action_raw,
            category, outcome, failure_reason, actor_id, actor_name, actor_type, principal_key, credential_ref, credential_ref_kind,
            credential_ref_type, app_ref, app_ref_kind, app_name, ip, ip_raw, asn, as_org, country, city, lat, lon, user_agent, system_key,
            resource, operation, bytes, rows, scopes, scopes_requested, session_id, ${provisionalKeys.credential('s')}, ${provisionalKeys.app('s')}
          FROM staged s ${provisionalKeys.joins('s')}`,
  },
  credential_facts: {
    columns: `{file_id: 'INTEGER', record_no: 'BIGINT', seq: 'INTEGER', origin: 'VARCHAR', source: 'VARCHAR', platform: 'VARCHAR',
      credential_type: 'VARCHAR', ids: 'JSON', display_name: 'VARCHAR', owner_email: 'VARCHAR', owner_ref_kind: 'VARCHAR', owner_ref: 'VARCHAR',
      app_ref_kind: 'VARCHAR', app_ref: 'VARCHAR', app_name: 'VARCHAR', created_at: 'TIMESTAMPTZ', expires_at: 'TIMESTAMPTZ',
      last_used_at: 'TIMESTAMPTZ', last_reviewed_at: 'TIMESTAMPTZ', review_interval_days: 'INTEGER', purpose: 'VARCHAR',
      approved_pattern: 'VARCHAR', approved_cadence: 'VARCHAR', approved_hours_utc: 'VARCHAR', approved_networks: 'VARCHAR[]',
      status: 'VARCHAR', scopes: 'VARCHAR[]'}`,
    sql: `INSERT INTO credential_facts BY NAME SELECT * FROM staged`,
  },
  app_facts: {
    columns: `{file_id: 'INTEGER', record_no: 'BIGINT', seq: 'INTEGER', platform: 'VARCHAR', ids: 'JSON', name: 'VARCHAR', publisher: 'VARCHAR',
      verified: 'BOOLEAN', third_party: 'BOOLEAN'}`,
    sql: `INSERT INTO app_facts BY NAME SELECT * FROM staged`,
  },
  principal_facts: {
    columns: `{file_id: 'INTEGER', record_no: 'BIGINT', seq: 'INTEGER', source: 'VARCHAR', kind: 'VARCHAR', email: 'VARCHAR', ids: 'JSON',
      display_name: 'VARCHAR', department: 'VARCHAR', manager_email: 'VARCHAR', hr_status: 'VARCHAR', start_date: 'DATE', end_date: 'DATE'}`,
    sql: `INSERT INTO principal_facts BY NAME SELECT * FROM staged`,
  },
  grants: {
    columns: `{grant_key: 'VARCHAR', platform: 'VARCHAR', principal_key: 'VARCHAR', consent_type: 'VARCHAR', scopes_requested: 'VARCHAR[]',
      scopes_granted: 'VARCHAR[]', granted_at: 'TIMESTAMPTZ', revoked_at: 'TIMESTAMPTZ', app_ref_kind: 'VARCHAR', app_ref: 'VARCHAR',
      principal_ref_kind: 'VARCHAR', principal_ref: 'VARCHAR', file_id: 'INTEGER', record_no: 'BIGINT'}`,
    // The same grant listed again in a later inventory replaces the older statement.
    sql: `INSERT OR REPLACE INTO grants BY NAME SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY grant_key ORDER BY record_no DESC) AS rn FROM staged) WHERE rn = 1`,
  },
  credential_links: {
    columns: `{file_id: 'INTEGER', record_no: 'BIGINT', kind_a: 'VARCHAR', value_a: 'VARCHAR', kind_b: 'VARCHAR', value_b: 'VARCHAR'}`,
    sql: `INSERT INTO credential_links BY NAME SELECT * FROM staged`,
  },
};

/**
 * Load every staged table once per import (per-statement overhead dominated imports of many small
 * files). Rows of files that failed half-way are left out by file_id.
 */
export async function loadStage(conn: DuckDBConnection, stage: Stage, failedFileIds: number[] = []): Promise<void> {
  for (const [table, loader] of Object.entries(loaders) as [StagedTable, (typeof loaders)[StagedTable]][]) {
    if (!stage.has(table)) continue;
    const reader =
      table === 'records_plain'
        ? // No quoting or escaping: Stage.writePlain only writes records without LF, CR, NUL or \x01.
          `read_csv($path, delim = '\u0001', quote = '', escape = '', header = false, auto_detect = false, new_line = '\\n',
             max_line_size = 8500000, columns = ${loader.columns})`
        : `read_json($path, format = 'newline_delimited', maximum_object_size = 67108864, columns = ${loader.columns})`;
    const source = `(SELECT * FROM ${reader}
      WHERE file_id NOT IN (SELECT unnest(CAST($failed AS INTEGER[]))))`;
    const sql = loader.sql.replaceAll('FROM staged', `FROM ${source}`);
    await conn.run(sql, { path: stage.path(table), failed: JSON.stringify(failedFileIds) });
  }
}
