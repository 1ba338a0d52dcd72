/**
 * The only two IPC channels between the renderer and Electron main. They live here (not in
 * electron/main) because the preload may not import main, while main may import this file.
 */
export const INVOKE_CHANNEL = 'tokenscope:invoke';
export const EVENT_CHANNEL = 'tokenscope:event';
