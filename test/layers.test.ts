import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const script = join(root, 'scripts', 'check-layers.js');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the real layer script over a throwaway tree (its roots are relative to the working directory). */
function runOn(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-layers-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
}

describe('scripts/check-layers.js', () => {
  it('passes on this repository', () => {
    const result = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('passes a tree where only electron/main and electron/preload import electron', () => {
    const result = runOn({
      'electron/main/index.ts': "import { app } from 'electron';\n",
      'electron/preload/index.ts': "import { contextBridge } from 'electron';\n",
      'electron/core/ok.ts': "import { join } from 'node:path';\n// mentions electron in a comment only\n",
    });
    expect(result.status).toBe(0);
  });

  it.each([
    ['electron/core/db/bad.ts', "import { app } from 'electron';"],
    ['electron/server/bad.ts', "import { net } from 'electron/main';"],
    ['electron/cli/bad.mts', "const e = require('electron');"],
    ['shared/bad.ts', "const e = await import('electron');"],
    ['renderer/src/bad.tsx', 'import { ipcRenderer } from "electron";'],
  ])('fails and names %s when it imports electron', (path, line) => {
    const result = runOn({ [path]: `// first line\n${line}\n` });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path}:2:`);
  });
});

/**
 * The resolved import graph of the Electron host. The ESLint layer patterns are written against
 * "electron/core" in the specifier, so they do not match a relative specifier such as
 * '../core/backend' written inside electron/; this check resolves every import of
 * electron/main and electron/preload to a real path and checks where it lands.
 */
function importsOf(dir: string): Array<{ from: string; to: string }> {
  const found: Array<{ from: string; to: string }> = [];
  for (const name of readdirSync(join(root, dir))) {
    if (!/\.(ts|tsx|mts|cts)$/.test(name)) continue;
    const file = join(root, dir, name);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? '';
      const to = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)).split(sep).join('/') : spec;
      found.push({ from: `${dir}/${name}`, to });
    }
  }
  return found;
}

describe('Electron host import graph', () => {
  it('electron/main never imports the backend, the HTTP host, the CLI or the renderer', () => {
    const bad = importsOf('electron/main').filter(({ to }) => /^(electron\/(core|server|cli)|renderer)\//.test(to));
    expect(bad).toEqual([]);
  });

  it('the preload (not its tests) imports only electron, the shared contract and itself', () => {
    const imports = importsOf('electron/preload').filter(({ from }) => !from.endsWith('.test.ts'));
    expect(imports.length).toBeGreaterThan(0);
    const bad = imports.filter(({ to }) => !(to === 'electron' || to.startsWith('electron/preload/') || to === 'shared/contract' || to.startsWith('shared/contract/')));
    expect(bad).toEqual([]);
  });
});
