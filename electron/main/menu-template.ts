import type { MenuItemConstructorOptions } from 'electron';

export interface RecentCase {
  id: string;
  name: string;
  fileName: string;
  problem: string | null;
}

export interface MenuState {
  isMac: boolean;
  /** Packaged build: no reload and no devtools in the View menu. */
  isProduction: boolean;
  caseOpen: boolean;
  recent: RecentCase[];
}

export interface MenuActions {
  newCase(): void;
  openCase(): void;
  openRecent(caseId: string): void;
  openSample(): void;
  closeCase(): void;
  importEvidence(kind: 'files' | 'folder'): void;
  exportReport(): void;
  exportBundle(): void;
  openBundle(): void;
  about(): void;
}

const MAX_RECENT_ITEMS = 10;

/**
 * The application menu as plain data (Menu.buildFromTemplate in menu.ts turns it into a menu),
 * so what each state shows is unit-tested without Electron. Reload and devtools exist only in
 * development: in production a reload would drop in-memory investigation state and devtools
 * would give anyone at the keyboard a console in the renderer.
 */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = state.recent.slice(0, MAX_RECENT_ITEMS).map((c) => ({
    // Names come from case files; '&' would otherwise become an accelerator marker on Windows.
    label: `${c.name.replace(/&/g, '&&')}  (${c.fileName.replace(/&/g, '&&')})`,
    enabled: c.problem === null,
    click: () => actions.openRecent(c.id),
  }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: () => actions.newCase() },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCase() },
      {
        label: 'Open Recent',
        submenu: recentItems.length ? recentItems : [{ label: 'No recent cases', enabled: false }],
      },
      { label: 'Open Sample Case', click: () => actions.openSample() },
      { type: 'separator' },
      { label: 'Import Evidence Files…', accelerator: 'CmdOrCtrl+I', enabled: state.caseOpen, click: () => actions.importEvidence('files') },
      { label: 'Import Evidence Folder…', enabled: state.caseOpen, click: () => actions.importEvidence('folder') },
      { type: 'separator' },
      { label: 'Export Report…', accelerator: 'CmdOrCtrl+Shift+R', enabled: state.caseOpen, click: () => actions.exportReport() },
      { label: 'Export Evidence Bundle…', enabled: state.caseOpen, click: () => actions.exportBundle() },
      { label: 'Open Evidence Bundle…', click: () => actions.openBundle() },
      { type: 'separator' },
      { label: 'Close Case', accelerator: 'CmdOrCtrl+W', enabled: state.caseOpen, click: () => actions.closeCase() },
      ...(state.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(state.isProduction
        ? []
        : [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    submenu: [{ label: 'About Tokenscope', click: () => actions.about() }],
  };

  const appMenu: MenuItemConstructorOptions[] = state.isMac
    ? [
        {
          label: 'Tokenscope',
          submenu: [
            { label: 'About Tokenscope', click: () => actions.about() },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [...appMenu, file, edit, view, help];
}
