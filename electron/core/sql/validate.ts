import type { DuckDBConnection } from '@duckdb/node-api';

export class SqlRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlRejected';
  }
}

/**
 * Functions a console query may never call: anything that reads files or other databases, runs
 * nested SQL text, or reads the environment. The engine is locked down as well (engine.ts: no
 * external access outside staging, configuration locked); this is the first, explainable wall.
 */
const DENIED_FUNCTION = /^(read_.*|.*_scan|glob|query|query_table|getenv|sniff_csv|parquet_.*|iceberg_.*|delta_.*|sqlite_.*|postgres_.*|mysql_.*|load_.*|install_.*|duckdb_secrets|which_secret|json_execute_serialized_sql|.*_attach)$/i;

/** Table names that would make DuckDB guess a file (replacement scans: FROM 'x.csv'). */
const FILE_LIKE = /[./\\:~]/;

/** Tables a query may not read even though they exist: none of the case's tables are secret. */
const ALLOWED_SCHEMAS = new Set(['', 'main']);

export interface AstFinding {
  functions: string[];
  tables: string[];
}

/** Walk json_serialize_sql's tree: every function name and every base table referenced. */
export function collectReferences(tree: unknown): AstFinding {
  const functions = new Set<string>();
  const tables = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.function_name === 'string') functions.add(record.function_name);
    if (record.type === 'BASE_TABLE' && typeof record.table_name === 'string') {
      const schema = typeof record.schema_name === 'string' ? record.schema_name : '';
      const catalog = typeof record.catalog_name === 'string' ? record.catalog_name : '';
      tables.add(record.table_name);
      if (!ALLOWED_SCHEMAS.has(schema) || (catalog && catalog !== 'memory' && !/^[a-z0-9_]+$/i.test(catalog))) {
        tables.add(`\u0000${[catalog, schema].filter(Boolean).join('.')}`);
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(tree);
  return { functions: [...functions], tables: [...tables] };
}

/** Check the references against the deny rules; returns the reason a query is refused, or null. */
export function refusal(refs: AstFinding): string | null {
  const fn = refs.functions.find((f) => DENIED_FUNCTION.test(f));
  if (fn) return `The console cannot call ${fn}(): it reads files, other databases or the environment.`;
  const table = refs.tables.find((t) => t.startsWith('\u0000') || FILE_LIKE.test(t));
  if (table) return `The console reads only the case's own tables and views, not ${table.replace('\u0000', '')}.`;
  return null;
}

/**
 * Accept exactly one SELECT (or WITH … SELECT) statement. The parser decides, not a regex:
 * DuckDB splits the text into statements, and json_serialize_sql only serialises SELECTs.
 * Returns the statement text without a trailing semicolon.
 */
export async function validateSelect(conn: DuckDBConnection, sql: string): Promise<string> {
  const text = sql.trim().replace(/;\s*$/, '');
  let count: number;
  try {
    count = (await conn.extractStatements(text)).count;
  } catch (error) {
    throw new SqlRejected(error instanceof Error ? error.message : String(error));
  }
  if (count !== 1) throw new SqlRejected(`One statement at a time: this text has ${count}.`);
  if (text.includes('\0')) throw new SqlRejected('The query contains a NUL character.');
  // json_serialize_sql only accepts a constant, so the text cannot be a bound parameter: it goes in as
  // a standard SQL string literal (quotes doubled; DuckDB strings have no backslash escapes). It is
  // only parsed here, never run, and the parse result decides what runs next.
  const literal = `'${text.replaceAll("'", "''")}'`;
  const serialised = (await conn.runAndReadAll(`SELECT json_serialize_sql(${literal}) AS tree`)).getRowObjectsJS()[0]?.tree;
  const tree = JSON.parse(String(serialised)) as { error?: boolean; error_message?: string; statements?: unknown[] };
  if (tree.error) {
    const reason = /Only SELECT/i.test(tree.error_message ?? '') ? 'Only SELECT and WITH queries are allowed (the console is read-only).' : (tree.error_message ?? 'Not a query.');
    throw new SqlRejected(reason);
  }
  const why = refusal(collectReferences(tree.statements));
  if (why) throw new SqlRejected(why);
  return text;
}
