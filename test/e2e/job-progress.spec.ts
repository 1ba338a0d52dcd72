import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourcePath } from '../../electron/core/paths';
import { openApp, startBrowserSession, type BrowserSession } from '../support/browser';

// Page globals used inside page.evaluate (the Node test project has no DOM types).
declare const document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>; body: object };
declare const window: { __jobTexts: string[] };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: object, options: { subtree: boolean; childList: boolean; characterData: boolean }): void;
}

const files = ['okta/system-log/system-log-page-001.json', 'okta/system-log/system-log-page-002.json'];

describe('job progress in the status bar', () => {
  let s: BrowserSession;
  beforeEach(async () => {
    s = await startBrowserSession();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('shows a real import while it runs and clears it when it is done', async () => {
    const { page } = s;
    await openApp(s);
    await page.getByLabel('New case name').fill('Progress');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByTestId('status-case').getByText('Progress').waitFor();

    // Record every text the status bar's job slot shows, however briefly.
    await page.evaluate(() => {
      window.__jobTexts = [];
      new MutationObserver(() => {
        for (const el of Array.from(document.querySelectorAll('[data-testid="status-job"]'))) window.__jobTexts.push(el.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    // Upload two sample exports through the browser path (upload.* over the page's fetch) and import them.
    const uploads = await Promise.all(
      files.map(async (f) => ({ name: f.split('/').pop() as string, base64: (await readFile(resourcePath('sample-data', f))).toString('base64') })),
    );
    const result = await page.evaluate(async (uploads) => {
      const call = async (method: string, input: unknown) => {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { Authorization: `Bearer ${sessionStorage.getItem('tokenscope.token')}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        const envelope = (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };
        if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
        return envelope.value as Record<string, unknown>;
      };
      const ids: string[] = [];
      for (const u of uploads) {
        const bytes = (u.base64.length / 4) * 3 - (u.base64.endsWith('==') ? 2 : u.base64.endsWith('=') ? 1 : 0);
        const begun = await call('upload.begin', { fileName: u.name, bytes });
        const chunkChars = (Math.floor(Number(begun.chunkBytes) / 3) * 4) as number;
        for (let at = 0; at < u.base64.length; at += chunkChars) {
          await call('upload.chunk', { uploadId: begun.uploadId, offset: (at / 4) * 3, data: u.base64.slice(at, at + chunkChars) });
        }
        ids.push(String(begun.uploadId));
      }
      return call('upload.import', { uploadIds: ids });
    }, uploads);
    expect(result).toBeTruthy();

    const seen = await page.evaluate(() => window.__jobTexts);
    expect(seen.some((t) => /Importing system-log-page-00[12]\.json \([12]\/2\): .* of .* \(\d+%\)/.test(t))).toBe(true);
    // Done means gone: the last progress event reached its total.
    await page.locator('[data-testid="status-job"]').waitFor({ state: 'detached', timeout: 5_000 });
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
