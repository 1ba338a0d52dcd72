
import { availableParallelism, totalmem } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface EngineLimits {
  /** Folders DuckDB may read (evidence staging); nothing else on disk is reachable from SQL. */
  allowedDirectories: string[];
  tempDirectory: string;
  memoryLimitMb?: number;
  threads?: number;
}

/** Opened database plus the one connection the backend uses for it. */
export interface Engine {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

/**
 * Open a DuckDB database and lock it down before any other SQL runs (SECURITY.md T6, T7.3):
 * no extension downloads, no reading outside the allowed folders, bounded memory and spill,
 * and the configuration locked so no later statement can loosen it.
 */
export async function openEngine(path: string, limits: EngineLimits): Promise<Engine> {
  const memoryMb = limits.memoryLimitMb ?? defaultMemoryLimitMb();
  const threads = limits.threads ?? Math.max(1, availableParallelism());
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    const dirs = limits.allowedDirectories.map((d) => (d.endsWith('/') ? d : `${d}/`));
    await connection.run(`SET memory_limit = '${memoryMb}MB'`);
    await connection.run(`SET threads = ${threads}`);
    await connection.run(`SET temp_directory = ${sqlString(limits.tempDirectory)}`);
    await connection.run(`SET max_temp_directory_size = '20GiB'`);
    await connection.run(`SET allowed_directories = ${sqlList(dirs)}`);
    await connection.run(`SET enable_external_access = false`);
    await connection.run(`SET lock_configuration = true`);
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    throw error;
  }
  const conn = connection;
  return {
    instance,
    connection: conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * DuckDB's share of memory: 640 MB (or half of a smaller machine), so the whole backend stays
 * under 1.5 GB: DuckDB fills its pool with cached blocks up to the limit and allocates a few
 * hundred MB outside it, and Node holds ~300 MB during an import (bench:ingest measured 1.87 GB
 * peak at 1 GB, 1.43 GB at 600 MB, same speed). Big sorts spill to the case's temp folder.
 * TOKENSCOPE_MEMORY_LIMIT_MB overrides it for machines with room to spare.
 */
function defaultMemoryLimitMb(): number {
  const fromEnv = Number(process.env.TOKENSCOPE_MEMORY_LIMIT_MB);
  if (Number.isInteger(fromEnv) && fromEnv >= 256) return fromEnv;
  return Math.min(640, Math.floor(totalmem() / 1024 / 1024 / 2));
}

/** Literal for a SET statement (SET does not take bound parameters). Only used on paths we built. */
function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function sqlList(values: string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}
