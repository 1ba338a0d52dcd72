import { rmSync } from 'node:fs';
import { Backend } from '../../electron/core/backend';
import { describeContract } from '../contract/contract-suite';
import { createFakeIpcApi } from '../support/fake-ipc';
import { tempDir, type TransportHarness } from '../support/transports';

/** The shared contract suite over the Electron transport (real preload bridge + real main handler, faked pipe). */
function electronIpcHarness(): TransportHarness {
  const workspaceDir = tempDir('electron-ipc');
  const backend = new Backend({ workspaceDir });
  const api = createFakeIpcApi(backend.route, { events: (listener) => backend.onEvent(listener) });
  return {
    name: 'electron-ipc',
    api,
    workspaceDir,
    close: async () => {
      api.close();
      await backend.shutdown();
      rmSync(workspaceDir, { recursive: true, force: true });
    },
  };
}

describeContract('Electron IPC (fake pipe)', electronIpcHarness);
