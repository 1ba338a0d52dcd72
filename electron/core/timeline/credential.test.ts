import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract';
import { CaseDatabase } from '../db/case-db';
import { credentialEvents, credentialTimeline } from './credential';

const KEY = 'github:pat:1';
const hour = 3_600_000;
const start = Date.parse('2026-11-02T00:00:00Z'); // a Monday

describe('credential timeline on a real case file', () => {
  let dir: string;
  let db: CaseDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-timeline-'));
    db = await CaseDatabase.create(join(dir, 'c.tokenscope'), 'timeline');
    const c = db.connection;
    await c.run(`INSERT INTO credentials (credential_key, platform, credential_type, display_name, created_at, expires_at, status, scopes, in_inventory)
                 VALUES ($k, 'github', 'pat', 'deploy', TIMESTAMPTZ '2026-10-01 00:00:00+00', TIMESTAMPTZ '2027-01-01 00:00:00+00', 'active', ['repo'], true)`, { k: KEY });
    // 10 days of calls at 09:00 and 10:00 UTC, one scope change, one revoke.
    await c.run(
      `INSERT INTO events (event_id, file_id, record_no, source, platform, event_time, time_quality, action, action_raw, category, outcome, credential_key, user_agent, scopes_requested)
       SELECT row_number() OVER (), 1, row_number() OVER (), 'github', 'github', make_timestamptz(($start + d * 86400000 + h * 3600000) * 1000),
              'exact', 'api.call', 'git.clone', 'api', 'success', $k, 'git/2.43', NULL
       FROM range(10) a(d), (VALUES (9), (10)) b(h)`,
      { start, k: KEY },
    );
    await c.run(
      `INSERT INTO events (event_id, file_id, record_no, source, platform, event_time, time_quality, action, action_raw, category, outcome, credential_key, scopes_requested) VALUES
       (100, 1, 100, 'github', 'github', make_timestamptz($t1 * 1000), 'exact', 'token.scope_change', 'personal_access_token.update', 'credential', 'success', $k, ['repo', 'admin:org']),
       (101, 1, 101, 'github', 'github', make_timestamptz($t2 * 1000), 'exact', 'token.revoke', 'personal_access_token.destroy', 'credential', 'success', $k, NULL)`,
      { t1: start + 3 * 24 * hour + 12 * hour, t2: start + 10 * 24 * hour, k: KEY },
    );
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts inventory dates and lifecycle events on one axis, in order', async () => {
    const t = await credentialTimeline(db.connection, KEY, {});
    expect(t.credential).toMatchObject({ key: KEY, name: 'deploy', scopes: ['repo'] });
    const kinds = t.lifecycle.map((m) => m.kind);
    expect(kinds[0]).toBe('created');
    expect(kinds).toEqual(expect.arrayContaining(['activity_start', 'scope_change', 'revoked', 'activity_end', 'expires']));
    expect(t.lifecycle.find((m) => m.kind === 'scope_change')).toMatchObject({ eventId: 100, label: 'personal_access_token.update (repo admin:org)' });
    expect([...t.lifecycle].sort((a, b) => a.at - b.at)).toEqual(t.lifecycle);
    expect(t.eventCount).toBe(22);
  });

  it('counts activity by weekday and UTC hour, and volume by day with a history baseline', async () => {
    const t = await credentialTimeline(db.connection, KEY, {});
    expect(t.heatmap.find((c) => c.dow === 0 && c.hour === 9)?.count).toBe(2); // two Mondays in ten days
    expect(t.volume.grain).toBe('hour');
    const wide = await credentialTimeline(db.connection, KEY, { from: start - 30 * 24 * hour, to: start + 30 * 24 * hour });
    expect(wide.volume.grain).toBe('day');
    expect(wide.volume.points.reduce((s, p) => s + p.count, 0)).toBe(22);
    expect(wide.volume.baseline).toMatchObject({ source: 'history', median: 2 });
  });

  it('windows the raw events and pages them oldest first as Arrow', async () => {
    const from = start + 2 * 24 * hour;
    const to = start + 4 * 24 * hour;
    const page = await credentialEvents(db.connection, KEY, { from, to, offset: 0, limit: 3 });
    expect(page.total).toBe(5); // two days × 2 calls + the scope change
    const rows = tableFromIPC(Buffer.from(page.arrow, 'base64')).toArray().map((r) => r.toJSON() as { event_time: number });
    expect(rows.map((r) => r.event_time)).toEqual([from + 9 * hour, from + 10 * hour, from + 33 * hour]);
  });

  it('says which credential does not exist', async () => {
    await expect(credentialTimeline(db.connection, 'nope', {})).rejects.toBeInstanceOf(ContractError);
  });
});
