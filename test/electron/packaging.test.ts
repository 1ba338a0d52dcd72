import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    // The same check `electron-builder` runs before it downloads anything (which it cannot do here).
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), noSuchOption: true }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('flips the fuses SECURITY.md T1.6 asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the app and builds AppImage + deb, dmg and nsis', () => {
    expect(config.appId).toBe('dev.tokenscope.app');
    // electron/main/index.ts sets the same id as the Windows AppUserModelId.
    expect(readFileSync(join(root, 'electron', 'main', 'index.ts'), 'utf8')).toContain(`setAppUserModelId('${String(config.appId)}')`);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'tokenscope' })]);
    expect(config.productName).toBe('Tokenscope');
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
  });

  it('ships the bundles and the files the backend reads at run time, with DuckDB unpacked and no rebuild', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', 'electron/core/**/*.sql', 'electron/core/**/*.yaml', 'sample-data/**']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/@duckdb/**']);
    expect(config.npmRebuild).toBe(false);
  });

  it('keeps @duckdb/node-api a runtime dependency (it is external to the bundles and must be packaged)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('@duckdb/node-api');
    expect(pkg.main).toBe('./out/main/index.js');
  });
});
