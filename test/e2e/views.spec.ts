import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, resultsPath, startBrowserSession, type BrowserSession, invokeInPage } from '../support/browser';

// Page globals used inside page.evaluate (the Node test project has no DOM types).
declare const window: { __xss?: unknown; location: { hash: string } };

/**
 * Markup and script payloads an attacker controls in exported evidence: token and app names, user
 * agents, repository names, URLs and scopes. Each would set window.__xss if it ever ran.
 */
const payload = {
  name: `<img src=x onerror="window.__xss='name'">deploy-token`,
  owner: `<script>window.__xss='owner'</script>`,
  url: `javascript:window.__xss='url'`,
  scope: `<svg onload="window.__xss='scope'">`,
  agent: `<script>window.__xss='agent'</script>Mozilla/5.0`,
  repo: `northwind/"><img src=x onerror="window.__xss='repo'">`,
};

/** A GitHub fine-grained PAT list and audit-log lines carrying the payloads (formats as in real-samples/). */
function hostileEvidence(): { pats: string; audit: string } {
  const pats = [
    {
      id: 990001,
      owner: { login: payload.owner, id: 990002, node_id: 'U_hostile', type: 'User', site_admin: false },
      repository_selection: 'subset',
      repositories_url: payload.url,
      permissions: { organization: { [payload.scope]: 'write' }, repository: { contents: 'write', metadata: 'read' } },
      access_granted_at: '2026-10-01T07:00:00.000-08:00',
      token_id: 990003,
      token_name: payload.name,
      token_expired: false,
      token_expires_at: '2027-10-01T07:00:00.000-08:00',
      token_last_used_at: '2026-11-19T10:00:00.000-08:00',
    },
  ];
  const base = Date.parse('2026-11-18T10:00:00Z');
  const lines = Array.from({ length: 6 }, (_, i) => ({
    '@timestamp': base + i * 3_600_000,
    _document_id: `hostile-${i}`,
    action: 'git.clone',
    actor: payload.owner,
    actor_id: 990002,
    actor_ip: '203.0.113.77',
    actor_is_bot: false,
    actor_location: { country_code: 'NL' },
    business: 'northwind-logistics',
    created_at: base + i * 3_600_000,
    org: 'northwind-logistics',
    programmatic_access_type: 'Fine-grained personal access token',
    repo: payload.repo,
    repository: payload.repo,
    token_id: 990003,
    transport_protocol_name: 'http',
    user_agent: payload.agent,
  }));
  return { pats: JSON.stringify(pats, null, 2), audit: lines.map((l) => JSON.stringify(l)).join('\n') + '\n' };
}


describe('investigation views on the sample case', () => {
  let s: BrowserSession;
  let hostileKey = '';

  beforeAll(async () => {
    s = await startBrowserSession();
    await openApp(s);
    await invokeInPage(s, 'case.openSample', {});
    await s.page.reload();
    await s.page.getByTestId('status-case').locator('strong').waitFor();
    await invokeInPage(s, 'detections.run', {});
  }, 300_000);

  afterAll(async () => {
    await s?.close();
  });

  const shot = async (name: string) => {
    await mkdir(resultsPath(''), { recursive: true });
    await s.page.screenshot({ path: resultsPath(`views-${name}.png`), fullPage: false });
  };
  const go = async (hash: string) => {
    await s.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  };
  const noScriptRan = async () => expect(await s.page.evaluate(() => window.__xss ?? null)).toBeNull();

  it('imports a hostile evidence file through the browser upload path and shows it in the manifest', async () => {
    const { page } = s;
    const dir = join(s.workspaceDir, '..', 'hostile');
    await mkdir(dir, { recursive: true });
    const files = hostileEvidence();
    await writeFile(join(dir, 'hostile-pats.json'), files.pats);
    await writeFile(join(dir, 'hostile-audit.json'), files.audit);
    await go('#/import');
    await page.getByRole('heading', { name: 'Import' }).waitFor();
    await page.locator('#import-files').setInputFiles([join(dir, 'hostile-pats.json'), join(dir, 'hostile-audit.json')]);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toMatch(/hostile-pats\.json — imported/);
    const manifest = page.getByTestId('manifest');
    await manifest.getByRole('rowheader', { name: /hostile-audit\.json/ }).waitFor();
    // The sample's own files are listed too, with their hash and source.
    expect(await manifest.locator('tbody tr').count()).toBeGreaterThan(10);
    await shot('import');
    await noScriptRan();
  }, 180_000);

  it('maps the columns of an unrecognised CSV and imports it as events', async () => {
    const { page } = s;
    const dir = join(s.workspaceDir, '..', 'hostile');
    const path = join(dir, 'vendor-export.csv');
    await writeFile(
      path,
      ['When,What,Who,From,Agent,Key', `2026-11-20T10:00:00Z,export.download,svc-report,203.0.113.9,${payload.agent.replaceAll(',', ' ')},key-77`, '2026-11-20T11:00:00Z,export.download,svc-report,203.0.113.9,curl/8.4,key-77'].join('\n'),
    );
    await go('#/import');
    await page.locator('#import-files').setInputFiles([path]);
    const mapper = page.getByTestId('column-mapper');
    await mapper.waitFor();
    // Guessed from the header; the first rows show what each column holds (as text).
    expect(await mapper.getByRole('combobox', { name: 'Time *' }).inputValue()).toBe('When');
    expect(await mapper.getByRole('combobox', { name: 'Action *' }).inputValue()).toBe('What');
    await mapper.getByRole('cell', { name: payload.agent }).waitFor();
    await mapper.getByRole('combobox', { name: 'Credential id' }).selectOption('Key');
    await shot('import-mapper');
    await page.getByRole('button', { name: /^Import 1 file/ }).click();
    await page.getByTestId('import-result').filter({ hasText: 'vendor-export.csv — imported (2 loaded' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('manifest').getByRole('row', { name: /vendor-export\.csv.*generic\.mapped/ }).waitFor();
    await noScriptRan();
  }, 120_000);

  it('inventory: filters, sorts and shows hostile names as text', async () => {
    const { page } = s;
    await go('#/inventory');
    const total = page.getByTestId('inventory-total');
    await total.filter({ hasText: /credentials$/ }).waitFor();
    const all = Number((await total.textContent())?.replace(/\D/g, ''));
    expect(all).toBeGreaterThan(20);
    await page.locator('.facet-name', { hasText: 'github' }).first().waitFor();
    await page.locator('#inventory-filter').fill('deploy-token');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await total.filter({ hasText: /^1 credentials$/ }).waitFor();
    const cell = page.getByTestId('inventory-grid').getByRole('gridcell', { name: payload.name });
    await cell.waitFor();
    expect(await cell.textContent()).toBe(payload.name);
    await cell.click();
    hostileKey = (await page.locator('.detail-panel dd.mono').first().textContent()) ?? '';
    expect(hostileKey).toMatch(/^github:/);
    expect(new URL(page.url()).hash).toContain('q=deploy-token');
    await shot('inventory-hostile');
    // The graph and findings link here with ?credential=<key>: exactly that row.
    await go(`#/inventory?credential=${encodeURIComponent(hostileKey)}`);
    await page.getByTestId('credential-filter').waitFor();
    await total.filter({ hasText: /^1 credentials$/ }).waitFor();
    await page.goBack();
    // Back to the whole inventory, sorted by owner through the header.
    await page.goBack();
    await total.filter({ hasText: new RegExp(`^${all.toLocaleString('en-US')} credentials$`) }).waitFor();
    await page.getByTitle('Sort by Owner').click();
    await page.getByRole('columnheader', { name: /Owner/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
    await shot('inventory');
    await noScriptRan();
  }, 60_000);

  it('timeline: lifecycle, heatmap, volume and the raw events of the hostile credential', async () => {
    const { page } = s;
    await go(`#/timeline?credential=${encodeURIComponent(hostileKey)}`);
    await page.getByRole('img', { name: /Activity by day of week/ }).waitFor();
    await page.getByRole('img', { name: /Event volume/ }).waitFor();
    await page.getByTestId('lifecycle').getByText('First activity').waitFor();
    const grid = page.getByTestId('timeline-events');
    await grid.getByRole('gridcell', { name: payload.agent }).first().waitFor();
    expect(await grid.getAttribute('data-rows')).toBe('6');
    await shot('timeline-hostile');
    // Without a credential: the busiest ones, one click from their timeline.
    await go('#/timeline');
    await page.getByText('Pick a credential').waitFor();
    const busiest = page.locator('.panel a[href^="#/timeline?credential="]');
    await busiest.first().waitFor();
    expect(await busiest.count()).toBe(25);
    await shot('timeline-picker');
    await busiest.first().click();
    await page.getByRole('img', { name: /Event volume/ }).waitFor();
    await noScriptRan();
  }, 60_000);

  it('findings: grouped list, explanation with a chart, evidence links and triage', async () => {
    const { page } = s;
    await go('#/findings?group=kind');
    const total = page.getByTestId('findings-total');
    await total.filter({ hasText: /findings$/ }).waitFor();
    const allFindings = Number((await total.textContent())?.replace(/\D/g, ''));
    expect(allFindings).toBeGreaterThan(0);
    await page.locator('.group-title', { hasText: 'volume-spike' }).waitFor();
    // The planted volume spike: its explanation is numeric, so it is drawn as baseline vs observed.
    await page.locator('.finding-row', { hasText: 'volume-spike' }).first().click();
    const detail = page.getByTestId('finding-detail');
    await detail.waitFor();
    await detail.getByText('What moved').waitFor();
    await detail.getByRole('img', { name: /baseline [\d.]+, observed [\d.]+/ }).first().waitFor();
    expect(new URL(page.url()).hash).toMatch(/finding=[0-9a-f]{32}/);
    await detail.getByRole('link', { name: /events \(SQL\)/ }).waitFor();
    await page.getByRole('combobox', { name: 'State' }).selectOption('confirmed');
    await page.getByRole('button', { name: 'Save triage' }).click();
    await page.getByTestId('triage-state').filter({ hasText: /^confirmed/i }).waitFor();
    await shot('findings');
    // The graph links here with ?entity=<key>: only that entity's findings.
    const entityKey = ((await detail.locator('dd.mono').first().textContent()) ?? '').trim().split(' ').slice(1).join(' ');
    await go(`#/findings?entity=${encodeURIComponent(entityKey)}`);
    await page.getByTestId('entity-filter').filter({ hasText: entityKey }).waitFor();
    // The list keeps the previous answer until the filtered one arrives: wait for it.
    const shown = async () => Number((await total.textContent())?.replace(/\D/g, ''));
    await expect.poll(shown, { timeout: 15_000 }).toBeLessThan(allFindings);
    const entityTotal = await shown();
    expect(entityTotal).toBeGreaterThan(0);
    expect(await page.locator('.finding-row').count()).toBe(entityTotal);
    await go('#/findings?group=entity');
    await page.locator('.group-title').first().waitFor();
    await noScriptRan();
  }, 60_000);

  it('SQL console: runs a read-only query, refuses writes and file reads, saves a query in the case', async () => {
    const { page } = s;
    await go('#/sql');
    const editor = page.locator('#sql-editor');
    await editor.fill(`SELECT user_agent, count(*) AS n FROM events WHERE user_agent LIKE '%script%' GROUP BY ALL`);
    await page.getByRole('button', { name: /^Run/ }).click();
    const grid = page.getByTestId('sql-grid');
    await grid.getByRole('gridcell', { name: payload.agent }).waitFor();
    await page.locator('#sql-save-name').fill('hostile agents');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved-queries').getByRole('button', { name: 'hostile agents', exact: true }).waitFor();
    await shot('sql');
    for (const bad of [`DROP TABLE events`, `SELECT * FROM read_csv('/etc/passwd')`, `COPY events TO '/tmp/x.csv'`, `SELECT 1; SELECT 2`]) {
      await editor.fill(bad);
      await page.getByRole('button', { name: /^Run/ }).click();
      await page.getByTestId('sql-error').filter({ hasText: 'BAD_REQUEST' }).waitFor();
    }
    await shot('sql-refused');
    await noScriptRan();
  }, 60_000);

  it('global search finds the hostile user agent and every run had zero CSP violations', async () => {
    const { page } = s;
    await go('#/inventory');
    await page.locator('#global-search').fill('onerror');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('region', { name: 'Search results' }).getByText(payload.name).first().waitFor();
    await shot('search');
    // The same views in the dark theme: charts and grids take their colours from the theme tokens.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await go(`#/timeline?credential=${encodeURIComponent(hostileKey)}`);
    await page.getByRole('img', { name: /Event volume/ }).waitFor();
    await shot('timeline-dark');
    await go('#/findings?group=kind');
    await page.locator('.finding-row', { hasText: 'volume-spike' }).first().click();
    await page.getByTestId('finding-detail').getByRole('img', { name: /baseline/ }).first().waitFor();
    await shot('findings-dark');
    await noScriptRan();
    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 60_000);
});
