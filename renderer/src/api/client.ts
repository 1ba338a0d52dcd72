import { fail, type AnyEvent } from '../../../shared/contract';
import type { Api } from '../../../shared/transport/api';
import { createHttpApi } from './http-transport';
import { createPreloadApi, findPreloadBridge } from './preload-transport';
import { takeToken } from './token';

export type TransportKind = 'electron' | 'http' | 'none';

export interface Client {
  kind: TransportKind;
  api: Api;
}

export interface ClientHooks {
  onConnection?: (connected: boolean) => void;
}

/**
 * Chosen once at start: Electron's preload bridge if present, otherwise the HTTP host with the
 * token from the launch URL. Without either, every call answers UNAUTHORIZED with the fix in the
 * message, so the shell still renders and says what is wrong.
 */
export function createClient(hooks: ClientHooks = {}): Client {
  const bridge = findPreloadBridge(window);
  if (bridge) return { kind: 'electron', api: createPreloadApi(bridge) };
  const token = takeToken({ location: window.location, history: window.history, storage: window.sessionStorage });
  if (token) return { kind: 'http', api: createHttpApi({ token, ...(hooks.onConnection ? { onConnection: hooks.onConnection } : {}) }) };
  const missing = fail(
    'UNAUTHORIZED',
    'No access token: open the full URL printed by `npm run web` (it ends in #t=…), or start the desktop app.',
  );
  const none: Api = {
    invoke: (() => Promise.resolve(missing)) as Api['invoke'],
    onEvent: (_listener: (event: AnyEvent) => void) => () => undefined,
  };
  return { kind: 'none', api: none };
}
