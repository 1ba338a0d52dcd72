import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import { Backend } from '../../electron/core/backend';
import { insertGivenRows } from '../../electron/core/detections/engine/fixtures';

/** findings.*, detections.* and tuning through the real router, backend and an on-disk case. */
const dir = mkdtempSync(join(tmpdir(), 'tokenscope-findings-contract-'));
const backend = new Backend({ workspaceDir: dir });
const KEY = 'salesforce:connected_app_token:tok1';

async function call<T = Record<string, unknown>>(method: string, input: unknown): Promise<T> {
  const envelope = (await backend.route(method, input, 'renderer')) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

async function failure(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const envelope = (await backend.route(method, input, 'renderer')) as Envelope<unknown>;
  if (envelope.ok) throw new Error(`${method} unexpectedly succeeded`);
  return envelope.error;
}

beforeAll(async () => {
  const created = await backend.route('case.createAt', { path: join(dir, 'c.tokenscope'), name: 'Contract' }, 'host');
  expect(created.ok).toBe(true);
  await insertGivenRows(backend.context.session.require().connection, {
    credentials: [{ credential_key: KEY, display_name: 'Drift', created_at: '2024-01-01T00:00:00Z' }],
    credential_ids: [{ credential_key: KEY, id_kind: 'token_id', id_value: 'tok1' }],
    credential_records: [{ credential_key: KEY, file_id: 2, record_no: 7, source: 'salesforce' }],
    events: [
      { credential_key: KEY, event_time: '2025-07-20T00:10:00Z', ip: '52.1.2.3', asn: 14618, country: 'US', repeat: { every: 'PT6H', until: '2025-08-15T00:00:00Z' } },
      { credential_key: KEY, event_time: '2025-08-17T03:00:00Z', ip: '208.68.36.90', asn: 14061, country: 'NL', user_agent: 'Salesforce-Multi-Org-Fetcher/1.0' },
    ],
  });
});
afterAll(async () => {
  await backend.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('findings contract', () => {
  it('runs as of the latest event and lists findings with their evidence', async () => {
    const run = await call<{ asOf: string; analysisStart: string; findings: number; timings: Record<string, number> }>('detections.run', {});
    expect(run.asOf).toBe('2025-08-17T03:00:00.000Z');
    expect(run.analysisStart).toBe('2025-08-03T03:00:00.000Z');
    expect(run.timings).toHaveProperty('baseline:volume');
    const list = await call<{ total: number; findings: { id: string; kind: string; entity: { ids: string[] } }[] }>('findings.list', {});
    expect(list.total).toBe(run.findings);
    const ioc = list.findings.find((f) => f.kind === 'ioc-match');
    expect(ioc?.entity.ids).toEqual(['tok1']);
    const detail = await call<{ eventRefs: { record: number }[]; inventoryRefs: { sha256: string; record: number }[]; explanation: object }>(
      'findings.detail',
      { findingId: ioc!.id },
    );
    expect(detail.eventRefs).toHaveLength(1);
    expect(detail.inventoryRefs).toEqual([{ sha256: '2'.padStart(64, '0'), record: 7 }]);
    expect(detail.explanation).toHaveProperty('features');
    expect((await failure('findings.detail', { findingId: 'f'.repeat(32) })).code).toBe('NOT_FOUND');
  });

  it('suppresses findings on an entity until the expiry, with a reason', async () => {
    const suppression = await call<{ id: number }>('suppressions.add', {
      entityKey: KEY,
      ruleId: 'ioc-match',
      reason: 'vendor confirmed their own scanner',
      expiresAt: '2026-01-01T00:00:00Z',
    });
    await call('detections.run', {});
    const visible = await call<{ findings: { kind: string }[] }>('findings.list', { kind: 'ioc-match' });
    expect(visible.findings).toEqual([]);
    const all = await call<{ findings: { kind: string; suppressionId: number | null }[] }>('findings.list', { kind: 'ioc-match', includeSuppressed: true });
    expect(all.findings.map((f) => f.suppressionId)).toEqual([suppression.id]);
    // an expiry before the run's as_of no longer suppresses
    await call('suppressions.remove', { suppressionId: suppression.id });
    await call('suppressions.add', { entityKey: KEY, ruleId: null, reason: 'old', expiresAt: '2025-01-01T00:00:00Z' });
    await call('detections.run', {});
    expect((await call<{ findings: unknown[] }>('findings.list', { kind: 'ioc-match' })).findings).toHaveLength(1);
    expect((await failure('suppressions.add', { entityKey: KEY, reason: 'x', expiresAt: 'soon' })).code).toBe('BAD_REQUEST');
  });

  it('tunes rule parameters per case, validated against the declaration', async () => {
    await call('detections.setParameter', { ruleId: 'new-network', name: 'min_new_events', value: 5 });
    const rules = await call<{ rules: { id: string; parameters: { name: string; value: unknown; default: unknown }[] }[] }>('detections.rules', {});
    const param = rules.rules.find((r) => r.id === 'new-network')!.parameters.find((p) => p.name === 'min_new_events')!;
    expect(param).toMatchObject({ value: 5, default: 1 });
    await call('detections.run', {});
    expect((await call<{ findings: unknown[] }>('findings.list', { kind: 'new-network' })).findings).toEqual([]);
    await call('detections.setParameter', { ruleId: 'new-network', name: 'min_new_events', value: null });
    await call('detections.run', {});
    expect((await call<{ findings: unknown[] }>('findings.list', { kind: 'new-network' })).findings).toHaveLength(1);
    expect((await failure('detections.setParameter', { ruleId: 'new-network', name: 'min_new_events', value: 'many' })).message).toContain('integer');
    expect((await failure('detections.setParameter', { ruleId: 'new-network', name: 'nope', value: 1 })).code).toBe('BAD_REQUEST');
  });

  it('keeps allowlists and user IOC packs in the case', async () => {
    const entry = await call<{ id: number }>('allowlists.add', { list: 'network', entry: 'AS14061', note: 'our runners' });
    await call('detections.run', {});
    expect((await call<{ findings: unknown[] }>('findings.list', { kind: 'new-network' })).findings).toEqual([]);
    expect((await failure('allowlists.add', { list: 'network', entry: 'not a network' })).code).toBe('BAD_REQUEST');
    await call('allowlists.remove', { list: 'network', id: entry.id });

    const packs = await call<{ packs: { id: string; builtin: boolean; indicators: number }[] }>('iocs.packs', {});
    expect(packs.packs.find((p) => p.builtin)?.indicators).toBeGreaterThan(30);
    expect((await failure('iocs.addIndicators', { packId: 'oauth-incidents', indicators: [{ type: 'ip', value: '1.2.3.4' }] })).code).toBe('BAD_REQUEST');
    const mine = await call<{ version: string; indicators: number }>('iocs.addIndicators', {
      packId: 'case-iocs',
      title: 'From our IR',
      indicators: [{ type: 'ip', value: '52.1.2.3', incident: 'ir-42' }],
    });
    expect(mine).toMatchObject({ version: '1', indicators: 1 });
  });
});
