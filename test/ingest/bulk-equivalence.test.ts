import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDatabase } from '../../electron/core/db/case-db';
import { importEvidence, type ImportResult } from '../../electron/core/ingest';
import { tempCase } from '../support/temp-case';

/**
 * The bulk path (DuckDB parses the records, ingest/bulk/) and the per-record path (JSON.parse +
 * the parser's map) must load the same evidence, the same rejects and the same events, column by
 * column. Each corpus is imported twice, once each way, and the tables are compared whole.
 */
const realSamples = resolve(process.env.TOKENSCOPE_REAL_SAMPLES ?? resolve(__dirname, '../../../shared/real-samples'));

function okta(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    uuid: 'f0e1d2c3-0000-11ee-8000-000000000001',
    published: '2025-03-01T10:00:00.123Z',
    eventType: 'user.session.start',
    actor: { id: '00u1abc', type: 'User', alternateId: 'Ana.Diaz@Northwind.example', displayName: 'Ana Diaz' },
    client: { ipAddress: '203.0.113.7', userAgent: { rawUserAgent: 'Mozilla/5.0' }, geographicalContext: { country: 'Spain', city: 'Madrid', geolocation: { lat: 40.4, lon: -3.7 } } },
    outcome: { result: 'SUCCESS', reason: null },
    securityContext: { asNumber: 3352, asOrg: 'telefonica' },
    debugContext: { debugData: { requestUri: '/api/v1/authn' } },
    authenticationContext: { externalSessionId: '102abc' },
    target: [],
    ...overrides,
  };
}

/** Okta records covering every branch of oktaEvent and every odd value the bulk path must read the same way. */
function trickyOktaLines(): string[] {
  const records: Record<string, unknown>[] = [
    okta({}),
    okta({ published: 1700000000000 }),
    okta({ published: '1700000000' }),
    okta({ published: '2024-01-01 10:00:00' }),
    okta({ published: '2016-12-31T23:59:60Z' }),
    okta({ published: '2024-01-01T10:00:00+02:00' }),
    okta({ published: '2024-01-01T10:00:00.123456789Z' }),
    okta({ published: '2024-01-01T10:00:00.5Z' }),
    okta({ published: '' }),
    okta({ published: null }),
    okta({ published: undefined }),
    okta({ published: 'yesterday' }),
    okta({ published: '2025-02-30T00:00:00Z' }),
    okta({ published: 'Tue, 15 Nov 1994 08:12:31 GMT' }),
    okta({ eventType: undefined }),
    okta({ eventType: 5 }),
    okta({ eventType: 'system.api_token.create', target: [{ id: '00Tabc123', type: 'Token', displayName: 'CI token' }] }),
    okta({ eventType: 'system.api_token.revoke', transaction: { detail: { requestApiTokenId: '00Tzzz' } } }),
    okta({ eventType: 'app.oauth2.as.token.grant.access_token', actor: { id: '0oa1client', type: 'PublicClientApp', displayName: 'Chat app' }, client: { id: null } }),
    okta({ actor: { id: 'sys', type: 'SystemPrincipal', alternateId: 'system@okta.com' } }),
    okta({ actor: { id: 12345, type: 'User', alternateId: 'not-an-email' } }),
    okta({ actor: { id: '', type: '', alternateId: '' } }),
    okta({ client: { id: 'null', ipAddress: '::ffff:10.0.0.1' }, target: [{ id: '0oaApp', type: 'AppInstance', displayName: 'Salesforce' }] }),
    okta({ client: { id: '0oaDirect', ipAddress: '[2001:db8::1]:443' } }),
    okta({ client: { ipAddress: '10.1.2.3:8080' } }),
    okta({ client: { ipAddress: '198.51.100.1, 10.0.0.1' } }),
    okta({ client: { ipAddress: 'not-an-ip' } }),
    okta({ client: { ipAddress: '' } }),
    okta({ client: { ipAddress: '8.8.8.8', geographicalContext: { geolocation: { lat: '12.5', lon: 'abc' } } }, securityContext: { asNumber: '7922' } }),
    okta({ securityContext: {} }),
    okta({ securityContext: { asNumber: 99999999999 } }),
    okta({ securityContext: { asNumber: 7922.5 }, client: { ipAddress: '8.8.8.8' } }),
    okta({ securityContext: { asNumber: -5 } }),
    okta({ securityContext: { asNumber: '1e3' } }),
    okta({ debugContext: { debugData: { grantedScopes: 'okta.users.read okta.apps.read,okta.logs.read', requestedScopes: '' } } }),
    okta({ debugContext: { debugData: { grantedScopes: ['okta.users.manage', 'okta.groups.read'], requestedScopes: 'openid profile' } } }),
    okta({ outcome: { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' } }),
    okta({ outcome: { result: 'DENY' } }),
    okta({ outcome: { result: 'CHALLENGE' } }),
    okta({ outcome: undefined }),
    okta({ target: [{ alternateId: 'first-target@x', displayName: 'First' }, { id: '00Tsecond', type: 'api token' }] }),
    okta({ target: [{ displayName: 'Only a name' }], debugContext: {} }),
    okta({ actor: { id: '00u2', type: 'User', displayName: '{'.repeat(80) + ' braces in a string' } }),
  ];
  const lines = records.map((r) => JSON.stringify(r));
  const deep = `{"eventType":"x","published":"2025-01-01T00:00:00Z","deep":${'['.repeat(70)}${']'.repeat(70)}}`;
  return [
    ...lines,
    '{"eventType": "truncated", "published": "2025-01-01T00:00:00Z",',
    '[1, 2, 3]',
    '"just a string"',
    deep,
    '  ' + lines[0],
    '',
    lines[1] + '\r',
    JSON.stringify(okta({ eventType: 'nul\u0000inside' })),
    // A lone surrogate escape (JSON.parse accepts it, DuckDB's reader does not) and a valid escaped pair.
    '{"eventType":"user.session.start","published":"2025-01-01T00:00:00Z","actor":{"id":"00u9","displayName":"lone \\ud800 surrogate"}}',
    '{"eventType":"user.session.start","published":"2025-01-01T00:00:00Z","actor":{"id":"00u9","displayName":"pair \\ud83d\\ude00 ok"}}',
  ];
}

function trail(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::123456789012:user/svc-etl', accountId: '123456789012', accessKeyId: 'AKIAEXAMPLE0001', userName: 'svc-etl' },
    eventTime: '2025-04-02T03:04:05Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.20',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { bucketName: 'finance-exports', key: 'q1.csv' },
    responseElements: null,
    eventType: 'AwsApiCall',
    ...overrides,
  };
}

/** CloudTrail records covering every branch of the CloudTrail mapping. */
function trickyTrailRecords(): Record<string, unknown>[] {
  return [
    trail({}),
    trail({ errorCode: 'AccessDenied', errorMessage: 'not allowed' }),
    trail({ errorCode: '', errorMessage: 'empty code' }),
    trail({ errorCode: 0 }),
    trail({ errorCode: '0' }),
    trail({ errorCode: false }),
    trail({ errorCode: { nested: true } }),
    trail({ eventType: 'AwsConsoleSignIn', eventName: 'ConsoleLogin', eventSource: 'signin.amazonaws.com', responseElements: { ConsoleLogin: 'Failure' } }),
    trail({ eventType: 'AwsConsoleSignIn', eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: 'Success' } }),
    trail({ responseElements: { ConsoleLogin: null } }),
    trail({ responseElements: 'a string' }),
    trail({ userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' }, sourceIPAddress: 'lambda.amazonaws.com' }),
    trail({ userIdentity: { type: 'AssumedRole', principalId: 'AROA:session', arn: 'arn:aws:sts::1:assumed-role/r/s', accessKeyId: 'asiaexample0002', sessionContext: { sessionIssuer: { userName: 'deploy-role' }, attributes: { creationDate: '2025-04-02T01:00:00Z' } } } }),
    trail({ userIdentity: { type: 'Root', sessionContext: { attributes: { creationDate: '2025-04-02T01:00:00Z' } } } }),
    trail({ eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey', requestParameters: { userName: 'svc-new' } }),
    trail({ eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', requestParameters: { roleArn: 'arn:aws:iam::1:role/x' } }),
    trail({ eventSource: 'custom', eventName: 'Thing', requestParameters: { name: 'n' } }),
    trail({ eventSource: undefined }),
    trail({ eventTime: '2025-04-02T03:04:05.123456Z' }),
    trail({ eventTime: '2025-04-02 03:04:05' }),
    trail({ eventTime: 1743562800 }),
    trail({ sourceIPAddress: 'AWS Internal' }),
    trail({ sourceIPAddress: '2001:DB8::5' }),
    trail({ eventName: null }),
    trail({ eventName: undefined }),
    { EventId: 'abc', EventName: 'GetObject', CloudTrailEvent: JSON.stringify(trail({ eventName: 'PutObject' })) },
  ];
}

async function importBoth(name: string, paths: string[], extraBytes?: { file: string; bytes: Buffer }) {
  const bulk = await tempCase(`${name} bulk`);
  const perRecord = await tempCase(`${name} per record`);
  if (extraBytes) writeFileSync(extraBytes.file, extraBytes.bytes);
  const a = await importEvidence(bulk.db, paths);
  const b = await importEvidence(perRecord.db, paths, { bulk: false });
  return { bulk, perRecord, a, b };
}

async function rows(db: CaseDatabase, sql: string): Promise<string[]> {
  const reader = await db.connection.runAndReadAll(sql);
  return reader.getRowObjectsJson().map((r) => JSON.stringify(r));
}

const eventColumns = `file_id, record_no, sub_no, source, platform, event_time, time_raw, time_quality, action, action_raw, category, outcome, failure_reason,
  actor_id, actor_name, actor_type, principal_key, credential_ref, credential_ref_kind, credential_ref_type, app_ref, app_ref_kind, app_name, ip, ip_raw,
  asn, as_org, country, city, lat, lon, user_agent, system_key, resource, operation, bytes, rows, scopes, scopes_requested, session_id, credential_key, app_key`;

async function expectSame(bulk: CaseDatabase, perRecord: CaseDatabase, a: ImportResult, b: ImportResult): Promise<void> {
  expect(a.files.map((f) => [f.status, f.recordsSeen, f.recordsLoaded, f.recordsRejected])).toEqual(b.files.map((f) => [f.status, f.recordsSeen, f.recordsLoaded, f.recordsRejected]));
  for (const sql of [
    `SELECT file_id, source, shape, records_seen, records_loaded, records_rejected, records_unmapped, events_loaded, warnings FROM evidence_files ORDER BY file_id`,
    `SELECT file_id, record_no, byte_offset, byte_length, raw, raw_bytes FROM evidence_records ORDER BY file_id, record_no`,
    `SELECT file_id, record_no, byte_offset, reason_code, reason, raw, raw_length, raw_sha256 FROM evidence_rejects ORDER BY file_id, record_no`,
    `SELECT ${eventColumns} FROM events ORDER BY file_id, record_no, sub_no`,
    `SELECT count(DISTINCT event_id) = count(*) AS unique_ids FROM events`,
  ]) {
    expect(await rows(bulk, sql), sql.slice(0, 60)).toEqual(await rows(perRecord, sql));
  }
}

describe('bulk path loads exactly what the per-record path loads', () => {
  let dir: string;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const scratch = await tempCase('scratch');
    cleanups.push(scratch.done);
    dir = join(scratch.dir, 'evidence');
    mkdirSync(dir);
  });
  afterAll(async () => {
    for (const done of cleanups) await done();
  });

  it('Okta System Log: every odd value, invalid and deep lines, CRLF, NUL', async () => {
    const file = join(dir, 'okta-tricky.ndjson');
    writeFileSync(file, trickyOktaLines().join('\n') + '\n');
    const invalidUtf8 = join(dir, 'okta-invalid-utf8.ndjson');
    const { bulk, perRecord, a, b } = await importBoth('tricky', [file, invalidUtf8], {
      file: invalidUtf8,
      bytes: Buffer.concat([Buffer.from(JSON.stringify(okta({})) + '\n'), Buffer.from('{"eventType":"bad \xff\xfe bytes","published":"2025-01-01T00:00:00Z"}\n', 'latin1')]),
    });
    cleanups.push(bulk.done, perRecord.done);
    expect(a.files[0]!.recordsRejected).toBeGreaterThanOrEqual(4); // truncated, array, string, deep
    expect(await rows(bulk.db, `SELECT actor_name FROM events WHERE actor_id = '00u9' ORDER BY record_no`)).toEqual([
      JSON.stringify({ actor_name: 'lone \ufffd surrogate' }),
      JSON.stringify({ actor_name: 'pair \u{1f600} ok' }),
    ]);
    await expectSame(bulk.db, perRecord.db, a, b);
    // The bulk path really ran: the per-record run stages records one by one, the bulk run through DuckDB.
    const time = await rows(bulk.db, `SELECT time_quality, count(*) AS n FROM events GROUP BY ALL ORDER BY ALL`);
    expect(time.join()).toContain('approximate');
  });

  it('the sample case Okta logs, in several small segments', async () => {
    const folder = resolve(__dirname, '../../sample-data/okta/system-log');
    const files = readdirSync(folder).map((n) => join(folder, n));
    const bulk = await tempCase('sample bulk');
    const perRecord = await tempCase('sample per record');
    cleanups.push(bulk.done, perRecord.done);
    const a = await importEvidence(bulk.db, files, { segmentChars: 256 * 1024 });
    const b = await importEvidence(perRecord.db, files, { bulk: false });
    expect(a.files.reduce((n, f) => n + f.recordsLoaded, 0)).toBeGreaterThan(1000);
    await expectSame(bulk.db, perRecord.db, a, b);
  });

  it('CloudTrail: Records envelope (gzip), NDJSON and lookup-events wrappers', async () => {
    const records = trickyTrailRecords();
    const gz = join(dir, '123456789012_CloudTrail_us-east-1_20250402T0300Z_tricky.json.gz');
    writeFileSync(gz, gzipSync(JSON.stringify({ Records: records })));
    const ndjson = join(dir, 'cloudtrail-tricky.ndjson');
    writeFileSync(ndjson, records.map((r) => JSON.stringify(r)).join('\n') + '\n{"eventVersion": "1.09", "eventName": \n');
    const { bulk, perRecord, a, b } = await importBoth('trail', [gz, ndjson]);
    cleanups.push(bulk.done, perRecord.done);
    expect(a.files.map((f) => f.source)).toEqual(['aws', 'aws']);
    await expectSame(bulk.db, perRecord.db, a, b);
  });

  it('the real Okta and AWS samples', async () => {
    const folders = [join(realSamples, 'okta'), join(realSamples, 'aws')];
    if (!folders.every(existsSync)) {
      console.warn(`REAL SAMPLES MISSING: ${folders.join(', ')}; the bulk/per-record comparison on real records did not run`);
      return;
    }
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d, { withFileTypes: true })) {
        if (n.isDirectory()) walk(join(d, n.name));
        else if (!n.name.endsWith('.md')) files.push(join(d, n.name));
      }
    };
    folders.forEach(walk);
    const copies = files.map((f, i) => {
      const copy = join(dir, `real-${i}-${f.split('/').pop()}`);
      copyFileSync(f, copy);
      return copy;
    });
    const { bulk, perRecord, a, b } = await importBoth('real', copies);
    cleanups.push(bulk.done, perRecord.done);
    expect(a.files.some((f) => f.source === 'okta' && f.recordsLoaded > 0)).toBe(true);
    expect(a.files.some((f) => f.source === 'aws' && f.recordsLoaded > 0)).toBe(true);
    await expectSame(bulk.db, perRecord.db, a, b);
  });
});
