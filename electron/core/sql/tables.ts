import type { DuckDBConnection } from '@duckdb/node-api';

/** Tables and views of the case schema (main), with columns, for the console's sidebar. */
export async function listTables(conn: DuckDBConnection): Promise<{ name: string; kind: string; columns: string[] }[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT t.table_name, t.table_type, list(c.column_name ORDER BY c.ordinal_position) AS columns
       FROM information_schema.tables t
       JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
       WHERE t.table_schema = 'main' AND t.table_catalog = current_database()
       GROUP BY ALL
       ORDER BY t.table_type DESC, t.table_name`,
    )
  ).getRowObjectsJS();
  return rows.map((r) => ({
    name: String(r.table_name),
    kind: String(r.table_type) === 'VIEW' ? 'view' : 'table',
    columns: (r.columns as unknown[]).map(String),
  }));
}
