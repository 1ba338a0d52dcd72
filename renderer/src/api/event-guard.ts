import { events, type AnyEvent } from '../../../shared/contract';

/** Events are validated against the contract like call results: unknown or malformed ones are dropped. */
export function asEvent(value: unknown): AnyEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const { event, payload } = value as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string' || !Object.prototype.hasOwnProperty.call(events, event)) return null;
  const schema = events[event as keyof typeof events];
  const parsed = schema.safeParse(payload);
  return parsed.success ? ({ event, payload: parsed.data } as AnyEvent) : null;
}
