import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, resultsPath, startBrowserSession, type BrowserSession } from '../support/browser';

/** Call the HTTP host from the page itself, with the token the app kept in sessionStorage. */
interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

function invokeFromPage(s: BrowserSession, method: string, input: unknown): Promise<Answer> {
  return s.page.evaluate(
    async ({ method, input }) => {
      const token = sessionStorage.getItem('tokenscope.token');
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      return (await res.json()) as Answer;
    },
    { method, input },
  );
}

describe('backend crash in the middle of a call', () => {
  let s: BrowserSession;
  beforeEach(async () => {
    s = await startBrowserSession();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('answers BACKEND_CRASHED, shows the crash, restarts the backend and reopens the case', async () => {
    const { page, host } = s;
    await openApp(s);
    await page.getByLabel('New case name').fill('Crash survivor');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByTestId('status-case').getByText('Crash survivor').waitFor();

    const oldPid = host.supervisor.pid;
    expect(oldPid).toBeTypeOf('number');
    const call = invokeFromPage(s, 'dev.sleep', { ms: 30_000 });
    // Let the call reach the backend before the kill.
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(oldPid as number, 'SIGKILL');

    const answer = await call;
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('BACKEND_CRASHED');
    expect(answer.error?.message).toContain('dev.sleep');

    const banner = page.getByTestId('crash-banner');
    await banner.getByText('BACKEND_CRASHED').waitFor();
    await banner.getByText(/signal SIGKILL/).first().waitFor();
    // Back up: a new process, status ready, the case reopened and shown again.
    await banner.getByText(/The open case was reopened/).waitFor();
    const backendStatus = page.getByTestId('status-backend');
    await page.locator('[data-testid="status-backend"][data-state="ready"]').waitFor();
    await expect(backendStatus.textContent()).resolves.toContain('Restarted');
    await page.getByTestId('status-case').getByText('Crash survivor').waitFor();
    expect(host.supervisor.pid).not.toBe(oldPid);

    const current = await invokeFromPage(s, 'case.current', {});
    expect(current).toMatchObject({ ok: true, value: { name: 'Crash survivor' } });

    await mkdir(dirname(resultsPath('x')), { recursive: true });
    await page.screenshot({ path: resultsPath('backend-crash-recovered.png') });

    // Dismissing the banner leaves the app working.
    await page.getByRole('button', { name: 'Dismiss the crash message' }).click();
    await expect(banner.count()).resolves.toBe(0);
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
