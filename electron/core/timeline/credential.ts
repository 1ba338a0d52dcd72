import { BIGINT, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import { ContractError } from '../../../shared/contract';
import type { LifecycleMark } from '../../../shared/contract/methods/timeline';
import { resultToArrowBase64 } from '../db/arrow';

const DAY_MS = 86_400_000;

interface Window {
  from?: number;
  to?: number;
}

/** Bound window predicate: missing ends are open. */
const IN_WINDOW = `credential_key = $key AND ($from IS NULL OR event_time >= make_timestamptz($from * 1000))
  AND ($to IS NULL OR event_time < make_timestamptz($to * 1000))`;

function windowValues(key: string, w: Window) {
  return { key, from: w.from ?? null, to: w.to ?? null };
}

function ms(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  return Number(value);
}

type Values = Record<string, string | number | null>;

/** Explicit parameter types: an unset window end is a NULL whose type DuckDB cannot infer. */
function typesFor(values: Values): Record<string, DuckDBType> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? VARCHAR : BIGINT]));
}

async function rows(conn: DuckDBConnection, sql: string, values: Values) {
  return (await conn.runAndReadAll(sql, values, typesFor(values))).getRowObjectsJS();
}

/** How each event counts on the lifecycle axis; NULL = ordinary activity. The action vocabulary is docs/schema.md's. */
const MARK_KIND = `CASE
  WHEN action LIKE 'consent.%' THEN 'consented'
  WHEN action LIKE '%scope%' OR (category IN ('consent', 'credential') AND scopes_requested IS NOT NULL) THEN 'scope_change'
  WHEN action LIKE '%revoke%' OR action LIKE '%.delete' OR action LIKE '%disable%' THEN 'revoked'
  WHEN action LIKE '%.create' OR action LIKE '%.issue%' OR action LIKE '%.add' THEN 'created'
  ELSE NULL END`;

export async function credentialTimeline(conn: DuckDBConnection, key: string, w: Window) {
  const cred = (
    await rows(
      conn,
      `SELECT c.credential_key, c.display_name, c.platform, c.credential_type, coalesce(o.email, o.display_name, c.owner_key) AS owner,
              coalesce(a.name, c.app_key) AS app, c.status, coalesce(c.scopes, []::VARCHAR[]) AS scopes,
              epoch_ms(c.created_at) AS created, epoch_ms(c.expires_at) AS expires, epoch_ms(c.revoked_at) AS revoked,
              epoch_ms(c.last_reviewed_at) AS reviewed
       FROM credentials c LEFT JOIN principals o ON o.principal_key = c.owner_key LEFT JOIN apps a ON a.app_key = c.app_key
       WHERE c.credential_key = $key`,
      { key },
    )
  )[0];
  if (!cred) throw new ContractError('NOT_FOUND', `No credential ${key} in this case`);

  const extentRow = (
    await rows(conn, `SELECT epoch_ms(min(event_time)) AS first, epoch_ms(max(event_time)) AS last, count(*) AS n FROM events WHERE credential_key = $key`, { key })
  )[0];
  const first = ms(extentRow?.first);
  const last = ms(extentRow?.last);

  const lifecycle: LifecycleMark[] = [];
  const push = (at: number | null, kind: LifecycleMark['kind'], label: string, eventId: number | null = null) => {
    if (at !== null && Number.isFinite(at)) lifecycle.push({ at, kind, label, eventId });
  };
  push(ms(cred.created), 'created', 'Created (inventory)');
  push(ms(cred.reviewed), 'reviewed', 'Last reviewed (register)');
  push(ms(cred.expires), 'expires', 'Expires');
  push(ms(cred.revoked), 'revoked', 'Revoked (inventory)');
  push(first, 'activity_start', 'First activity');
  push(last, 'activity_end', 'Last activity');
  const marks = await rows(
    conn,
    `SELECT * FROM (SELECT event_id, epoch_ms(event_time) AS mark_at, action, action_raw, ${MARK_KIND} AS kind,
              CAST(to_json(coalesce(scopes_requested, scopes)) AS VARCHAR) AS scopes
       FROM events WHERE credential_key = $key AND event_time IS NOT NULL) WHERE kind IS NOT NULL ORDER BY mark_at LIMIT 500`,
    { key },
  );
  for (const m of marks) {
    const scopes = m.scopes ? (JSON.parse(String(m.scopes)) as string[] | null) : null;
    push(ms(m.mark_at), String(m.kind) as LifecycleMark['kind'], `${String(m.action_raw)}${scopes?.length ? ` (${scopes.join(' ')})` : ''}`, Number(m.event_id));
  }
  lifecycle.sort((a, b) => a.at - b.at);

  const values = windowValues(key, w);
  const heat = await rows(
    conn,
    `SELECT isodow(event_time AT TIME ZONE 'UTC') - 1 AS dow, hour(event_time AT TIME ZONE 'UTC') AS hour, count(*) AS n
     FROM events WHERE ${IN_WINDOW} GROUP BY ALL ORDER BY ALL`,
    values,
  );
  const spanFrom = w.from ?? first ?? 0;
  const spanTo = w.to ?? (last === null ? 0 : last + 1);
  const grain: 'hour' | 'day' = spanTo - spanFrom <= 14 * DAY_MS ? 'hour' : 'day';
  const volume = await rows(
    conn,
    `SELECT epoch_ms(date_trunc('${grain}', event_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS bucket_at, count(*) AS n
     FROM events WHERE ${IN_WINDOW} GROUP BY 1 ORDER BY 1`,
    values,
  );
  const total = Number((await rows(conn, `SELECT count(*) AS n FROM events WHERE ${IN_WINDOW}`, values))[0]?.n ?? 0);

  return {
    credential: {
      key: String(cred.credential_key),
      name: cred.display_name === null ? null : String(cred.display_name),
      platform: String(cred.platform),
      type: String(cred.credential_type),
      owner: cred.owner === null ? null : String(cred.owner),
      app: cred.app === null ? null : String(cred.app),
      status: String(cred.status),
      scopes: (cred.scopes as unknown[]).map(String),
    },
    extent: { from: first, to: last },
    lifecycle,
    heatmap: heat.map((h) => ({ dow: Number(h.dow), hour: Number(h.hour), count: Number(h.n) })),
    volume: { grain, points: volume.map((v) => ({ at: Number(v.bucket_at), count: Number(v.n) })), baseline: await baseline(conn, key, grain) },
    eventCount: total,
  };
}

/**
 * The band drawn behind the volume: the detection baseline (median ± 2 MAD, up to p95) when a run
 * learned one, else the same robust statistics over the credential's whole history.
 */
async function baseline(conn: DuckDBConnection, key: string, grain: 'hour' | 'day') {
  const learned = (
    await rows(conn, `SELECT median, mad, p95 FROM baseline_volume WHERE entity_key = $key AND grain = $grain AND metric = 'calls' LIMIT 1`, { key, grain })
  )[0];
  const band = (median: number, mad: number, p95: number, source: 'detections' | 'history') => ({
    source,
    median,
    low: Math.max(0, median - 2 * mad),
    high: Math.max(p95, median + 2 * mad),
  });
  if (learned && learned.median !== null) return band(Number(learned.median), Number(learned.mad ?? 0), Number(learned.p95 ?? learned.median), 'detections');
  const history = (
    await rows(
      conn,
      `WITH p AS (SELECT date_trunc('${grain}', event_time) AS t, count(*) AS n FROM events WHERE credential_key = $key AND event_time IS NOT NULL GROUP BY 1),
            m AS (SELECT median(n) AS med FROM p)
       SELECT m.med AS median, median(abs(p.n - m.med)) AS mad, quantile_cont(p.n, 0.95) AS p95, count(*) AS periods FROM p, m GROUP BY m.med`,
      { key },
    )
  )[0];
  if (!history || Number(history.periods) < 3) return null;
  return band(Number(history.median), Number(history.mad), Number(history.p95), 'history');
}

export async function credentialEvents(conn: DuckDBConnection, key: string, w: Window & { offset: number; limit: number }) {
  const values = windowValues(key, w);
  const total = Number((await rows(conn, `SELECT count(*) AS n FROM events WHERE ${IN_WINDOW}`, values))[0]?.n ?? 0);
  const page = await conn.runAndReadAll(
    `SELECT event_id, event_time, action, action_raw, outcome, actor_name, ip, asn, as_org, country, city, user_agent,
            system_key, resource, operation, bytes, rows, coalesce(scopes, []::VARCHAR[]) AS scopes, source, file_id, record_no
     FROM events WHERE ${IN_WINDOW} ORDER BY event_time NULLS LAST, event_id LIMIT $limit OFFSET $offset`,
    { ...values, limit: w.limit, offset: w.offset },
    typesFor({ ...values, limit: w.limit, offset: w.offset }),
  );
  return { total, offset: w.offset, arrow: resultToArrowBase64(page) };
}
