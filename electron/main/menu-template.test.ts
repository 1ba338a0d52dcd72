import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions, type MenuState } from './menu-template';

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    newCase: () => calls.push('newCase'),
    openCase: () => calls.push('openCase'),
    openRecent: (id) => calls.push(`openRecent:${id}`),
    closeCase: () => calls.push('closeCase'),
    openSample: () => calls.push('openSample'),
    importEvidence: (kind) => calls.push(`import:${kind}`),
    exportReport: () => calls.push('exportReport'),
    exportBundle: () => calls.push('exportBundle'),
    openBundle: () => calls.push('openBundle'),
    about: () => calls.push('about'),
  };
  return { calls, actions };
}

const base: MenuState = { isMac: false, isProduction: true, caseOpen: false, recent: [] };

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help menus, and the File items call the case actions', () => {
    const { calls, actions } = recorder();
    const template = buildMenuTemplate(base, actions);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = submenu(template, 'File');
    click(item(file, 'New Case…'));
    click(item(file, 'Open Case…'));
    click(item(file, 'Open Sample Case'));
    click(item(submenu(template, 'Help'), 'About Tokenscope'));
    expect(calls).toEqual(['newCase', 'openCase', 'openSample', 'about']);
  });

  it('enables Close Case and the evidence imports only while a case is open', () => {
    const { calls, actions } = recorder();
    const labels = ['Close Case', 'Import Evidence Files…', 'Import Evidence Folder…'];
    const closed = submenu(buildMenuTemplate(base, actions), 'File');
    expect(labels.map((l) => item(closed, l).enabled)).toEqual([false, false, false]);
    const open = submenu(buildMenuTemplate({ ...base, caseOpen: true }, actions), 'File');
    expect(labels.map((l) => item(open, l).enabled)).toEqual([true, true, true]);
    labels.forEach((l) => click(item(open, l)));
    expect(calls).toEqual(['closeCase', 'import:files', 'import:folder']);
  });

  it('lists recent cases by id, escapes & and disables cases that cannot be opened', () => {
    const { calls, actions } = recorder();
    const recent = [
      { id: 'c1', name: 'Okta & GitHub', fileName: 'okta.tokenscope', problem: null },
      { id: 'c2', name: 'Broken', fileName: 'broken.tokenscope', problem: 'not a Tokenscope case' },
    ];
    const openRecent = item(submenu(buildMenuTemplate({ ...base, recent }, actions), 'File'), 'Open Recent');
    const entries = openRecent.submenu as MenuItemConstructorOptions[];
    expect(entries.map((e) => e.label)).toEqual(['Okta && GitHub  (okta.tokenscope)', 'Broken  (broken.tokenscope)']);
    expect(entries.map((e) => e.enabled)).toEqual([true, false]);
    click(entries[0] as MenuItemConstructorOptions);
    expect(calls).toEqual(['openRecent:c1']);
  });

  it('shows a disabled placeholder when there are no recent cases', () => {
    const openRecent = item(submenu(buildMenuTemplate(base, recorder().actions), 'File'), 'Open Recent');
    expect(openRecent.submenu).toEqual([{ label: 'No recent cases', enabled: false }]);
  });

  it('has no reload and no devtools in production, and has them in development', () => {
    const roles = (state: MenuState) => submenu(buildMenuTemplate(state, recorder().actions), 'View').map((i) => i.role);
    const production = roles(base);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(production).not.toContain(role);
    expect(roles({ ...base, isProduction: false })).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate({ ...base, isMac: true }, recorder().actions);
    expect(template[0]?.label).toBe('Tokenscope');
    expect(submenu(template, 'File').some((i) => i.role === 'quit')).toBe(false);
  });
});
