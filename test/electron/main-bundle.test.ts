import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererCsp } from '../../shared/security/csp';

/**
 * Bundle smoke test (TOOLCHAIN.md §3.5): the BUILT out/main/index.js runs in plain Node with
 * 'electron' resolved to test/electron/fake-electron/fake-electron.mjs (an ESM loader hook, since
 * the bundle is ESM). Its backend is the real built out/main/backend.js in its own process with a
 * real DuckDB. This proves the bundle resolves its imports and wires IPC, protocol, hardening,
 * menu and the supervised backend as intended. Needs `npm run build` first.
 */
const root = join(import.meta.dirname, '..', '..');
const mainBundle = join(root, 'out', 'main', 'index.js');
const built = existsSync(mainBundle) && existsSync(join(root, 'out', 'main', 'backend.js')) && existsSync(join(root, 'out', 'preload', 'index.cjs'));
if (!built) console.warn('main-bundle.test.ts: SKIPPED — out/main or out/preload is missing; run `npm run build` (electron-vite build) first.');

type Envelope = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };
interface Report {
  calls: string[];
  channels: string[];
  privileged: unknown;
  protocols: string[];
  forks: string[];
  loadedUrl: string | null;
  loadedFile: string | null;
  webPreferences: Record<string, unknown>;
  preloadExists: boolean;
  menu: Array<{ label: string; items: string[] }>;
  appInfo: Envelope;
  fromIframe: Envelope;
  fromNullFrame: Envelope;
  hostOnly: Envelope;
  created: Envelope;
  title: string | null;
  caseChangedSent: boolean;
  index: { status: number; csp: string | null; type: string | null; startsWith: string };
  traversal: number;
  fileScheme: number | null;
  importDialogs: Array<{ title: string; message: string; detail: string }>;
  importErrors: string[];
  navigations: Record<string, boolean>;
  webviewPrevented: boolean;
  windowOpen: { action: string };
  permissionRequest: boolean | null;
  permissionCheck: boolean;
  devicePermission: boolean;
  openedExternally: string[];
  backendExitedOnQuit: boolean;
  quitPrevented: boolean;
  caseClosedOnQuit: boolean;
  quitCalls: number;
  crashStates: Array<{ state: string; restarts: number; message: string }>;
  afterRestart: Envelope;
  errors: string[];
}

function runMainBundle(workspaceDir: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', join(import.meta.dirname, 'fake-electron', 'register.mjs'), join(import.meta.dirname, 'fake-electron', 'drive-main.mjs'), mainBundle],
      { cwd: root, env: { ...process.env, TOKENSCOPE_WORKSPACE: workspaceDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('@@REPORT@@'));
      if (code !== 0 || !line) return reject(new Error(`main bundle run failed (exit ${code}):\n${err}\n${out}`.slice(0, 4000)));
      resolve(JSON.parse(line.slice('@@REPORT@@'.length)) as Report);
    });
  });
}

describe.skipIf(!built)('built Electron main bundle (fake electron module, real backend process)', () => {
  let report: Report;
  let workspaceDir: string;

  beforeAll(async () => {
    workspaceDir = mkdtempSync(join(tmpdir(), 'tokenscope-main-bundle-'));
    report = await runMainBundle(workspaceDir);
  }, 60_000);
  afterAll(() => rmSync(workspaceDir, { recursive: true, force: true }));

  it('registers exactly one IPC handler, on tokenscope:invoke, and no raw listeners', () => {
    expect(report.channels).toEqual(['tokenscope:invoke']);
    expect(report.calls.filter((c) => c.startsWith('ipcMain.'))).toEqual(['ipcMain.handle:tokenscope:invoke']);
    expect(report.calls).toEqual(expect.arrayContaining(['app.enableSandbox', 'app.requestSingleInstanceLock', 'app.setAppUserModelId:dev.tokenscope.app']));
  });

  it('serves the renderer from app://tokenscope with the CSP header, never file://', () => {
    expect(report.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(report.protocols).toEqual(['app', 'file']);
    expect(report.fileScheme).toBe(403);
    expect(report.loadedUrl).toBe('app://tokenscope/index.html');
    expect(report.loadedFile).toBeNull();
    if (existsSync(join(root, 'out', 'renderer', 'index.html'))) {
      expect(report.index).toMatchObject({ status: 200, csp: rendererCsp, type: 'text/html; charset=utf-8' });
    }
    expect(report.traversal).toBe(403);
  });

  it('creates its one window with the hardened preferences and the built CJS preload', () => {
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(String(report.webPreferences.preload)).toMatch(/out[/\\]preload[/\\]index\.cjs$/);
    expect(report.preloadExists).toBe(true);
  });

  it('starts the built backend in its own process and carries calls to it over IPC', () => {
    expect(report.forks[0]).toMatch(/out[/\\]main[/\\]backend\.js$/);
    expect(report.appInfo).toMatchObject({ ok: true, value: { name: 'Tokenscope', duckdbVersion: expect.stringMatching(/^v\d/) } });
    expect(report.created).toMatchObject({ ok: true, value: { name: 'Bundle smoke' } });
    expect(report.caseChangedSent).toBe(true);
    expect(report.title).toBe('Bundle smoke — Tokenscope');
  });

  it('restarts a killed backend, tells the window, and reopens the open case', () => {
    expect(report.forks).toHaveLength(2);
    expect(report.crashStates.map((s) => s.state)).toEqual(['crashed', 'restarting', 'ready']);
    expect(report.crashStates.at(-1)).toMatchObject({ restarts: 1, message: expect.stringContaining('The open case was reopened') });
    expect(report.afterRestart).toMatchObject({ ok: true, value: { name: 'Bundle smoke' } });
  });

  it('imports evidence from the File menu through the native dialog and the host-only method', () => {
    expect(report.importErrors).toEqual([]);
    expect(report.importDialogs).toHaveLength(1);
    expect(report.importDialogs[0]?.message).toMatch(/^\d+ files? imported: /);
    expect(report.importDialogs[0]?.detail).toContain('notes.txt');
  });

  it('refuses foreign frames and host-only methods', () => {
    expect(report.fromIframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.fromNullFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.hostOnly).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('blocks navigation, new windows, webviews and every permission', () => {
    expect(report.navigations).toEqual({
      'file:///etc/passwd': true,
      'https://example.invalid/': true,
      'javascript:alert(1)': true,
      'app://tokenscope/index.html': false,
    });
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.webviewPrevented).toBe(true);
    expect(report.permissionRequest).toBe(false);
    expect(report.permissionCheck).toBe(false);
    expect(report.devicePermission).toBe(false);
    expect(report.openedExternally).toEqual([]);
  });

  it('closes the open case before stopping the backend on quit, then quits', () => {
    expect(report.quitPrevented).toBe(true);
    expect(report.caseClosedOnQuit).toBe(true);
    expect(report.quitCalls).toBe(1);
  });

  it('installs the production menu (no reload, no devtools) and stops the backend on quit', () => {
    expect(report.menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const view = report.menu.find((m) => m.label === '&View')?.items ?? [];
    expect(view).not.toContain('reload');
    expect(view).not.toContain('toggleDevTools');
    expect(report.backendExitedOnQuit).toBe(true);
    expect(report.errors).toEqual([]);
  });
});
