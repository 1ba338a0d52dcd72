/**
 * The renderer's own HTTP transport (renderer/src/api/http-transport.ts), run in Node against the
 * real host and a real backend process: envelopes, the fetch-based event stream, and reconnecting
 * after the host goes away and comes back. The browser specs cover the same code inside Chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../shared/contract';
import { startWebHost, type WebHost } from '../../electron/server/web-host';
import { createHttpApi, type HttpApi } from '../../renderer/src/api/http-transport';

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('renderer HTTP transport against the real host', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  async function host(workspaceDir: string, fixed: { port?: number; token?: string } = {}): Promise<WebHost> {
    const started = await startWebHost({ workspaceDir, testHooks: true, ...fixed });
    cleanups.push(() => started.close());
    return started;
  }

  function transport(options: Parameters<typeof createHttpApi>[0]): HttpApi {
    const api = createHttpApi(options);
    cleanups.push(async () => api.close());
    return api;
  }

  it('answers envelopes, streams events, and reconnects when the host comes back', async () => {
    const workspaceDir = await mkdtemp(join(tmpdir(), 'tokenscope-transport-'));
    cleanups.push(() => rm(workspaceDir, { recursive: true, force: true }));
    const first = await host(workspaceDir);

    const connection: boolean[] = [];
    const events: AnyEvent[] = [];
    const api = transport({ token: first.token, baseUrl: first.origin, onConnection: (c) => connection.push(c) });
    api.onEvent((e) => events.push(e));
    await until(() => connection.includes(true), 'the event stream');

    const created = await api.invoke('case.create', { name: 'Transport case' });
    if (!created.ok) throw new Error(created.error.message);
    await until(
      () => events.some((e) => e.event === 'case.changed' && e.payload.current?.id === created.value.id),
      'case.changed for the new case',
    );
    expect(await api.invoke('case.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const stranger = transport({ token: 'x'.repeat(43), baseUrl: first.origin });
    expect(await stranger.invoke('case.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    // The host goes away: calls answer BACKEND_UNAVAILABLE and the stream reports the drop.
    await first.close();
    await until(() => connection.at(-1) === false, 'the stream to drop');
    expect(await api.invoke('case.current', {})).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE' } });

    // A new host on the same port and token (a restarted `npm run web -- --port`): the stream comes back by itself.
    const second = await host(workspaceDir, { port: first.port, token: first.token });
    await until(() => connection.at(-1) === true, 'the stream to reconnect');
    const before = events.length;
    const reopened = await api.invoke('case.open', { caseId: created.value.id });
    expect(reopened).toMatchObject({ ok: true, value: { name: 'Transport case' } });
    await until(() => events.slice(before).some((e) => e.event === 'case.changed'), 'events from the new host');
    expect(second.port).toBe(first.port);
  });
});
