import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * The BUILT preload, run the way a sandboxed preload runs: a CommonJS wrapper whose `require`
 * knows only 'electron' (Electron's sandbox also allows events/timers/url; we allow none of
 * them, so the bundle must not need them). Proves the build is self-contained CJS and that it
 * exposes exactly window.tokenscope = { invoke, onEvent } and nothing of ipcRenderer.
 */
const bundle = join(import.meta.dirname, '..', '..', 'out', 'preload', 'index.cjs');
const built = existsSync(bundle);
if (!built) console.warn('preload-bundle.test.ts: SKIPPED — out/preload/index.cjs is missing; run `npm run build` first.');

function loadPreload() {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const subscriptions: Array<[string, (...args: unknown[]) => void]> = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        exposed[key] = api;
      },
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => subscriptions.push([channel, listener]),
      removeListener: () => undefined,
    },
  };
  const required: string[] = [];
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found in the preload sandbox: ${name}`);
  };
  const code = `(function (require, module, exports) {${readFileSync(bundle, 'utf8')}\n})`;
  const fn = vm.runInNewContext(code, { console, Promise, structuredClone, setTimeout, clearTimeout }, { filename: bundle }) as (
    r: typeof sandboxRequire,
    m: typeof module,
    e: unknown,
  ) => void;
  fn(sandboxRequire, module, module.exports);
  return { exposed, invoked, subscriptions, required };
}

describe.skipIf(!built)('built preload (out/preload/index.cjs)', () => {
  it('is CommonJS that requires only electron and exposes only tokenscope.invoke/onEvent', () => {
    const { exposed, required } = loadPreload();
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(Object.keys(exposed)).toEqual(['tokenscope']);
    expect(Object.keys(exposed.tokenscope as object).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('sends renderer methods on the invoke channel and refuses host-only methods in the page', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.tokenscope as { invoke(m: string, i: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
    await api.invoke('case.list', {});
    const refused = await api.invoke('case.openPath', { path: '/etc/passwd' });
    expect(invoked).toEqual([['tokenscope:invoke', 'case.list', {}]]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('subscribes to the one event channel and passes listeners only the event', () => {
    const { exposed, subscriptions } = loadPreload();
    const api = exposed.tokenscope as { onEvent(l: (...args: unknown[]) => void): () => void };
    const seen: unknown[][] = [];
    api.onEvent((...args) => seen.push(args));
    expect(subscriptions.map(([channel]) => channel)).toEqual(['tokenscope:event']);
    const event = { event: 'backend.state', payload: { state: 'ready', message: 'ok', restarts: 0 } };
    subscriptions[0]?.[1]({ sender: 'the IpcRendererEvent' }, event);
    expect(seen).toEqual([[event]]);
  });
});
