import { utilityProcess } from 'electron';
import type { BackendPort } from '../../shared/transport/supervisor';

/**
 * Starts the backend (out/main/backend.js, built from electron/core/process.ts) in an Electron
 * utilityProcess: a separate OS process, so a native crash in DuckDB or a parser kills only it,
 * and BackendSupervisor restarts it. utilityProcess works with the RunAsNode fuse off, unlike
 * child_process.fork.
 */
export function forkUtilityBackend(entry: string, env: NodeJS.ProcessEnv): BackendPort {
  const child = utilityProcess.fork(entry, [], {
    serviceName: 'Tokenscope backend',
    stdio: 'inherit',
    env,
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', listener);
    },
    // utilityProcess reports only an exit code; a signal death shows up as a non-zero code.
    onExit: (listener) => {
      child.on('exit', (code) => listener({ code, signal: null }));
    },
    kill: () => {
      child.kill();
    },
  };
}
