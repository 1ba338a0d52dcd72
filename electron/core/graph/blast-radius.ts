import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { ContractError } from '../../../shared/contract';
import type { BlastRadius } from '../../../shared/contract/methods/graph';
import { int, isoFromMs, severityName, SEVERITY_RANK_SQL, text, type TimeWindow } from './window';

export type BlastTarget = 'app' | 'credential' | 'owner';

type Row = Record<string, unknown>;

/** Activity rows kept (largest first); totals always cover everything in the window. */
export const ACTIVITY_LIMIT = 500;

/**
 * Who the target is. An app is matched by key, by any identifier it has in any source (a Salesforce
 * 18-character id also matches its 15-character form), or by name; apps of the same platform with
 * the same name are included too, because one vendor integration often appears under several
 * records (a connected app and its menu item) that identity resolution cannot prove are one.
 */
const RESOLVE: Record<BlastTarget, string> = {
  app: `
    WITH direct AS (
      SELECT app_key, 'key' AS matched_by FROM apps WHERE app_key = $ref
      UNION ALL SELECT app_key, 'id (' || id_kind || ')' FROM app_ids
        WHERE id_value = $ref OR (length($ref) = 18 AND app_key LIKE 'salesforce:%' AND id_value = left($ref, 15))
      UNION ALL SELECT app_key, 'name' FROM apps WHERE lower(name) = lower($ref)
    ),
    same_name AS (
      SELECT a.app_key, 'same name and platform as ' || d.app_key AS matched_by
      FROM direct d JOIN apps m ON m.app_key = d.app_key
      JOIN apps a ON a.platform = m.platform AND lower(a.name) = lower(m.name)
      WHERE a.app_key NOT IN (SELECT app_key FROM direct)
    )
    SELECT app_key AS key, min(matched_by) AS matched_by FROM (SELECT * FROM direct UNION ALL SELECT * FROM same_name) GROUP BY app_key`,
  credential: `
    SELECT credential_key AS key, min(matched_by) AS matched_by FROM (
      SELECT credential_key, 'key' AS matched_by FROM credentials WHERE credential_key = $ref
      UNION ALL SELECT credential_key, 'id (' || id_kind || ')' FROM credential_ids WHERE id_value = $ref
      UNION ALL SELECT credential_key, 'name' FROM credentials WHERE lower(display_name) = lower($ref)
    ) GROUP BY credential_key`,
  owner: `
    SELECT principal_key AS key, min(matched_by) AS matched_by FROM (
      SELECT principal_key, 'key' AS matched_by FROM principals WHERE principal_key = $ref
      UNION ALL SELECT principal_key, 'id (' || id_kind || ')' FROM principal_ids WHERE id_value = $ref
      UNION ALL SELECT principal_key, 'email' FROM principals WHERE lower(email) = lower($ref)
      UNION ALL SELECT principal_key, 'name' FROM principals WHERE lower(display_name) = lower($ref)
    ) GROUP BY principal_key`,
};

const IN_WINDOW = `($from::TIMESTAMPTZ IS NULL OR event_time >= $from::TIMESTAMPTZ) AND ($to::TIMESTAMPTZ IS NULL OR event_time <= $to::TIMESTAMPTZ)`;
const TOUCHES = `(credential_key IN (SELECT unnest($creds)) OR app_key IN (SELECT unnest($apps)))`;

const Q = {
  /** Every credential issued to the apps: by inventory, by grant, or seen acting for the app in a log. */
  credentialsOfApps: `
    SELECT credential_key FROM credentials WHERE app_key IN (SELECT unnest($apps))
    UNION SELECT credential_key FROM grants WHERE credential_key IS NOT NULL AND app_key IN (SELECT unnest($apps))
    UNION SELECT DISTINCT credential_key FROM events WHERE credential_key IS NOT NULL AND app_key IN (SELECT unnest($apps))`,
  credentialsOfOwners: `SELECT credential_key FROM credentials WHERE owner_key IN (SELECT unnest($owners))`,
  appsOfCredentials: `SELECT DISTINCT app_key FROM credentials WHERE app_key IS NOT NULL AND credential_key IN (SELECT unnest($creds))`,
  apps: `SELECT app_key, platform, name, publisher FROM apps WHERE app_key IN (SELECT unnest($apps)) ORDER BY app_key`,
  credentials: `
    WITH f AS (
      SELECT entity_key, count(*) AS n, max(${SEVERITY_RANK_SQL('severity')}) AS rank FROM findings
      WHERE suppression_id IS NULL AND entity_key IN (SELECT unnest($creds)) GROUP BY entity_key
    ),
    u AS (
      SELECT credential_key, count(*) AS n FROM events WHERE credential_key IN (SELECT unnest($creds)) AND ${IN_WINDOW} GROUP BY credential_key
    )
    SELECT c.credential_key, c.platform, c.credential_type, c.display_name, c.owner_key, coalesce(o.display_name, o.email) AS owner_name,
           c.app_key, a.name AS app_name, c.status, epoch_ms(c.created_at) AS created_ms, epoch_ms(c.expires_at) AS expires_ms,
           coalesce(c.scopes, []::VARCHAR[]) AS scopes, c.in_inventory, coalesce(f.n, 0) AS findings, f.rank AS severity_rank, coalesce(u.n, 0) AS events
    FROM credentials c
    LEFT JOIN principals o ON o.principal_key = c.owner_key
    LEFT JOIN apps a ON a.app_key = c.app_key
    LEFT JOIN f ON f.entity_key = c.credential_key
    LEFT JOIN u ON u.credential_key = c.credential_key
    WHERE c.credential_key IN (SELECT unnest($creds))
    ORDER BY events DESC, c.credential_key`,
  owners: `
    SELECT p.principal_key, p.display_name, p.email, p.kind, p.hr_status, count(c.credential_key) AS credentials
    FROM principals p JOIN credentials c ON c.owner_key = p.principal_key AND c.credential_key IN (SELECT unnest($creds))
    GROUP BY ALL ORDER BY credentials DESC, p.principal_key`,
  scopes: `
    WITH s AS (
      SELECT credential_key, platform, unnest(scopes) AS scope FROM credentials WHERE len(scopes) > 0 AND credential_key IN (SELECT unnest($creds))
      UNION ALL
      SELECT coalesce(credential_key, app_key), platform, unnest(scopes_granted) FROM grants
      WHERE len(scopes_granted) > 0 AND (credential_key IN (SELECT unnest($creds)) OR app_key IN (SELECT unnest($apps)))
    )
    SELECT s.platform, s.scope, sc.risk_tier, sc.system_key, count(DISTINCT s.credential_key) AS credentials
    FROM s LEFT JOIN scope_catalog sc ON sc.platform = s.platform AND sc.scope = s.scope
    GROUP BY s.platform, s.scope, sc.risk_tier, sc.system_key
    ORDER BY ${SEVERITY_RANK_SQL('sc.risk_tier')} DESC NULLS LAST, s.platform, s.scope`,
  used: `
    SELECT system_key, count(*) AS n, coalesce(sum(rows), 0) AS rows, coalesce(sum(bytes), 0) AS bytes FROM events
    WHERE system_key IS NOT NULL AND ${TOUCHES} AND ${IN_WINDOW} GROUP BY system_key`,
  systemNames: `SELECT system_key, name FROM systems`,
  activity: `
    SELECT credential_key, app_key, system_key, resource, action, count(*) AS n,
           count(*) FILTER (WHERE outcome = 'failure') AS failures, coalesce(sum(rows), 0) AS rows, coalesce(sum(bytes), 0) AS bytes,
           count(DISTINCT ip) AS ips, epoch_ms(min(event_time)) AS first_ms, epoch_ms(max(event_time)) AS last_ms
    FROM events WHERE ${TOUCHES} AND ${IN_WINDOW}
    GROUP BY ALL ORDER BY rows DESC, n DESC, credential_key NULLS LAST, system_key NULLS LAST, resource NULLS LAST, action
    LIMIT $limit`,
  activityGroups: `
    SELECT count(*) AS n FROM (SELECT DISTINCT credential_key, app_key, system_key, resource, action FROM events WHERE ${TOUCHES} AND ${IN_WINDOW})`,
  networks: `
    SELECT ip, any_value(asn) AS asn, any_value(as_org) AS as_org, any_value(country) AS country, count(*) AS n FROM events
    WHERE ip IS NOT NULL AND ${TOUCHES} AND ${IN_WINDOW} GROUP BY ip ORDER BY n DESC, ip LIMIT 50`,
  userAgents: `
    SELECT user_agent, count(*) AS n FROM events
    WHERE user_agent IS NOT NULL AND ${TOUCHES} AND ${IN_WINDOW} GROUP BY user_agent ORDER BY n DESC, user_agent LIMIT 20`,
  totals: `
    SELECT count(*) AS n, coalesce(sum(rows), 0) AS rows, coalesce(sum(bytes), 0) AS bytes, count(DISTINCT ip) AS ips,
           epoch_ms(min(event_time)) AS first_ms, epoch_ms(max(event_time)) AS last_ms
    FROM events WHERE ${TOUCHES} AND ${IN_WINDOW}`,
  findings: `
    SELECT finding_id, rule_id, severity, entity_key, summary FROM findings
    WHERE suppression_id IS NULL AND (entity_key IN (SELECT unnest($creds)) OR entity_key IN (SELECT unnest($apps)) OR entity_key IN (SELECT unnest($owners)))
    ORDER BY ${SEVERITY_RANK_SQL('severity')} DESC, rule_id, entity_key, finding_id`,
};

class Params {
  readonly values: Record<string, DuckDBValue> = {};
  readonly types: Record<string, DuckDBType> = {};
  list(name: string, items: string[]): this {
    this.values[name] = listValue(items);
    this.types[name] = LIST(VARCHAR);
    return this;
  }
  window(window: TimeWindow): this {
    this.values.from = window.from;
    this.values.to = window.to;
    this.types.from = VARCHAR;
    this.types.to = VARCHAR;
    return this;
  }
}

async function read(conn: DuckDBConnection, sql: string, params?: Params, extra: Record<string, DuckDBValue> = {}): Promise<Row[]> {
  const values = { ...(params?.values ?? {}), ...extra };
  const used = Object.fromEntries(Object.entries(values).filter(([k]) => sql.includes(`$${k}`)));
  const types = Object.fromEntries(Object.entries(params?.types ?? {}).filter(([k]) => k in used));
  return (await conn.runAndReadAll(sql, used, types)).getRowObjectsJS() as Row[];
}

/**
 * The blast radius of an app, credential or owner, computed in DuckDB: every credential issued to
 * it across all loaded sources, their owners, scopes and reachable systems, and what they did in
 * the window. Throws NOT_FOUND when nothing in the case matches `ref`.
 */
export async function blastRadius(conn: DuckDBConnection, target: BlastTarget, ref: string, window: TimeWindow): Promise<BlastRadius> {
  const matched = await read(conn, RESOLVE[target], undefined, { ref });
  if (matched.length === 0) throw new ContractError('NOT_FOUND', `No ${target} matches ${JSON.stringify(ref.slice(0, 200))} in this case (tried key, identifiers and name)`);
  const keys = matched.map((m) => String(m.key));
  const keyed = (sql: string, name: string, list: string[]) => read(conn, sql, new Params().list(name, list));

  let appKeys: string[] = [];
  let credKeys: string[];
  let ownerKeys: string[] = [];
  const matchedBy = new Map<string, string>();
  if (target === 'app') {
    appKeys = keys;
    for (const m of matched) matchedBy.set(String(m.key), String(m.matched_by));
    credKeys = (await keyed(Q.credentialsOfApps, 'apps', appKeys)).map((r) => String(r.credential_key));
  } else if (target === 'credential') {
    credKeys = keys;
  } else {
    ownerKeys = keys;
    credKeys = (await keyed(Q.credentialsOfOwners, 'owners', ownerKeys)).map((r) => String(r.credential_key));
  }
  if (target !== 'app') {
    appKeys = (await keyed(Q.appsOfCredentials, 'creds', credKeys)).map((r) => String(r.app_key));
    for (const k of appKeys) matchedBy.set(k, `app of a ${target === 'owner' ? 'credential the owner holds' : 'matched credential'}`);
  }
  credKeys = [...new Set(credKeys)].sort();

  const p = new Params().list('creds', credKeys).list('apps', appKeys).list('owners', ownerKeys).window(window);
  const apps = await read(conn, Q.apps, p);
  const credentials = await read(conn, Q.credentials, p);
  const owners = await read(conn, Q.owners, p);
  const scopes = await read(conn, Q.scopes, p);
  const used = await read(conn, Q.used, p);
  const names = new Map((await read(conn, Q.systemNames)).map((s) => [String(s.system_key), String(s.name)]));
  const activity = await read(conn, Q.activity, p, { limit: ACTIVITY_LIMIT });
  const groups = int((await read(conn, Q.activityGroups, p))[0]?.n);
  const networks = await read(conn, Q.networks, p);
  const userAgents = await read(conn, Q.userAgents, p);
  const totals = (await read(conn, Q.totals, p))[0] ?? {};
  const findings = await read(conn, Q.findings, new Params().list('creds', credKeys).list('apps', appKeys).list('owners', [...ownerKeys, ...owners.map((o) => String(o.principal_key))]));

  const systems = new Map<string, BlastRadius['systems'][number]>();
  const system = (key: string) =>
    systems.get(key) ?? systems.set(key, { key, name: names.get(key) ?? key, granted: false, used: false, events: 0, rows: 0, bytes: 0 }).get(key)!;
  for (const s of scopes) if (s.system_key) system(String(s.system_key)).granted = true;
  for (const u of used) Object.assign(system(String(u.system_key)), { used: true, events: int(u.n), rows: int(u.rows), bytes: int(u.bytes) });

  return {
    target: { kind: target, ref },
    window: { from: window.from, to: window.to },
    apps: apps.map((a) => ({ key: String(a.app_key), name: text(a.name), platform: String(a.platform), publisher: text(a.publisher), matchedBy: matchedBy.get(String(a.app_key)) ?? 'matched' })),
    owners: owners.map((o) => ({ key: String(o.principal_key), name: text(o.display_name), email: text(o.email), kind: String(o.kind), hrStatus: String(o.hr_status), credentials: int(o.credentials) })),
    credentials: credentials.map((c) => ({
      key: String(c.credential_key),
      platform: String(c.platform),
      type: String(c.credential_type),
      name: text(c.display_name),
      ownerKey: text(c.owner_key),
      owner: text(c.owner_name),
      appKey: text(c.app_key),
      app: text(c.app_name),
      status: String(c.status),
      createdAt: isoFromMs(c.created_ms),
      expiresAt: isoFromMs(c.expires_ms),
      scopes: (c.scopes as unknown[]).map(String),
      inInventory: Boolean(c.in_inventory),
      findings: int(c.findings),
      severity: c.severity_rank === null || c.severity_rank === undefined ? null : severityName(c.severity_rank),
      events: int(c.events),
    })),
    scopes: scopes.map((s) => ({ platform: String(s.platform), scope: String(s.scope), risk: text(s.risk_tier), systemKey: text(s.system_key), credentials: int(s.credentials) })),
    systems: [...systems.values()].sort((a, b) => Number(b.used) - Number(a.used) || b.rows - a.rows || b.events - a.events || a.key.localeCompare(b.key)),
    activity: activity.map((a) => ({
      credentialKey: text(a.credential_key),
      appKey: text(a.app_key),
      systemKey: text(a.system_key),
      resource: text(a.resource),
      action: String(a.action),
      events: int(a.n),
      failures: int(a.failures),
      rows: int(a.rows),
      bytes: int(a.bytes),
      ips: int(a.ips),
      first: isoFromMs(a.first_ms),
      last: isoFromMs(a.last_ms),
    })),
    networks: networks.map((n) => ({ ip: String(n.ip), asn: n.asn === null ? null : int(n.asn), asOrg: text(n.as_org), country: text(n.country), events: int(n.n) })),
    userAgents: userAgents.map((u) => ({ userAgent: String(u.user_agent), events: int(u.n) })),
    findings: findings.map((f) => ({ id: String(f.finding_id), ruleId: String(f.rule_id), severity: severityName(SEVERITY_INDEX[String(f.severity)])!, entityKey: String(f.entity_key), summary: String(f.summary) })),
    totals: { events: int(totals.n), rows: int(totals.rows), bytes: int(totals.bytes), ips: int(totals.ips), first: isoFromMs(totals.first_ms), last: isoFromMs(totals.last_ms) },
    activityTruncated: groups > activity.length,
  };
}

const SEVERITY_INDEX: Record<string, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
