import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, startBrowserSession, type BrowserSession } from '../support/browser';

describe('cases through the UI', () => {
  let s: BrowserSession;
  beforeEach(async () => {
    s = await startBrowserSession();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('creates a case, and after a reload it is still open, in the status bar and in the list', async () => {
    const { page } = s;
    await openApp(s);
    // The token left the address bar as soon as the app read it.
    expect(page.url()).not.toContain(s.host.token);
    await expect(page.evaluate(() => sessionStorage.getItem('tokenscope.token'))).resolves.toBe(s.host.token);

    await page.getByRole('link', { name: /Cases/ }).click();
    await page.getByText('No cases yet').waitFor();
    await page.getByLabel('New case name').fill('Drift breach <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Create case' }).click();

    const status = page.getByTestId('status-case');
    await status.getByText('Drift breach <script>alert(1)</script>', { exact: true }).waitFor();
    const row = page.getByRole('row', { name: /Drift breach/ });
    await expect(row.getAttribute('aria-current')).resolves.toBe('true');

    await page.reload();
    await status.getByText('Drift breach <script>alert(1)</script>', { exact: true }).waitFor();
    await page.getByRole('row', { name: /Drift breach/ }).waitFor();
    await expect(page.getByRole('row', { name: /Drift breach/ }).getAttribute('aria-current')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Close case Drift breach <script>alert(1)</script>' }).isVisible()).resolves.toBe(true);
    // The case name is attacker-controlled text and stays text.
    await expect(page.locator('script:not([src])').count()).resolves.toBe(0);

    const current = await page.evaluate(async () => {
      const token = sessionStorage.getItem('tokenscope.token');
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'case.current', input: {} }),
      });
      return (await res.json()) as { ok: boolean; value: { name: string } | null };
    });
    expect(current).toMatchObject({ ok: true, value: { name: 'Drift breach <script>alert(1)</script>' } });

    // A name the contract refuses is explained beside the field, with its code.
    await page.getByLabel('New case name').fill('   ');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('alert').filter({ hasText: 'BAD_REQUEST' }).waitFor();

    // Close, then the status bar says so.
    await page.getByRole('button', { name: /^Close case/ }).click();
    await status.getByText('No case open').waitFor();

    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it('without the launch token, says how to get in instead of failing silently', async () => {
    const { page } = s;
    await page.goto(s.host.origin + '/');
    await page.locator('[data-testid="status-backend"][data-state="disconnected"]').getByText(/No access token/).waitFor();
    const notices = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
    await notices.filter({ hasText: 'UNAUTHORIZED' }).first().waitFor();
    await expect(notices.first().textContent()).resolves.toContain('open the full URL printed by `npm run web`');
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
