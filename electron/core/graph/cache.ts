import type { DuckDBConnection } from '@duckdb/node-api';
import { loadEntityGraph, type EntityGraph } from './load-graph';
import type { TimeWindow } from './window';

/**
 * The entity graph of the last window asked for, per connection, rebuilt when the evidence, the
 * identities or the findings change. Expanding a group or revealing a node then only re-runs the
 * in-memory grouping instead of every query.
 */
const cached = new WeakMap<DuckDBConnection, { key: string; graph: EntityGraph }>();

async function fingerprint(conn: DuckDBConnection): Promise<string> {
  const row = (
    await conn.runAndReadAll(
      `SELECT (SELECT count(*) FROM evidence_files) AS files, (SELECT count(*) FROM events) AS events,
              (SELECT count(*) FROM credentials) AS creds, (SELECT count(*) FROM apps) AS apps, (SELECT count(*) FROM grants) AS grants,
              (SELECT coalesce(max(run_id), 0) FROM detection_runs) AS run, (SELECT count(*) FROM findings) AS findings,
              (SELECT count(*) FROM findings WHERE suppression_id IS NOT NULL) AS suppressed`,
    )
  ).getRowObjectsJS()[0];
  return JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export async function entityGraph(conn: DuckDBConnection, window: TimeWindow): Promise<EntityGraph> {
  const key = `${window.from ?? ''}|${window.to ?? ''}|${await fingerprint(conn)}`;
  const hit = cached.get(conn);
  if (hit?.key === key) return hit.graph;
  const graph = await loadEntityGraph(conn, window);
  cached.set(conn, { key, graph });
  return graph;
}
