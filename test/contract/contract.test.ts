import { rmSync } from 'node:fs';
import { Backend } from '../../electron/core/backend';
import { createFakeIpcApi } from '../support/fake-ipc';
import { describeContract } from './contract-suite';
import { httpHarness, inProcessHarness, tempDir } from '../support/transports';

describeContract('in-process', inProcessHarness);
describeContract('HTTP', () => httpHarness());
describeContract('Electron IPC (fake pipe, real preload bridge and main handler)', () => {
  const workspaceDir = tempDir('ipc');
  const backend = new Backend({ workspaceDir });
  const api = createFakeIpcApi(backend.route, { events: (listener) => backend.onEvent(listener) });
  return {
    name: 'ipc',
    api,
    workspaceDir,
    close: async () => {
      api.close();
      await backend.shutdown();
      rmSync(workspaceDir, { recursive: true, force: true });
    },
  };
});
