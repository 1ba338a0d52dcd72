import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseDatabase } from '../../electron/core/db/case-db';
import { importEvidence } from '../../electron/core/ingest';

const oktaPages = readdirSync('sample-data/okta/system-log')
  .sort()
  .map((f) => join('sample-data/okta/system-log', f));

describe('imports and other writes at the same time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-concurrent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs two imports into one case one after another, both complete and accounted for', async () => {
    const db = await CaseDatabase.create(join(dir, 'two.tokenscope'), 'Two imports');
    try {
      const batches = [oktaPages.slice(0, 2), [oktaPages[2]!, 'sample-data/okta/api-tokens.json', 'sample-data/register/hr-owners.csv']];
      const [first, second] = await Promise.all(batches.map((paths) => importEvidence(db, paths)));
      expect(first!.files.map((f) => f.status)).toEqual(['imported', 'imported']);
      expect(second!.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);
      expect(second!.importId).not.toBe(first!.importId);
      const rows = (await db.connection.runAndReadAll(`SELECT count(*) AS files, count(DISTINCT import_id) AS imports FROM evidence_files`)).getRowObjectsJS()[0];
      expect(Number(rows?.files)).toBe(5);
      expect(Number(rows?.imports)).toBe(2);
    } finally {
      await db.close();
    }
  });

  it('keeps a write made during an import even when the import is cancelled, and keeps nothing of the import', async () => {
    const db = await CaseDatabase.create(join(dir, 'cancel.tokenscope'), 'Cancelled import');
    try {
      const controller = new AbortController();
      const importing = importEvidence(db, oktaPages, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.fileIndex >= 1) controller.abort();
        },
      });
      await db.connection.run(`INSERT INTO saved_queries VALUES (1, 'written meanwhile', 'SELECT 1', '2026-11-25T00:00:00Z')`);
      await expect(importing).rejects.toMatchObject({ code: 'CANCELLED' });
      const saved = (await db.connection.runAndReadAll(`SELECT count(*) AS n FROM saved_queries`)).getRowObjectsJS()[0];
      expect(Number(saved?.n)).toBe(1);
      const files = (await db.connection.runAndReadAll(`SELECT count(*) AS n FROM evidence_files`)).getRowObjectsJS()[0];
      expect(Number(files?.n)).toBe(0);
    } finally {
      await db.close();
    }
  });
});
