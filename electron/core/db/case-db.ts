import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ContractError, type CaseInfo } from '../../../shared/contract';
import { toolVersion } from '../version';
import { openEngine, type Engine } from './engine';
import { currentSchemaVersion, latestSchemaVersion, migrate } from './migrations';

export const CASE_EXTENSION = '.tokenscope';

/** The case id is derived from where the file is, so every process agrees on it without a registry. */
export function caseIdForPath(path: string): string {
  return createHash('sha256').update(resolve(path)).digest('hex').slice(0, 16);
}

/** Scratch space next to the case file: DuckDB spill files and evidence staging. */
export function caseWorkDir(path: string): string {
  return `${resolve(path)}.work`;
}

/**
 * One open case: a DuckDB database file with the Tokenscope schema. Opening never writes to a
 * file it does not understand: a case from a newer Tokenscope, or a file that is not a case,
 * is refused before any migration runs.
 */
export class CaseDatabase {
  private constructor(
    readonly path: string,
    readonly engine: Engine,
    readonly info: CaseInfo,
  ) {}

  get connection() {
    return this.engine.connection;
  }

  static async create(path: string, name: string, options: { sample?: boolean } = {}): Promise<CaseDatabase> {
    const full = resolve(path);
    if (existsSync(full)) throw new ContractError('CONFLICT', `A file already exists at ${full}`);
    const engine = await openEngine(full, limitsFor(full));
    try {
      await migrate(engine.connection);
      ensureWorkDirs(full);
      const meta: Record<string, string> = {
        case_uuid: randomUUID(),
        name,
        created_at: new Date().toISOString(),
        created_by_version: toolVersion,
        tool_version: toolVersion,
        sample: options.sample ? 'true' : 'false',
      };
      for (const [key, value] of Object.entries(meta)) {
        await engine.connection.run(`INSERT INTO case_meta (key, value) VALUES ($key, $value)`, { key, value });
      }
      await engine.connection.run('CHECKPOINT');
      return new CaseDatabase(full, engine, await readInfo(engine, full));
    } catch (error) {
      engine.close();
      // A case that failed to initialise is not a case: leave nothing behind.
      for (const leftover of [full, `${full}.wal`, caseWorkDir(full)]) rmSync(leftover, { recursive: true, force: true });
      throw error;
    }
  }

  static async open(path: string): Promise<CaseDatabase> {
    const full = resolve(path);
    if (!existsSync(full)) throw new ContractError('NOT_FOUND', `No case file at ${full}`);
    let engine: Engine;
    try {
      engine = await openEngine(realpathSync(full), limitsFor(full));
    } catch (error) {
      throw new ContractError('CASE_INVALID', `${basename(full)} could not be opened as a database: ${message(error)}`);
    }
    try {
      const version = await currentSchemaVersion(engine.connection);
      if (version === 0) {
        throw new ContractError('CASE_INVALID', `${basename(full)} is a database but not a Tokenscope case (no schema_migrations table).`);
      }
      if (version > latestSchemaVersion) {
        throw new ContractError(
          'CASE_TOO_NEW',
          `${basename(full)} was written by a newer Tokenscope (case schema ${version}; this version understands up to ${latestSchemaVersion}). ` +
            'Open it with that version or newer; it has not been modified.',
          { caseSchema: version, supportedSchema: latestSchemaVersion },
        );
      }
      await migrate(engine.connection);
      ensureWorkDirs(full);
      await engine.connection.run(`UPDATE case_meta SET value = $v WHERE key = 'tool_version'`, { v: toolVersion });
      return new CaseDatabase(full, engine, await readInfo(engine, full));
    } catch (error) {
      engine.close();
      throw error;
    }
  }

  /** Checkpoint so the case is one self-contained file, then close. */
  async close(): Promise<void> {
    try {
      await this.engine.connection.run('CHECKPOINT');
    } finally {
      this.engine.close();
    }
  }
}

function limitsFor(full: string) {
  const work = caseWorkDir(full);
  return { allowedDirectories: [`${work}/staging`], tempDirectory: `${work}/tmp` };
}

/** DuckDB spills into the temp folder but does not create it; made only once the file is known to be a case. */
function ensureWorkDirs(full: string): void {
  mkdirSync(limitsFor(full).tempDirectory, { recursive: true });
}

async function readInfo(engine: Engine, full: string): Promise<CaseInfo> {
  const rows = (await engine.connection.runAndReadAll(`SELECT key, value FROM case_meta`)).getRowObjectsJS();
  const meta = new Map(rows.map((r) => [String(r.key), String(r.value)]));
  return {
    id: caseIdForPath(full),
    name: meta.get('name') ?? basename(full, CASE_EXTENSION),
    fileName: basename(full),
    createdAt: meta.get('created_at') ?? '',
    toolVersion: meta.get('tool_version') ?? toolVersion,
    schemaVersion: await currentSchemaVersion(engine.connection),
    sample: meta.get('sample') === 'true',
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

