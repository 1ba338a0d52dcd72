import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEvent, CaseInfo } from '../../shared/contract';
import { httpHarness, type TransportHarness } from '../support/transports';
import type { WebHost } from '../../electron/server/web-host';

describe('backend process crash and recovery (issue 2, done-when 3)', () => {
  let harness: TransportHarness & { host: WebHost };
  const events: AnyEvent[] = [];

  beforeAll(async () => {
    harness = await httpHarness({ testHooks: true });
    harness.api.onEvent((event) => events.push(event));
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('answers the call in flight with BACKEND_CRASHED, restarts the backend and reopens the case', async () => {
    const created = await harness.api.invoke('case.create', { name: 'Crash survivor' });
    if (!created.ok) throw new Error(created.error.message);
    const caseInfo: CaseInfo = created.value;
    const firstPid = harness.host.supervisor.pid;
    expect(firstPid).toBeTypeOf('number');

    const inFlight = harness.api.invoke('dev.sleep', { ms: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(firstPid!, 'SIGKILL');

    const answer = await inFlight;
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('BACKEND_CRASHED');
      expect(answer.error.message).toMatch(/SIGKILL/);
      expect(answer.error.message).toMatch(/dev\.sleep/);
    }

    await expect
      .poll(() => events.some((e) => e.event === 'backend.state' && e.payload.state === 'ready' && /reopened/.test(e.payload.message)), { timeout: 20_000 })
      .toBe(true);
    expect(events.some((e) => e.event === 'backend.state' && e.payload.state === 'crashed')).toBe(true);
    expect(harness.host.supervisor.pid).not.toBe(firstPid);

    const current = await harness.api.invoke('case.current', {});
    expect(current.ok && current.value?.id).toBe(caseInfo.id);
    const info = await harness.api.invoke('app.info', {});
    expect(info.ok).toBe(true);
  });
});
