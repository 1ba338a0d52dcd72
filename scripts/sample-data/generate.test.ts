import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSampleData } from './generate';

const COMMITTED = join(import.meta.dirname, '..', '..', 'sample-data');

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full));
    }
  };
  walk(root);
  return out;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('sample-data generator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-sample-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('regenerates the committed sample-data/ byte for byte', () => {
    const started = performance.now();
    const result = generateSampleData(dir);
    const seconds = (performance.now() - started) / 1000;
    console.log(`sample-data regenerated: ${result.files.length} files in ${seconds.toFixed(1)} s`);

    const generated = listFiles(dir);
    const committed = listFiles(COMMITTED);
    expect(generated).toEqual(committed);
    const mismatched = generated.filter((f) => sha256(join(dir, f)) !== sha256(join(COMMITTED, f)));
    expect(mismatched).toEqual([]);
  });
});
