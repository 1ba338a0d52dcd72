import { create } from 'zustand';
import type { AnyEvent, AppInfo, BackendState, CaseInfo } from '../../../shared/contract';
import { applyProgress, dropSilentJobs, type JobEntry } from '../lib/progress';

export type { JobEntry } from '../lib/progress';

export interface CrashReport {
  message: string;
  /** Set once the backend is back; the banner then says so. */
  recovered: string | null;
}

interface SessionState {
  appInfo: AppInfo | null;
  backend: BackendState | null;
  currentCase: CaseInfo | null;
  crash: CrashReport | null;
  /** HTTP host only: whether the event stream is connected. */
  hostConnected: boolean | null;
  /** Running jobs (imports, detection runs) by id, from job.progress events; finished ones drop out. */
  jobs: Record<string, JobEntry>;
  setAppInfo(info: AppInfo): void;
  setCurrentCase(current: CaseInfo | null): void;
  setHostConnected(connected: boolean): void;
  applyEvent(event: AnyEvent): void;
  dismissCrash(): void;
  /** Forget jobs that stopped reporting (called on a timer by the status bar). */
  sweepJobs(now: number): void;
}

/** Server state the whole shell shows: the open case and the backend's health (fed by events). */
export const useSessionStore = create<SessionState>((set) => ({
  appInfo: null,
  backend: null,
  currentCase: null,
  crash: null,
  hostConnected: null,
  jobs: {},
  setAppInfo: (appInfo) =>
    set((state) => ({ appInfo, backend: state.backend ?? { state: 'ready', message: 'Backend ready', restarts: 0 } })),
  setCurrentCase: (currentCase) => set({ currentCase }),
  setHostConnected: (hostConnected) => set({ hostConnected }),
  applyEvent: (event) =>
    set((state) => {
      switch (event.event) {
        case 'backend.state': {
          const backend = event.payload;
          // Jobs die with the process; their progress would otherwise hang in the status bar forever.
          if (backend.state === 'crashed') return { backend, jobs: {}, crash: { message: backend.message, recovered: null } };
          if (backend.state === 'ready' && state.crash) {
            // The supervisor repeats the crash sentence before "Restarted…"; the banner already shows it.
            const recovered = backend.message.startsWith(state.crash.message)
              ? backend.message.slice(state.crash.message.length).trim()
              : backend.message;
            return { backend, crash: { ...state.crash, recovered: recovered || backend.message } };
          }
          return { backend };
        }
        case 'case.changed':
          return { currentCase: event.payload.current };
        case 'job.progress':
          return { jobs: applyProgress(state.jobs, event.payload, Date.now()) };
        default:
          return {};
      }
    }),
  dismissCrash: () => set({ crash: null }),
  sweepJobs: (now) => set((state) => ({ jobs: dropSilentJobs(state.jobs, now) })),
}));
