/**
 * Backend process entry. Runs under Electron's utilityProcess (messages on process.parentPort)
 * or Node's child_process.fork (messages on process.send / 'message'). Either way the host is
 * the only peer, and the backend is the only code here that touches DuckDB and evidence files.
 */
import type { BackendToHost, HostToBackend } from '../../shared/transport/messages';
import { Backend } from './backend';
import { defaultWorkspaceDirFor } from './cases/default-workspace';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

interface Channel {
  send(message: BackendToHost): void;
  onMessage(listener: (message: unknown) => void): void;
}

function connectToHost(): Channel {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data)),
    };
  }
  if (process.send) {
    return {
      send: (m) => process.send?.(m),
      onMessage: (l) => process.on('message', l),
    };
  }
  throw new Error('electron/core/process.ts must be started by a host (utilityProcess or child_process.fork)');
}

function isCall(message: unknown): message is HostToBackend {
  const m = message as Partial<HostToBackend> | null;
  return typeof m === 'object' && m !== null && m.type === 'call' && typeof m.id === 'number';
}

const channel = connectToHost();
const backend = new Backend({ workspaceDir: defaultWorkspaceDirFor(process.env), testHooks: process.env.TOKENSCOPE_TEST_HOOKS === '1' });
backend.onEvent((event) => channel.send({ type: 'event', event }));
channel.onMessage((message) => {
  if (!isCall(message)) return;
  const caller = message.caller === 'host' ? 'host' : 'renderer';
  void backend.route(message.method, message.input, caller).then((envelope) => channel.send({ type: 'result', id: message.id, envelope }));
});
process.on('disconnect', () => {
  void backend.shutdown().finally(() => process.exit(0));
});
channel.send({ type: 'ready', pid: process.pid });
