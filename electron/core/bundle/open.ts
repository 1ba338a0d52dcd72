import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { ContractError, type CaseInfo } from '../../../shared/contract';
import { appendAction } from '../cases/action-log';
import type { CaseSession } from '../cases/session';
import { datasetDigest, type DatasetDigest } from './digest';
import { BundleManifest, bundleFiles } from './manifest';
import { readTarGz } from './tar';

export interface BundleOpen {
  case: CaseInfo;
  manifest: BundleManifest;
  datasetDigest: DatasetDigest;
  /** The digest recomputed from the opened case equals the one recorded at export. */
  digestMatches: boolean;
  /** Tables whose digest differs (empty when digestMatches). */
  differingTables: string[];
}

const allowed = new Set<string>(['manifest.json', ...bundleFiles]);

/**
 * Open an evidence bundle as a new case file at `casePath`: extract, check every file against
 * the manifest's SHA-256, open the case, and recompute the dataset digest. Nothing is left
 * behind when the bundle is damaged; a digest that differs is reported, never hidden.
 */
export async function openBundle(session: CaseSession, bundlePath: string, casePath: string): Promise<BundleOpen> {
  const source = resolve(bundlePath);
  const target = resolve(casePath);
  if (!existsSync(source)) throw new ContractError('NOT_FOUND', `No bundle at ${source}`);
  if (existsSync(target)) throw new ContractError('CONFLICT', `A file already exists at ${target}`);
  if (!existsSync(dirname(target))) throw new ContractError('BAD_REQUEST', `Folder ${dirname(target)} does not exist`);
  const scratch = `${target}.bundle-${process.pid}`;
  mkdirSync(scratch);
  try {
    const hashes = new Map<string, { sha256: string; bytes: number }>();
    try {
      await readTarGz(createReadStream(source), {
        open(name) {
          if (!allowed.has(name)) throw new Error(`bundle: unexpected file ${name}`);
          if (hashes.has(name)) throw new Error(`bundle: ${name} appears twice`);
          const hash = createHash('sha256');
          const out = createWriteStream(join(scratch, name), { flags: 'wx' });
          let bytes = 0;
          return {
            async write(chunk) {
              hash.update(chunk);
              bytes += chunk.length;
              if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
            },
            async end() {
              out.end();
              await finished(out);
              hashes.set(name, { sha256: hash.digest('hex'), bytes });
            },
          };
        },
      });
    } catch (error) {
      throw new ContractError('BAD_REQUEST', `${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!hashes.has('manifest.json')) throw new ContractError('BAD_REQUEST', `${source}: not a Tokenscope bundle (no manifest.json)`);
    const parsed = BundleManifest.safeParse(JSON.parse(readFileSync(join(scratch, 'manifest.json'), 'utf8')));
    if (!parsed.success) throw new ContractError('BAD_REQUEST', `${source}: manifest.json is not a version 1 bundle manifest: ${parsed.error.issues[0]?.message ?? ''}`);
    const manifest = parsed.data;
    for (const f of manifest.files) {
      const got = hashes.get(f.name);
      if (!got) throw new ContractError('BAD_REQUEST', `${source}: ${f.name} is listed in the manifest but missing`);
      if (got.sha256 !== f.sha256 || got.bytes !== f.bytes) {
        throw new ContractError('BAD_REQUEST', `${source}: ${f.name} does not match the manifest (SHA-256 ${got.sha256}, expected ${f.sha256})`);
      }
    }
    for (const name of hashes.keys()) {
      if (name !== 'manifest.json' && !manifest.files.some((f) => f.name === name)) throw new ContractError('BAD_REQUEST', `${source}: ${name} is not listed in the manifest`);
    }
    renameSync(join(scratch, 'case.tokenscope'), target);
    const info = await session.open(target);
    const conn = session.require().connection;
    const digest = await datasetDigest(conn);
    const recorded = new Map(manifest.datasetDigest.tables.map((t) => [t.name, t.sha256]));
    const differingTables = digest.tables.filter((t) => recorded.get(t.name) !== t.sha256).map((t) => t.name);
    const digestMatches = digest.digest === manifest.datasetDigest.digest;
    await appendAction(conn, 'bundle.open', { bundle: source, digest: digest.digest, recorded: manifest.datasetDigest.digest, digestMatches, differingTables });
    return { case: info, manifest, datasetDigest: digest, digestMatches, differingTables };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
