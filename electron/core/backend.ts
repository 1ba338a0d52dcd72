import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { ContractError, type AnyEvent, type CaseInfo } from '../../shared/contract';
import { Listeners } from '../../shared/transport/api';
import { Workspace } from './cases/workspace';
import { CaseDatabase } from './db/case-db';
import { latestSchemaVersion } from './db/migrations';
import { resourcePath } from './paths';
import { createRouter, type Handlers, type Route } from './rpc/router';
import { toolVersion } from './version';

export interface BackendOptions {
  workspaceDir: string;
  testHooks?: boolean;
}

/**
 * The backend: everything the UI can ask for, with no idea which host or transport carries it.
 * One instance per process; it owns at most one open case.
 */
export class Backend {
  readonly workspace: Workspace;
  readonly route: Route;
  private readonly events = new Listeners<AnyEvent>();
  private current: CaseDatabase | undefined;
  private lifecycle: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackendOptions) {
    this.workspace = new Workspace(options.workspaceDir);
    this.route = createRouter(this.handlers(), { testHooks: options.testHooks ?? false });
  }

  onEvent(listener: (event: AnyEvent) => void): () => void {
    return this.events.add(listener);
  }

  get openCase(): CaseDatabase | undefined {
    return this.current;
  }

  /** The open case, or a NO_CASE error for methods that need one. */
  requireCase(): CaseDatabase {
    if (!this.current) throw new ContractError('NO_CASE', 'Open or create a case first.');
    return this.current;
  }

  async shutdown(): Promise<void> {
    await this.switchTo(undefined);
  }

  private handlers(): Handlers {
    return {
      'app.info': async () => ({
        name: 'Tokenscope' as const,
        version: toolVersion,
        duckdbVersion: await duckdbVersion(),
        schemaVersion: latestSchemaVersion,
        sampleAvailable: existsSync(resourcePath('sample-data', 'README.md')),
      }),
      'case.list': () => ({ cases: this.workspace.list() }),
      'case.current': () => this.current?.info ?? null,
      'case.create': ({ name }) => this.exclusive(() => this.createAt(this.workspace.newCasePath(name), name)),
      'case.createAt': ({ path, name }) => this.exclusive(() => this.createAt(path, name)),
      'case.open': ({ caseId }) =>
        this.exclusive(() => {
          const path = this.workspace.pathFor(caseId);
          if (!path) throw new ContractError('NOT_FOUND', `No known case with id ${caseId}`);
          return this.openAt(path);
        }),
      'case.openPath': ({ path }) => this.exclusive(() => this.openAt(path)),
      'case.close': () =>
        this.exclusive(async () => {
          await this.switchTo(undefined);
          return {};
        }),
      'dev.sleep': async ({ ms }) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return {};
      },
    };
  }

  private async createAt(path: string, name: string): Promise<CaseInfo> {
    await this.switchTo(undefined);
    const db = await CaseDatabase.create(path, name);
    return this.adopt(db);
  }

  private async openAt(path: string): Promise<CaseInfo> {
    if (this.current && this.current.path === path) return this.current.info;
    await this.switchTo(undefined);
    return this.adopt(await CaseDatabase.open(path));
  }

  private adopt(db: CaseDatabase): CaseInfo {
    this.current = db;
    this.workspace.remember(db.path, db.info.name, db.info.createdAt);
    this.events.emit({ event: 'case.changed', payload: { current: db.info } });
    return db.info;
  }

  private async switchTo(next: undefined): Promise<void> {
    const previous = this.current;
    this.current = next;
    if (previous) {
      await previous.close();
      this.events.emit({ event: 'case.changed', payload: { current: null } });
    }
  }

  /** Case lifecycle calls run one at a time, so two opens can never race on the same file. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lifecycle.then(work, work);
    this.lifecycle = run.catch(() => undefined);
    return run;
  }
}

let cachedVersion: string | undefined;
async function duckdbVersion(): Promise<string> {
  if (cachedVersion) return cachedVersion;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const rows = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJS();
  conn.closeSync();
  instance.closeSync();
  cachedVersion = String(rows[0]?.v ?? 'unknown');
  return cachedVersion;
}
