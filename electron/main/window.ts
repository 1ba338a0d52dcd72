import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

/**
 * The ONE BrowserWindow factory. webPreferences is a literal on purpose: static scanners
 * (Electronegativity) read literals only, and window-preferences.test.ts parses this very object
 * to assert each hardening flag (SECURITY.md T1.1).
 */
export function createMainWindow(preloadPath: string, options: { devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Tokenscope',
    backgroundColor: '#16181d',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Off in packaged builds: no console into a renderer that shows evidence.
      devTools: options.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
