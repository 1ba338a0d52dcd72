import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { securityHeaders } from '../../shared/security/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type FileResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app://tokenscope/<path> URL to a file inside the built renderer directory, or refuses.
 * The URL parser already folds "." and ".." (also as %2e%2e) out of the path; what is left is
 * checked again after percent-decoding (an encoded "/" or "\" could rebuild a traversal), and the
 * final file's real path must still be inside the real root, so a symlink cannot lead out.
 * Paths without an extension that do not exist fall back to index.html (deep links, reloads);
 * a missing asset is a plain 404.
 */
export function resolveAppFile(requestUrl: string, rootDir: string): FileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return { ok: false, status: 403, reason: 'not an app://tokenscope URL' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400, reason: 'bad character in path' };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'path traversal' };
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return { ok: false, status: 403, reason: 'absolute path' };

  const root = resolve(rootDir);
  const candidate = join(root, rel);
  if (!isInside(root, candidate)) return { ok: false, status: 403, reason: 'outside the renderer directory' };

  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, status: 404, reason: 'the renderer is not built' };
  }
  const target = existingFile(candidate) ?? (extname(rel) === '' ? existingFile(join(root, 'index.html')) : undefined);
  if (!target) return { ok: false, status: 404, reason: 'no such file' };
  let realTarget: string;
  try {
    realTarget = realpathSync(target);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!isInside(realRoot, realTarget)) return { ok: false, status: 403, reason: 'symlink leads outside the renderer directory' };
  return { ok: true, file: realTarget };
}

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The protocol.handle('app', …) body: a fetch-style handler (Request → Response) so it runs and
 * is tested in plain Node. Every response, errors included, carries the renderer CSP and the
 * other security headers, and error bodies say nothing about the filesystem.
 */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolution = resolveAppFile(request.url, rootDir);
    if (!resolution.ok) return textResponse(resolution.status, statusText(resolution.status));
    let body: Buffer;
    try {
      body = await readFile(resolution.file);
    } catch {
      return textResponse(404, statusText(404));
    }
    const headers = { ...securityHeaders, 'Content-Type': contentTypeFor(resolution.file), 'Cache-Control': 'no-store' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/**
 * Installed for file: so that nothing in the app can load a local file by URL (an <img>, a
 * link, a navigation), whatever CSP or navigation rules say: defence in depth for T1.5.
 */
export async function refuseFileRequest(): Promise<Response> {
  return textResponse(403, statusText(403));
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function statusText(status: number): string {
  return status === 400 ? 'Bad request' : status === 403 ? 'Forbidden' : status === 404 ? 'Not found' : 'Error';
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function existingFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}
