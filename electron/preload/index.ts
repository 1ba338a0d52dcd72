/**
 * Preload (sandboxed, context-isolated, built as CommonJS). Exposes exactly
 * `window.tokenscope = { invoke, onEvent }` and nothing of ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

const bridge = createBridge(ipcRenderer);

contextBridge.exposeInMainWorld('tokenscope', {
  invoke: (method: string, input: unknown) => bridge.invoke(method, input),
  onEvent: (listener: Parameters<typeof bridge.onEvent>[0]) => bridge.onEvent(listener),
});
