/**
 * A fake Electron IPC pair for the contract suite, built from the REAL pieces of the Electron
 * transport: the preload's createBridge on the "renderer side", and main's createInvokeHandler +
 * sender check on the "main side". Only Electron's pipe itself is faked, and it behaves like
 * Electron's: arguments and results are structured-cloned (so non-cloneable input fails the
 * way it would in Electron, and no object identity crosses), a handler is registered once per
 * channel, and events reach the page through webContents.send on one channel.
 */
import type { AnyEvent, Envelope } from '../../shared/contract';
import type { Api } from '../../shared/transport/api';
import type { Caller } from '../../shared/transport/messages';
import { APP_ENTRY_URL } from '../../electron/main/app-origin';
import { createInvokeHandler } from '../../electron/main/ipc-bridge';
import { createSenderCheck, type FrameLike, type SenderEventLike } from '../../electron/main/sender-check';
import { createBridge, type IpcRendererLike } from '../../electron/preload/bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/preload/channels';

export type RouteFn = (method: string, input: unknown, caller: Caller) => Promise<Envelope<unknown>>;

/** Which frame the calls appear to come from (SECURITY.md T3.2 cases). */
export type FakeSender =
  | { kind: 'main-frame'; url?: string }
  | { kind: 'subframe'; url: string }
  | { kind: 'no-frame' }
  | { kind: 'other-window'; url?: string };

export interface FakeIpcOptions {
  /** URL of the calling frame; default app://tokenscope/index.html in the window's main frame. */
  senderUrl?: string;
  sender?: FakeSender;
  /** The backend's event source (e.g. backend.onEvent); each event is "webContents.send"-ed to the page. */
  events?: (listener: (event: AnyEvent) => void) => () => void;
}

export interface FakeIpcApi extends Api {
  /** Calls that got past main's checks and reached `route`. */
  readonly forwarded: ReadonlyArray<{ method: string; caller: Caller }>;
  /** Channels registered with the fake ipcMain.handle (main registers exactly one). */
  readonly handledChannels: readonly string[];
  close(): void;
}

const WINDOW_ID = 1;
/** Our window's main frame (webContents.mainFrame). */
const windowMainFrame: FrameLike = { url: APP_ENTRY_URL, parent: null, processId: 4, routingId: 1 };

export function createFakeIpcApi(route: RouteFn, options: FakeIpcOptions = {}): FakeIpcApi {
  // ---- main side ----
  const handlers = new Map<string, (event: SenderEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMainHandle = (channel: string, handler: (event: SenderEventLike, ...args: unknown[]) => Promise<unknown>): void => {
    // Electron throws on a second handler for the same channel; so does the fake.
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  };
  const forwarded: Array<{ method: string; caller: Caller }> = [];
  const invokeHandler = createInvokeHandler({
    forward: (method, input, caller) => {
      forwarded.push({ method, caller });
      return route(method, input, caller);
    },
    isTrustedSender: createSenderCheck((id) => (id === WINDOW_ID ? windowMainFrame : null)),
  });
  ipcMainHandle(INVOKE_CHANNEL, (event, method, input) => invokeHandler(event, method, input));

  const senderEvent = makeSenderEvent(options.sender ?? { kind: 'main-frame', ...(options.senderUrl ? { url: options.senderUrl } : {}) });

  // ---- renderer side (what the preload sees as ipcRenderer) ----
  const pageListeners = new Set<(event: unknown, ...args: unknown[]) => void>();
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const cloned = cloneForIpc(args);
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
      return cloneForIpc(await handler(senderEvent, ...cloned));
    },
    on(channel, listener) {
      if (channel === EVENT_CHANNEL) pageListeners.add(listener);
    },
    removeListener(channel, listener) {
      if (channel === EVENT_CHANNEL) pageListeners.delete(listener);
    },
  };
  // webContents.send(EVENT_CHANNEL, event): main → page, cloned, with an IPC event object the bridge must not leak.
  const stopEvents = options.events?.((event) => {
    const payload = cloneForIpc(event);
    for (const listener of [...pageListeners]) listener({ sender: 'ipc-renderer-event', senderId: 0 }, payload);
  });

  const bridge = createBridge(ipcRenderer);
  return {
    invoke: ((method: string, input: unknown) => bridge.invoke(method, input)) as Api['invoke'],
    onEvent: (listener) => bridge.onEvent(listener),
    forwarded,
    get handledChannels() {
      return [...handlers.keys()];
    },
    close: () => stopEvents?.(),
  };
}

function makeSenderEvent(sender: FakeSender): SenderEventLike {
  switch (sender.kind) {
    case 'main-frame':
      // The window's main frame, showing `url` (a wrapper with the same frame identity).
      return { senderFrame: { ...windowMainFrame, url: sender.url ?? APP_ENTRY_URL }, sender: { id: WINDOW_ID } };
    case 'subframe':
      return { senderFrame: { url: sender.url, parent: windowMainFrame, processId: 4, routingId: 2 }, sender: { id: WINDOW_ID } };
    case 'no-frame':
      return { senderFrame: null, sender: { id: WINDOW_ID } };
    case 'other-window':
      return { senderFrame: { url: sender.url ?? APP_ENTRY_URL, parent: null, processId: 5, routingId: 1 }, sender: { id: WINDOW_ID + 1 } };
  }
}

/** Electron IPC serialises with the structured clone algorithm; a value it cannot clone makes the call fail. */
function cloneForIpc<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new Error(`An object could not be cloned. (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}
