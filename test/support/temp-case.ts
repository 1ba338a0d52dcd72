import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseDatabase } from '../../electron/core/db/case-db';

/** A real case file on disk in a fresh temp folder; `done` closes and removes it. */
export async function tempCase(name = 'Test case'): Promise<{ db: CaseDatabase; dir: string; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-case-'));
  const db = await CaseDatabase.create(join(dir, 'test.tokenscope'), name);
  return {
    db,
    dir,
    done: async () => {
      await db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
