import type { AnyEvent } from '../../../shared/contract';
import type { Listeners } from '../../../shared/transport/api';
import type { CaseSession } from '../cases/session';
import type { Workspace } from '../cases/workspace';

/** What handlers may use: the workspace, the open case, and the event stream to the UI. */
export interface BackendContext {
  workspace: Workspace;
  session: CaseSession;
  events: Listeners<AnyEvent>;
}
