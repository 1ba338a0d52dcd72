import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { latestSchemaVersion } from '../../db/migrations';
import { resourcePath } from '../../paths';
import { toolVersion } from '../../version';
import type { Handlers } from '../router';

export function appHandlers(): Pick<Handlers, 'app.info' | 'dev.sleep'> {
  return {
    'app.info': async () => ({
      name: 'Tokenscope' as const,
      version: toolVersion,
      duckdbVersion: await duckdbVersion(),
      schemaVersion: latestSchemaVersion,
      sampleAvailable: existsSync(resourcePath('sample-data', 'README.md')),
    }),
    'dev.sleep': async ({ ms }) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return {};
    },
  };
}

let cachedVersion: string | undefined;
async function duckdbVersion(): Promise<string> {
  if (cachedVersion) return cachedVersion;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const rows = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJS();
  conn.closeSync();
  instance.closeSync();
  cachedVersion = String(rows[0]?.v ?? 'unknown');
  return cachedVersion;
}
