import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence, type ImportResult } from '../../electron/core/ingest';
import { count, rows, tempCase } from './helpers';

const okta = (i: number, tag: string) =>
  JSON.stringify({ uuid: `${tag}-${i}`, published: '2025-01-01T00:00:00Z', eventType: 'user.session.start', actor: { id: '00u1', type: 'User', alternateId: 'a@example.com' }, client: { ipAddress: '8.8.8.8' } });

/**
 * Staged rows reach DuckDB in segments while parsing continues. With a tiny segment size every
 * file spans many segments: counts must still be exact, and a file that fails after some of its
 * segments were loaded must leave no rows behind.
 */
describe('segmented loading', () => {
  let ctx: Awaited<ReturnType<typeof tempCase>>;
  let result: ImportResult;

  beforeAll(async () => {
    ctx = await tempCase();
    writeFileSync(join(ctx.dir, 'a.ndjson'), Array.from({ length: 3000 }, (_, i) => okta(i, 'a')).join('\n') + '\n');
    const gz = gzipSync(Array.from({ length: 3000 }, (_, i) => okta(i, 'b')).join('\n') + '\n');
    writeFileSync(join(ctx.dir, 'b-truncated.ndjson.gz'), gz.subarray(0, gz.length - 200));
    writeFileSync(join(ctx.dir, 'c.ndjson'), Array.from({ length: 1000 }, (_, i) => okta(i, 'c')).join('\n') + '\n');
    result = await importEvidence(ctx.db, ['a.ndjson', 'b-truncated.ndjson.gz', 'c.ndjson'].map((n) => join(ctx.dir, n)), { segmentChars: 20_000 });
  });
  afterAll(async () => ctx?.done());

  it('loads every record of files spanning many segments', async () => {
    const [a, , c] = result.files;
    expect(a).toMatchObject({ status: 'imported', recordsSeen: 3000, recordsLoaded: 3000 });
    expect(c).toMatchObject({ status: 'imported', recordsSeen: 1000, recordsLoaded: 1000 });
    expect(await count(ctx.db, `SELECT count(*) FROM evidence_records WHERE file_id = $id`, { id: a!.fileId! })).toBe(3000);
    expect(await count(ctx.db, `SELECT count(*) FROM events WHERE file_id = $id`, { id: c!.fileId! })).toBe(1000);
    // The stored evidence is the exact line, with its offset and length.
    const [first] = await rows(ctx.db, `SELECT raw, byte_offset, byte_length FROM evidence_records WHERE file_id = $id AND record_no = 2`, { id: a!.fileId! });
    expect(first).toEqual({ raw: okta(1, 'a'), byte_offset: BigInt(okta(0, 'a').length + 1), byte_length: BigInt(okta(1, 'a').length) });
  });

  it('removes every row of a file that failed after some of its segments were loaded', async () => {
    const b = result.files[1]!;
    expect(b.status).toBe('failed');
    expect(b.reason).toMatch(/GZIP_CORRUPT/);
    expect(await count(ctx.db, `SELECT count(*) FROM events WHERE file_id NOT IN (SELECT file_id FROM evidence_files)`)).toBe(0);
    expect(await count(ctx.db, `SELECT count(*) FROM evidence_records WHERE raw LIKE '%"b-%'`)).toBe(0);
    expect(await count(ctx.db, `SELECT count(*) FROM evidence_skipped WHERE reason_code = 'GZIP_CORRUPT'`)).toBe(1);
    expect(await count(ctx.db, `SELECT count(*) FROM events`)).toBe(4000);
  });
});
