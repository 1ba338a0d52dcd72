import { create } from 'zustand';
import type { AnyEvent, AppInfo, BackendState, CaseInfo } from '../../../shared/contract';

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
  setAppInfo(info: AppInfo): void;
  setCurrentCase(current: CaseInfo | null): void;
  setHostConnected(connected: boolean): void;
  applyEvent(event: AnyEvent): void;
  dismissCrash(): void;
}

/** Server state the whole shell shows: the open case and the backend's health (fed by events). */
export const useSessionStore = create<SessionState>((set) => ({
  appInfo: null,
  backend: null,
  currentCase: null,
  crash: null,
  hostConnected: null,
  setAppInfo: (appInfo) =>
    set((state) => ({ appInfo, backend: state.backend ?? { state: 'ready', message: 'Backend ready', restarts: 0 } })),
  setCurrentCase: (currentCase) => set({ currentCase }),
  setHostConnected: (hostConnected) => set({ hostConnected }),
  applyEvent: (event) =>
    set((state) => {
      switch (event.event) {
        case 'backend.state': {
          const backend = event.payload;
          if (backend.state === 'crashed') return { backend, crash: { message: backend.message, recovered: null } };
          if (backend.state === 'ready' && state.crash) return { backend, crash: { ...state.crash, recovered: backend.message } };
          return { backend };
        }
        case 'case.changed':
          return { currentCase: event.payload.current };
        default:
          return {};
      }
    }),
  dismissCrash: () => set({ crash: null }),
}));
