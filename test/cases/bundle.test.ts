import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../shared/contract';
import { Backend } from '../../electron/core/backend';
import { verifyLog, readLog } from '../../electron/core/cases/action-log';
import { readTarGz, tarHeader, writeTarGz } from '../../electron/core/bundle/tar';
import { resourcePath } from '../../electron/core/paths';
import { unwrap } from '../../electron/cli/in-process';
import { writeHostileEvidence } from '../report/hostile-fixtures';

async function readAll(path: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  await readTarGz(createReadStream(path), {
    open(name) {
      const parts: Buffer[] = [];
      return {
        write: (c) => void parts.push(Buffer.from(c)),
        end: async () => void files.set(name, Buffer.concat(parts)),
      };
    },
  });
  return files;
}

describe('evidence bundle', () => {
  let dir: string;
  let a: Backend;
  let exported: MethodOutput<'bundle.export'>;
  let digestA: MethodOutput<'bundle.digest'>;
  let findingsA: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-bundle-'));
    a = new Backend({ workspaceDir: join(dir, 'ws-a') });
    unwrap(await a.route('case.createAt', { path: join(dir, 'a.tokenscope'), name: 'Bundle test' }, 'host'));
    const inputs = [resourcePath('sample-data', 'github', 'org-personal-access-tokens.json'), resourcePath('sample-data', 'salesforce', 'OauthToken.json'), ...writeHostileEvidence(dir)];
    unwrap(await a.route('evidence.importPaths', { paths: inputs }, 'host'));
    findingsA = (unwrap(await a.route('detections.run', {}, 'renderer')) as MethodOutput<'detections.run'>).findings;
    digestA = unwrap(await a.route('bundle.digest', {}, 'renderer')) as MethodOutput<'bundle.digest'>;
    exported = unwrap(await a.route('bundle.export', { path: join(dir, 'case.tar.gz') }, 'host')) as MethodOutput<'bundle.export'>;
  }, 240_000);

  afterAll(async () => {
    await a?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens elsewhere with the same dataset digest, findings and an intact action log', async () => {
    expect(exported.datasetDigest).toBe(digestA.digest);
    const b = new Backend({ workspaceDir: join(dir, 'ws-b') });
    try {
      const opened = unwrap(await b.route('bundle.open', { bundlePath: exported.path, casePath: join(dir, 'elsewhere.tokenscope') }, 'host')) as MethodOutput<'bundle.open'>;
      expect(opened).toMatchObject({ digestMatches: true, differingTables: [], recordedDigest: digestA.digest, datasetDigest: digestA.digest });
      expect(opened.case.name).toBe('Bundle test');
      const conn = b.context.session.require().connection;
      const n = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM findings`)).getRowObjectsJS()[0]!.n);
      expect(n).toBe(findingsA);
      expect(await verifyLog(conn)).toMatchObject({ ok: true });
      expect((await readLog(conn)).map((r) => r.action)).toEqual(expect.arrayContaining(['evidence.import', 'bundle.export', 'bundle.open']));
      const digestB = unwrap(await b.route('bundle.digest', {}, 'renderer')) as MethodOutput<'bundle.digest'>;
      expect(digestB).toEqual(digestA);
    } finally {
      await b.shutdown();
    }
    const files = await readAll(exported.path);
    expect([...files.keys()]).toEqual(['manifest.json', 'case.tokenscope', 'findings.json', 'report.html']);
    expect(files.get('report.html')!.toString()).toContain(digestA.digest);
  });

  it('writes the same bytes for the same inputs (fixed mtime, owner, mode and gzip OS byte)', async () => {
    const sources = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}\n') },
      { name: 'report.html', data: Buffer.alloc(1000, 'x') },
    ];
    const one = await writeTarGz(join(dir, 'one.tar.gz'), sources);
    const two = await writeTarGz(join(dir, 'two.tar.gz'), sources);
    expect(one).toEqual(two);
    expect(readFileSync(join(dir, 'one.tar.gz'))[9]).toBe(0xff);
    const swapped = await writeTarGz(join(dir, 'three.tar.gz'), [...sources].reverse());
    expect(swapped.sha256).not.toBe(one.sha256);
    // A standard ustar reader agrees: round trip through our strict reader.
    const back = await readAll(join(dir, 'one.tar.gz'));
    expect(back.get('report.html')).toEqual(sources[1]!.data);
  });

  it('refuses a damaged bundle and leaves nothing behind', async () => {
    const bytes = readFileSync(exported.path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(join(dir, 'damaged.tar.gz'), bytes);
    const b = new Backend({ workspaceDir: join(dir, 'ws-c') });
    try {
      const res = await b.route('bundle.open', { bundlePath: join(dir, 'damaged.tar.gz'), casePath: join(dir, 'damaged.tokenscope') }, 'host');
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('BAD_REQUEST');
    } finally {
      await b.shutdown();
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('damaged.tokenscope'))).toEqual([]);
  });

  it('refuses entries that would escape the extraction folder', async () => {
    const header = tarHeader('evil', 4);
    header.fill(0, 0, 100);
    header.write('../evil', 0, 'utf8');
    header.write('        ', 148, 'ascii');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    const tar = Buffer.concat([header, Buffer.from('pwn!'), Buffer.alloc(508), Buffer.alloc(1024)]);
    writeFileSync(join(dir, 'evil.tar.gz'), gzipSync(tar));
    await expect(readAll(join(dir, 'evil.tar.gz'))).rejects.toThrow(/refused entry "..\/evil"/);
    expect(existsSync(join(dir, '..', 'evil'))).toBe(false);
  });

  it('reports a digest that differs from the manifest instead of hiding it', async () => {
    const files = await readAll(exported.path);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { datasetDigest: { digest: string; tables: Array<{ name: string; sha256: string }> } };
    manifest.datasetDigest.tables[0]!.sha256 = 'f'.repeat(64);
    manifest.datasetDigest.digest = 'e'.repeat(64);
    await writeTarGz(join(dir, 'forged.tar.gz'), [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
      ...[...files].filter(([name]) => name !== 'manifest.json').map(([name, data]) => ({ name, data })),
    ]);
    const b = new Backend({ workspaceDir: join(dir, 'ws-d') });
    try {
      const opened = unwrap(await b.route('bundle.open', { bundlePath: join(dir, 'forged.tar.gz'), casePath: join(dir, 'forged.tokenscope') }, 'host')) as MethodOutput<'bundle.open'>;
      expect(opened).toMatchObject({ digestMatches: false, differingTables: ['evidence_files'], datasetDigest: digestA.digest });
    } finally {
      await b.shutdown();
    }
  });
});
