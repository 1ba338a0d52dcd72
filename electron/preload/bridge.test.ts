import { describe, expect, it } from 'vitest';
import { ok, type AnyEvent } from '../../shared/contract';
import { createBridge, type IpcRendererLike } from './bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const sent: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      sent.push([channel, ...args]);
      if (args[1] === 'uncloneable') throw new Error('An object could not be cloned.');
      return ok({ channel });
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (payload: unknown) => {
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({ sender: 'IPC-EVENT-OBJECT', ports: [] }, payload);
  };
  return { ipc, sent, listeners, emit };
}

const stateEvent: AnyEvent = { event: 'backend.state', payload: { state: 'ready', message: 'Backend ready', restarts: 0 } };

describe('createBridge', () => {
  it('exposes exactly invoke and onEvent', () => {
    expect(Object.keys(createBridge(fakeIpcRenderer().ipc)).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('sends a renderer method on the one invoke channel', async () => {
    const { ipc, sent } = fakeIpcRenderer();
    expect(await createBridge(ipc).invoke('case.list', {})).toEqual(ok({ channel: INVOKE_CHANNEL }));
    expect(sent).toEqual([[INVOKE_CHANNEL, 'case.list', {}]]);
  });

  it('refuses names that are not renderer methods without sending anything', async () => {
    const { ipc, sent } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    expect(await bridge.invoke('case.openPath', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await bridge.invoke('dev.sleep', { ms: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await bridge.invoke('nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await bridge.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await bridge.invoke(7 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(sent).toEqual([]);
  });

  it('turns a failed send into an envelope', async () => {
    const { ipc } = fakeIpcRenderer();
    await expect(createBridge(ipc).invoke('case.create', 'uncloneable')).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('fans events out to listeners with the payload only, never the IPC event object', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const a: unknown[][] = [];
    const b: unknown[][] = [];
    const offA = bridge.onEvent((...args) => a.push(args));
    bridge.onEvent((...args) => b.push(args));
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(1);
    emit(stateEvent);
    expect(a).toEqual([[stateEvent]]);
    expect(b).toEqual([[stateEvent]]);
    offA();
    offA();
    emit(stateEvent);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
  });

  it('drops unknown or malformed events and detaches from IPC when the last listener leaves', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const off = bridge.onEvent((e) => seen.push(e));
    emit({ event: 'evil.event', payload: {} });
    emit('backend.state');
    emit(null);
    expect(seen).toEqual([]);
    off();
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('keeps delivering when one listener throws', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const originalError = console.error;
    console.error = () => undefined;
    try {
      bridge.onEvent(() => {
        throw new Error('boom');
      });
      bridge.onEvent((e) => seen.push(e));
      emit(stateEvent);
    } finally {
      console.error = originalError;
    }
    expect(seen).toEqual([stateEvent]);
  });
});
