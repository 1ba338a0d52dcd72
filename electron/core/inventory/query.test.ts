import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInventory } from '../../../scripts/bench/inventory-seed';
import { CaseDatabase } from '../db/case-db';
import { inventoryFacets, inventoryRows, queryInventory } from './query';
import { globalSearch } from './query-search';

const decode = (arrow: string) => tableFromIPC(Buffer.from(arrow, 'base64')).toArray().map((r) => r.toJSON() as Record<string, unknown>);

describe('inventory grid on a real case file', () => {
  let dir: string;
  let db: CaseDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-inventory-'));
    db = await CaseDatabase.create(join(dir, 'c.tokenscope'), 'inventory');
    await seedInventory(db.connection, 700, 20, 5);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages a sorted view with a stable order and the filtered total', async () => {
    const sort = { column: 'owner', direction: 'asc' } as const;
    const first = await queryInventory(db.connection, { filter: {}, sort, offset: 0, limit: 50 });
    const second = await queryInventory(db.connection, { filter: {}, sort, offset: 50, limit: 50 });
    expect(first.total).toBe(700);
    const a = decode(first.arrow);
    const b = decode(second.arrow);
    expect(a).toHaveLength(50);
    const owners = [...a, ...b].map((r) => String(r.owner));
    expect(owners).toEqual([...owners].sort());
    expect(new Set([...a, ...b].map((r) => r.credential_key)).size).toBe(100);
    // Times travel as UTC milliseconds.
    expect(typeof a[0]?.created_at).toBe('number');
  });

  it('filters by text, facet and exact credential, and facets ignore their own selection', async () => {
    const github = await queryInventory(db.connection, { filter: { platform: ['github'], text: 'credential 1' }, sort: { column: 'risk', direction: 'desc' }, offset: 0, limit: 1000 });
    const rows = decode(github.arrow);
    expect(rows.length).toBe(github.total);
    expect(rows.every((r) => r.platform === 'github' && String(r.credential_key).includes(':1'))).toBe(true);
    const one = await queryInventory(db.connection, { filter: { credential: String(rows[0]?.credential_key) }, sort: { column: 'risk', direction: 'desc' }, offset: 0, limit: 10 });
    expect(one.total).toBe(1);
    const facets = await inventoryFacets(db.connection, { platform: ['github'] });
    const expected = Number((await db.connection.runAndReadAll(`SELECT count(*) AS n FROM credentials WHERE platform = 'github'`)).getRowObjectsJS()[0]?.n);
    expect(facets.total).toBe(expected);
    // The platform facet still lists every platform (its own selection is ignored)…
    expect(facets.facets.platform?.length).toBeGreaterThan(1);
    // …while the status facet counts only GitHub credentials.
    expect(facets.facets.status?.reduce((sum, f) => sum + f.count, 0)).toBe(expected);
  });

  it('a hostile sort or facet value is data, never SQL', async () => {
    const result = await queryInventory(db.connection, { filter: { platform: ["github') OR 1=1 --"], text: "'; DROP TABLE credentials; --" }, sort: { column: 'risk', direction: 'desc' }, offset: 0, limit: 10 });
    expect(result.total).toBe(0);
    expect(Number((await db.connection.runAndReadAll('SELECT count(*) AS n FROM credentials')).getRowObjectsJS()[0]?.n)).toBe(700);
  });

  it('exports the chosen columns of the view and search finds ids and IPs', async () => {
    const { rows, truncated } = await inventoryRows(db.connection, { filter: { status: ['revoked'] }, sort: { column: 'created_at', direction: 'asc' }, columns: ['credential_key', 'created_at'], maxRows: 5 });
    expect(truncated).toBe(true);
    expect(Object.keys(rows[0] ?? {})).toEqual(['credential_key', 'created_at']);
    expect(String(rows[0]?.created_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const hits = await globalSearch(db.connection, '198.51.100.1', 5);
    expect(hits.some((h) => h.kind === 'ip' && h.value.startsWith('198.51.100.1') && h.credential)).toBe(true);
    const creds = await globalSearch(db.connection, 'credential 42', 5);
    expect(creds.some((h) => h.kind === 'credential' && h.label === 'credential 42')).toBe(true);
  });
});
