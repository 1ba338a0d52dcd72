import type { DuckDBConnection } from '@duckdb/node-api';

/** Saved console queries live in the case file (migration 006), so they travel with the evidence. */
export interface SavedQuery {
  id: number;
  name: string;
  sql: string;
  savedAt: string;
}

const SELECT = `SELECT query_id, name, sql, strftime(saved_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS saved_at FROM saved_queries`;

function toSaved(r: Record<string, unknown>): SavedQuery {
  return { id: Number(r.query_id), name: String(r.name), sql: String(r.sql), savedAt: String(r.saved_at) };
}

export async function listSaved(conn: DuckDBConnection): Promise<SavedQuery[]> {
  return (await conn.runAndReadAll(`${SELECT} ORDER BY lower(name)`)).getRowObjectsJS().map(toSaved);
}

export async function saveQuery(conn: DuckDBConnection, name: string, sql: string, now: string): Promise<SavedQuery> {
  await conn.run(
    `INSERT INTO saved_queries (query_id, name, sql, saved_at)
     VALUES ((SELECT coalesce(max(query_id), 0) + 1 FROM saved_queries), $name, $sql, $now::TIMESTAMPTZ)
     ON CONFLICT (name) DO UPDATE SET sql = excluded.sql, saved_at = excluded.saved_at`,
    { name, sql, now },
  );
  return toSaved((await conn.runAndReadAll(`${SELECT} WHERE name = $name`, { name })).getRowObjectsJS()[0] ?? {});
}

export async function deleteSaved(conn: DuckDBConnection, id: number): Promise<boolean> {
  const before = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM saved_queries WHERE query_id = $id`, { id })).getRowObjectsJS()[0]?.n ?? 0);
  await conn.run(`DELETE FROM saved_queries WHERE query_id = $id`, { id });
  return before > 0;
}
