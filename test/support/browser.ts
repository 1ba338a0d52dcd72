/**
 * Browser end-to-end harness: a real HTTP host with a real backend process (DuckDB on disk in a
 * temp workspace) and Debian's Chromium driven by playwright-core. It builds nothing itself:
 * `npm run test:e2e` runs `vite build` first, and the host serves out/renderer.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { resourcePath } from '../../electron/core/paths';
import { startWebHost, type WebHost } from '../../electron/server/web-host';

export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

export interface BrowserSession {
  host: WebHost;
  context: BrowserContext;
  page: Page;
  workspaceDir: string;
  /** console.error messages and uncaught page errors, in order. */
  consoleErrors: string[];
  /** securitypolicyviolation events from every page in the context, across reloads. */
  cspViolations: CspViolation[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Extra Chromium switches, e.g. --host-resolver-rules for the DNS-rebinding spec. */
  extraArgs?: string[];
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const baseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Runs in every page before its own scripts; the binding survives reloads, unlike a page global.
const cspListener = `
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__tokenscopeCsp({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample || '' });
  });
`;

export async function startBrowserSession(options: SessionOptions = {}): Promise<BrowserSession> {
  if (!existsSync(resourcePath('out', 'renderer', 'index.html'))) {
    throw new Error('out/renderer is not built: run `npm run test:e2e` (it runs `vite build` first) or `npx vite build`.');
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  const root = await mkdtemp(join(tmpdir(), 'tokenscope-e2e-'));
  const workspaceDir = join(root, 'workspace');
  const profileDir = join(root, 'profile');
  await mkdir(workspaceDir);
  await mkdir(profileDir);

  let host: WebHost | undefined;
  let context: BrowserContext | undefined;
  try {
    host = await startWebHost({ workspaceDir, testHooks: true });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...baseArgs, ...(options.extraArgs ?? [])],
    });
    const consoleErrors: string[] = [];
    const cspViolations: CspViolation[] = [];
    await context.exposeBinding('__tokenscopeCsp', ({ page }, v: Omit<CspViolation, 'page'>) => {
      cspViolations.push({ page: page.url(), ...v });
    });
    await context.addInitScript(cspListener);
    const watch = (page: Page) => {
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: uncaught ${e.message}`));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    const page = context.pages()[0] ?? (await context.newPage());
    const openedHost = host;
    const openedContext = context;
    return {
      host,
      context,
      page,
      workspaceDir,
      consoleErrors,
      cspViolations,
      close: async () => {
        await openedContext.close().catch(() => undefined);
        await openedHost.close().catch(() => undefined);
        await rm(root, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await host?.close().catch(() => undefined);
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/** Open the launch URL and wait until the shell has talked to the backend. */
export async function openApp(session: BrowserSession): Promise<void> {
  await session.page.goto(session.host.launchUrl);
  await session.page.getByTestId('status-backend').and(session.page.locator('[data-state="ready"]')).waitFor();
}

/** Where screenshots go (gitignored). */
export function resultsPath(name: string): string {
  return resourcePath('test-results', name);
}

declare const sessionStorage: { getItem(key: string): string | null };

/**
 * Call the backend from inside the page, through the HTTP host with the page's own token, as the
 * UI would; throws with the envelope's message when the answer is not ok.
 */
export async function invokeInPage<T>(s: BrowserSession, method: string, input: unknown): Promise<T> {
  const answer = await s.page.evaluate(
    async ([m, i]) => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('tokenscope.token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, input] as const,
  );
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value as T;
}
