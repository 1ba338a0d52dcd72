import { eventNames, fail, isMethodName, rendererMethodNames, type AnyEvent, type Envelope } from '../../shared/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

/** The part of ipcRenderer the bridge needs; the real one is passed in by index.ts. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Exactly what the page gets as `window.tokenscope`: two functions, nothing else. */
export interface TokenscopeBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AnyEvent) => void): () => void;
}

const allowedMethods = new Set<string>(rendererMethodNames);
const knownEvents = new Set<string>(eventNames);

/**
 * Builds the preload's API over ipcRenderer. Method names are checked against the renderer
 * audience before anything is sent (main checks again: the preload is a convenience, not the
 * boundary). The IPC event object never reaches the page (checklist item 20): listeners get
 * only the event payload, and only events whose name the contract knows.
 */
export function createBridge(ipc: IpcRendererLike): TokenscopeBridge {
  const listeners = new Set<(event: AnyEvent) => void>();
  const fanOut = (_ipcEvent: unknown, event: unknown): void => {
    if (!isAnyEvent(event)) return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('tokenscope event listener failed', error);
      }
    }
  };

  return {
    async invoke(method, input) {
      if (typeof method !== 'string' || !allowedMethods.has(method)) {
        // The same answers main would give, without a round trip.
        if (isMethodName(method)) return fail('FORBIDDEN', `${method} cannot be called from the window`);
        return fail('UNKNOWN_METHOD', `Unknown method: ${typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : typeof method}`);
      }
      try {
        return (await ipc.invoke(INVOKE_CHANNEL, method, input)) as Envelope<unknown>;
      } catch (error) {
        // Only reachable when the arguments cannot be cloned or main is gone; keep the envelope promise.
        return fail('BAD_REQUEST', `The call could not be sent: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
      // One IPC subscription for all page listeners, attached while anyone is listening.
      if (listeners.size === 0) ipc.on(EVENT_CHANNEL, fanOut);
      listeners.add(listener);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(listener);
        if (listeners.size === 0) ipc.removeListener(EVENT_CHANNEL, fanOut);
      };
    },
  };
}

function isAnyEvent(value: unknown): value is AnyEvent {
  if (typeof value !== 'object' || value === null) return false;
  const name = (value as { event?: unknown }).event;
  return typeof name === 'string' && knownEvents.has(name) && 'payload' in value;
}
