import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, resultsPath, startBrowserSession, type BrowserSession } from '../support/browser';

describe('first launch', () => {
  let s: BrowserSession;
  beforeEach(async () => {
    s = await startBrowserSession();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('offers the bundled sample case exactly when the backend has one, and opens it or says why not', async () => {
    const { page } = s;
    await openApp(s);
    const info = await page.evaluate(async () => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('tokenscope.token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'app.info', input: {} }),
      });
      return (await res.json()) as { ok: true; value: { sampleAvailable: boolean } };
    });
    await page.getByText('No cases yet').waitFor();
    const button = page.getByRole('button', { name: 'Open sample case' });

    if (!info.value.sampleAvailable) {
      // This checkout has no sample-data/ yet: no button that cannot work.
      await expect(button.count()).resolves.toBe(0);
      return;
    }
    await page.getByText('First time here? Start with the sample case').waitFor();
    await button.click();
    // Building the sample case imports the bundled exports; wait for the call to finish, then it
    // has either opened (status bar, list) or shown the backend's error with its code.
    const pending = page.getByText('Opening the sample case…');
    await pending.waitFor();
    await pending.waitFor({ state: 'hidden', timeout: 100_000 });
    await mkdir(dirname(resultsPath('x')), { recursive: true });
    await page.screenshot({ path: resultsPath('sample-case.png') });
    const failed = page.locator('.panel').getByRole('alert');
    if (await failed.count()) {
      await expect(failed.locator('.error-code').textContent()).resolves.toMatch(/^[A-Z_]+$/);
    } else {
      const opened = page.getByTestId('status-case').locator('strong');
      await expect(opened.textContent()).resolves.toMatch(/sample/i);
      await page.getByRole('row', { name: /open/ }).waitFor();
      await page.getByRole('button', { name: 'Open sample case' }).and(page.locator(':enabled')).waitFor();

      // Every view renders over real data without a render error, a console error or a CSP violation.
      const views = ['import', 'inventory', 'graph', 'findings', 'timeline', 'cases', 'sql'];
      for (const [i, view] of views.entries()) {
        await page.keyboard.press(`Alt+${i + 1}`);
        await page.locator(`main[data-view="${view}"] h1`).waitFor();
        // Give the view's first data calls a moment before the screenshot (the SSE stream never idles).
        await page.waitForTimeout(800);
        await expect(page.getByText('RENDER_ERROR').count()).resolves.toBe(0);
        await page.screenshot({ path: resultsPath(`sample-${view}.png`) });
      }
    }
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
