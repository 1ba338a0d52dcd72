import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract';
import type { CaseDatabase } from '../../electron/core/db/case-db';
import { blastRadius, buildView, entityGraph, loadEntityGraph, nodeId, parseWindow, searchGraph } from '../../electron/core/graph';
import { ids, payloads, salesforceCase } from './fixture';

let db: CaseDatabase;
let done: () => Promise<void>;

beforeAll(async () => {
  ({ db, done } = await salesforceCase());
}, 120_000);
afterAll(async () => {
  await done?.();
});

const breachWindow = () => parseWindow('2026-11-14', '2026-11-15');

describe('blast radius (DuckDB, real imported Salesforce exports)', () => {
  it('answers "the chat vendor was breached: what is exposed and what happened" for the app by name', async () => {
    const r = await blastRadius(db.connection, 'app', 'ChatPilot for Salesforce', breachWindow());
    expect(r.window).toEqual({ from: '2026-11-14T00:00:00.000Z', to: '2026-11-15T23:59:59.999Z' });
    // Every app record of the integration: the connected app the events name and the menu item the token names.
    expect(r.apps.map((a) => a.name)).toEqual(r.apps.map(() => 'ChatPilot for Salesforce'));
    expect(r.apps.length).toBeGreaterThanOrEqual(1);
    // The credential that acted for the app in the logs is in the radius.
    const acting = r.credentials.filter((c) => c.events > 0);
    expect(acting).toHaveLength(1);
    expect(acting[0]!.platform).toBe('salesforce');
    // Only the breach-day events are counted: 2 bulk exports, none of the October syncs.
    expect(r.totals.events).toBe(2);
    expect(r.totals.rows).toBe(48211 + 388402);
    expect(r.totals.first).toBe('2026-11-15T04:00:40.000Z');
    expect(r.totals.last).toBe('2026-11-15T04:01:40.000Z');
    expect(r.activity.map((a) => [a.resource, a.rows, a.events])).toEqual([
      ['Case', 388402, 1],
      ['Account', 48211, 1],
    ]);
    expect(r.networks.map((n) => n.ip)).toEqual(['208.68.36.90']);
    expect(r.userAgents).toEqual([{ userAgent: payloads.userAgent, events: 2 }]);
    const salesforce = r.systems.find((s) => s.key === 'salesforce');
    expect(salesforce).toMatchObject({ used: true, events: 2, rows: 48211 + 388402 });
    expect(r.activityTruncated).toBe(false);
    // The evil app's activity at 05:00 on the same day is not the chat app's.
    expect(r.activity.some((a) => a.resource === 'Contact')).toBe(false);
  });

  it('without a window, counts everything the app ever did', async () => {
    const r = await blastRadius(db.connection, 'app', 'ChatPilot for Salesforce', parseWindow(undefined, undefined));
    expect(r.totals.events).toBe(21 + 2);
    expect(r.totals.rows).toBe(21 * 40 + 48211 + 388402);
    expect(r.activity.find((a) => a.resource === 'Lead')).toMatchObject({ events: 21, rows: 840 });
    expect(r.networks.map((n) => n.ip).sort()).toEqual(['208.68.36.90', '52.36.201.151']);
  });

  it('finds the app by its 18- and 15-character ids as well as by name, with the same answer', async () => {
    const byName = await blastRadius(db.connection, 'app', 'chatpilot for salesforce', breachWindow());
    const by18 = await blastRadius(db.connection, 'app', ids.chatApp, breachWindow());
    const by15 = await blastRadius(db.connection, 'app', ids.chatApp15, breachWindow());
    for (const r of [by18, by15]) {
      expect(r.credentials.map((c) => c.key)).toEqual(byName.credentials.map((c) => c.key));
      expect(r.totals).toEqual(byName.totals);
    }
  });

  it('works from a credential and from an owner too', async () => {
    const app = await blastRadius(db.connection, 'app', ids.chatApp, breachWindow());
    const acting = app.credentials.find((c) => c.events > 0)!;
    const byCredential = await blastRadius(db.connection, 'credential', acting.key, breachWindow());
    expect(byCredential.credentials.map((c) => c.key)).toEqual([acting.key]);
    expect(byCredential.totals.rows).toBe(48211 + 388402);

    const owned = app.credentials.find((c) => c.ownerKey);
    if (owned?.ownerKey) {
      const byOwner = await blastRadius(db.connection, 'owner', owned.ownerKey, parseWindow(undefined, undefined));
      expect(byOwner.owners.map((o) => o.key)).toContain(owned.ownerKey);
      expect(byOwner.credentials.map((c) => c.key)).toContain(owned.key);
    }
  });

  it('says NOT_FOUND for a target the case does not have, and rejects a backwards window', async () => {
    await expect(blastRadius(db.connection, 'app', 'No Such Vendor', breachWindow())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => parseWindow('2026-11-16', '2026-11-15')).toThrow(ContractError);
    expect(() => parseWindow('yesterday-ish', undefined)).toThrow(/from is not a date-time/);
  });

  it('treats hostile names as data: bound parameters, stored and returned verbatim', async () => {
    const r = await blastRadius(db.connection, 'app', payloads.appName, parseWindow(undefined, undefined));
    expect(r.apps.map((a) => a.name)).toContain(payloads.appName);
    expect(r.totals.events).toBe(1);
    await expect(blastRadius(db.connection, 'app', "' OR 1=1 --", breachWindow())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('graph view over the same case', () => {
  it('draws granted and used reach apart, with counts and time range on the usage edge', async () => {
    const graph = await loadEntityGraph(db.connection, breachWindow());
    const used = graph.edges.filter((e) => e.kind === 'used' && e.target === nodeId.system('salesforce'));
    const total = used.reduce((sum, e) => sum + e.count, 0);
    expect(total).toBe(3); // two bulk exports + the evil app's call on 15 November
    const chat = used.find((e) => e.rows === 48211 + 388402);
    expect(chat).toMatchObject({ count: 2, first: '2026-11-15T04:00:40.000Z', last: '2026-11-15T04:01:40.000Z' });
    // Objects actually touched hang off the credential, and belong to the system.
    const caseNode = nodeId.resource('salesforce', 'Case');
    expect(graph.edges.some((e) => e.kind === 'used' && e.target === caseNode && e.rows === 388402)).toBe(true);
    expect(graph.edges.some((e) => e.kind === 'part_of' && e.source === caseNode)).toBe(true);
  });

  it('groups by platform by default, expands a group on demand, and reveals a searched node with its neighbours', async () => {
    const graph = await loadEntityGraph(db.connection, parseWindow(undefined, undefined));
    const grouped = buildView(graph, { grouping: 'platform' });
    expect(grouped.nodes.length).toBeLessThan(graph.nodes.length);
    const credGroup = grouped.nodes.find((n) => n.group && n.kind === 'credential');
    expect(credGroup?.count).toBeGreaterThan(1);
    const expanded = buildView(graph, { grouping: 'platform', expand: [credGroup!.id] });
    expect(expanded.nodes.some((n) => n.id === credGroup!.id)).toBe(false);
    expect(expanded.nodes.filter((n) => n.kind === 'credential' && !n.group).length).toBe(credGroup!.count);

    const [hit] = await searchGraph(db.connection, ids.chatApp, 5);
    expect(hit?.kind).toBe('app');
    const revealed = buildView(graph, { grouping: 'platform', reveal: [hit!.id] });
    expect(revealed.nodes.some((n) => n.id === hit!.id && !n.group)).toBe(true);
    // Grouped edges keep the sums of what they merge.
    const sum = (v: typeof grouped) => v.edges.filter((e) => e.kind === 'used').reduce((s, e) => s + e.count, 0);
    expect(sum(grouped)).toBe(sum(buildView(graph, { grouping: 'none' })));
  });

  it('filters by platform and kind, and by finding severity (nothing matches before detections run)', async () => {
    const graph = await loadEntityGraph(db.connection, parseWindow(undefined, undefined));
    expect(buildView(graph, { grouping: 'none', platforms: ['okta'] }).nodes).toEqual([]);
    const onlySystems = buildView(graph, { grouping: 'none', kinds: ['system'] });
    expect(onlySystems.nodes.every((n) => n.kind === 'system')).toBe(true);
    expect(onlySystems.edges).toEqual([]);
    expect(buildView(graph, { grouping: 'none', minSeverity: 'low' }).nodes).toEqual([]);
  });

  it('reuses the loaded graph for the same window and evidence, and reloads for another window', async () => {
    const a = await entityGraph(db.connection, breachWindow());
    expect(await entityGraph(db.connection, breachWindow())).toBe(a);
    const all = await entityGraph(db.connection, parseWindow(undefined, undefined));
    expect(all).not.toBe(a);
    expect(all.edges.filter((e) => e.kind === 'used').reduce((n, e) => n + e.count, 0)).toBeGreaterThan(a.edges.filter((e) => e.kind === 'used').reduce((n, e) => n + e.count, 0));
  });
});
