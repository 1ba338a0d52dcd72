import { createClient } from './client';

let connectionListener: (connected: boolean) => void = () => undefined;

/** index.ts wires the session store here; kept apart so hooks can import `api` without a cycle. */
export function setConnectionListener(listener: (connected: boolean) => void): void {
  connectionListener = listener;
}

const client = createClient({ onConnection: (connected) => connectionListener(connected) });

/** The one Api of this window, chosen at start (Electron preload or HTTP host). */
export const api = client.api;
export const transportKind = client.kind;
