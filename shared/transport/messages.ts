import type { AnyEvent, Envelope } from '../contract';

/** Who is calling: the backend trusts the host to say so, and the host never lets a renderer claim "host". */
export type Caller = 'renderer' | 'host';

/** Messages between a host and the backend process (utilityProcess or child_process.fork). */
export type HostToBackend = { type: 'call'; id: number; method: string; input: unknown; caller: Caller };

export type BackendToHost =
  | { type: 'ready'; pid: number }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: AnyEvent };

export function isBackendToHost(msg: unknown): msg is BackendToHost {
  if (typeof msg !== 'object' || msg === null) return false;
  const type = (msg as { type?: unknown }).type;
  return type === 'ready' || type === 'result' || type === 'event';
}
