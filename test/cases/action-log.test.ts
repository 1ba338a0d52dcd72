import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAction, readLog, sealLog, verifyChain, verifyLog } from '../../electron/core/cases/action-log';
import { addLink, addNote, annotations, listTriage, setTag, setTriage } from '../../electron/core/cases/triage';
import type { CaseDatabase } from '../../electron/core/db/case-db';
import { insertFinding, tempCase } from './helpers';

const F1 = 'a'.repeat(32);
const F2 = 'b'.repeat(32);

describe('action log hash chain (T9.4)', () => {
  let db: CaseDatabase;
  let done: () => Promise<void>;
  beforeEach(async () => {
    ({ db, done } = await tempCase());
  });
  afterEach(async () => done());

  it('verifies an intact chain and seals rows other writers left unhashed', async () => {
    await appendAction(db.connection, 'test.one', { n: 1 });
    // The importer writes rows without hashes; the next append or seal hashes them in order.
    await db.connection.run(`INSERT INTO action_log (seq, acted_at, actor, action, detail) SELECT max(seq) + 1, now(), 'tokenscope', 'evidence.import', '{"files":2}' FROM action_log`);
    const pending = await verifyLog(db.connection);
    expect(pending).toMatchObject({ ok: true, rows: 2, sealed: 1 });
    expect(await sealLog(db.connection)).toBe(1);
    await appendAction(db.connection, 'test.two', { text: 'ünïcode "quoted"' });
    const verdict = await verifyLog(db.connection);
    expect(verdict).toMatchObject({ ok: true, rows: 3, sealed: 3 });
    const rows = await readLog(db.connection);
    expect(rows[1]!.prevHash).toBe(rows[0]!.rowHash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.rowHash);
  });

  it('detects an edit of any past row, a removed row and an inserted row', async () => {
    for (let i = 1; i <= 5; i++) await appendAction(db.connection, `test.${i}`, { i });
    const edits: Array<[string, number]> = [
      [`UPDATE action_log SET detail = '{"i":99}' WHERE seq = 2`, 2],
      [`UPDATE action_log SET actor = 'mallory' WHERE seq = 1`, 1],
      [`UPDATE action_log SET acted_at = acted_at + INTERVAL 1 MICROSECOND WHERE seq = 4`, 4],
      [`UPDATE action_log SET action = 'test.x' WHERE seq = 5`, 5],
    ];
    for (const [sql, seq] of edits) {
      await db.connection.run('BEGIN TRANSACTION');
      await db.connection.run(sql);
      const verdict = await verifyLog(db.connection);
      await db.connection.run('ROLLBACK');
      expect(verdict, sql).toMatchObject({ ok: false, brokenAt: seq });
    }
    const rows = await readLog(db.connection);
    expect(verifyChain(rows.filter((r) => r.seq !== 3))).toMatchObject({ ok: false, brokenAt: 4 });
    const forged = { ...rows[1]!, seq: 2, action: 'forged' };
    expect(verifyChain([rows[0]!, forged, ...rows.slice(1)])).toMatchObject({ ok: false, brokenAt: 2 });
    expect(await verifyLog(db.connection)).toMatchObject({ ok: true, sealed: 5 });
  });

  it('triage states, notes, tags and links are stored and every change is logged', async () => {
    await insertFinding(db, F1);
    await insertFinding(db, F2, 'low');
    const now = new Date('2026-03-01T00:00:00Z');
    await expect(setTriage(db.connection, { findingId: F1, state: 'accepted_risk' }, now)).rejects.toThrow(/needs an expiry/);
    await expect(setTriage(db.connection, { findingId: F1, state: 'accepted_risk', expiresAt: '2026-02-01' }, now)).rejects.toThrow(/not in the future/);
    await expect(setTriage(db.connection, { findingId: 'c'.repeat(32), state: 'confirmed' }, now)).rejects.toThrow(/No finding/);
    const accepted = await setTriage(db.connection, { findingId: F1, state: 'accepted_risk', expiresAt: '2026-04-01T00:00:00Z', note: 'vendor ticket 42' }, now);
    expect(accepted).toMatchObject({ state: 'accepted_risk', effectiveState: 'accepted_risk', expiresAt: '2026-04-01T00:00:00.000Z' });
    await setTriage(db.connection, { findingId: F2, state: 'false_positive' }, now);
    // After the expiry the accepted risk is open again.
    const later = await listTriage(db.connection, new Date('2026-05-01T00:00:00Z'));
    expect(later.find((t) => t.findingId === F1)).toMatchObject({ state: 'accepted_risk', effectiveState: 'open' });

    await setTag(db.connection, { type: 'finding', key: F1 }, 'incident-7', true);
    await addLink(db.connection, { type: 'finding', key: F1 }, { type: 'finding', key: F2 }, 'same incident');
    await addNote(db.connection, { type: 'finding', key: F2 }, 'benign: scheduled job');
    const a1 = await annotations(db.connection, { type: 'finding', key: F1 });
    expect(a1.notes.map((n) => n.body)).toEqual(['vendor ticket 42']);
    expect(a1.tags).toEqual(['incident-7']);
    expect(a1.links).toHaveLength(1);
    expect((await annotations(db.connection, { type: 'finding', key: F2 })).links[0]!.relation).toBe('same incident');

    const actions = (await readLog(db.connection)).map((r) => r.action);
    expect(actions).toEqual(['triage.set', 'note.add', 'triage.set', 'tag.add', 'link.add', 'note.add']);
    expect(await verifyLog(db.connection)).toMatchObject({ ok: true, sealed: 6 });
  });
});
