/**
 * Just enough of Electron's main-process API to load the BUILT out/main/index.js in plain Node
 * and watch what it does. Everything is recorded on globalThis.__fakeElectron. utilityProcess.fork
 * starts the real built backend with child_process.fork (the backend entry speaks both).
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';

const state = (globalThis.__fakeElectron ??= {
  calls: [],
  handlers: {},
  protocols: {},
  privileged: null,
  windows: [],
  sent: [],
  menu: null,
  errors: [],
  opened: [],
  permission: {},
  forks: [],
  children: [],
  messageBoxes: [],
  // One-shot answer for the next showOpenDialog (set by the driver); otherwise "cancelled".
  nextOpenPaths: null,
});

class App extends EventEmitter {
  isPackaged = true;
  setAppUserModelId(id) {
    state.calls.push(`app.setAppUserModelId:${id}`);
  }
  enableSandbox() {
    state.calls.push('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    state.calls.push('app.requestSingleInstanceLock');
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  getVersion() {
    return '0.0.0-test';
  }
  addRecentDocument(path) {
    state.calls.push(`app.addRecentDocument:${path}`);
  }
  quit() {
    state.calls.push('app.quit');
  }
}
export const app = new App();

export const ipcMain = {
  handle(channel, handler) {
    if (state.handlers[channel]) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.calls.push(`ipcMain.handle:${channel}`);
    state.handlers[channel] = handler;
  },
  handleOnce(channel) {
    state.calls.push(`ipcMain.handleOnce:${channel}`);
  },
  on(channel) {
    state.calls.push(`ipcMain.on:${channel}`);
  },
  once(channel) {
    state.calls.push(`ipcMain.once:${channel}`);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    state.privileged = schemes;
  },
  handle(scheme, handler) {
    state.protocols[scheme] = handler;
  },
};

class WebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.mainFrame = { url: 'app://tokenscope/index.html', parent: null, processId: 10 + id, routingId: 1 };
  }
  send(channel, payload) {
    state.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return state.windows;
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents(state.windows.length + 1);
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  loadFile(file) {
    this.loadedFile = file;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  setTitle(title) {
    this.title = title;
  }
  restore() {}
  focus() {}
  show() {}
}

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    state.menu = menu;
  },
};

export const dialog = {
  showErrorBox(title, message) {
    state.errors.push(`${title}: ${message}`);
  },
  showMessageBox: async (...args) => {
    const options = args.length > 1 ? args[1] : args[0];
    state.messageBoxes.push({ title: options.title, message: options.message, detail: options.detail });
    return { response: 0 };
  },
  showOpenDialog: async () => {
    const paths = state.nextOpenPaths;
    state.nextOpenPaths = null;
    return paths ? { canceled: false, filePaths: paths } : { canceled: true, filePaths: [] };
  },
  showSaveDialog: async () => ({ canceled: true }),
};

export const shell = {
  openExternal: async (url) => {
    state.opened.push(url);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      state.permission.request = handler;
    },
    setPermissionCheckHandler(handler) {
      state.permission.check = handler;
    },
    setDevicePermissionHandler(handler) {
      state.permission.device = handler;
    },
  },
};

export const utilityProcess = {
  fork(modulePath, args, options) {
    state.forks.push(modulePath);
    const child = fork(modulePath, args ?? [], {
      env: options?.env,
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    state.children.push(child);
    const emitter = new EventEmitter();
    child.on('message', (message) => emitter.emit('message', message));
    child.on('exit', (code) => emitter.emit('exit', code ?? 1));
    return {
      get pid() {
        return child.pid;
      },
      postMessage: (message) => child.send(message),
      on: (event, listener) => emitter.on(event, listener),
      kill: () => child.kill(),
    };
  },
};

export default { app, ipcMain, protocol, BrowserWindow, Menu, dialog, shell, session, utilityProcess };
