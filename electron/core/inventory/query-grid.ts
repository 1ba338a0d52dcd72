import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The inventory grid: one row per credential with the columns PRODUCT.md lists, materialised once
 * per connection in a TEMP table so sorting and filtering 1M credentials is one scan, not a join
 * per page. Rebuilt when the evidence, the credentials or the latest detection run change.
 */
const GRID = 'inv_grid';

const fingerprints = new WeakMap<DuckDBConnection, string>();

const BUILD = `
CREATE OR REPLACE TEMP TABLE ${GRID} AS
WITH usage AS (
  SELECT credential_key, count(*) AS event_count, max(event_time) AS last_event_at
  FROM events WHERE credential_key IS NOT NULL GROUP BY credential_key
),
scope_risk AS (
  SELECT s.credential_key,
         max(CASE sc.risk_tier WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END) AS rank
  FROM (SELECT credential_key, platform, unnest(scopes) AS scope FROM credentials WHERE len(scopes) > 0) s
  JOIN scope_catalog sc ON sc.platform = s.platform AND sc.scope = s.scope
  GROUP BY s.credential_key
),
finding_risk AS (
  SELECT entity_key AS credential_key, count(*) AS findings,
         max(CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END) AS rank
  FROM findings WHERE suppression_id IS NULL AND entity_type = 'credential' GROUP BY entity_key
),
ranked AS (
  SELECT c.*, o.email AS owner_email, o.display_name AS owner_name, o.hr_status AS owner_hr_status, a.name AS app_name,
         coalesce(u.event_count, 0) AS event_count, greatest(c.last_used_at, u.last_event_at) AS last_seen_at,
         coalesce(f.findings, 0) AS findings, greatest(coalesce(r.rank, 0), coalesce(f.rank, 0)) AS risk_rank
  FROM credentials c
  LEFT JOIN principals o ON o.principal_key = c.owner_key
  LEFT JOIN apps a ON a.app_key = c.app_key
  LEFT JOIN usage u ON u.credential_key = c.credential_key
  LEFT JOIN scope_risk r ON r.credential_key = c.credential_key
  LEFT JOIN finding_risk f ON f.credential_key = c.credential_key
)
SELECT credential_key, display_name, platform, credential_type,
       coalesce(owner_email, owner_name, owner_key) AS owner, coalesce(owner_hr_status, 'unknown') AS owner_hr_status,
       app_name, coalesce(scopes, []::VARCHAR[]) AS scopes, created_at, expires_at, last_seen_at AS last_used_at, last_reviewed_at,
       purpose, status,
       CASE risk_rank WHEN 4 THEN 'critical' WHEN 3 THEN 'high' WHEN 2 THEN 'medium' WHEN 1 THEN 'low' ELSE 'none' END AS risk,
       risk_rank, findings, event_count, CASE WHEN in_inventory THEN 'inventory' ELSE 'shadow' END AS in_inventory,
       lower(concat_ws(' ', credential_key, display_name, owner_key, owner_email, owner_name, app_name, purpose, app_key)) AS search_text,
       -- Integer stand-in for the key as the tie-breaker of every sort: comparing strings for the
       -- ties of a low-cardinality column (risk, status, platform) dominated deep pages.
       row_number() OVER (ORDER BY credential_key) AS key_no
FROM ranked`;

/** Cheap summary of everything the grid depends on. */
async function fingerprint(conn: DuckDBConnection): Promise<string> {
  const row = (
    await conn.runAndReadAll(
      `SELECT (SELECT count(*) FROM evidence_files) AS files, (SELECT count(*) FROM credentials) AS creds,
              (SELECT coalesce(max(run_id), 0) FROM detection_runs) AS run, (SELECT count(*) FROM findings) AS findings,
              (SELECT count(*) FROM suppressions) AS suppressions`,
    )
  ).getRowObjectsJS()[0];
  return JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Make sure the grid reflects the case; returns its table name. */
export async function ensureGrid(conn: DuckDBConnection): Promise<string> {
  const current = await fingerprint(conn);
  if (fingerprints.get(conn) !== current) {
    await conn.run(BUILD);
    fingerprints.set(conn, current);
  }
  return GRID;
}

/** Identifies the grid's current build, so caches derived from it know when to forget. */
export function gridGeneration(conn: DuckDBConnection): string {
  return fingerprints.get(conn) ?? '';
}

/** Forget the cached grid (tests that write credentials directly). */
export function invalidateGrid(conn: DuckDBConnection): void {
  fingerprints.delete(conn);
}
