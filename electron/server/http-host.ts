import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fail, methods, isMethodName, type AnyEvent, type Envelope } from '../../shared/contract';
import { securityHeaders } from '../../shared/security/csp';

/** What the HTTP host forwards to: the backend supervisor in practice, anything with this shape in tests. */
export interface Forwarder {
  invoke(method: string, input: unknown, caller: 'renderer'): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AnyEvent) => void): () => void;
}

export interface HttpHostOptions {
  forwarder: Forwarder;
  /** Built renderer (vite build output). */
  rendererDir: string;
  port?: number;
  /** Tests may fix the token; by default a fresh 256-bit token per launch. */
  token?: string;
}

export interface HttpHost {
  port: number;
  origin: string;
  /** URL to open in a browser: the token travels in the fragment, which browsers never send. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The browser host (SECURITY.md §5, T10): 127.0.0.1 only, a per-launch bearer token that no
 * route returns, an exact Host allowlist checked before routing (DNS rebinding), Origin checked
 * when present, no CORS, JSON-only POSTs, and the same CSP as the Electron renderer.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererDir = resolve(options.rendererDir);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', error instanceof Error ? error.message : String(error)));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendText(res, 403, 'Forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return sendText(res, 403, 'Forbidden origin');
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req)) return sendText(res, 401, 'Missing or wrong token');
      if (url.pathname === '/api/invoke') return invoke(req, res);
      if (url.pathname === '/api/events') return eventStream(req, res);
      return sendText(res, 404, 'Not found');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    return serveStatic(url.pathname, res);
  }

  function authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return presented.length === tokenBytes.length && timingSafeEqual(presented, tokenBytes);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed');
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return sendText(res, 415, 'Content-Type must be application/json');
    const body = await readBody(req);
    if (body === undefined) return sendText(res, 413, 'Request too large');
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      return sendJson(res, 200, fail('BAD_REQUEST', 'The request body is not valid JSON'));
    }
    const { method, input } = (typeof request === 'object' && request !== null ? request : {}) as { method?: unknown; input?: unknown };
    if (!isMethodName(method)) return sendJson(res, 200, fail('UNKNOWN_METHOD', 'Unknown method'));
    if (methods[method].audience === 'host') return sendJson(res, 200, fail('FORBIDDEN', `${method} can only be called by the host`));
    sendJson(res, 200, await options.forwarder.invoke(method, input, 'renderer'));
  }

  function eventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', ...securityHeaders });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.forwarder.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    });
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad path');
    }
    if (decoded.includes('\0')) return sendText(res, 400, 'Bad path');
    const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
    const file = join(rendererDir, relative);
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return sendText(res, 403, 'Forbidden path');
    // Unknown paths fall back to the app shell, so deep links and reloads work.
    const target = existsSync(file) && statSync(file).isFile() ? file : join(rendererDir, 'index.html');
    if (!existsSync(target)) return sendText(res, 503, 'The renderer is not built: run `npx vite build` first');
    res.writeHead(200, {
      'Content-Type': contentTypes[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...securityHeaders,
    });
    res.end(readFileSync(target));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    token,
    launchUrl: `${origin}/#t=${token}`,
    close: () =>
      new Promise<void>((done) => {
        for (const stream of streams) stream.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
  res.end(text);
}
