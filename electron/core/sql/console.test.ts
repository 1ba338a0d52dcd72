import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract';
import { CaseDatabase } from '../db/case-db';
import { builtinQueries } from './builtins';
import { runConsoleQuery } from './run';
import { deleteSaved, listSaved, saveQuery } from './saved';
import { collectReferences, refusal } from './validate';

const rows = (arrow: string) => tableFromIPC(Buffer.from(arrow, 'base64')).toArray().map((r) => r.toJSON() as Record<string, unknown>);

describe('SQL console on a real case file', () => {
  let dir: string;
  let db: CaseDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-sql-'));
    db = await CaseDatabase.create(join(dir, 'c.tokenscope'), 'sql');
    await db.connection.run(`INSERT INTO principals (principal_key, kind, email) SELECT 'person:u' || i, 'person', 'u' || i || '@x.test' FROM range(50) t(i)`);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const code = async (sql: string) => {
    try {
      await runConsoleQuery(db, sql, 10, 2000);
      return 'ok';
    } catch (error) {
      return error instanceof ContractError ? error.code : String(error);
    }
  };

  it('runs one SELECT or WITH, caps rows and says so, and returns Arrow', async () => {
    const result = await runConsoleQuery(db, 'SELECT principal_key, email FROM principals ORDER BY principal_key;', 10, 2000);
    expect(result.rowCount).toBe(10);
    expect(result.truncated).toBe(true);
    expect(result.columns.map((c) => c.name)).toEqual(['principal_key', 'email']);
    expect(rows(result.arrow)[0]).toEqual({ principal_key: 'person:u0', email: 'u0@x.test' });
    const cte = await runConsoleQuery(db, 'WITH n AS (SELECT count(*) AS c FROM principals) SELECT c FROM n', 10, 2000);
    expect(rows(cte.arrow)).toEqual([{ c: 50 }]);
    expect(cte.truncated).toBe(false);
  });

  it('refuses writes, settings, extensions, file and environment access, and several statements', async () => {
    for (const sql of [
      'DELETE FROM principals',
      'INSERT INTO principals (principal_key, kind) VALUES (1, 2)',
      'CREATE TABLE x AS SELECT 1',
      "COPY principals TO 'x.csv'",
      "ATTACH 'other.db'",
      'INSTALL httpfs',
      'LOAD httpfs',
      'PRAGMA database_list',
      'SET threads = 1',
      "SELECT * FROM read_csv('/etc/passwd')",
      "SELECT * FROM read_text('/etc/hostname')",
      "SELECT * FROM glob('/*')",
      "SELECT * FROM '/etc/passwd'",
      "SELECT * FROM 'evidence.csv'",
      'SELECT * FROM other_db.main.principals',
      "SELECT getenv('HOME')",
      "SELECT * FROM query('DELETE FROM principals')",
      'SELECT 1; DELETE FROM principals',
    ]) {
      expect([sql, await code(sql)]).toEqual([sql, 'BAD_REQUEST']);
    }
    expect(Number((await db.connection.runAndReadAll('SELECT count(*) AS n FROM principals')).getRowObjectsJS()[0]?.n)).toBe(50);
  });

  it('interrupts a query at the timeout and the console still works afterwards', async () => {
    expect(await code('SELECT count(*) FROM range(100000000000) a(i), range(100000) b(j)')).toBe('CANCELLED');
    expect(await code('SELECT 1')).toBe('ok');
  });

  it('every built-in hunting query is accepted by the validator and runs on an empty case', async () => {
    for (const q of builtinQueries) expect([q.id, await code(q.sql)]).toEqual([q.id, 'ok']);
  });

  it('saves, replaces by name, lists and deletes queries in the case', async () => {
    const a = await saveQuery(db.connection, 'people', 'SELECT 1', '2026-11-25T00:00:00Z');
    await saveQuery(db.connection, 'people', 'SELECT 2', '2026-11-25T00:01:00Z');
    expect(await listSaved(db.connection)).toEqual([{ id: a.id, name: 'people', sql: 'SELECT 2', savedAt: '2026-11-25T00:01:00Z' }]);
    expect(await deleteSaved(db.connection, a.id)).toBe(true);
    expect(await deleteSaved(db.connection, a.id)).toBe(false);
  });
});

describe('validator reference rules', () => {
  it('collects function names and table references from a serialised tree', () => {
    const refs = collectReferences([{ node: { from_table: { type: 'BASE_TABLE', table_name: 'events', schema_name: '' }, select_list: [{ class: 'FUNCTION', function_name: 'lower' }] } }]);
    expect(refs).toEqual({ functions: ['lower'], tables: ['events'] });
    expect(refusal(refs)).toBeNull();
    expect(refusal({ functions: ['read_parquet'], tables: [] })).toMatch(/read_parquet/);
    expect(refusal({ functions: [], tables: ['data.csv'] })).toMatch(/data\.csv/);
  });
});
