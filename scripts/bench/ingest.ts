/**
 * npm run bench:ingest — import throughput on this machine (not part of the test suite).
 *
 * Generates (once, under ./bench-data, gitignored) 1M Okta System Log events as NDJSON (~750 MB)
 * and 2M CloudTrail records as gzipped S3-style {"Records":[…]} files, imports each into a fresh
 * case file on disk with full accounting and provenance, and prints MB/s, events/s and peak RSS
 * beside a naive JSON.parse-per-line import measured in the same run. Each measurement runs in
 * its own child process so peak RSS belongs to that import alone.
 *
 * `npm run bench:ingest -- --large` instead imports one ~5 GB Okta NDJSON file (generated once,
 * ~6M events) to check that memory stays flat with input size (target: peak RSS <= 2 GB).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, readdirSync, createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const dataDir = join(root, 'bench-data');
const oktaFile = join(dataDir, 'okta-system-log-1m.ndjson');
const largeFile = join(dataDir, 'okta-system-log-5gb.ndjson');
const LARGE_BYTES = 5 * 1000 ** 3;
const trailDir = join(dataDir, 'cloudtrail-2m');
const OKTA_EVENTS = Number(process.env.BENCH_OKTA_EVENTS ?? 1_000_000);
const TRAIL_RECORDS = Number(process.env.BENCH_TRAIL_RECORDS ?? 2_000_000);
const TRAIL_PER_FILE = 10_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const eventTypes = ['user.session.start', 'user.authentication.sso', 'app.oauth2.as.token.grant.access_token', 'system.api_token.create', 'user.authentication.auth_via_mfa', 'policy.evaluate_sign_on'];

/** Client addresses drawn from a pool, as in real logs (a tenant sees thousands of IPs, not one per event). */
const ipPool = (() => {
  const r = rng(7);
  return Array.from({ length: 20_000 }, () => `${1 + Math.floor(r() * 223)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`);
})();

function oktaEvent(i: number, r: () => number): string {
  const t = new Date(Date.UTC(2025, 0, 1) + i * 2500).toISOString();
  const ip = ipPool[Math.floor(r() * ipPool.length)]!;
  const user = Math.floor(r() * 5000);
  const ev = {
    actor: { id: `00u${user.toString(36).padStart(17, '0')}`, type: 'User', alternateId: `user${user}@northwind.example`, displayName: `User ${user}` },
    client: {
      userAgent: { rawUserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0', os: 'Windows 10', browser: 'CHROME' },
      zone: 'null',
      device: 'Computer',
      id: null,
      ipAddress: ip,
    },
    authenticationContext: { authenticationStep: 0, externalSessionId: `102${i.toString(36)}` },
    eventType: eventTypes[i % eventTypes.length],
    outcome: { result: r() < 0.95 ? 'SUCCESS' : 'FAILURE', reason: null },
    published: t,
    securityContext: { asNumber: 7922, asOrg: 'comcast', isProxy: false },
    severity: 'INFO',
    debugContext: { debugData: { requestId: `Y${i.toString(36)}AAB`, requestUri: '/api/v1/authn', threatSuspected: 'false' } },
    transaction: { type: 'WEB', id: `Y${i.toString(36)}`, detail: i % 7 === 0 ? { requestApiTokenId: `00T${(i % 40).toString().padStart(17, '0')}` } : {} },
    uuid: `${i.toString(16).padStart(8, '0')}-ab83-11ed-9b30-9968d65e9979`,
    version: '0',
  };
  return JSON.stringify(ev);
}

function trailRecord(i: number, r: () => number): Record<string, unknown> {
  const key = `AKIA${(i % 300).toString().padStart(16, '0')}`;
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: `AIDA${i % 300}`, arn: `arn:aws:iam::123456789012:user/svc-${i % 300}`, accountId: '123456789012', accessKeyId: key, userName: `svc-${i % 300}` },
    eventTime: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: i % 3 === 0 ? 's3.amazonaws.com' : 'sts.amazonaws.com',
    eventName: i % 3 === 0 ? 'GetObject' : 'GetCallerIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: ipPool[Math.floor(r() * ipPool.length)],
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5 exe/x86_64',
    requestParameters: i % 3 === 0 ? { bucketName: 'northwind-finance', key: `reports/${i}.csv` } : null,
    responseElements: null,
    requestID: `${i.toString(16)}-req`,
    eventID: `${i.toString(16)}-evt`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: i % 3 !== 0,
    recipientAccountId: '123456789012',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'sts.amazonaws.com' },
  };
}

async function generate(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(oktaFile) || statSync(oktaFile).size < 1000) {
    const t = Date.now();
    const out = createWriteStream(oktaFile);
    const r = rng(1);
    for (let i = 0; i < OKTA_EVENTS; i++) {
      if (!out.write(oktaEvent(i, r) + '\n')) await new Promise<void>((res) => out.once('drain', () => res()));
    }
    await new Promise<void>((res) => out.end(res));
    console.error(`generated ${oktaFile} (${(statSync(oktaFile).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(trailDir) || readdirSync(trailDir).length < TRAIL_RECORDS / TRAIL_PER_FILE) {
    const t = Date.now();
    rmSync(trailDir, { recursive: true, force: true });
    mkdirSync(trailDir, { recursive: true });
    const r = rng(2);
    for (let f = 0; f < TRAIL_RECORDS / TRAIL_PER_FILE; f++) {
      const records = Array.from({ length: TRAIL_PER_FILE }, (_, k) => trailRecord(f * TRAIL_PER_FILE + k, r));
      const name = `123456789012_CloudTrail_us-east-1_20250101T${String(f).padStart(4, '0')}Z_bench.json.gz`;
      writeFileSync(join(trailDir, name), gzipSync(JSON.stringify({ Records: records }), { level: 1 }));
    }
    console.error(`generated ${trailDir} (${readdirSync(trailDir).length} files) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

/** ~5 GB of Okta NDJSON: the 1M-event file's generator run on until the size is reached. */
async function generateLarge(): Promise<void> {
  if (existsSync(largeFile) && statSync(largeFile).size >= LARGE_BYTES) return;
  mkdirSync(dataDir, { recursive: true });
  const t = Date.now();
  const out = createWriteStream(largeFile);
  const r = rng(3);
  let bytes = 0;
  for (let i = 0; bytes < LARGE_BYTES; i++) {
    const line = oktaEvent(i, r) + '\n';
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res) => out.end(res));
  console.error(`generated ${largeFile} (${(statSync(largeFile).size / 1e9).toFixed(2)} GB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

interface Measurement {
  label: string;
  /** Decompressed bytes of the loaded records (differs from `bytes` for gzip input). */
  contentBytes?: number;
  seconds: number;
  bytes: number;
  events: number;
  peakRssMb: number;
  detail?: string;
}

/** Child mode: one measurement, printed as JSON on the last line. */
async function child(mode: string, path: string): Promise<void> {
  const { CaseDatabase } = await import('../../electron/core/db/case-db');
  const casePath = join(dataDir, `bench-${mode}.tokenscope`);
  for (const p of [casePath, `${casePath}.wal`, `${casePath}.work`]) rmSync(p, { recursive: true, force: true });
  const db = await CaseDatabase.create(casePath, `bench ${mode}`);
  const bytes = statSync(path).isDirectory() ? readdirSync(path).reduce((a, n) => a + statSync(join(path, n)).size, 0) : statSync(path).size;
  const t = process.hrtime.bigint();
  let events = 0;
  let detail = '';
  let contentBytes: number | undefined;
  if (mode.startsWith('naive')) {
    // Naive: JSON.parse every line and append a few fields through the DuckDB appender.
    await db.connection.run(`CREATE TABLE naive_events (event_time VARCHAR, action VARCHAR, actor VARCHAR, ip VARCHAR, raw VARCHAR)`);
    const appender = await db.connection.createAppender('naive_events');
    const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line) continue;
      const o = JSON.parse(line) as { published?: string; eventType?: string; actor?: { alternateId?: string }; client?: { ipAddress?: string } };
      appender.appendVarchar(String(o.published ?? ''));
      appender.appendVarchar(String(o.eventType ?? ''));
      appender.appendVarchar(String(o.actor?.alternateId ?? ''));
      appender.appendVarchar(String(o.client?.ipAddress ?? ''));
      appender.appendVarchar(line);
      appender.endRow();
      events++;
    }
    appender.closeSync();
  } else {
    const { importEvidence } = await import('../../electron/core/ingest');
    const result = await importEvidence(db, [path]);
    const files = result.files.filter((f) => f.status === 'imported');
    events = Number((await db.connection.runAndReadAll(`SELECT count(*) AS n FROM events`)).getRowObjectsJS()[0]!.n);
    const seen = files.reduce((a, f) => a + f.recordsSeen, 0);
    const loaded = files.reduce((a, f) => a + f.recordsLoaded, 0);
    const rejected = files.reduce((a, f) => a + f.recordsRejected, 0);
    detail = `${files.length} file(s) imported, records seen ${seen} = loaded ${loaded} + rejected ${rejected}`;
    contentBytes = Number((await db.connection.runAndReadAll(`SELECT coalesce(sum(byte_length), 0) AS b FROM evidence_records`)).getRowObjectsJS()[0]!.b);
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  await db.close();
  const m: Measurement = { label: mode, seconds, bytes, contentBytes, events, peakRssMb: process.resourceUsage().maxRSS / 1024, detail };
  console.log(JSON.stringify(m));
}

function measure(mode: string, path: string): Measurement {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Measurement;
}

function print(m: Measurement): void {
  const mb = m.bytes / 1e6;
  console.log(
    `${m.label.padEnd(16)} ${mb.toFixed(0).padStart(6)} MB  ${m.seconds.toFixed(1).padStart(6)} s  ${(mb / m.seconds).toFixed(1).padStart(6)} MB/s  ${Math.round(m.events / m.seconds)
      .toString()
      .padStart(8)} events/s  peak RSS ${m.peakRssMb.toFixed(0)} MB  ${m.detail ?? ''}${
      m.contentBytes && m.contentBytes > m.bytes * 1.5 ? `; ${(m.contentBytes / 1e6).toFixed(0)} MB decompressed = ${(m.contentBytes / 1e6 / m.seconds).toFixed(1)} MB/s` : ''
    }`,
  );
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!);
} else if (process.argv.includes('--large')) {
  await generateLarge();
  console.log(`bench:ingest --large on ${process.platform} ${process.arch}, node ${process.version}`);
  const m = measure('okta-5gb', largeFile);
  print(m);
  console.log(`target: a 5 GB input completes with peak RSS <= 2048 MB: ${m.peakRssMb <= 2048 ? 'met' : 'NOT met'} (${m.peakRssMb.toFixed(0)} MB)`);
  const p = join(dataDir, 'bench-okta-5gb.tokenscope');
  for (const f of [p, `${p}.wal`, `${p}.work`]) rmSync(f, { recursive: true, force: true });
} else {
  await generate();
  console.log(`bench:ingest on ${process.platform} ${process.arch}, node ${process.version}`);
  const results = [measure('okta', oktaFile), measure('naive-okta', oktaFile), measure('cloudtrail', trailDir)];
  for (const m of results) print(m);
  const okta = results[0]!;
  const oktaMbs = okta.bytes / 1e6 / okta.seconds;
  const worstRss = Math.max(...results.filter((m) => !m.label.startsWith('naive')).map((m) => m.peakRssMb));
  console.log(`targets: okta >= 250 MB/s: ${oktaMbs >= 250 ? 'met' : 'NOT met'} (${oktaMbs.toFixed(1)} MB/s); peak RSS <= 1536 MB: ${worstRss <= 1536 ? 'met' : 'NOT met'} (${worstRss.toFixed(0)} MB)`);
  for (const mode of ['okta', 'naive-okta', 'cloudtrail']) {
    const p = join(dataDir, `bench-${mode}.tokenscope`);
    for (const f of [p, `${p}.wal`, `${p}.work`]) rmSync(f, { recursive: true, force: true });
  }
}
