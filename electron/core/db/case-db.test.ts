import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract';
import { CaseDatabase } from './case-db';
import { latestSchemaVersion, loadMigrations, migrate, migrations } from './migrations';

const dir = () => mkdtempSync(join(tmpdir(), 'tokenscope-casedb-'));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function expectContractError(promise: Promise<unknown>, code: string): Promise<ContractError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractError);
  expect((error as ContractError).code).toBe(code);
  return error as ContractError;
}

describe('migrations', () => {
  it('are numbered 001.. with no gaps and load in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('refuse a folder with a numbering gap', () => {
    const folder = dir();
    writeFileSync(join(folder, '001-a.sql'), 'SELECT 1;');
    writeFileSync(join(folder, '003-c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(folder)).toThrow(/gap/);
  });

  it('apply to an empty database once, and a second run applies nothing', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    expect(await migrate(conn)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(conn)).toEqual([]);
    const rows = (await conn.runAndReadAll('SELECT version, name FROM schema_migrations ORDER BY version')).getRowObjectsJS();
    expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
    conn.closeSync();
    instance.closeSync();
  });

  it('bring an older case up to date on open', async () => {
    const path = join(dir(), 'old.tokenscope');
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await migrate(conn, migrations.slice(0, 1));
    await conn.run(`INSERT INTO case_meta VALUES ('name', 'Old case'), ('created_at', '2026-01-01T00:00:00.000Z')`);
    conn.closeSync();
    instance.closeSync();

    const db = await CaseDatabase.open(path);
    expect(db.info.schemaVersion).toBe(latestSchemaVersion);
    expect(db.info.name).toBe('Old case');
    await db.close();
  });
});

describe('case files', () => {
  it('create, close and reopen with metadata intact', async () => {
    const path = join(dir(), 'acme.tokenscope');
    const created = await CaseDatabase.create(path, 'Acme');
    expect(created.info).toMatchObject({ name: 'Acme', fileName: 'acme.tokenscope', schemaVersion: latestSchemaVersion, sample: false });
    await created.close();
    const reopened = await CaseDatabase.open(path);
    expect(reopened.info).toEqual(created.info);
    await reopened.close();
  });

  it('refuse to overwrite an existing file', async () => {
    const path = join(dir(), 'taken.tokenscope');
    writeFileSync(path, 'not mine');
    await expectContractError(CaseDatabase.create(path, 'x'), 'CONFLICT');
    expect(readFileSync(path, 'utf8')).toBe('not mine');
  });

  it('refuse a case written by a newer Tokenscope, without modifying it', async () => {
    const path = join(dir(), 'future.tokenscope');
    const db = await CaseDatabase.create(path, 'Future');
    await db.connection.run(`INSERT INTO schema_migrations VALUES (999, 'from-the-future', now(), '99.0.0')`);
    await db.close();
    const before = sha(path);
    const error = await expectContractError(CaseDatabase.open(path), 'CASE_TOO_NEW');
    expect(error.message).toMatch(/newer Tokenscope/);
    expect(error.message).toMatch(/999/);
    expect(sha(path)).toBe(before);
  });

  it('refuse a DuckDB file that is not a case, and a file that is not a database', async () => {
    const folder = dir();
    const foreign = join(folder, 'other.duckdb');
    const instance = await DuckDBInstance.create(foreign);
    const conn = await instance.connect();
    await conn.run('CREATE TABLE t (x INTEGER)');
    conn.closeSync();
    instance.closeSync();
    await expectContractError(CaseDatabase.open(foreign), 'CASE_INVALID');

    const text = join(folder, 'notes.tokenscope');
    writeFileSync(text, 'hello');
    await expectContractError(CaseDatabase.open(text), 'CASE_INVALID');
    expect(readFileSync(text, 'utf8')).toBe('hello');
  });

  it('lock the engine down: no external file access, no extension installs, configuration locked', async () => {
    const folder = dir();
    mkdirSync(join(folder, 'outside'));
    writeFileSync(join(folder, 'outside', 'secret.csv'), 'a\n1\n');
    const db = await CaseDatabase.create(join(folder, 'locked.tokenscope'), 'Locked');
    const conn = db.connection;
    const settings = (
      await conn.runAndReadAll(
        `SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoinstall_known_extensions', 'autoload_known_extensions')`,
      )
    ).getRowObjectsJS();
    expect(Object.fromEntries(settings.map((s) => [s.name, s.value]))).toEqual({
      enable_external_access: 'false',
      lock_configuration: 'true',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    await expect(conn.run(`SELECT * FROM read_csv($p)`, { p: join(folder, 'outside', 'secret.csv') })).rejects.toThrow();
    await expect(conn.run(`SELECT * FROM read_text('/etc/hostname')`)).rejects.toThrow();
    await expect(conn.run(`SET enable_external_access = true`)).rejects.toThrow();
    await expect(conn.run(`INSTALL httpfs`)).rejects.toThrow();
    await expect(conn.run(`ATTACH '${join(folder, 'x.db')}' AS x`)).rejects.toThrow();
    await expect(conn.run(`COPY (SELECT 1) TO '${join(folder, 'out.csv')}'`)).rejects.toThrow();
    await db.close();
  });
});
