import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetDigest } from '../../electron/core/bundle/digest';
import { CaseDatabase } from '../../electron/core/db/case-db';
import { importEvidence } from '../../electron/core/ingest';
import { resourcePath } from '../../electron/core/paths';
import { writeHostileEvidence } from './hostile-fixtures';

/**
 * Reproducibility (SECURITY.md T9.5): the same evidence, the same version, twice. `tokenscope
 * scan` through the real CLI gives identical JSON apart from generatedAt, and two cases built
 * from the same evidence have the same dataset digest.
 */
let dir: string;
let inputs: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tokenscope-repro-'));
  inputs = [
    resourcePath('sample-data', 'github', 'org-personal-access-tokens.json'),
    resourcePath('sample-data', 'salesforce', 'OauthToken.json'),
    resourcePath('sample-data', 'google', 'gam-print-tokens.csv'),
    ...writeHostileEvidence(dir),
  ];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scan = (out: string) => spawnSync(process.execPath, ['bin/tokenscope.js', 'scan', ...inputs, '--json', out], { encoding: 'utf8', timeout: 240_000 });

describe('reproducibility', () => {
  it('tokenscope scan twice on the same fixture set: identical JSON apart from generatedAt', { timeout: 300_000 }, () => {
    const first = scan(join(dir, 'a.json'));
    expect(first.status, first.stderr).toBe(0);
    const second = scan(join(dir, 'b.json'));
    expect(second.status, second.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as { generatedAt: string; findings: unknown[]; evidence: unknown[] };
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as { generatedAt: string };
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.evidence).toHaveLength(inputs.length);
    expect({ ...a, generatedAt: null }).toEqual({ ...b, generatedAt: null });
  });

  it('the same evidence imported into two cases gives the same dataset digest', { timeout: 300_000 }, async () => {
    const digests: string[] = [];
    for (const name of ['one', 'two']) {
      const db = await CaseDatabase.create(join(dir, `${name}.tokenscope`), name);
      try {
        await importEvidence(db, inputs);
        digests.push((await datasetDigest(db.connection)).digest);
      } finally {
        await db.close();
      }
    }
    expect(digests[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(digests[1]).toBe(digests[0]);
  });
});
