import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../shared/contract';
import { Backend } from '../../electron/core/backend';
import { resourcePath } from '../../electron/core/paths';

const okta = (i: number) =>
  JSON.stringify({ uuid: `u${i}`, published: '2025-01-01T00:00:00Z', eventType: 'user.session.start', actor: { id: '00u1', type: 'User', alternateId: 'a@example.com' }, client: { ipAddress: '8.8.8.8' }, pad: 'x'.repeat(200) });

describe('evidence contract methods', () => {
  let dir: string;
  let backend: Backend;
  const events: AnyEvent[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-evidence-'));
    backend = new Backend({ workspaceDir: join(dir, 'ws') });
    backend.onEvent((e) => events.push(e));
    const created = await backend.route('case.createAt', { path: join(dir, 'c.tokenscope'), name: 'C' }, 'host');
    expect(created.ok).toBe(true);
  });
  afterEach(async () => {
    await backend.shutdown();
    rmSync(dir, { recursive: true, force: true });
    events.length = 0;
  });

  it('imports by path only for the host, reports progress, lists the manifest and pages rejects with escaped raw text', async () => {
    const file = join(dir, 'okta.ndjson');
    writeFileSync(file, [okta(1), '{"broken":\u001b[31m', okta(3)].join('\n') + '\n');
    const denied = await backend.route('evidence.importPaths', { paths: [file] }, 'renderer');
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const res = await backend.route('evidence.importPaths', { paths: [file] }, 'host');
    if (!res.ok) throw new Error(res.error.message);
    const value = res.value as { files: { status: string; recordsLoaded: number; recordsRejected: number; fileId: number }[] };
    expect(value.files[0]).toMatchObject({ status: 'imported', recordsLoaded: 2, recordsRejected: 1 });
    expect(events.some((e) => e.event === 'job.progress' && e.payload.unit === 'bytes')).toBe(true);

    const list = await backend.route('evidence.list', {}, 'renderer');
    if (!list.ok) throw new Error(list.error.message);
    const manifest = list.value as { files: { sha256: string; source: string; recordsSeen: number }[]; enrichment: string[] };
    expect(manifest.files).toHaveLength(1);
    expect(manifest.files[0]).toMatchObject({ source: 'okta', recordsSeen: 3 });
    expect(manifest.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.enrichment[0]).toMatch(/ip-location-db/);

    const rejects = await backend.route('evidence.rejects', { fileId: value.files[0]!.fileId }, 'renderer');
    if (!rejects.ok) throw new Error(rejects.error.message);
    const page = rejects.value as { total: number; rows: { recordNo: number; reasonCode: string; rawText: string }[] };
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ recordNo: 2, reasonCode: 'INVALID_JSON', rawText: '{"broken":\\x1b[31m' });
  });

  it('cancels a running import and keeps nothing from it', async () => {
    const file = join(dir, 'big.ndjson');
    writeFileSync(file, Array.from({ length: 150_000 }, (_, i) => okta(i)).join('\n') + '\n');
    const idle = await backend.route('evidence.cancel', {}, 'renderer');
    expect(idle).toEqual({ ok: true, value: { cancelled: false } });
    let cancelled: unknown;
    const stop = backend.onEvent((e) => {
      if (e.event === 'job.progress' && e.payload.unit === 'bytes' && e.payload.done > 0 && !cancelled) {
        cancelled = backend.route('evidence.cancel', {}, 'renderer');
      }
    });
    const res = await backend.route('evidence.importPaths', { paths: [file] }, 'host');
    stop();
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(res).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const list = await backend.route('evidence.list', {}, 'renderer');
    expect(list).toMatchObject({ ok: true, value: { files: [], skipped: [] } });
  });
});

describe.runIf(existsSync(resourcePath('sample-data')))('case.openSample', () => {
  it('builds the sample case from sample-data/ with the importer, then reopens it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenscope-sample-'));
    const backend = new Backend({ workspaceDir: dir });
    try {
      const first = await backend.route('case.openSample', {}, 'renderer');
      expect(first, JSON.stringify(first).slice(0, 500)).toMatchObject({ ok: true, value: { sample: true } });
      const list = await backend.route('evidence.list', {}, 'renderer');
      if (!list.ok) throw new Error(list.error.message);
      const files = (list.value as { files: { source: string }[] }).files;
      expect(new Set(files.map((f) => f.source))).toEqual(new Set(['okta', 'entra', 'google', 'github', 'salesforce', 'aws', 'slack', 'register', 'hr']));
      await backend.route('case.close', {}, 'renderer');
      const again = await backend.route('case.openSample', {}, 'renderer');
      expect(again).toMatchObject({ ok: true, value: { sample: true } });
    } finally {
      await backend.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
