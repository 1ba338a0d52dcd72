import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseDatabase } from '../../electron/core/db/case-db';

/** A real case file on disk in a fresh temp folder; `done` closes and removes it. */
export async function tempCase(name = 'Test'): Promise<{ db: CaseDatabase; dir: string; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-ingest-'));
  const db = await CaseDatabase.create(join(dir, 'case.tokenscope'), name);
  return {
    db,
    dir,
    done: async () => {
      await db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function rows(db: CaseDatabase, sql: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>[]> {
  return (await db.connection.runAndReadAll(sql, params)).getRowObjectsJS() as Record<string, unknown>[];
}

export async function count(db: CaseDatabase, sql: string, params: Record<string, string | number> = {}): Promise<number> {
  const r = await rows(db, sql, params);
  return Number(Object.values(r[0] ?? {})[0] ?? 0);
}
