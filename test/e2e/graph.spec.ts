import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourcePath } from '../../electron/core/paths';
import { openApp, resultsPath, startBrowserSession, type BrowserSession, invokeInPage } from '../support/browser';
import { payloads, writeSalesforceEvidence } from '../graph/fixture';

// Page globals used inside page.evaluate (the Node test project has no DOM types).
declare const window: { __pwned?: unknown; location: { hash: string } };


describe('credential graph and blast radius in the browser', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession();
    await openApp(s);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const go = (hash: string) =>
    s.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  const shot = async (name: string) => {
    await mkdir(resultsPath(''), { recursive: true });
    await s.page.screenshot({ path: resultsPath(`graph-${name}.png`) });
  };
  const find = async (text: string) => {
    const { page } = s;
    await page.getByRole('searchbox', { name: 'Find a node by id or name' }).fill(text);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByTestId('graph-search-results').waitFor();
  };

  it('shows script payloads in app names and user agents as text: in labels, tooltip, details, blast radius and exports; nothing runs', async () => {
    const { page } = s;
    await invokeInPage(s, 'case.create', { name: 'Hostile graph' });
    await page.reload();
    await page.getByTestId('status-case').locator('strong').waitFor();
    const dir = join(s.workspaceDir, '..', 'graph-evidence');
    await mkdir(dir, { recursive: true });
    const files = writeSalesforceEvidence(dir);
    await go('#/import');
    await page.locator('#import-files').setInputFiles(files);
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });

    await go('#/graph');
    await page.getByTestId('graph-canvas').waitFor();
    await find('Evil');
    const hit = page.getByTestId('graph-search-results').getByRole('button').filter({ hasText: 'onerror' }).first();
    expect(await hit.textContent()).toBe(payloads.appName);
    await hit.click();
    const detail = page.getByTestId('graph-node-detail');
    await detail.waitFor();
    expect(await detail.getByRole('heading').textContent()).toBe(payloads.appName);

    // The searched node is centred: hover the middle of the canvas for its tooltip.
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    const tooltip = page.getByTestId('graph-tooltip');
    for (let attempt = 0; attempt < 10 && !(await tooltip.count()); attempt++) {
      await page.mouse.move(box.x + box.width / 2 + (attempt % 3) - 1, box.y + box.height / 2 + (attempt % 2));
      await page.waitForTimeout(150);
    }
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(payloads.appName);
    expect(await tooltip.locator('img, script, svg').count()).toBe(0);
    await shot('hostile-tooltip');

    await detail.getByRole('button', { name: 'Blast radius' }).click();
    const radius = page.getByTestId('blast-radius');
    await radius.waitFor();
    expect(await page.getByTestId('blast-user-agents').textContent()).toContain(payloads.userAgent);
    expect(await radius.locator('img, script, svg').count()).toBe(0);

    // Export the current view: a real PNG, and JSON holding the hostile name verbatim as data.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('tokenscope-graph.png');
    const pngBytes = readFileSync((await png.path())!);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { nodes: { label: string; position: { x: number; y: number } | null }[]; edges: unknown[] };
    expect(exported.nodes.map((n) => n.label)).toContain(payloads.appName);
    expect(exported.nodes.every((n) => n.position !== null)).toBe(true);
    expect(exported.edges.length).toBeGreaterThan(0);

    expect(await page.evaluate(() => window.__pwned ?? null)).toBeNull();
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 180_000);

  it('on the sample case, choosing the chat integration shows its blast radius: systems, credentials and the bulk export; filters and click-through work', async () => {
    const { page } = s;
    const key = JSON.parse(readFileSync(resourcePath('sample-data', 'answer-key.json'), 'utf8')) as { stories: { id: string; entityIds: string[]; window: { from: string; to: string } }[] };
    const story = key.stories.find((x) => x.id === 'salesforce-chatpilot-volume')!;
    const appId = story.entityIds[0]!;
    await invokeInPage(s, 'case.openSample', {});
    await page.reload();
    await page.getByTestId('status-case').locator('strong').waitFor();

    await go('#/graph');
    await page.getByTestId('graph-canvas').waitFor();
    const counts = page.getByTestId('graph-counts');
    await counts.waitFor();
    await page.getByRole('textbox', { name: 'From (UTC)' }).fill('2026-11-14');
    await page.getByRole('textbox', { name: 'To (UTC)' }).fill('2026-11-15');

    await find(appId);
    const first = page.getByTestId('graph-search-results').getByRole('button').first();
    expect(await first.textContent()).toMatch(/ChatPilot/);
    await first.click();
    const detail = page.getByTestId('graph-node-detail');
    await detail.getByRole('button', { name: 'Blast radius' }).click();
    const radius = page.getByTestId('blast-radius');
    await radius.waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/graph\?app=salesforce%3Aapp%3A.*&from=2026-11-14|^#\/graph\?app=.*from=2026-11-14/);

    expect(await page.getByTestId('blast-systems').textContent()).toContain('Salesforce');
    expect(await page.getByTestId('blast-credentials').textContent()).toMatch(/salesforce:connected_app_token:/);
    const activity = (await page.getByTestId('blast-activity').textContent()) ?? '';
    // The 15 November Bulk API exports: Cases, Contacts, Opportunities and Accounts by the hundred thousand.
    for (const object of ['Case', 'Contact', 'Opportunity', 'Account']) expect(activity).toContain(object);
    expect(activity).toMatch(/388,4\d\d/);
    expect(await page.getByTestId('blast-networks').textContent()).toContain('208.68.36.90');
    expect(await page.getByTestId('blast-user-agents').textContent()).toContain('python-requests');
    await shot('chatpilot-blast-radius');

    // Click-through: the app's findings from the node, the credential's timeline from the blast radius.
    await detail.getByRole('button', { name: 'Findings' }).click();
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/findings\?entity=salesforce%3Aapp%3A/);
    await page.goBack();
    await page.getByTestId('blast-radius').waitFor({ timeout: 60_000 });
    await page.getByTestId('blast-credentials').getByRole('button', { name: 'Timeline' }).first().click();
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/timeline\?credential=salesforce%3Aconnected_app_token%3A/);
    await page.goBack();
    await page.getByTestId('blast-radius').waitFor({ timeout: 60_000 });
    await counts.waitFor();

    // Filters: grouping, platform and kind each change what is drawn.
    const before = await counts.textContent();
    await page.getByTestId('graph-grouping').selectOption('app');
    await expect.poll(() => counts.textContent(), { timeout: 30_000 }).not.toBe(before);
    const byApp = await counts.textContent();
    await page.getByRole('group', { name: 'Platforms' }).getByRole('checkbox', { name: 'salesforce' }).uncheck();
    await expect.poll(() => counts.textContent(), { timeout: 30_000 }).not.toBe(byApp);
    const withoutSalesforce = await counts.textContent();
    await page.getByRole('group', { name: 'Kinds' }).getByRole('checkbox', { name: 'resource' }).uncheck();
    await expect.poll(() => counts.textContent(), { timeout: 30_000 }).not.toBe(withoutSalesforce);
    await page.getByTestId('graph-severity').selectOption('high');
    await expect.poll(() => counts.textContent(), { timeout: 30_000 }).toMatch(/nodes/);

    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 300_000);
});
