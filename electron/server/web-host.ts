import { BackendSupervisor } from '../../shared/transport/supervisor';
import { resourcePath } from '../core/paths';
import { forkBackend } from './backend-process';
import { startHttpHost, type HttpHost } from './http-host';

export interface WebHostOptions {
  workspaceDir: string;
  port?: number;
  testHooks?: boolean;
  rendererDir?: string;
  token?: string;
}

export interface WebHost extends HttpHost {
  supervisor: BackendSupervisor;
}

/** The HTTP host wired to a supervised backend process: what `npm run web` and the browser tests start. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const supervisor = new BackendSupervisor({
    spawn: () => forkBackend({ workspaceDir: options.workspaceDir, testHooks: options.testHooks ?? false }),
    log: (line) => console.error(`[tokenscope] ${line}`),
  });
  await supervisor.start();
  const http = await startHttpHost({
    forwarder: {
      invoke: (method, input, caller) => supervisor.invoke(method, input, caller),
      onEvent: (listener) => supervisor.onEvent(listener),
    },
    rendererDir: options.rendererDir ?? resourcePath('out', 'renderer'),
    port: options.port ?? 0,
    ...(options.token ? { token: options.token } : {}),
  });
  return {
    ...http,
    supervisor,
    close: async () => {
      await http.close();
      supervisor.stop();
    },
  };
}
