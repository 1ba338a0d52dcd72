import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/contract';

export interface Notice {
  id: number;
  code: ErrorInfo['code'];
  message: string;
  /** What the user was doing, e.g. "Opening case". */
  context: string;
}

interface NoticesState {
  notices: Notice[];
  report(error: ErrorInfo, context: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Errors are shown, never swallowed: anything that fails without an inline place to say so lands here. */
export const useNoticesStore = create<NoticesState>((set) => ({
  notices: [],
  report: (error, context) =>
    set((state) => ({
      // Keep the newest few: a flapping backend should not bury the screen.
      notices: [...state.notices, { id: nextId++, code: error.code, message: error.message, context }].slice(-5),
    })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
