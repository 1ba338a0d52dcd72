import type { AnyEvent } from '../../shared/contract';
import { Listeners } from '../../shared/transport/api';
import { CaseSession } from './cases/session';
import { Workspace } from './cases/workspace';
import type { BackendContext } from './rpc/context';
import { appHandlers } from './rpc/handlers/app';
import { caseHandlers } from './rpc/handlers/case';
import { evidenceHandlers } from './rpc/handlers/evidence';
import { findingsHandlers } from './rpc/handlers/findings';
import { inventoryHandlers } from './rpc/handlers/inventory';
import { searchHandlers } from './rpc/handlers/search';
import { sqlHandlers } from './rpc/handlers/sql';
import { timelineHandlers } from './rpc/handlers/timeline';
import { uploadHandlers } from './rpc/handlers/upload';
import { graphHandlers } from './rpc/handlers/graph';
import { triageHandlers } from './rpc/handlers/triage';
import { reportHandlers } from './rpc/handlers/report';
import { bundleHandlers } from './rpc/handlers/bundle';
import { createRouter, type Handlers, type Route } from './rpc/router';

export interface BackendOptions {
  workspaceDir: string;
  testHooks?: boolean;
}

/**
 * The backend: everything the UI can ask for, with no idea which host or transport carries it.
 * One instance per process. Each domain's handlers live in rpc/handlers/<domain>.ts.
 */
export class Backend {
  readonly context: BackendContext;
  readonly route: Route;

  constructor(options: BackendOptions) {
    const workspace = new Workspace(options.workspaceDir);
    const events = new Listeners<AnyEvent>();
    this.context = { workspace, events, session: new CaseSession(workspace, events) };
    const handlers: Handlers = {
      ...appHandlers(),
      ...caseHandlers(this.context),
      ...evidenceHandlers(this.context),
      ...findingsHandlers(this.context),
      ...inventoryHandlers(this.context),
      ...timelineHandlers(this.context),
      ...sqlHandlers(this.context),
      ...searchHandlers(this.context),
      ...uploadHandlers(this.context),
      ...graphHandlers(this.context),
      ...triageHandlers(this.context),
      ...reportHandlers(this.context),
      ...bundleHandlers(this.context),
    };
    this.route = createRouter(handlers, { testHooks: options.testHooks ?? false });
  }

  onEvent(listener: (event: AnyEvent) => void): () => void {
    return this.context.events.add(listener);
  }

  async shutdown(): Promise<void> {
    await this.context.session.close();
  }
}
