import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, resultsPath, startBrowserSession, type BrowserSession } from '../support/browser';
import { payloads, writeHostileEvidence } from '../report/hostile-fixtures';

/** Where the saved report is served from in the viewer page; nothing else may be requested. */
const REPORT_URL = 'http://report.invalid/report.html';
const sections = ['summary', 'charts', 'findings', 'affected', 'timeline', 'frameworks', 'evidence', 'provenance'];

async function invokeFromPage<T>(s: BrowserSession, method: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  return s.page.evaluate(
    async ([m, i]) => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('tokenscope.token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await res.json()) as never;
    },
    [method, input] as const,
  );
}

describe('report from the sample case, opened offline', () => {
  let s: BrowserSession;
  let dir: string;
  beforeEach(async () => {
    s = await startBrowserSession();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-report-e2e-'));
  });
  afterEach(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates the report from the UI; every section renders, zero requests, hostile case data stays inert', { timeout: 600_000 }, async () => {
    const { page } = s;
    await openApp(s);
    const info = await invokeFromPage<{ sampleAvailable: boolean }>(s, 'app.info', {});
    expect(info.ok && info.value.sampleAvailable, 'this checkout has no sample-data/').toBe(true);

    // The sample case, as a user opens it.
    await page.getByRole('button', { name: 'Open sample case' }).click();
    await page.getByTestId('status-case').locator('strong').waitFor({ timeout: 400_000 });
    // The case opens before its first import finishes: wait for openSample itself to answer.
    await page.getByText('Opening the sample case').waitFor({ state: 'detached', timeout: 400_000 });
    await expect(page.locator('.panel').getByRole('alert').count()).resolves.toBe(0);

    // A small hostile file, imported by the host (the method takes paths, so only the host may call it).
    const imported = await s.host.supervisor.invoke('evidence.importPaths', { paths: writeHostileEvidence(dir) }, 'host');
    expect(imported.ok, JSON.stringify(imported)).toBe(true);

    // Detections through the findings contract, as the renderer calls it.
    const run = await invokeFromPage<{ findings: number }>(s, 'detections.run', {});
    expect(run.ok, JSON.stringify(run)).toBe(true);
    if (run.ok) expect(run.value.findings).toBeGreaterThan(0);

    // Generate and save the report from the Cases view.
    const download = page.waitForEvent('download', { timeout: 300_000 });
    await page.getByRole('button', { name: 'Generate report' }).click();
    const saved = await download;
    const file = join(dir, 'report.html');
    await saved.saveAs(file);
    await page.getByTestId('report-summary').waitFor();
    await expect(page.getByTestId('report-summary').textContent()).resolves.toMatch(/verified/);
    // The action log panel lists the report generation and verifies the chain.
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('chain-verdict').textContent()).resolves.toMatch(/^Chain intact: \d+ entries\.$/);
    await page.getByRole('cell', { name: 'report.generate' }).first().waitFor();
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Evil App &lt;script&gt;');

    // Open the saved file with the network blocked: every request is routed; only the file itself is served.
    const viewer = await s.context.newPage();
    const requests: string[] = [];
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.route('**/*', (route) =>
      route.request().url() === REPORT_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort('blockedbyclient'),
    );
    await viewer.goto(REPORT_URL);
    await viewer.waitForLoadState('load');

    for (const id of sections) {
      const section = viewer.locator(`section[data-section="${id}"]`);
      await expect(section.locator('h2').isVisible(), id).resolves.toBe(true);
      await expect(section.innerText().then((t) => t.trim().length), id).resolves.toBeGreaterThan(20);
    }
    await expect(viewer.locator('svg.chart').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(viewer.locator('section[data-section="findings"] article.finding').count()).resolves.toBeGreaterThan(10);

    // The payloads are on the page as text, and nothing they tried happened.
    await expect(viewer.getByText(payloads.appName).count()).resolves.toBeGreaterThan(0);
    await expect(viewer.getByText(payloads.userAgent, { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(viewer.title()).resolves.toMatch(/^Tokenscope report — /);
    await expect(viewer.locator('script, img, iframe, object, embed, a[href], link').count()).resolves.toBe(0);

    await viewer.screenshot({ path: resultsPath('report-offline.png') });
    expect(requests).toContain(REPORT_URL);
    expect(requests.filter((u) => u !== REPORT_URL)).toEqual([]);
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
