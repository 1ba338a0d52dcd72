/**
 * Electron main: the desktop host. It owns windows, menus, native dialogs and the backend
 * process, and moves envelopes between the renderer and the backend. It never imports the
 * backend (electron/core); it starts it as a utilityProcess from out/main/backend.js.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type MessageBoxOptions } from 'electron';
import { fileURLToPath } from 'node:url';
import type { AnyEvent, Envelope } from '../../shared/contract';
import { BackendSupervisor } from '../../shared/transport/supervisor';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/channels';
import { APP_SCHEME } from './app-origin';
import { forkUtilityBackend } from './backend-port';
import { caseFileFromArgv, CASE_FILE_EXTENSION, createCaseActions } from './case-actions';
import { createExternalLinkOpener } from './external-links';
import { denyAllPermissions, hardenWebContents } from './harden';
import { createInvokeHandler } from './ipc-bridge';
import { installMenu } from './menu';
import type { RecentCase } from './menu-template';
import { createAppRequestHandler, refuseFileRequest } from './protocol-files';
import { createSenderCheck } from './sender-check';
import { createMainWindow } from './window';

const builtFile = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const BACKEND_ENTRY = builtFile('./backend.js');
const PRELOAD_ENTRY = builtFile('../preload/index.cjs');
const RENDERER_DIR = builtFile('../renderer/');
const CLOSE_ON_QUIT_TIMEOUT_MS = 5_000;

// Must happen before 'ready': app:// is a standard, secure origin (so CSP 'self', fetch and
// relative URLs behave as on https), and every renderer is sandboxed whatever a window says.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

// Windows groups the taskbar entry and notifications by this id; it must equal the packaged appId.
app.setAppUserModelId('dev.tokenscope.app');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let currentCase: { name: string } | null = null;
  let recent: RecentCase[] = [];

  const supervisor = new BackendSupervisor({
    spawn: () => forkUtilityBackend(BACKEND_ENTRY, { ...process.env }),
    log: (line) => console.error(`[tokenscope] ${line}`),
  });
  const hostInvoke = (method: string, input: unknown): Promise<Envelope<unknown>> => supervisor.invoke(method, input, 'host');

  const confirmExternal = async (url: string): Promise<boolean> => {
    const options: MessageBoxOptions = {
      type: 'question',
      buttons: ['Cancel', 'Open in browser'],
      defaultId: 0,
      cancelId: 0,
      title: 'Open external link?',
      message: 'Open this link in your web browser?',
      detail: url,
      noLink: true,
    };
    const answer = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    return answer.response === 1;
  };
  const openExternal = createExternalLinkOpener({ confirm: confirmExternal, open: (url) => shell.openExternal(url) });

  const caseFilter = [{ name: 'Tokenscope case', extensions: [CASE_FILE_EXTENSION.slice(1)] }];
  const actions = createCaseActions({
    invoke: hostInvoke,
    chooseCaseToOpen: async () => {
      const options = { title: 'Open case', properties: ['openFile' as const], filters: caseFilter };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseNewCasePath: async () => {
      const options = { title: 'New case', buttonLabel: 'Create', filters: caseFilter, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseEvidence: async (kind) => {
      const properties: Array<'openFile' | 'openDirectory' | 'multiSelections'> = kind === 'files' ? ['openFile', 'multiSelections'] : ['openDirectory'];
      const options = { title: kind === 'files' ? 'Import evidence files' : 'Import an evidence folder', buttonLabel: 'Import', properties };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    chooseExportPath: async (kind, suggestedName) => {
      const filters = kind === 'report' ? [{ name: 'HTML report', extensions: ['html'] }] : [{ name: 'Evidence bundle', extensions: ['gz'] }];
      const options = { title: kind === 'report' ? 'Export report' : 'Export evidence bundle', defaultPath: suggestedName, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseBundleToOpen: async () => {
      const options = { title: 'Open evidence bundle', properties: ['openFile' as const], filters: [{ name: 'Evidence bundle', extensions: ['gz'] }] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showError: (title, message) => dialog.showErrorBox(title, message),
    showInfo: (title, message, detail) => {
      const options: MessageBoxOptions = { type: 'info', title, message, detail, noLink: true };
      void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
    },
    onCaseFile: (path) => app.addRecentDocument(path),
  });

  const refreshMenu = (): void => {
    installMenu(
      { isMac: process.platform === 'darwin', isProduction: app.isPackaged, caseOpen: currentCase !== null, recent },
      {
        newCase: () => void actions.newCase(),
        openCase: () => void actions.openCase(),
        openRecent: (id) => void actions.openRecent(id),
        openSample: () => void actions.openSample(),
        closeCase: () => void actions.closeCase(),
        importEvidence: (kind) => void actions.importEvidence(kind),
        exportReport: () => void actions.exportReport(),
        exportBundle: () => void actions.exportBundle(),
        openBundle: () => void actions.openBundle(),
        about: () => void showAbout(),
      },
    );
  };
  const refreshRecent = async (): Promise<void> => {
    recent = await actions.recentCases();
    refreshMenu();
  };

  const showAbout = async (): Promise<void> => {
    const info = await hostInvoke('app.info', {});
    const duckdb = info.ok ? (info.value as { duckdbVersion?: string }).duckdbVersion : undefined;
    const options: MessageBoxOptions = {
      type: 'info',
      title: 'About Tokenscope',
      message: `Tokenscope ${app.getVersion()}`,
      detail: [
        'Offline workbench for investigating OAuth tokens and other non-human identities.',
        `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
        duckdb ? `DuckDB ${duckdb}` : `Backend: ${supervisor.backendState.message}`,
      ].join('\n'),
    };
    if (mainWindow) await dialog.showMessageBox(mainWindow, options);
    else await dialog.showMessageBox(options);
  };

  const onBackendEvent = (event: AnyEvent): void => {
    mainWindow?.webContents.send(EVENT_CHANNEL, event);
    if (event.event === 'case.changed') {
      currentCase = event.payload.current;
      mainWindow?.setTitle(currentCase ? `${currentCase.name} — Tokenscope` : 'Tokenscope');
      void refreshRecent();
    }
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => void openExternal(url)));

  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const path = caseFileFromArgv(argv);
    if (path) void actions.openPath(path);
  });

  // macOS: a case file double-clicked in Finder (may arrive before the backend is up).
  let backendStarted = false;
  const pendingFiles: string[] = [];
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (backendStarted) void actions.openPath(path);
    else pendingFiles.push(path);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the open case before the backend goes (a utilityProcess is killed, not disconnected, so
  // the backend's own shutdown never runs): DuckDB checkpoints and the case file is left clean.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    if (!currentCase) {
      supervisor.stop();
      return;
    }
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_ON_QUIT_TIMEOUT_MS));
    void Promise.race([hostInvoke('case.close', {}), timeout]).finally(() => {
      supervisor.stop();
      app.quit();
    });
  });

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppRequestHandler(RENDERER_DIR));
    protocol.handle('file', refuseFileRequest);

    const isTrustedSender = createSenderCheck((id) =>
      mainWindow && !mainWindow.isDestroyed() && mainWindow.webContents.id === id ? mainWindow.webContents.mainFrame : null,
    );
    ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler({ forward: (method, input, caller) => supervisor.invoke(method, input, caller), isTrustedSender }));
    supervisor.onEvent(onBackendEvent);

    const openWindow = (): void => {
      mainWindow = createMainWindow(PRELOAD_ENTRY, { devTools: !app.isPackaged });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      // The page may have missed backend.state while loading; send the current one.
      mainWindow.webContents.on('did-finish-load', () => {
        mainWindow?.webContents.send(EVENT_CHANNEL, { event: 'backend.state', payload: supervisor.backendState } satisfies AnyEvent);
      });
    };
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });

    refreshMenu();
    openWindow();
    try {
      await supervisor.start();
    } catch (error) {
      dialog.showErrorBox('Tokenscope backend', `The backend could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    backendStarted = true;
    await refreshRecent();
    const fromCommandLine = caseFileFromArgv(process.argv);
    const toOpen = pendingFiles.splice(0).at(-1) ?? fromCommandLine;
    if (toOpen) await actions.openPath(toOpen);
  });
}
