import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDatabase } from '../db/case-db';
import { importEvidence } from '../ingest';
import { mappingParser, pick } from './column-mapping';
import { inspectUpload } from './inspect';

const csv = [
  'When,What,Who,From,Agent,Key,Status',
  '2026-11-20T10:00:00Z,export.download,svc-report,203.0.113.9,curl/8.4,key-77,OK',
  '2026-11-20T11:00:00Z,export.download,svc-report,203.0.113.9,curl/8.4,key-77,denied',
  'not a time,login,svc-report,,,key-77,OK',
].join('\n');

describe('generic column mapper', () => {
  let dir: string;
  let db: CaseDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-mapper-'));
    db = await CaseDatabase.create(join(dir, 'c.tokenscope'), 'mapper');
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows an unrecognised CSV’s columns and rows, then imports it with the mapping through the normal importer', async () => {
    const path = join(dir, 'vendor-export.csv');
    writeFileSync(path, csv);
    const seen = await inspectUpload(path, Buffer.byteLength(csv));
    expect(seen).toMatchObject({ recognised: false, container: 'csv', columns: ['When', 'What', 'Who', 'From', 'Agent', 'Key', 'Status'] });
    expect(seen.sample[0]).toMatchObject({ When: '2026-11-20T10:00:00Z', Key: 'key-77' });

    // Without a mapping the importer refuses it, as before.
    const plain = await importEvidence(db, [path]);
    expect(plain.files[0]?.status).toBe('unrecognised');

    const parser = mappingParser({
      platform: 'other',
      credentialType: 'api_token',
      columns: { time: 'When', action: 'What', actor: 'Who', ip: 'From', userAgent: 'Agent', credentialId: 'Key', outcome: 'Status' },
    });
    const mapped = await importEvidence(db, [path], { parserFor: (p) => (p === path ? parser : undefined) });
    expect(mapped.files[0]).toMatchObject({ status: 'imported', recordsSeen: 3, recordsLoaded: 3, recordsRejected: 0 });
    const events = (
      await db.connection.runAndReadAll(
        `SELECT action, outcome, ip, user_agent, credential_ref, time_quality FROM events e JOIN evidence_files f USING (file_id) WHERE f.parser = 'generic.mapped' ORDER BY record_no`,
      )
    ).getRowObjectsJS();
    expect(events.map((e) => [e.action, e.outcome, e.ip, e.credential_ref, e.time_quality])).toEqual([
      ['export.download', 'success', '203.0.113.9', 'key-77', 'exact'],
      ['export.download', 'failure', '203.0.113.9', 'key-77', 'exact'],
      ['login', 'success', null, 'key-77', 'unparsed'],
    ]);
  });

  it('reads nested JSON columns by dotted path', () => {
    expect(pick({ a: { b: { c: 1 } }, 'x.y': 2 }, 'a.b.c')).toBe(1);
    expect(pick({ 'x.y': 2 }, 'x.y')).toBe(2);
    expect(pick({ a: 1 }, 'a.b')).toBeUndefined();
  });
});
