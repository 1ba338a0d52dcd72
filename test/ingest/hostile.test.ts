import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence, type ImportedFile, type ImportResult } from '../../electron/core/ingest';
import { parseTimestamp } from '../../electron/core/ingest/time';
import { count, rows, tempCase } from './helpers';

/**
 * The T4 hostile corpus (SECURITY.md), generated here: every file has exact expected counts and
 * reason codes. Invariant for each imported file: records_seen = loaded + rejected.
 */
const okta = (i: number, extra = '') =>
  `{"uuid":"u-${i}","published":"2024-05-01T10:00:${String(i % 60).padStart(2, '0')}.000Z","eventType":"user.session.start","actor":{"id":"00u${i}","type":"User","alternateId":"user${i}@example.com"},"client":{"ipAddress":"8.8.8.8"},"outcome":{"result":"SUCCESS"}${extra}}`;
const nest = (depth: number) => `{"uuid":"deep","published":"2024-05-01T10:00:00Z","eventType":"x","actor":{},"d":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
const registerHeader =
  'credential_id,platform,credential_type,display_name,owner_email,app_name,app_id,business_purpose,approved_pattern,approved_cadence,approved_hours_utc,approved_networks,scopes,created_at,expires_at,last_reviewed_at,review_interval_days,status';
const registerRow = (id: string, name: string) => `${id},okta,api_token,${name},owner@example.com,,,purpose,,PT1H,22-04,AS15169,okta.users.read,2025-01-01,2026-09-01T00:00:00Z,2025-06-01,90,active`;

interface Case {
  name: string;
  content: Buffer | string;
  expect: { status: ImportedFile['status']; seen?: number; loaded?: number; rejected?: number; codes?: string[]; reason?: RegExp; encoding?: string; warning?: RegExp };
}

const cases: Case[] = [
  { name: 'empty.json', content: '', expect: { status: 'unrecognised', reason: /empty/ } },
  { name: 'blank.ndjson', content: ' \n\t\n  ', expect: { status: 'unrecognised', reason: /whitespace/ } },
  { name: 'header-only.csv', content: registerHeader + '\n', expect: { status: 'imported', seen: 0, loaded: 0, rejected: 0, warning: /no records/ } },
  { name: 'truncated-array.json', content: `[${okta(1)},${okta(2)},{"uuid":"u-3","eventType":"x",`, expect: { status: 'imported', seen: 3, loaded: 2, rejected: 1, codes: ['TRUNCATED'] } },
  { name: 'truncated-last-line.ndjson', content: [okta(1), okta(2), okta(3), okta(4).slice(0, 40)].join('\n'), expect: { status: 'imported', seen: 4, loaded: 3, rejected: 1, codes: ['INVALID_JSON'] } },
  { name: 'truncated-in-escape.ndjson', content: [okta(1), `{"uuid":"u-2","eventType":"a\\`].join('\n'), expect: { status: 'imported', seen: 2, loaded: 1, rejected: 1, codes: ['INVALID_JSON'] } },
  {
    name: 'malformed-middle.ndjson',
    content: [okta(1), '{"uuid": nope}', okta(3), '[1,2]', okta(5), '"text"'].join('\r\n') + '\r\n',
    expect: { status: 'imported', seen: 6, loaded: 3, rejected: 3, codes: ['INVALID_JSON', 'NOT_AN_OBJECT', 'NOT_AN_OBJECT'] },
  },
  {
    name: 'huge-line.ndjson',
    content: [okta(1), `{"uuid":"big","eventType":"x","blob":"${'A'.repeat(100 * 1024 * 1024)}"}`, okta(3)].join('\n'),
    expect: { status: 'imported', seen: 3, loaded: 2, rejected: 1, codes: ['LINE_TOO_LONG'] },
  },
  {
    name: 'invalid-utf8.ndjson',
    content: Buffer.concat([Buffer.from(okta(1) + '\n'), Buffer.from(okta(2, ',"bad":"').toString()), Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe]), Buffer.from('"}\n')]),
    expect: { status: 'imported', seen: 2, loaded: 2, rejected: 0, warning: /invalid UTF-8/ },
  },
  { name: 'bom.ndjson', content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${okta(1)}\n${okta(2)}\n`)]), expect: { status: 'imported', seen: 2, loaded: 2, encoding: 'utf-8-bom' } },
  {
    name: 'utf16le-register.csv',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${registerHeader}\r\n${registerRow('00Tutf16', 'Ünïcode token')}\r\n`, 'utf16le')]),
    expect: { status: 'imported', seen: 1, loaded: 1, encoding: 'utf-16le' },
  },
  { name: 'nul-in-json.ndjson', content: `${okta(1)}\n{"uuid":"n","eventType":"a\u0000b"}\n`, expect: { status: 'imported', seen: 2, loaded: 1, rejected: 1, codes: ['INVALID_JSON'] } },
  { name: 'nul-in-csv.csv', content: `${registerHeader}\n${registerRow('00Tnul', 'has\u0000nul')}\n`, expect: { status: 'imported', seen: 1, loaded: 1, rejected: 0 } },
  {
    name: 'depth.ndjson',
    content: [nest(64), nest(65), nest(1000), nest(100_000), okta(9)].join('\n'),
    expect: { status: 'imported', seen: 5, loaded: 2, rejected: 3, codes: ['DEPTH_EXCEEDED', 'DEPTH_EXCEEDED', 'DEPTH_EXCEEDED'] },
  },
  { name: 'depth-array.json', content: `[${okta(1)},${nest(200_000)},${okta(3)}]`, expect: { status: 'imported', seen: 3, loaded: 2, rejected: 1, codes: ['DEPTH_EXCEEDED'] } },
  { name: 'duplicate-records.ndjson', content: [okta(1), okta(1), okta(1)].join('\n'), expect: { status: 'imported', seen: 3, loaded: 3, rejected: 0 } },
  {
    name: 'formula-register.csv',
    content: `${registerHeader}\n${registerRow('00Tf1', '"=cmd|\' /C calc\'!A0"')}\n${registerRow('00Tf2', '"@SUM(1+1)"')}\n${registerRow('00Tf3', '"+1,-2"')}\n`,
    expect: { status: 'imported', seen: 3, loaded: 3, rejected: 0 },
  },
  {
    name: 'bad-structure.csv',
    content: `${registerHeader}\n${registerRow('00Tok', 'fine')}\n00Tragged,okta,api_token\n${registerHeader}\n${registerRow('00Tq', '"multi\nline name"')}\n${registerRow('00Tu', '"never closes')}\n`,
    expect: { status: 'imported', seen: 5, loaded: 2, rejected: 3, codes: ['RAGGED_ROW', 'REPEATED_HEADER', 'UNTERMINATED_QUOTE'] },
  },
  { name: 'bomb.json.gz', content: gzipSync(Buffer.concat([Buffer.from('['), Buffer.alloc(300 * 1024 * 1024, 0x20)])), expect: { status: 'failed', reason: /DECOMPRESSION_LIMIT/ } },
  { name: 'not-a-log.txt', content: 'just some prose without delimiters\nmore prose\n', expect: { status: 'unrecognised', reason: /not JSON, NDJSON or CSV/ } },
  { name: 'unknown-json.ndjson', content: '{"hello":"world"}\n{"hello":"again"}\n', expect: { status: 'unrecognised', reason: /no known source/ } },
];

describe('hostile corpus (T4)', () => {
  let ctx: Awaited<ReturnType<typeof tempCase>>;
  let result: ImportResult;
  const byName = (name: string) => result.files.find((f) => f.path.endsWith(`/${name}`))!;

  beforeAll(async () => {
    ctx = await tempCase();
    const paths: string[] = [];
    for (const c of cases) {
      const p = join(ctx.dir, 'corpus', c.name);
      paths.push(p);
      writeFileSync(join(ctx.dir, c.name), c.content);
    }
    // Same file twice in one import, plus a byte-identical copy under another name.
    writeFileSync(join(ctx.dir, 'bom-copy.ndjson'), cases.find((c) => c.name === 'bom.ndjson')!.content);
    result = await importEvidence(ctx.db, [...cases.map((c) => join(ctx.dir, c.name)), join(ctx.dir, 'bom-copy.ndjson')]);
  }, 120_000);
  afterAll(async () => ctx?.done());

  for (const c of cases) {
    it(`${c.name}: ${c.expect.status}${c.expect.codes ? ' ' + c.expect.codes.join(', ') : ''}`, async () => {
      const f = byName(c.name);
      expect(f.status, f.reason).toBe(c.expect.status);
      if (c.expect.reason) expect(f.reason).toMatch(c.expect.reason);
      if (c.expect.seen !== undefined) expect(f.recordsSeen).toBe(c.expect.seen);
      if (c.expect.loaded !== undefined) expect(f.recordsLoaded).toBe(c.expect.loaded);
      if (c.expect.rejected !== undefined) expect(f.recordsRejected).toBe(c.expect.rejected);
      if (c.expect.warning) expect(f.warnings.join('\n')).toMatch(c.expect.warning);
      if (f.status !== 'imported') {
        expect(await count(ctx.db, `SELECT count(*) FROM evidence_skipped WHERE path = $p`, { p: f.path })).toBe(1);
        return;
      }
      expect(f.recordsLoaded + f.recordsRejected).toBe(f.recordsSeen);
      expect(await count(ctx.db, `SELECT count(*) FROM evidence_records WHERE file_id = $id`, { id: f.fileId! })).toBe(f.recordsLoaded);
      const codes = (await rows(ctx.db, `SELECT reason_code FROM evidence_rejects WHERE file_id = $id ORDER BY record_no`, { id: f.fileId! })).map((r) => r.reason_code);
      expect(codes).toEqual(c.expect.codes ?? []);
      if (c.expect.encoding) {
        expect(await rows(ctx.db, `SELECT encoding FROM evidence_files WHERE file_id = $id`, { id: f.fileId! })).toEqual([{ encoding: c.expect.encoding }]);
      }
    });
  }

  it('keeps rejected records with offset, full length and hash, raw bytes capped', async () => {
    const f = byName('huge-line.ndjson');
    const [r] = await rows(ctx.db, `SELECT record_no, byte_offset, raw_length, octet_length(raw) AS kept, raw_sha256 FROM evidence_rejects WHERE file_id = $id`, { id: f.fileId! });
    expect(Number(r!.record_no)).toBe(2);
    expect(Number(r!.byte_offset)).toBe(okta(1).length + 1);
    expect(Number(r!.raw_length)).toBeGreaterThan(100 * 1024 * 1024);
    expect(Number(r!.kept)).toBe(64 * 1024);
    expect(String(r!.raw_sha256)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores invalid UTF-8 exactly (raw_bytes) and formula cells verbatim', async () => {
    const bad = byName('invalid-utf8.ndjson');
    const [r] = await rows(ctx.db, `SELECT hex(raw_bytes) AS h FROM evidence_records WHERE file_id = $id AND raw_bytes IS NOT NULL`, { id: bad.fileId! });
    expect(String(r!.h)).toContain('EDA080FFFE');
    const names = (await rows(ctx.db, `SELECT display_name FROM credential_facts WHERE display_name LIKE '%=%' OR display_name LIKE '@%' OR display_name LIKE '+%' ORDER BY 1`)).map((x) => x.display_name);
    expect(names).toEqual(['+1,-2', "=cmd|' /C calc'!A0", '@SUM(1+1)']);
    const nul = await rows(ctx.db, `SELECT display_name FROM credential_facts WHERE ids::VARCHAR LIKE '%00Tnul%'`);
    expect(nul[0]!.display_name).toBe('has\u0000nul');
  });

  it('recognises the same content twice by SHA-256 and never doubles it', async () => {
    expect(byName('bom-copy.ndjson').status).toBe('duplicate');
    const again = await importEvidence(ctx.db, [join(ctx.dir, 'bom.ndjson')]);
    expect(again.files[0]!.status).toBe('duplicate');
    expect(await count(ctx.db, `SELECT count(*) FROM evidence_files WHERE file_name LIKE 'bom%'`)).toBe(1);
  });

  it('loads numbers out of their column range as absent, never failing the import', async () => {
    const { db, dir, done } = await tempCase();
    try {
      const file = join(dir, 'ApiTotalUsage.csv');
      writeFileSync(
        file,
        '"EVENT_TYPE","TIMESTAMP_DERIVED","USER_ID","RESPONSE_SIZE","ROWS_PROCESSED"\n' +
          '"API","2025-03-01T10:00:00.000Z","005000000000001","1e30","-5"\n' +
          '"API","2025-03-01T10:00:01.000Z","005000000000001","2048","7.5"\n' +
          '"API","2025-03-01T10:00:02.000Z","005000000000001","4096","12"\n',
      );
      const imported = await importEvidence(db, [file]);
      expect(imported.files[0]).toMatchObject({ status: 'imported', recordsLoaded: 3, recordsRejected: 0 });
      expect(await rows(db, `SELECT CAST(bytes AS INTEGER) AS bytes, CAST(rows AS INTEGER) AS rows FROM events ORDER BY record_no`)).toEqual([
        { bytes: null, rows: null },
        { bytes: 2048, rows: null },
        { bytes: 4096, rows: 12 },
      ]);
    } finally {
      await done();
    }
  });

  it('turns every timestamp style into UTC or an explicit flag, never a silent null', () => {
    const cases: [unknown, string | null, string][] = [
      ['2024-05-01T21:43:37Z', '2024-05-01T21:43:37.000000Z', 'exact'],
      ['2024-05-01T21:43:37.1234567+02:00', '2024-05-01T19:43:37.123456Z', 'exact'],
      ['2023-03-21T19:42:13.264+0000', '2023-03-21T19:42:13.264000Z', 'exact'],
      ['2024-05-01T21:43:37.123456789Z', '2024-05-01T21:43:37.123456Z', 'exact'],
      ['2024-05-01T21:43:37', '2024-05-01T21:43:37.000000Z', 'assumed_utc'],
      ['2022-03-22 14:21:53.225', '2022-03-22T14:21:53.225000Z', 'assumed_utc'],
      [1714599817, '2024-05-01T21:43:37.000Z', 'exact'],
      [1741611465102, '2025-03-10T12:57:45.102Z', 'exact'],
      ['1714599817000000', '2024-05-01T21:43:37.000Z', 'exact'],
      ['20231218054831.655', '2023-12-18T05:48:31.655000Z', 'assumed_utc'],
      ['Tue, 15 Nov 1994 08:12:31 GMT', '1994-11-15T08:12:31.000000Z', 'exact'],
      [133589034170000000, '2024-04-29T22:30:17.000Z', 'exact'],
      ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000000Z', 'exact'],
      ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59.999999Z', 'approximate'],
      ['0000-00-00', null, 'unparsed'],
      ['11/05/2023 1:30 AM', null, 'unparsed'],
      ['redacted', null, 'unparsed'],
    ];
    for (const [input, utc, quality] of cases) {
      const t = parseTimestamp(input);
      expect({ input, utc: t.utc, quality: t.quality }).toEqual({ input, utc, quality });
      expect(t.raw).toBe(String(input));
    }
  });
});
