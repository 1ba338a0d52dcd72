import type { DuckDBConnection } from '@duckdb/node-api';
import { Stage } from '../ingest/stage';
import { normaliseId } from './identity';
import { awsKeySlotLinks } from './aws-key-slots';

/**
 * Identity resolution over ALL evidence in the case (docs/schema.md): credentials, apps and
 * principals are rebuilt from the fact tables and the identifiers events carry, inside the
 * import's transaction, then events/grants get their resolved keys. Ids that appear together in
 * one inventory record or link (GitHub token_id + hashed_token; an Entra app's appId + service
 * principal object id) are one thing.
 */
export async function rebuildIdentity(conn: DuckDBConnection, scratchDir: string): Promise<void> {
  const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const creds = await q(`SELECT * FROM credential_facts ORDER BY origin = 'register' DESC, file_id, record_no, seq`);
  const links = await q(`SELECT kind_a, value_a, kind_b, value_b FROM credential_links`);
  const refs = await q(`SELECT platform, credential_ref_kind AS kind, credential_ref AS value, any_value(credential_ref_type) AS type,
      max(event_time) AS last_at FROM events WHERE credential_ref IS NOT NULL GROUP BY ALL`);
  const appFacts = await q(`SELECT * FROM app_facts ORDER BY file_id, record_no, seq`);
  const appRefs = await q(`SELECT DISTINCT platform, app_ref_kind AS kind, app_ref AS value, app_name AS name FROM events WHERE app_ref IS NOT NULL
      UNION SELECT DISTINCT platform, app_ref_kind, app_ref, NULL FROM grants WHERE app_ref IS NOT NULL`);
  const people = await q(`SELECT * FROM principal_facts ORDER BY file_id, record_no, seq`);
  const actors = await q(`SELECT platform, actor_id, principal_key, any_value(actor_name) AS name, any_value(actor_type) AS actor_type
      FROM events WHERE principal_key IS NOT NULL GROUP BY ALL`);

  // ---- apps
  const apps = new UnionFind();
  const appInfo = new Map<string, { platform: string; name: string | null; publisher: string | null; verified: boolean | null; thirdParty: boolean | null }>();
  for (const f of appFacts) {
    const ids = idsOf(f.ids);
    ids.forEach((id) => apps.add(node(id.kind, id.value)));
    for (let i = 1; i < ids.length; i++) apps.union(node(ids[0]!.kind, ids[0]!.value), node(ids[i]!.kind, ids[i]!.value));
    if (ids[0]) {
      const prev = appInfo.get(node(ids[0].kind, ids[0].value));
      appInfo.set(node(ids[0].kind, ids[0].value), {
        platform: String(f.platform),
        name: (f.name as string | null) ?? prev?.name ?? null,
        publisher: (f.publisher as string | null) ?? prev?.publisher ?? null,
        verified: (f.verified as boolean | null) ?? prev?.verified ?? null,
        thirdParty: (f.third_party as boolean | null) ?? prev?.thirdParty ?? null,
      });
    }
  }
  for (const r of appRefs) {
    const n = node(String(r.kind), String(r.value));
    apps.add(n);
    if (!appInfo.has(n)) appInfo.set(n, { platform: String(r.platform), name: (r.name as string | null) ?? null, publisher: null, verified: null, thirdParty: null });
  }
  for (const c of creds) if (c.app_ref) apps.add(node(String(c.app_ref_kind), String(c.app_ref)));
  const appKeyOf = new Map<string, string>();
  const stage = await Stage.create(scratchDir);
  for (const members of apps.groups()) {
    const sorted = [...members].sort(byAppPreference);
    const [kind, value] = split(sorted[0]!);
    const info = sorted.map((m) => appInfo.get(m)).filter(Boolean);
    const platform = info[0]?.platform ?? kind.split('_')[0] ?? 'other';
    const key = `${platform}:app:${value}`;
    for (const m of members) appKeyOf.set(m, key);
    await stage.writeFromDb('app_facts', {
      app_key: key,
      platform,
      name: info.find((i) => i?.name)?.name ?? null,
      publisher: info.find((i) => i?.publisher)?.publisher ?? null,
      verified: info.find((i) => i?.verified !== null && i?.verified !== undefined)?.verified ?? null,
      third_party: info.find((i) => i?.thirdParty !== null && i?.thirdParty !== undefined)?.thirdParty ?? null,
      ids: members.map((m) => {
        const [k, v] = split(m);
        return { kind: k, value: v };
      }),
    });
  }

  // ---- principals
  const principals = new Map<string, Record<string, unknown>>();
  const principalIds = new Map<string, string>();
  for (const p of people) {
    const ids = idsOf(p.ids);
    const key = p.email ? `person:${String(p.email)}` : ids[0] ? `${String(p.source)}:${String(p.kind)}:${ids[0].value}` : null;
    if (!key) continue;
    const prev = principals.get(key) ?? {};
    principals.set(key, {
      ...prev,
      principal_key: key,
      kind: p.kind,
      email: p.email ?? prev.email ?? null,
      display_name: p.display_name ?? prev.display_name ?? null,
      department: p.department ?? prev.department ?? null,
      manager_email: p.manager_email ?? prev.manager_email ?? null,
      hr_status: p.hr_status ?? prev.hr_status ?? 'unknown',
      end_date: p.end_date ? (iso(p.end_date)?.slice(0, 10) ?? null) : (prev.end_date ?? null),
    });
    if (p.email) principalIds.set(node('email', String(p.email)), key);
    ids.forEach((id) => principalIds.set(node(id.kind, id.value), key));
  }
  for (const a of actors) {
    const key = String(a.principal_key);
    if (!principals.has(key)) {
      const email = key.startsWith('person:') ? key.slice(7) : null;
      principals.set(key, {
        principal_key: key,
        kind: email ? 'person' : a.actor_type === 'app' ? 'app' : a.actor_type === 'service' ? 'service_account' : a.actor_type === 'bot' ? 'bot' : 'unknown',
        email,
        display_name: a.name ?? null,
        hr_status: 'unknown',
      });
      if (email) principalIds.set(node('email', email), key);
    }
    if (a.actor_id && key.startsWith('person:')) {
      const kind = `${String(a.platform)}_user_id`;
      principalIds.set(node(kind, normaliseId(kind, String(a.actor_id))), key);
    }
  }
  const ownerKey = (c: Record<string, unknown>): string | null => {
    if (c.owner_email) {
      const key = `person:${String(c.owner_email)}`;
      if (!principals.has(key)) {
        principals.set(key, { principal_key: key, kind: 'person', email: c.owner_email, hr_status: 'unknown' });
        principalIds.set(node('email', String(c.owner_email)), key);
      }
      return key;
    }
    if (c.owner_ref) {
      const found = principalIds.get(node(String(c.owner_ref_kind), String(c.owner_ref)));
      if (found) return found;
      const key = `${String(c.platform)}:user:${String(c.owner_ref)}`;
      if (!principals.has(key)) principals.set(key, { principal_key: key, kind: 'unknown', hr_status: 'unknown' });
      principalIds.set(node(String(c.owner_ref_kind), String(c.owner_ref)), key);
      return key;
    }
    return null;
  };

  // ---- credentials
  const uf = new UnionFind();
  for (const c of creds) {
    const ids = idsOf(c.ids);
    ids.forEach((id) => uf.add(node(id.kind, id.value)));
    for (let i = 1; i < ids.length; i++) uf.union(node(ids[0]!.kind, ids[0]!.value), node(ids[i]!.kind, ids[i]!.value));
  }
  for (const l of links) uf.union(node(String(l.kind_a), String(l.value_a)), node(String(l.kind_b), String(l.value_b)));
  for (const [a, b] of awsKeySlotLinks(creds.map((c) => ({ ...c, ids: idsOf(c.ids) })))) uf.union(node(a.kind, a.value), node(b.kind, b.value));
  const refInfo = new Map<string, Record<string, unknown>>();
  for (const r of refs) {
    const n = node(String(r.kind), String(r.value));
    uf.add(n);
    refInfo.set(n, r);
  }
  const factsByRoot = new Map<string, Record<string, unknown>[]>();
  for (const c of creds) {
    const ids = idsOf(c.ids);
    // A fact without ids (a key with no keyId) still is a credential: key it by its record.
    const n = ids[0] ? node(ids[0].kind, ids[0].value) : node('record', `${String(c.file_id)}:${String(c.record_no)}:${String(c.seq)}`);
    uf.add(n);
    const root = uf.find(n);
    factsByRoot.set(root, [...(factsByRoot.get(root) ?? []), c]);
  }
  for (const members of uf.groups()) {
    const root = uf.find(members[0]!);
    const facts = factsByRoot.get(root) ?? [];
    const register = facts.filter((f) => f.origin === 'register');
    // A credential-report key slot names the key less well than its key id: lead with the id.
    const inventory = facts.filter((f) => f.origin === 'inventory').sort((a, b) => Number(isKeySlot(a)) - Number(isKeySlot(b)));
    const lead = register[0] ?? inventory[0];
    const refRow = members.map((m) => refInfo.get(m)).find(Boolean);
    const ids = members.filter((m) => !m.startsWith('record\u0001')).sort();
    const [leadKind, leadValue] = lead ? firstId(lead) ?? split(members[0]!) : split(ids[0] ?? members[0]!);
    const platform = String(lead?.platform ?? refRow?.platform ?? leadKind.split('_')[0] ?? 'other');
    const type = String(lead?.credential_type ?? refRow?.type ?? 'unknown');
    const key = `${platform}:${type}:${leadValue}`;
    const pick = <T>(field: string, from = [...register, ...inventory]): T | null => (from.find((f) => f[field] !== null && f[field] !== undefined)?.[field] as T) ?? null;
    const appRef = facts.find((f) => f.app_ref);
    const lastUsed = [pick<unknown>('last_used_at', inventory), refRow?.last_at].filter(Boolean).map((d) => new Date(d as string).toISOString()).sort().at(-1) ?? null;
    const invStatus = pick<string>('status', inventory);
    const regStatus = pick<string>('status', register);
    await stage.writeFromDb('credential_facts', {
      credential_key: key,
      platform,
      credential_type: type,
      display_name: pick('display_name'),
      owner_key: lead ? ownerKey(register.find((f) => f.owner_email) ?? inventory.find((f) => f.owner_ref) ?? lead) : null,
      app_key: appRef ? (appKeyOf.get(node(String(appRef.app_ref_kind), String(appRef.app_ref))) ?? null) : null,
      created_at: iso(pick('created_at', [...inventory, ...register])),
      expires_at: iso(pick('expires_at', [...inventory, ...register])),
      last_used_at: lastUsed,
      last_reviewed_at: iso(pick('last_reviewed_at', register)),
      review_interval_days: pick('review_interval_days', register),
      purpose: pick('purpose', register),
      approved_pattern: pick('approved_pattern', register),
      approved_cadence: pick('approved_cadence', register),
      approved_hours_utc: pick('approved_hours_utc', register),
      approved_networks: pick('approved_networks', register),
      status: invStatus === 'revoked' || invStatus === 'expired' ? invStatus : (regStatus ?? invStatus ?? 'unknown'),
      scopes: pick('scopes', [...inventory, ...register]),
      in_inventory: facts.length > 0,
      inventory_sources: [...new Set(facts.map((f) => String(f.source)))],
      ids: ids.map((m) => {
        const [k, v] = split(m);
        return { kind: k, value: v };
      }),
      records: facts.map((f) => ({ file_id: f.file_id, record_no: f.record_no, source: f.source })),
    });
  }
  for (const p of principals.values()) await stage.writeFromDb('principal_facts', p);
  for (const [n, key] of principalIds) {
    const [kind, value] = split(n);
    await stage.writeFromDb('credential_links', { principal_key: key, id_kind: kind, id_value: value });
  }
  await stage.close();

  for (const table of ['credentials', 'credential_ids', 'credential_records', 'apps', 'app_ids', 'principals', 'principal_ids']) {
    await conn.run(`DELETE FROM ${table}`);
  }
  const read = (t: Parameters<Stage['path']>[0], columns: string) => ({ sql: `read_json($path, format = 'newline_delimited', columns = ${columns})`, path: stage.path(t) });
  if (stage.has('app_facts')) {
    const src = read('app_facts', `{app_key: 'VARCHAR', platform: 'VARCHAR', name: 'VARCHAR', publisher: 'VARCHAR', verified: 'BOOLEAN', third_party: 'BOOLEAN', ids: 'STRUCT(kind VARCHAR, value VARCHAR)[]'}`);
    await conn.run(`INSERT INTO apps (app_key, platform, name, publisher, verified, third_party) SELECT app_key, platform, name, publisher, verified, third_party FROM ${src.sql}`, { path: src.path });
    await conn.run(`INSERT OR IGNORE INTO app_ids SELECT app_key, i.kind, i.value FROM (SELECT app_key, unnest(ids) AS i FROM ${src.sql})`, { path: src.path });
  }
  if (stage.has('credential_facts')) {
    const src = read(
      'credential_facts',
      `{credential_key: 'VARCHAR', platform: 'VARCHAR', credential_type: 'VARCHAR', display_name: 'VARCHAR', owner_key: 'VARCHAR', app_key: 'VARCHAR',
        created_at: 'TIMESTAMPTZ', expires_at: 'TIMESTAMPTZ', last_used_at: 'TIMESTAMPTZ', last_reviewed_at: 'TIMESTAMPTZ', review_interval_days: 'INTEGER',
        purpose: 'VARCHAR', approved_pattern: 'VARCHAR', approved_cadence: 'VARCHAR', approved_hours_utc: 'VARCHAR', approved_networks: 'VARCHAR[]',
        status: 'VARCHAR', scopes: 'VARCHAR[]', in_inventory: 'BOOLEAN', inventory_sources: 'VARCHAR[]', ids: 'STRUCT(kind VARCHAR, value VARCHAR)[]',
        records: 'STRUCT(file_id INTEGER, record_no BIGINT, source VARCHAR)[]'}`,
    );
    await conn.run(
      `INSERT OR IGNORE INTO credentials (credential_key, platform, credential_type, display_name, owner_key, app_key, created_at, expires_at, last_used_at,
         last_reviewed_at, review_interval_days, purpose, approved_pattern, approved_cadence, approved_hours_utc, approved_networks, status, scopes,
         in_inventory, inventory_sources)
       SELECT credential_key, platform, credential_type, display_name, owner_key, app_key, created_at, expires_at, last_used_at, last_reviewed_at,
         review_interval_days, purpose, approved_pattern, approved_cadence, approved_hours_utc, approved_networks, status, scopes, in_inventory, inventory_sources
       FROM ${src.sql}`,
      { path: src.path },
    );
    await conn.run(`INSERT OR IGNORE INTO credential_ids SELECT credential_key, i.kind, i.value FROM (SELECT credential_key, unnest(ids) AS i FROM ${src.sql})`, { path: src.path });
    await conn.run(
      `INSERT OR IGNORE INTO credential_records SELECT credential_key, r.file_id, r.record_no, r.source FROM (SELECT credential_key, unnest(records) AS r FROM ${src.sql})`,
      { path: src.path },
    );
  }
  if (stage.has('principal_facts')) {
    const src = read(
      'principal_facts',
      `{principal_key: 'VARCHAR', kind: 'VARCHAR', email: 'VARCHAR', display_name: 'VARCHAR', department: 'VARCHAR', manager_email: 'VARCHAR', hr_status: 'VARCHAR', end_date: 'DATE'}`,
    );
    await conn.run(`INSERT OR IGNORE INTO principals (principal_key, kind, email, display_name, department, manager_email, hr_status, end_date)
      SELECT principal_key, kind, email, display_name, department, manager_email, coalesce(hr_status, 'unknown'), end_date FROM ${src.sql}`, { path: src.path });
  }
  if (stage.has('credential_links')) {
    const src = read('credential_links', `{principal_key: 'VARCHAR', id_kind: 'VARCHAR', id_value: 'VARCHAR'}`);
    await conn.run(`INSERT OR IGNORE INTO principal_ids SELECT principal_key, id_kind, id_value FROM ${src.sql}`, { path: src.path });
  }
  // Resolved keys onto events and grants (only rows whose resolution changed are written).
  await conn.run(`UPDATE events SET credential_key = ci.credential_key FROM credential_ids ci
    WHERE ci.id_kind = events.credential_ref_kind AND ci.id_value = events.credential_ref AND events.credential_key IS DISTINCT FROM ci.credential_key`);
  await conn.run(`UPDATE events SET app_key = ai.app_key FROM app_ids ai
    WHERE ai.id_kind = events.app_ref_kind AND ai.id_value = events.app_ref AND events.app_key IS DISTINCT FROM ai.app_key`);
  await conn.run(`UPDATE grants SET app_key = ai.app_key FROM app_ids ai WHERE ai.id_kind = grants.app_ref_kind AND ai.id_value = grants.app_ref`);
  await conn.run(`UPDATE grants SET principal_key = pi.principal_key FROM principal_ids pi
    WHERE pi.id_kind = grants.principal_ref_kind AND pi.id_value = grants.principal_ref AND grants.principal_key IS NULL`);
}

const SEP = '\u0001';
const node = (kind: string, value: string) => `${kind}${SEP}${value}`;
const split = (n: string): [string, string] => {
  const i = n.indexOf(SEP);
  return [n.slice(0, i), n.slice(i + 1)];
};

function idsOf(value: unknown): { kind: string; value: string }[] {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) ? (list as { kind: string; value: string }[]).filter((i) => i && i.kind && i.value) : [];
}

function isKeySlot(f: Record<string, unknown>): boolean {
  return idsOf(f.ids)[0]?.kind === 'aws_key_slot';
}

function firstId(f: Record<string, unknown>): [string, string] | null {
  const id = idsOf(f.ids)[0];
  return id ? [id.kind, id.value] : null;
}

function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const appPreference = ['entra_app_id', 'google_client_id', 'okta_client_id', 'github_oauth_app_id', 'salesforce_connected_app_id', 'slack_app_id'];
function byAppPreference(a: string, b: string): number {
  const ra = appPreference.indexOf(split(a)[0]);
  const rb = appPreference.indexOf(split(b)[0]);
  return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb) || a.localeCompare(b);
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  add(x: string): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }
  find(x: string): string {
    this.add(x);
    let root = x;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  groups(): string[][] {
    const out = new Map<string, string[]>();
    for (const x of this.parent.keys()) {
      const r = this.find(x);
      out.set(r, [...(out.get(r) ?? []), x]);
    }
    return [...out.values()];
  }
}
