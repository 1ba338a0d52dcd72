import { ContractError, type AnyEvent, type CaseInfo } from '../../../shared/contract';
import type { Listeners } from '../../../shared/transport/api';
import { CaseDatabase } from '../db/case-db';
import type { Workspace } from './workspace';

/**
 * The backend's one open case (at most one per process), and the only code that opens or
 * closes case files. Lifecycle calls run one at a time, so two opens never race on a file.
 */
export class CaseSession {
  private current: CaseDatabase | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly workspace: Workspace,
    private readonly events: Listeners<AnyEvent>,
  ) {}

  get info(): CaseInfo | null {
    return this.current?.info ?? null;
  }

  /** The open case, or a NO_CASE error for methods that need one. */
  require(): CaseDatabase {
    if (!this.current) throw new ContractError('NO_CASE', 'Open or create a case first.');
    return this.current;
  }

  create(path: string, name: string, options: { sample?: boolean } = {}): Promise<CaseInfo> {
    return this.exclusive(async () => {
      await this.closeCurrent();
      return this.adopt(await CaseDatabase.create(path, name, options));
    });
  }

  open(path: string): Promise<CaseInfo> {
    return this.exclusive(async () => {
      if (this.current?.path === path) return this.current.info;
      await this.closeCurrent();
      return this.adopt(await CaseDatabase.open(path));
    });
  }

  openById(caseId: string): Promise<CaseInfo> {
    const path = this.workspace.pathFor(caseId);
    if (!path) return Promise.reject(new ContractError('NOT_FOUND', `No known case with id ${caseId}`));
    return this.open(path);
  }

  close(): Promise<void> {
    return this.exclusive(() => this.closeCurrent());
  }

  private adopt(db: CaseDatabase): CaseInfo {
    this.current = db;
    this.workspace.remember(db.path, db.info.name, db.info.createdAt);
    this.events.emit({ event: 'case.changed', payload: { current: db.info } });
    return db.info;
  }

  private async closeCurrent(): Promise<void> {
    const previous = this.current;
    if (!previous) return;
    this.current = undefined;
    await previous.close();
    this.events.emit({ event: 'case.changed', payload: { current: null } });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
