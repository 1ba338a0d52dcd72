import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, type AnyEvent } from '../../shared/contract';
import { startHttpHost, type HttpHost } from '../../electron/server/http-host';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the test controls the Host and Origin headers exactly as an attacker could. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers ?? {}, setHost: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('HTTP host security (SECURITY.md T10)', () => {
  let host: HttpHost;
  let calls = 0;
  const rendererDir = mkdtempSync(join(tmpdir(), 'tokenscope-renderer-'));

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {}');
    host = await startHttpHost({
      rendererDir,
      forwarder: {
        invoke: async (method) => {
          calls += 1;
          return ok({ method });
        },
        onEvent: (_listener: (event: AnyEvent) => void) => () => undefined,
      },
    });
  });
  afterAll(async () => {
    await host.close();
  });

  const hostHeader = () => `127.0.0.1:${host.port}`;
  const auth = () => ({ Authorization: `Bearer ${host.token}` });
  const invoke = (headers: Record<string, string>) =>
    send(host.port, { method: 'POST', path: '/api/invoke', headers, body: JSON.stringify({ method: 'app.info', input: {} }) });

  it('uses a 256-bit token and binds 127.0.0.1 only', () => {
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('accepts a well-formed call with the token', async () => {
    const reply = await invoke({ Host: hostHeader(), ...auth(), 'Content-Type': 'application/json' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { method: 'app.info' } });
  });

  it('refuses calls without the token or with a wrong one (401)', async () => {
    const before = calls;
    expect((await invoke({ Host: hostHeader(), 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await invoke({ Host: hostHeader(), Authorization: 'Bearer nope', 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await invoke({ Host: hostHeader(), Authorization: host.token, 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await send(host.port, { path: '/api/events', headers: { Host: hostHeader() } })).status).toBe(401);
    expect(calls).toBe(before);
  });

  it('refuses a foreign Host header even with a valid token and no Origin (403, DNS rebinding)', async () => {
    const before = calls;
    for (const foreign of [`attacker.example:${host.port}`, 'attacker.example', `127.0.0.1:${host.port + 1}`, '']) {
      expect((await invoke({ Host: foreign, ...auth(), 'Content-Type': 'application/json' })).status).toBe(403);
    }
    expect((await send(host.port, { path: '/', headers: { Host: `rebind.test:${host.port}` } })).status).toBe(403);
    expect(calls).toBe(before);
  });

  it('refuses a foreign or null Origin (403) and sends no CORS headers', async () => {
    const before = calls;
    for (const origin of ['http://attacker.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) {
      const reply = await invoke({ Host: hostHeader(), Origin: origin, ...auth(), 'Content-Type': 'application/json' });
      expect(reply.status).toBe(403);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
    const preflight = await send(host.port, {
      method: 'OPTIONS',
      path: '/api/invoke',
      headers: { Host: hostHeader(), Origin: 'http://attacker.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(calls).toBe(before);
  });

  it('accepts its own Origin', async () => {
    const reply = await invoke({ Host: hostHeader(), Origin: host.origin, ...auth(), 'Content-Type': 'application/json' });
    expect(reply.status).toBe(200);
  });

  it('refuses non-JSON posts (415) and oversized bodies (413)', async () => {
    const before = calls;
    expect((await invoke({ Host: hostHeader(), ...auth(), 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await invoke({ Host: hostHeader(), ...auth(), 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const huge = await send(host.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { Host: hostHeader(), ...auth(), 'Content-Type': 'application/json' },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(calls).toBe(before);
  });

  it('never returns the token from any route', async () => {
    const replies = await Promise.all([
      send(host.port, { path: '/', headers: { Host: hostHeader() } }),
      send(host.port, { path: '/assets/app.js', headers: { Host: hostHeader() } }),
      send(host.port, { path: '/api/nope', headers: { Host: hostHeader(), ...auth() } }),
      invoke({ Host: hostHeader(), ...auth(), 'Content-Type': 'application/json' }),
    ]);
    for (const reply of replies) {
      expect(reply.body).not.toContain(host.token);
      expect(JSON.stringify(reply.headers)).not.toContain(host.token);
    }
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const page = await send(host.port, { path: '/', headers: { Host: hostHeader() } });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/package.json', '/%00']) {
      const reply = await send(host.port, { path, headers: { Host: hostHeader() } });
      expect(reply.body).not.toContain('"name"');
    }
  });
});
