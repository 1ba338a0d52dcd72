import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, startBrowserSession, type BrowserSession } from '../support/browser';

/**
 * DNS rebinding (SECURITY.md T10): an attacker's name that resolves to 127.0.0.1 makes the
 * browser treat the host as the attacker's own origin, so same-origin rules do not help. The host
 * must refuse any request whose Host header is not its own, even one carrying the right token.
 */
describe('a page on a foreign origin that resolves to 127.0.0.1', () => {
  let s: BrowserSession;
  beforeEach(async () => {
    s = await startBrowserSession({ extraArgs: ['--host-resolver-rules=MAP rebind.test 127.0.0.1'] });
  });
  afterEach(async () => {
    await s?.close();
  });

  it('cannot load the app or call /api/invoke, even with the token', async () => {
    const { page, host } = s;
    const foreign = `http://rebind.test:${host.port}`;

    const documentResponse = await page.goto(`${foreign}/`);
    expect(documentResponse?.status()).toBe(403);
    await expect(page.textContent('body')).resolves.toContain('Forbidden host');

    // Worst case: the attacker somehow has the token. Same-origin for the browser, refused by the host.
    const attempt = await page.evaluate(async (token) => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'case.create', input: { name: 'planted by rebinding' } }),
      });
      return { status: res.status, body: await res.text() };
    }, host.token);
    expect(attempt.status).toBe(403);
    expect(attempt.body).not.toContain('"ok"');

    const events = await page.evaluate(async (token) => {
      const res = await fetch('/api/events', { headers: { Authorization: `Bearer ${token}` } });
      return res.status;
    }, host.token);
    expect(events).toBe(403);

    // Nothing happened behind the refusal: the real app sees no case.
    await openApp(s);
    await page.getByText('No cases yet').waitFor();
    const list = await page.evaluate(async () => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('tokenscope.token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'case.list', input: {} }),
      });
      return (await res.json()) as { ok: boolean; value: { cases: unknown[] } };
    });
    expect(list).toEqual({ ok: true, value: { cases: [] } });

    // Console errors come only from the foreign origin (the refused loads, and Chromium ignoring COOP
    // on a non-secure origin); the real app logged none, and there were no CSP violations anywhere.
    expect(s.consoleErrors.some((e) => e.startsWith(foreign) && e.includes('403'))).toBe(true);
    expect(s.consoleErrors.filter((e) => !e.startsWith(foreign))).toEqual([]);
    expect(s.cspViolations).toEqual([]);
  });
});
