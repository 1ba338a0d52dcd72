import type { DuckDBConnection } from '@duckdb/node-api';

export type SqlValue = string | number | boolean | null;

/** Named parameters ($name) a SQL text uses, in first-use order. Skips string literals and comments. */
export function usedParameters(sql: string): string[] {
  const stripped = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const names: string[] = [];
  for (const match of stripped.matchAll(/\$([a-z_][a-z0-9_]*)/gi)) {
    if (!names.includes(match[1]!)) names.push(match[1]!);
  }
  return names;
}

/**
 * Split a SQL file into statements on semicolons that end a line. Our SQL files keep string
 * literals on one line, so this is enough and avoids a SQL parser.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:--[^\n]*)?\n/)
    .map((s) => s.replace(/;\s*$/, '').trim())
    .filter((s) => s.replace(/--[^\n]*/g, '').trim().length > 0);
}

/** Only the values a statement uses: DuckDB refuses to bind a name the statement does not contain. */
export function bindFor(sql: string, values: Record<string, SqlValue>): Record<string, SqlValue> {
  const bound: Record<string, SqlValue> = {};
  for (const name of usedParameters(sql)) {
    if (!(name in values)) throw new Error(`SQL parameter $${name} has no value`);
    bound[name] = values[name]!;
  }
  return bound;
}

/** Run every statement of a SQL file with the named values it uses. */
export async function runSqlFile(conn: DuckDBConnection, sql: string, values: Record<string, SqlValue>): Promise<void> {
  for (const statement of splitStatements(sql)) {
    await conn.run(statement, bindFor(statement, values) as Record<string, never>);
  }
}
