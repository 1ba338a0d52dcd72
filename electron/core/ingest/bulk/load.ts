import type { DuckDBConnection } from '@duckdb/node-api';
import type { IpEnricher } from '../../enrich/dataset';
import { normaliseIp } from '../../enrich/ip';
import { normaliseId } from '../../inventory/identity';
import { limits } from '../limits';
import { provisionalKeys } from '../load';
import { scopes } from '../parsers/util';
import type { RawRecord } from '../records';
import { parseTimestamp } from '../time';
import { buildLookup, joinLookup, type Lookup } from './lookups';
import { bulkColumns, type BulkPlan } from './plan';
import type { BulkSegment } from './segment';

export interface BulkLoadJob {
  conn: DuckDBConnection;
  segment: BulkSegment;
  /** First of `segment.lines` event ids reserved for this segment. */
  firstEventId: number;
  /** Files that failed after staging: their lines are skipped. */
  failedFileIds: number[];
  enricher: IpEnricher;
  /** A record DuckDB could not read, or the plan does not claim: back to the per-record path. */
  onMisfit(fileId: number, rec: RawRecord): Promise<void>;
}

/** ISO-8601 UTC with Z and at most microseconds: the one form DuckDB's cast reads exactly as parseTimestamp does. */
const PLAIN_UTC = `'[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]{1,6})?Z'`;
const MISFIT_PAGE = 2000;
/** validAsn() of the per-record path: an integer the INTEGER column holds, else NULL. */
const VALID_ASN = (x: string) => `(CASE WHEN ${x} = floor(${x}) AND ${x} BETWEEN 0 AND 2147483647 THEN CAST(${x} AS INTEGER) END)`;

/**
 * Load one staged segment inside the import's transaction: records → evidence_records, their
 * events → events, misfits → the per-record path. Returns how many records of each file were
 * loaded here (one event each).
 */
export async function loadBulkSegment(job: BulkLoadJob): Promise<Map<number, number>> {
  const { conn, segment } = job;
  const plan = segment.plan;
  const params = { path: segment.path, failed: JSON.stringify(job.failedFileIds) };
  const lines = `(SELECT * FROM read_csv($path, delim = '\u0001', quote = '', escape = '', header = false, auto_detect = false, new_line = '\\n',
      max_line_size = ${limits.maxRecordBytes + 1024},
      columns = {seq: 'BIGINT', file_id: 'INTEGER', record_no: 'BIGINT', byte_offset: 'BIGINT', byte_length: 'BIGINT', raw: 'VARCHAR'})
    WHERE file_id NOT IN (SELECT unnest(CAST($failed AS INTEGER[]))))`;
  const structure = JSON.stringify(plan.structure).replaceAll("'", "''");
  // CAST, not TRY_CAST: plans build numbers with number() (already safe), and TRY_CAST over the
  // plan's expressions cost ~1 s per 1M Okta records.
  const columns = Object.entries(plan.columns).map(([name, sql]) => `CAST(${sql} AS ${bulkColumns[name as keyof typeof bulkColumns]}) AS ${name}`);
  const keys = [...plan.actionKey.map((sql, i) => `CAST(${sql} AS VARCHAR) AS ak${i + 1}`), ...plan.outcomeKey.map((sql, i) => `CAST(${sql} AS VARCHAR) AS ok${i + 1}`)];

  // 1. DuckDB parses every record once, into the plan's columns (the raw text stays in the file).
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE bulk_rows AS
     SELECT seq, file_id, record_no, d IS NOT NULL AND coalesce(${plan.eligible}, false) AS ok,
       ${columns.join(',\n       ')},
       ${keys.join(', ')},
       CASE WHEN regexp_full_match(time_text, ${PLAIN_UTC}) THEN TRY_CAST(time_text AS TIMESTAMPTZ) END AS quick_time
     FROM (SELECT seq, file_id, record_no, TRY(from_json(raw, '${structure}')) AS d FROM ${lines})`,
    params,
  );
  await conn.run(`CREATE OR REPLACE TEMP TABLE bulk_misfits AS SELECT seq, file_id, record_no, byte_offset, byte_length, raw FROM ${lines} WHERE seq IN (SELECT seq FROM bulk_rows WHERE NOT ok)`, params);

  // 2. The evidence itself, every claimed record's exact text.
  await conn.run(
    `INSERT INTO evidence_records (file_id, record_no, byte_offset, byte_length, raw)
     SELECT file_id, record_no, byte_offset, byte_length, raw FROM ${lines} WHERE seq NOT IN (SELECT seq FROM bulk_misfits)`,
    params,
  );

  // 3. What needs the JavaScript mapper's rules, once per distinct value.
  const lookups = lookupsFor(plan, job.enricher);
  for (const lookup of Object.values(lookups)) await buildLookup(conn, segment.dir, lookup);

  // 4. One event per claimed record.
  await conn.run(
    `INSERT INTO events (event_id, file_id, record_no, sub_no, source, platform, event_time, time_raw, time_quality, action, action_raw,
       category, outcome, failure_reason, actor_id, actor_name, actor_type, principal_key, credential_ref, credential_ref_kind,
       credential_ref_type, app_ref, app_ref_kind, app_name, ip, ip_raw, asn, as_org, country, city, lat, lon, user_agent, system_key,
       resource, operation, bytes, rows, scopes, scopes_requested, session_id, credential_key, app_key)
     SELECT $first + r.seq, r.file_id, r.record_no, 0, $source, $platform,
       coalesce(r.quick_time, t.utc), r.time_text, CASE WHEN r.quick_time IS NOT NULL THEN 'exact' ELSE coalesce(t.quality, 'unparsed') END,
       a.action, r.action_raw, a.category, o.outcome, r.failure_reason, r.actor_id, r.actor_name, r.actor_type,
       CASE WHEN e.email IS NOT NULL THEN 'person:' || e.email WHEN r.actor_id IS NOT NULL THEN $platform || ':' || r.actor_type || ':' || r.actor_id END,
       cr.norm, CASE WHEN cr.norm IS NOT NULL THEN r.credential_kind END, CASE WHEN cr.norm IS NOT NULL THEN r.credential_type END,
       ar.norm, CASE WHEN ar.norm IS NOT NULL THEN r.app_kind END, r.app_name,
       ip.ip, r.ip_raw, ${VALID_ASN('coalesce(r.geo_asn, ip.asn)')}, coalesce(r.geo_as_org, ip.as_org), coalesce(r.geo_country, ip.country),
       coalesce(r.geo_city, ip.city), coalesce(r.geo_lat, ip.lat), coalesce(r.geo_lon, ip.lon), r.user_agent, r.system_key,
       r.resource, r.operation, r.bytes, r.rows, sg.list, sr.list, r.session_id,
       ${provisionalKeys.credential('n')}, ${provisionalKeys.app('n')}
     FROM bulk_rows r
     ${joinLookup('t', lookups.time)}
     ${joinLookup('a', lookups.action)}
     ${joinLookup('o', lookups.outcome)}
     ${joinLookup('e', lookups.email)}
     ${joinLookup('cr', lookups.credential)}
     ${joinLookup('ar', lookups.app)}
     ${joinLookup('ip', lookups.ip)}
     ${joinLookup('sg', lookups.scopes)}
     ${joinLookup('sr', lookups.scopesRequested)}
     CROSS JOIN LATERAL (SELECT $platform AS platform, cr.norm AS credential_ref, CASE WHEN cr.norm IS NOT NULL THEN r.credential_kind END AS credential_ref_kind,
       CASE WHEN cr.norm IS NOT NULL THEN r.credential_type END AS credential_ref_type, ar.norm AS app_ref,
       CASE WHEN ar.norm IS NOT NULL THEN r.app_kind END AS app_ref_kind) n
     ${provisionalKeys.joins('n')}
     WHERE r.ok`,
    { first: job.firstEventId, source: segment.source, platform: segment.platform },
  );
  const loaded = new Map<number, number>();
  for (const row of (await conn.runAndReadAll(`SELECT file_id, count(*) AS n FROM bulk_rows WHERE ok GROUP BY file_id`)).getRows()) {
    loaded.set(Number(row[0]), Number(row[1]));
  }

  // 5. Misfits, a page at a time, in file order.
  let after = -1;
  for (;;) {
    const page = (
      await conn.runAndReadAll(`SELECT seq, file_id, record_no, byte_offset, byte_length, raw FROM bulk_misfits WHERE seq > $after ORDER BY seq LIMIT ${MISFIT_PAGE}`, { after })
    ).getRows();
    for (const [seq, fileId, recordNo, offset, length, raw] of page) {
      after = Number(seq);
      const bytes = Buffer.from(String(raw), 'utf8');
      await job.onMisfit(Number(fileId), { recordNo: Number(recordNo), offset: Number(offset), length: Number(length), bytes });
    }
    if (page.length < MISFIT_PAGE) break;
  }
  await conn.run(`DROP TABLE IF EXISTS bulk_rows; DROP TABLE IF EXISTS bulk_misfits; ${Object.values(lookups).map((l) => `DROP TABLE IF EXISTS ${l.table};`).join(' ')}`);
  return loaded;
}

type LookupName = 'time' | 'action' | 'outcome' | 'email' | 'credential' | 'app' | 'ip' | 'scopes' | 'scopesRequested';

function lookupsFor(plan: BulkPlan, enricher: IpEnricher): Record<LookupName, Lookup> {
  const ref = (table: string, kind: string, value: string): Lookup => ({
    table,
    keys: [kind, value],
    where: `${value} IS NOT NULL`,
    outputs: { norm: 'VARCHAR' },
    compute: ([k, v]) => ({ norm: k && v ? normaliseId(k, v) : null }),
  });
  const scopeList = (table: string, column: string): Lookup => ({
    table,
    keys: [column],
    where: `${column} IS NOT NULL`,
    outputs: { list: 'VARCHAR[]' },
    compute: ([text]) => ({ list: scopes(scopeValue(text ?? null)) }),
  });
  return {
    time: {
      table: 'lk_time',
      keys: ['time_text'],
      where: 'quick_time IS NULL AND time_text IS NOT NULL',
      outputs: { utc: 'TIMESTAMPTZ', quality: 'VARCHAR' },
      compute: ([text]) => {
        const t = parseTimestamp(text ?? null);
        return { utc: t.utc, quality: t.quality };
      },
    },
    action: {
      table: 'lk_action',
      keys: plan.actionKey.map((_, i) => `ak${i + 1}`),
      outputs: { action: 'VARCHAR', category: 'VARCHAR' },
      compute: (key) => plan.action(key),
    },
    outcome: {
      table: 'lk_outcome',
      keys: plan.outcomeKey.map((_, i) => `ok${i + 1}`),
      outputs: { outcome: 'VARCHAR' },
      compute: (key) => ({ outcome: plan.outcome(key) }),
    },
    email: {
      table: 'lk_email',
      keys: ['actor_email'],
      where: 'actor_email IS NOT NULL',
      outputs: { email: 'VARCHAR' },
      compute: ([v]) => ({ email: v && /^[^@\s]+@[^@\s]+$/.test(v) ? v.toLowerCase() : null }),
    },
    credential: ref('lk_credential', 'credential_kind', 'credential_value'),
    app: ref('lk_app', 'app_kind', 'app_value'),
    ip: {
      table: 'lk_ip',
      keys: ['ip_raw'],
      where: 'ip_raw IS NOT NULL',
      outputs: { ip: 'VARCHAR', asn: 'DOUBLE', as_org: 'VARCHAR', country: 'VARCHAR', city: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE' },
      compute: ([raw]) => {
        const ip = normaliseIp(raw);
        const found = ip ? enricher.lookup(ip) : null;
        return { ip, asn: found?.asn, as_org: found?.asOrg, country: found?.country, city: found?.city, lat: found?.lat, lon: found?.lon };
      },
    },
    scopes: scopeList('lk_scopes', 'scopes_text'),
    scopesRequested: scopeList('lk_scopes_requested', 'scopes_requested_text'),
  };
}

/** from_json hands an array field to a VARCHAR leaf as its JSON text: read it back as the array. */
function scopeValue(text: string | null): unknown {
  if (text && text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
