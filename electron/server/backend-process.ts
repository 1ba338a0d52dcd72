import { fork } from 'node:child_process';
import { resourcePath } from '../core/paths';
import type { BackendPort } from '../../shared/transport/supervisor';

export interface ForkOptions {
  workspaceDir: string;
  testHooks?: boolean;
}

/** Start the backend in its own Node process (the HTTP host's equivalent of utilityProcess). */
export function forkBackend(options: ForkOptions): BackendPort {
  const child = fork(resourcePath('electron', 'core', 'process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      TOKENSCOPE_WORKSPACE: options.workspaceDir,
      TOKENSCOPE_TEST_HOOKS: options.testHooks ? '1' : '0',
    },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => {
      child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code, signal) => listener({ code, signal })),
    kill: () => {
      child.kill('SIGTERM');
    },
  };
}
