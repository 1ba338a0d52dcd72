import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEvent, CaseInfo, Envelope } from '../../shared/contract';
import type { TransportHarness } from '../support/transports';

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

function errorCode(envelope: Envelope<unknown>): string | undefined {
  return envelope.ok ? undefined : envelope.error.code;
}

/**
 * The same behaviour, whatever carries it: every transport (in-process, HTTP, Electron IPC) must
 * pass this suite unchanged.
 */
export function describeContract(name: string, makeHarness: () => Promise<TransportHarness> | TransportHarness): void {
  describe(`contract over ${name}`, () => {
    let harness: TransportHarness;
    const seen: AnyEvent[] = [];

    beforeAll(async () => {
      harness = await makeHarness();
      harness.api.onEvent((event) => seen.push(event));
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('answers app.info with versions', async () => {
      const info = value(await harness.api.invoke('app.info', {}));
      expect(info.name).toBe('Tokenscope');
      expect(info.duckdbVersion).toMatch(/^v\d+\.\d+\.\d+/);
      expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    });

    it('creates, lists, closes and reopens a case', async () => {
      const created = value(await harness.api.invoke('case.create', { name: 'Vendor breach — Q3' }));
      expect(created).toMatchObject({ name: 'Vendor breach — Q3', sample: false });
      expect(value(await harness.api.invoke('case.current', {}))?.id).toBe(created.id);

      const listed = value(await harness.api.invoke('case.list', {})).cases;
      expect(listed.map((c) => c.id)).toContain(created.id);

      value(await harness.api.invoke('case.close', {}));
      expect(value(await harness.api.invoke('case.current', {}))).toBeNull();

      const reopened: CaseInfo = value(await harness.api.invoke('case.open', { caseId: created.id }));
      expect(reopened).toEqual({ ...created, toolVersion: reopened.toolVersion });
    });

    it('announces case changes as events', async () => {
      const before = seen.length;
      const created = value(await harness.api.invoke('case.create', { name: 'Events' }));
      await expect.poll(() => seen.slice(before).some((e) => e.event === 'case.changed' && e.payload.current?.id === created.id)).toBe(true);
    });

    it('refuses invalid input with BAD_REQUEST', async () => {
      expect(errorCode(await harness.api.invoke('case.create', { name: '' }))).toBe('BAD_REQUEST');
      expect(errorCode(await harness.api.invoke('case.create', { name: 'x', extra: 1 } as never))).toBe('BAD_REQUEST');
      expect(errorCode(await harness.api.invoke('case.open', { caseId: '../../etc/passwd' }))).toBe('BAD_REQUEST');
      expect(errorCode(await harness.api.invoke('app.info', null as never))).toBe('BAD_REQUEST');
    });

    it('refuses unknown methods, host-only methods and disabled test hooks', async () => {
      expect(errorCode(await harness.api.invoke('case.drop' as never, {} as never))).toBe('UNKNOWN_METHOD');
      expect(errorCode(await harness.api.invoke('case.openPath' as never, { path: '/etc/passwd' } as never))).toBe('FORBIDDEN');
      expect(errorCode(await harness.api.invoke('case.createAt' as never, { path: '/tmp/x.tokenscope', name: 'x' } as never))).toBe('FORBIDDEN');
      expect(errorCode(await harness.api.invoke('dev.sleep', { ms: 1 }))).toBe('FORBIDDEN');
    });

    it('reports a missing case as NOT_FOUND', async () => {
      expect(errorCode(await harness.api.invoke('case.open', { caseId: '0123456789abcdef' }))).toBe('NOT_FOUND');
    });
  });
}
