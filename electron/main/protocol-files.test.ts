import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererCsp } from '../../shared/security/csp';
import { createAppRequestHandler, refuseFileRequest, resolveAppFile } from './protocol-files';

let base: string;
let root: string;
const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUNDLE';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tokenscope-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tokenscope</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app-1a2b.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'x.js'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  symlinkSync(join(base, 'outside'), join(root, 'linked-dir'));
  symlinkSync(join(root, 'assets', 'app-1a2b.js'), join(root, 'assets', 'alias.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('serves files inside the renderer directory', () => {
    expect(resolveAppFile('app://tokenscope/assets/app-1a2b.js', root)).toMatchObject({ ok: true, file: expect.stringMatching(/assets[/\\]app-1a2b\.js$/) });
    expect(resolveAppFile('app://tokenscope/', root)).toMatchObject({ ok: true, file: expect.stringMatching(/index\.html$/) });
    expect(resolveAppFile('app://tokenscope/index.html?x=1#y', root)).toMatchObject({ ok: true });
  });

  it('falls back to index.html for extensionless deep links, but 404s a missing asset', () => {
    expect(resolveAppFile('app://tokenscope/findings/abc', root)).toMatchObject({ ok: true, file: expect.stringMatching(/index\.html$/) });
    expect(resolveAppFile('app://tokenscope/assets/missing.js', root)).toEqual({ ok: false, status: 404, reason: 'no such file' });
  });

  it('keeps an encoded absolute path inside the bundle (the app shell, never /etc/passwd)', () => {
    const result = resolveAppFile('app://tokenscope/%2Fetc%2Fpasswd', root);
    expect(result).toMatchObject({ ok: true, file: expect.stringMatching(/renderer[/\\]index\.html$/) });
    expect(resolveAppFile('app://tokenscope/%2Fetc%2Fhosts.txt', root)).toMatchObject({ ok: false, status: 404 });
  });

  it('allows a symlink that stays inside the bundle', () => {
    expect(resolveAppFile('app://tokenscope/assets/alias.js', root)).toMatchObject({ ok: true });
  });

  it.each([
    ['dot-dot (folded by the URL parser, so it stays inside)', 'app://tokenscope/../secret.txt', 404],
    ['encoded dot-dot', 'app://tokenscope/%2e%2e/secret.txt', 404],
    ['encoded slash traversal', 'app://tokenscope/..%2fsecret.txt', 403],
    ['encoded slash traversal, upper case', 'app://tokenscope/assets/..%2F..%2Fsecret.txt', 403],
    ['encoded backslash traversal', 'app://tokenscope/..%5csecret.txt', 400],
    ['NUL byte', 'app://tokenscope/index.html%00.js', 400],
    ['Windows drive path', 'app://tokenscope/C:%5cWindows%5cwin.ini', 400],
    ['broken percent-encoding', 'app://tokenscope/%E0%A4%A', 400],
    ['symlink to a file outside', 'app://tokenscope/assets/leak.txt', 403],
    ['symlinked directory outside', 'app://tokenscope/linked-dir/x.js', 403],
    ['another host', 'app://evil/index.html', 403],
    ['another scheme', 'file:///etc/passwd', 403],
    ['credentials', 'app://a:b@tokenscope/index.html', 403],
    ['not a URL', 'not a url', 400],
  ])('refuses %s', (_label, url, status) => {
    const result = resolveAppFile(url, root);
    expect(result).toMatchObject({ ok: false, status });
  });

  it('answers 404 when the renderer is not built', () => {
    expect(resolveAppFile('app://tokenscope/', join(base, 'nope'))).toMatchObject({ ok: false, status: 404 });
  });
});

describe('createAppRequestHandler', () => {
  it('returns the file with the renderer CSP and a content type', async () => {
    const handle = createAppRequestHandler(root);
    const response = await handle(new Request('app://tokenscope/assets/app-1a2b.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(rendererCsp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('leaks zero bytes of files outside the bundle and still sends the CSP on errors', async () => {
    const handle = createAppRequestHandler(root);
    for (const url of ['app://tokenscope/assets/leak.txt', 'app://tokenscope/linked-dir/x.js', 'app://tokenscope/..%2fsecret.txt', 'app://tokenscope/../secret.txt']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      const body = await response.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(base);
      expect(response.headers.get('content-security-policy')).toBe(rendererCsp);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handle = createAppRequestHandler(root);
    const response = await handle(new Request('app://tokenscope/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    const head = await handle(new Request('app://tokenscope/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('refuseFileRequest', () => {
  it('answers 403 with the security headers and no content', async () => {
    const response = await refuseFileRequest();
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(rendererCsp);
    expect(await response.text()).toBe('Forbidden');
  });
});
