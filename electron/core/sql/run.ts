import type { DuckDBConnection } from '@duckdb/node-api';
import { ContractError } from '../../../shared/contract';
import type { CaseDatabase } from '../db/case-db';
import { resultToArrowBase64 } from '../db/arrow';
import { SqlRejected, validateSelect } from './validate';

/**
 * The console gets its own connection to the case, so interrupting a runaway query at the
 * timeout (connection.interrupt()) can never cancel an import or a detection run on the main one.
 */
const consoleConnections = new WeakMap<CaseDatabase, Promise<DuckDBConnection>>();

function consoleConnection(db: CaseDatabase): Promise<DuckDBConnection> {
  let conn = consoleConnections.get(db);
  if (!conn) {
    conn = db.engine.instance.connect();
    consoleConnections.set(db, conn);
  }
  return conn;
}

export interface ConsoleResult {
  columns: { name: string; type: string }[];
  arrow: string;
  rowCount: number;
  truncated: boolean;
  tookMs: number;
}

export async function runConsoleQuery(db: CaseDatabase, sql: string, maxRows: number, timeoutMs: number): Promise<ConsoleResult> {
  const conn = await consoleConnection(db);
  let text: string;
  try {
    text = await validateSelect(conn, sql);
  } catch (error) {
    if (error instanceof SqlRejected) throw new ContractError('BAD_REQUEST', error.message);
    throw error;
  }
  const started = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    conn.interrupt();
  }, timeoutMs);
  // A transaction that is always rolled back: even a function with a side effect leaves nothing.
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await conn.runAndReadAll(`SELECT * FROM (${text}\n) AS console_query LIMIT $cap`, { cap: maxRows + 1 });
    const rowCount = result.currentRowCount;
    const truncated = rowCount > maxRows;
    return {
      columns: result.columnNames().map((name, i) => ({ name, type: String(result.columnTypes()[i]) })),
      arrow: resultToArrowBase64(result, maxRows),
      rowCount: Math.min(rowCount, maxRows),
      truncated,
      tookMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (timedOut) throw new ContractError('CANCELLED', `The query ran longer than ${timeoutMs} ms and was interrupted.`);
    const message = error instanceof Error ? error.message : String(error);
    throw new ContractError('BAD_REQUEST', message.slice(0, 2000));
  } finally {
    clearTimeout(timer);
    await conn.run('ROLLBACK').catch(() => undefined);
  }
}
