import { readdirSync, readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { resourcePath } from '../paths';
import { toolVersion } from '../version';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationFile = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/** Numbered migrations from electron/core/db/migrations (NNN-name.sql), in order, with no gaps. */
export function loadMigrations(dir = resourcePath('electron', 'core', 'db', 'migrations')): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => {
      const match = migrationFile.exec(file);
      if (!match) return undefined;
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(`${dir}/${file}`, 'utf8') };
    })
    .filter((m): m is Migration => m !== undefined)
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering has a gap or duplicate at ${m.version}-${m.name}`);
  });
  return migrations;
}

export const migrations = loadMigrations();
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export async function ensureMigrationTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version      INTEGER PRIMARY KEY,
    name         VARCHAR NOT NULL,
    applied_at   TIMESTAMPTZ NOT NULL,
    tool_version VARCHAR NOT NULL
  )`);
}

export async function currentSchemaVersion(conn: DuckDBConnection): Promise<number> {
  const reader = await conn.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'schema_migrations' AND schema_name = 'main'`,
  );
  if (Number(reader.getRowObjectsJS()[0]?.n ?? 0) === 0) return 0;
  const rows = (await conn.runAndReadAll(`SELECT coalesce(max(version), 0) AS v FROM schema_migrations`)).getRowObjectsJS();
  return Number(rows[0]?.v ?? 0);
}

/** Apply every migration newer than the case, each in its own transaction. */
export async function migrate(conn: DuckDBConnection, list: Migration[] = migrations): Promise<number[]> {
  await ensureMigrationTable(conn);
  const from = await currentSchemaVersion(conn);
  const applied: number[] = [];
  for (const m of list.filter((m) => m.version > from)) {
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run(m.sql);
      await conn.run(
        `INSERT INTO schema_migrations (version, name, applied_at, tool_version) VALUES ($version, $name, now(), $tool)`,
        { version: m.version, name: m.name, tool: toolVersion },
      );
      await conn.run('COMMIT');
    } catch (error) {
      await conn.run('ROLLBACK');
      throw new Error(`migration ${m.version}-${m.name} failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    applied.push(m.version);
  }
  return applied;
}
