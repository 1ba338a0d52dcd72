import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, resultsPath, startBrowserSession, type BrowserSession } from '../support/browser';

describe('the HTTP host goes away under the page', () => {
  let s: BrowserSession;
  beforeEach(async () => {
    s = await startBrowserSession();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('turns network failures into BACKEND_UNAVAILABLE errors the user can read, never a crash of the page', async () => {
    const { page, host } = s;
    await openApp(s);
    for (const name of ['First case', 'Second case']) {
      await page.getByLabel('New case name').fill(name);
      await page.getByRole('button', { name: 'Create case' }).click();
      await page.getByTestId('status-case').getByText(name).waitFor();
    }

    await host.close();

    // The event stream drops: the status bar says the host is gone.
    await page.locator('[data-testid="status-backend"][data-state="disconnected"]').waitFor();

    // A call with an inline place for its error shows it there, with the code.
    await page.getByLabel('New case name').fill('Third case');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.locator('form').getByRole('alert').filter({ hasText: 'BACKEND_UNAVAILABLE' }).waitFor();

    // A call without one lands in the notification region, labelled with what was being done.
    await page.getByRole('button', { name: 'Open case First case' }).click();
    const notice = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
    await notice.filter({ hasText: 'Opening a case failed' }).filter({ hasText: 'BACKEND_UNAVAILABLE' }).waitFor();
    await mkdir(dirname(resultsPath('x')), { recursive: true });
    await page.screenshot({ path: resultsPath('host-unreachable.png') });
    await notice.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect(notice.count()).resolves.toBe(0);

    // The shell is still alive and navigable.
    await page.keyboard.press('Alt+3');
    await page.locator('main[data-view="graph"] h1').waitFor();
    expect(s.cspViolations).toEqual([]);
    // Chromium logs each refused connection; nothing else may be an error.
    expect(s.consoleErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});
