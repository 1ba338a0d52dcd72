import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, resultsPath, startBrowserSession, type BrowserSession } from '../support/browser';

// Page globals used inside page.evaluate; the Node test project has no DOM types, and these
// module-local declarations keep it that way (they emit nothing).
declare const document: {
  activeElement: { textContent: string | null; getAttribute(name: string): string | null } | null;
  documentElement: { dataset: Record<string, string | undefined> };
  body: object;
};
declare function getComputedStyle(element: object): { backgroundColor: string };

const views = [
  ['import', 'Import'],
  ['inventory', 'Inventory'],
  ['graph', 'Graph'],
  ['findings', 'Findings'],
  ['timeline', 'Timeline'],
  ['cases', 'Cases'],
  ['sql', 'SQL'],
] as const;

describe('keyboard, routes and themes', () => {
  let s: BrowserSession;
  beforeEach(async () => {
    s = await startBrowserSession();
  });
  afterEach(async () => {
    await s?.close();
  });

  const activeText = () => s.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  it('reaches every view from the keyboard, and back/forward follow the URL', async () => {
    const { page } = s;
    await openApp(s);

    // The first Tab lands on the skip link, which moves focus into the view.
    await page.keyboard.press('Tab');
    await expect(activeText()).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(activeText()).resolves.toBe('Cases');

    // Alt+1..7 reach every view; focus moves to the new view's heading.
    for (const [i, [id, label]] of views.entries()) {
      await page.keyboard.press(`Alt+${i + 1}`);
      await page.locator(`main[data-view="${id}"] h1`, { hasText: label }).waitFor();
      expect(new URL(page.url()).hash).toBe(`#/${id}`);
      await expect(activeText()).resolves.toBe(label);
      // Every placeholder says what the view is for and what it needs, not lorem ipsum.
      if (id !== 'cases') await page.locator('main').getByText('No case open').waitFor();
    }

    // From the top of the page, Tab reaches every navigation link (before any view content); Enter follows one.
    await page.locator('.skip-link').focus();
    const reached = new Set<string>();
    for (let i = 0; i < 12 && reached.size < views.length; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
      if (href.startsWith('#/')) reached.add(href);
    }
    await page.getByRole('link', { name: /Graph/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('main[data-view="graph"]').waitFor();
    expect([...reached].sort()).toEqual(views.map(([id]) => `#/${id}`).sort());

    // In the sidebar, arrow keys move between links (wrapping), Home/End jump.
    await page.getByRole('link', { name: /Graph/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(activeText()).resolves.toMatch(/^Findings/);
    await page.keyboard.press('End');
    await expect(activeText()).resolves.toMatch(/^SQL/);
    await page.keyboard.press('ArrowDown');
    await expect(activeText()).resolves.toMatch(/^Import/);
    await page.keyboard.press('ArrowUp');
    await expect(activeText()).resolves.toMatch(/^SQL/);

    // Back and forward walk the views the user visited.
    await page.goBack();
    await page.locator('main[data-view="sql"]').waitFor();
    await page.goForward();
    await page.locator('main[data-view="graph"]').waitFor();
    // A deep link survives a reload.
    await page.reload();
    await page.locator('main[data-view="graph"]').waitFor();

    // "?" opens the shortcut help as a modal; Esc closes it.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await help.getByText('Alt+7').waitFor();
    await mkdir(dirname(resultsPath('x')), { recursive: true });
    await page.screenshot({ path: resultsPath('help-dialog.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // Typing "?" in a text field types it, rather than opening help.
    await page.keyboard.press('Alt+6');
    await page.getByLabel('New case name').fill('Why?');
    await page.getByLabel('New case name').press('?');
    await expect(help.isVisible()).resolves.toBe(false);

    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it('switches and remembers the theme, and the shell looks calm in both', async () => {
    const { page } = s;
    // With no saved choice the shell follows the system, live.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(s);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    await expect(theme()).resolves.toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');

    for (const name of ['Okta API tokens — Q3 review', 'Drift / Salesloft OAuth breach']) {
      await page.getByLabel('New case name').fill(name);
      await page.getByRole('button', { name: 'Create case' }).click();
      await page.getByTestId('status-case').getByText(name).waitFor();
    }
    await mkdir(dirname(resultsPath('x')), { recursive: true });
    await page.screenshot({ path: resultsPath('shell-light.png') });

    await page.keyboard.press('Alt+t');
    await expect(theme()).resolves.toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(21, 24, 28)');
    await page.reload();
    await page.locator('[data-testid="status-backend"][data-state="ready"]').waitFor();
    await expect(theme()).resolves.toBe('dark');
    await page.screenshot({ path: resultsPath('shell-dark.png') });
    await page.keyboard.press('Alt+2');
    await page.locator('main[data-view="inventory"]').waitFor();
    await page.screenshot({ path: resultsPath('inventory-empty-dark.png') });

    await page.getByTestId('theme-toggle').click();
    await expect(theme()).resolves.toBe('light');
    // A saved choice beats the system preference.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.locator('[data-testid="status-backend"][data-state="ready"]').waitFor();
    await expect(theme()).resolves.toBe('light');

    expect(s.cspViolations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
