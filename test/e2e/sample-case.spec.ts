import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, startBrowserSession, type BrowserSession } from '../support/browser';

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
    // Building the sample case imports the bundled exports; either it opens, or the error is shown with its code.
    const opened = page.getByTestId('status-case').locator('strong');
    const failed = page.locator('.panel').getByRole('alert');
    await opened.or(failed).first().waitFor({ timeout: 100_000 });
    if (await failed.count()) {
      await expect(failed.locator('.error-code').textContent()).resolves.toMatch(/^[A-Z_]+$/);
    } else {
      await expect(opened.textContent()).resolves.not.toBe('');
      await page.getByRole('row', { name: /open/ }).waitFor();
    }
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
