import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, type AnyEvent, type Envelope } from '../../shared/contract';
import { Listeners, type Api } from '../../shared/transport/api';
import { Backend } from '../../electron/core/backend';
import { startWebHost, type WebHost } from '../../electron/server/web-host';

/** A transport under test: an Api as the UI would see it, plus how to tear it down. */
export interface TransportHarness {
  name: string;
  api: Api;
  workspaceDir: string;
  close(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tokenscope-${prefix}-`));
}

/** The backend router called directly, as the CLI does (caller = renderer, to test the same rules). */
export function inProcessHarness(): TransportHarness {
  const workspaceDir = tempDir('inproc');
  const backend = new Backend({ workspaceDir });
  const api: Api = {
    invoke: (method, input) => backend.route(method, input, 'renderer') as never,
    onEvent: (listener) => backend.onEvent(listener),
  };
  return {
    name: 'in-process',
    api,
    workspaceDir,
    close: async () => {
      await backend.shutdown();
      rmSync(workspaceDir, { recursive: true, force: true });
    },
  };
}

/** The real HTTP host in front of a real forked backend process, called with fetch like the browser does. */
export async function httpHarness(options: { testHooks?: boolean } = {}): Promise<TransportHarness & { host: WebHost }> {
  const workspaceDir = tempDir('http');
  const host = await startWebHost({ workspaceDir, testHooks: options.testHooks ?? false });
  const api = httpApi(host.origin, host.token);
  return {
    name: 'http',
    api,
    host,
    workspaceDir,
    close: async () => {
      await host.close();
      rmSync(workspaceDir, { recursive: true, force: true });
    },
  };
}

/** An Api over the HTTP host: POST /api/invoke for calls, GET /api/events (SSE over fetch) for events. */
export function httpApi(origin: string, token: string): Api {
  const events = new Listeners<AnyEvent>();
  let stream: AbortController | undefined;
  const headers = { Authorization: `Bearer ${token}` };
  const connect = () => {
    stream = new AbortController();
    const controller = stream;
    void fetch(`${origin}/api/events`, { headers, signal: controller.signal })
      .then(async (response) => {
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (data) events.emit(JSON.parse(data.slice(6)) as AnyEvent);
          }
        }
      })
      .catch(() => undefined);
  };
  return {
    async invoke(method, input) {
      try {
        const response = await fetch(`${origin}/api/invoke`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as Envelope<never>;
      } catch (error) {
        return fail('BACKEND_UNAVAILABLE', String(error));
      }
    },
    onEvent(listener) {
      if (!stream) connect();
      const off = events.add(listener);
      return () => {
        off();
      };
    },
  };
}
