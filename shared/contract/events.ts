import { z } from 'zod';
import { CaseInfo } from './schemas';

/** Typed events pushed from the backend (or the host, for backend.state) to the UI. */
export const BackendState = z
  .object({
    state: z.enum(['starting', 'ready', 'crashed', 'restarting', 'stopped']),
    /** Human sentence for the status bar, e.g. why the backend restarted. */
    message: z.string(),
    restarts: z.number().int(),
  })
  .strict();
export type BackendState = z.infer<typeof BackendState>;

export const events = {
  'backend.state': BackendState,
  'case.changed': z.object({ current: CaseInfo.nullable() }).strict(),
  'job.progress': z
    .object({
      jobId: z.string(),
      label: z.string(),
      done: z.number(),
      total: z.number().nullable(),
      unit: z.enum(['bytes', 'records', 'steps']),
    })
    .strict(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export type AnyEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export const eventNames = Object.keys(events) as EventName[];
