import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/core/backend';
import { INVOKE_CHANNEL } from '../../electron/preload/channels';
import type { AnyEvent } from '../../shared/contract';
import { createFakeIpcApi, type FakeSender } from '../support/fake-ipc';
import { tempDir } from '../support/transports';

let workspaceDir: string;
let backend: Backend;

beforeAll(() => {
  workspaceDir = tempDir('fake-ipc');
  backend = new Backend({ workspaceDir });
});
afterAll(async () => {
  await backend.shutdown();
  rmSync(workspaceDir, { recursive: true, force: true });
});

describe('fake Electron IPC over the real backend router', () => {
  it('registers exactly one handler, on the invoke channel', () => {
    const api = createFakeIpcApi(backend.route);
    expect(api.handledChannels).toEqual([INVOKE_CHANNEL]);
  });

  it('carries calls from the trusted main frame to the backend with caller "renderer"', async () => {
    const api = createFakeIpcApi(backend.route);
    const info = await api.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Tokenscope' } });
    expect(api.forwarded).toEqual([{ method: 'app.info', caller: 'renderer' }]);
  });

  it('delivers backend events to page listeners', async () => {
    const api = createFakeIpcApi(backend.route, { events: (l) => backend.onEvent(l) });
    const seen: AnyEvent[] = [];
    api.onEvent((e) => seen.push(e));
    const created = await api.invoke('case.create', { name: 'IPC events' });
    expect(created.ok).toBe(true);
    expect(seen.some((e) => e.event === 'case.changed' && e.payload.current?.name === 'IPC events')).toBe(true);
    api.close();
  });

  it('fails a call with non-cloneable input the way Electron does, as an envelope', async () => {
    const api = createFakeIpcApi(backend.route);
    const result = await api.invoke('case.create', { name: 'x', fn: () => 1 } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('could not be cloned') } });
    expect(api.forwarded).toEqual([]);
  });

  it('never lets the page reach a host-only method, even with a valid path', async () => {
    const api = createFakeIpcApi(backend.route);
    const result = await api.invoke('case.createAt' as never, { path: `${workspaceDir}/evil.tokenscope`, name: 'evil' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(api.forwarded).toEqual([]);
  });

  const foreign: Array<[string, FakeSender]> = [
    ['an about:blank iframe', { kind: 'subframe', url: 'about:blank' }],
    ['a data: iframe', { kind: 'subframe', url: 'data:text/html,<script>parent.tokenscope.invoke()</script>' }],
    ['a frame that is gone (senderFrame null)', { kind: 'no-frame' }],
    ['another origin in the main frame', { kind: 'main-frame', url: 'https://evil.example/' }],
    ['a file: page in the main frame', { kind: 'main-frame', url: 'file:///tmp/x.html' }],
    ['a data: page in the main frame', { kind: 'main-frame', url: 'data:text/html,hi' }],
    ['another window', { kind: 'other-window' }],
  ];
  it.each(foreign)('refuses %s with FORBIDDEN and forwards nothing', async (_label, sender) => {
    const api = createFakeIpcApi(backend.route, { sender });
    const result = await api.invoke('case.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(api.forwarded).toEqual([]);
  });

  it('senderUrl is a shorthand for the main frame URL', async () => {
    const api = createFakeIpcApi(backend.route, { senderUrl: 'app://evil/index.html' });
    expect(await api.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
