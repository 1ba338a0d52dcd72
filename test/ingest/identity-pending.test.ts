import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../electron/core/cases/open-case';
import { importEvidence } from '../../electron/core/ingest';
import { tempCase } from '../support/temp-case';
import { count } from './helpers';

/**
 * Identity is resolved in its own transaction right after an import commits (ingest/index.ts).
 * A process that dies between the two leaves a flag; opening the case finishes the work.
 */
describe('identity left pending by an interrupted import', () => {
  it('is resolved when the case is next opened', async () => {
    const { db, done } = await tempCase('pending identity');
    const path = db.path;
    try {
      const folder = resolve(__dirname, '../../sample-data/okta');
      await importEvidence(db, [join(folder, 'api-tokens.json'), join(folder, 'system-log')]);
      const credentials = await count(db, `SELECT count(*) FROM credentials`);
      const resolvedEvents = await count(db, `SELECT count(*) FROM events WHERE credential_key IS NOT NULL`);
      expect(credentials).toBeGreaterThan(0);
      expect(resolvedEvents).toBeGreaterThan(0);
      expect(await count(db, `SELECT count(*) FROM case_meta WHERE key = 'identity_pending'`)).toBe(0);
      // What a kill between the import's COMMIT and the identity transaction leaves behind.
      await db.connection.run(`UPDATE events SET credential_key = NULL, app_key = NULL`);
      await db.connection.run(`DELETE FROM credential_ids; DELETE FROM credentials`);
      await db.connection.run(`INSERT INTO case_meta (key, value) VALUES ('identity_pending', '1')`);
      await db.close();

      const reopened = await openCase(path);
      try {
        expect(await count(reopened, `SELECT count(*) FROM credentials`)).toBe(credentials);
        expect(await count(reopened, `SELECT count(*) FROM events WHERE credential_key IS NOT NULL`)).toBe(resolvedEvents);
        expect(await count(reopened, `SELECT count(*) FROM case_meta WHERE key = 'identity_pending'`)).toBe(0);
      } finally {
        await reopened.close();
      }
    } finally {
      await done();
    }
  });
});
