import type { DuckDBConnection } from '@duckdb/node-api';
import type { GraphEdge, GraphNode } from '../../../shared/contract/methods/graph';
import { int, isoFromMs, riskName, RISK_RANK_SQL, severityName, SEVERITY_RANK_SQL, text, type TimeWindow } from './window';

/** An entity node plus what grouping needs to know about it (never sent as is). */
export interface EntityNode extends GraphNode {
  /** platform, credential type, app key, owner kind, scope system… keyed by grouping use. */
  facets: { platform: string; type?: string; appKey?: string | null; systemKey?: string | null; risk?: string | null };
}

export interface EntityGraph {
  nodes: EntityNode[];
  edges: GraphEdge[];
}

/** Node ids are prefixed by kind so an app and a credential can never collide. */
export const nodeId = {
  credential: (key: string) => `cred:${key}`,
  app: (key: string) => `app:${key}`,
  owner: (key: string) => `owner:${key}`,
  scope: (platform: string, scope: string) => `scope:${platform}:${scope}`,
  system: (key: string) => `sys:${key}`,
  resource: (system: string, resource: string) => `res:${system}:${resource}`,
};

/** Objects touched per actor and system kept in the graph (the rest stay in the usage edge's counts). */
const RESOURCES_PER_ACTOR = 6;

const Q = {
  credentials: `
    WITH scope_risk AS (
      SELECT s.credential_key, max(${RISK_RANK_SQL('sc.risk_tier')}) AS rank
      FROM (SELECT credential_key, platform, unnest(scopes) AS scope FROM credentials WHERE len(scopes) > 0) s
      JOIN scope_catalog sc ON sc.platform = s.platform AND sc.scope = s.scope
      GROUP BY s.credential_key
    )
    SELECT c.credential_key, c.platform, c.credential_type, c.display_name, c.owner_key, c.app_key, c.status, c.in_inventory,
           coalesce(r.rank, 0) AS risk_rank
    FROM credentials c LEFT JOIN scope_risk r USING (credential_key)`,
  credentialScopes: `
    SELECT DISTINCT credential_key, platform, unnest(scopes) AS scope FROM credentials WHERE len(scopes) > 0`,
  grantScopes: `
    SELECT DISTINCT g.app_key, g.credential_key, g.platform, unnest(g.scopes_granted) AS scope
    FROM grants g WHERE len(g.scopes_granted) > 0 AND (g.app_key IS NOT NULL OR g.credential_key IS NOT NULL)`,
  catalog: `SELECT platform, scope, risk_tier, system_key FROM scope_catalog`,
  systems: `SELECT system_key, name, platform FROM systems`,
  apps: `
    SELECT a.app_key, a.platform, a.name, a.publisher, a.verified, a.third_party,
           (SELECT max(${RISK_RANK_SQL('sc.risk_tier')}) FROM grants g, unnest(g.scopes_granted) AS u(scope)
              JOIN scope_catalog sc ON sc.platform = g.platform AND sc.scope = u.scope WHERE g.app_key = a.app_key) AS risk_rank
    FROM apps a`,
  owners: `
    SELECT principal_key, kind, email, display_name, hr_status FROM principals
    WHERE principal_key IN (SELECT owner_key FROM credentials WHERE owner_key IS NOT NULL)`,
  findings: `
    SELECT entity_key, count(*) AS n, max(${SEVERITY_RANK_SQL('severity')}) AS rank
    FROM findings WHERE suppression_id IS NULL GROUP BY entity_key`,
  usage: `
    SELECT credential_key, app_key, system_key, count(*) AS n, sum(rows) AS rows, sum(bytes) AS bytes,
           epoch_ms(min(event_time)) AS first_ms, epoch_ms(max(event_time)) AS last_ms
    FROM events
    WHERE (credential_key IS NOT NULL OR app_key IS NOT NULL) AND system_key IS NOT NULL
      AND ($from::TIMESTAMPTZ IS NULL OR event_time >= $from::TIMESTAMPTZ) AND ($to::TIMESTAMPTZ IS NULL OR event_time <= $to::TIMESTAMPTZ)
    GROUP BY ALL`,
  resources: `
    SELECT * FROM (
      SELECT credential_key, app_key, system_key, resource, count(*) AS n, sum(rows) AS rows, sum(bytes) AS bytes,
             epoch_ms(min(event_time)) AS first_ms, epoch_ms(max(event_time)) AS last_ms,
             row_number() OVER (PARTITION BY credential_key, app_key, system_key ORDER BY count(*) DESC, coalesce(sum(rows), 0) DESC, resource) AS rn
      FROM events
      WHERE (credential_key IS NOT NULL OR app_key IS NOT NULL) AND system_key IS NOT NULL AND resource IS NOT NULL
        AND ($from::TIMESTAMPTZ IS NULL OR event_time >= $from::TIMESTAMPTZ) AND ($to::TIMESTAMPTZ IS NULL OR event_time <= $to::TIMESTAMPTZ)
      GROUP BY credential_key, app_key, system_key, resource
    ) WHERE rn <= $per_actor`,
};

type Row = Record<string, unknown>;

async function rows(conn: DuckDBConnection, sql: string, params?: Record<string, string | number | null>): Promise<Row[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as Row[];
}

function detail(entries: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== null && v !== undefined && v !== '') out[k] = String(v);
  return out;
}

/**
 * The whole entity graph of the open case: one node per owner, credential, app, granted scope,
 * system and touched object, granted-reach edges from the inventory and observed-usage edges from
 * the events in the window. Grouping and filtering happen afterwards (aggregate.ts), in memory.
 */
export async function loadEntityGraph(conn: DuckDBConnection, window: TimeWindow): Promise<EntityGraph> {
  const timeParams = { from: window.from, to: window.to };
  // One connection runs one statement at a time: read sequentially.
  const credentials = await rows(conn, Q.credentials);
  const credentialScopes = await rows(conn, Q.credentialScopes);
  const grantScopes = await rows(conn, Q.grantScopes);
  const catalog = await rows(conn, Q.catalog);
  const systems = await rows(conn, Q.systems);
  const apps = await rows(conn, Q.apps);
  const owners = await rows(conn, Q.owners);
  const findings = await rows(conn, Q.findings);
  const usage = await rows(conn, Q.usage, timeParams);
  const resources = await rows(conn, Q.resources, { ...timeParams, per_actor: RESOURCES_PER_ACTOR });

  const nodes = new Map<string, EntityNode>();
  const edges = new Map<string, GraphEdge>();
  const findingsOf = new Map(findings.map((f) => [String(f.entity_key), { n: int(f.n), rank: f.rank }]));
  const catalogOf = new Map(catalog.map((c) => [`${String(c.platform)}\u0000${String(c.scope)}`, c]));
  const systemOf = new Map(systems.map((s) => [String(s.system_key), s]));

  const add = (node: Omit<EntityNode, 'findings' | 'severity' | 'count' | 'group'>, entityKey?: string) => {
    const f = entityKey ? findingsOf.get(entityKey) : undefined;
    nodes.set(node.id, { ...node, findings: f?.n ?? 0, severity: f ? severityName(f.rank) : null, count: 1, group: false });
  };
  const link = (kind: GraphEdge['kind'], source: string, target: string, usage?: Row) => {
    const id = `${kind}|${source}|${target}`;
    const existing = edges.get(id);
    if (existing && !usage) return;
    edges.set(id, {
      id,
      kind,
      source,
      target,
      count: usage ? int(usage.n) + (existing?.count ?? 0) : 1,
      rows: usage && usage.rows !== null ? int(usage.rows) + (existing?.rows ?? 0) : (existing?.rows ?? null),
      bytes: usage && usage.bytes !== null ? int(usage.bytes) + (existing?.bytes ?? 0) : (existing?.bytes ?? null),
      first: minIso(existing?.first ?? null, usage ? isoFromMs(usage.first_ms) : null),
      last: maxIso(existing?.last ?? null, usage ? isoFromMs(usage.last_ms) : null),
    });
  };
  const addSystem = (key: string) => {
    const id = nodeId.system(key);
    if (nodes.has(id)) return id;
    const s = systemOf.get(key);
    const platform = s ? String(s.platform) : (key.split(':')[0] ?? key);
    add({ id, kind: 'system', label: s ? String(s.name) : key, platform, risk: null, detail: detail({ key }), facets: { platform, systemKey: key } });
    return id;
  };
  const addScope = (platform: string, scope: string) => {
    const id = nodeId.scope(platform, scope);
    if (!nodes.has(id)) {
      const c = catalogOf.get(`${platform}\u0000${scope}`);
      const risk = c ? (String(c.risk_tier) as EntityNode['risk']) : null;
      const systemKey = c ? String(c.system_key) : null;
      add({ id, kind: 'scope', label: scope, platform, risk, detail: detail({ key: scope, risk: risk ?? 'not in catalogue', system: systemKey, description: c?.description }), facets: { platform, risk, systemKey } });
      if (systemKey) link('reaches', id, addSystem(systemKey));
    }
    return id;
  };

  for (const a of apps) {
    const key = String(a.app_key);
    const platform = String(a.platform);
    add(
      {
        id: nodeId.app(key),
        kind: 'app',
        label: text(a.name) ?? key,
        platform,
        risk: riskName(a.risk_rank),
        detail: detail({ key, publisher: a.publisher, verified: a.verified, 'third party': a.third_party }),
        facets: { platform, appKey: key },
      },
      key,
    );
  }
  for (const o of owners) {
    const key = String(o.principal_key);
    add(
      {
        id: nodeId.owner(key),
        kind: 'owner',
        label: text(o.display_name) ?? text(o.email) ?? key,
        platform: null,
        risk: null,
        detail: detail({ key, kind: o.kind, email: o.email, 'HR status': o.hr_status }),
        facets: { platform: 'identity', type: String(o.kind) },
      },
      key,
    );
  }
  for (const c of credentials) {
    const key = String(c.credential_key);
    const platform = String(c.platform);
    const id = nodeId.credential(key);
    const appKey = text(c.app_key);
    add(
      {
        id,
        kind: 'credential',
        label: text(c.display_name) ?? key,
        platform,
        risk: riskName(c.risk_rank),
        detail: detail({ key, type: c.credential_type, status: c.status, owner: c.owner_key, app: appKey, inventory: c.in_inventory ? 'yes' : 'no (seen only in logs)' }),
        facets: { platform, type: String(c.credential_type), appKey },
      },
      key,
    );
    if (c.owner_key && nodes.has(nodeId.owner(String(c.owner_key)))) link('owns', nodeId.owner(String(c.owner_key)), id);
    if (appKey && nodes.has(nodeId.app(appKey))) link('issued_to', id, nodeId.app(appKey));
  }
  for (const s of credentialScopes) {
    const id = nodeId.credential(String(s.credential_key));
    if (nodes.has(id)) link('granted', id, addScope(String(s.platform), String(s.scope)));
  }
  for (const g of grantScopes) {
    const from = g.credential_key && nodes.has(nodeId.credential(String(g.credential_key))) ? nodeId.credential(String(g.credential_key)) : g.app_key ? nodeId.app(String(g.app_key)) : null;
    if (from && nodes.has(from)) link('granted', from, addScope(String(g.platform), String(g.scope)));
  }
  const actorOf = (r: Row): string | null => {
    const cred = r.credential_key ? nodeId.credential(String(r.credential_key)) : null;
    if (cred && nodes.has(cred)) return cred;
    const app = r.app_key ? nodeId.app(String(r.app_key)) : null;
    return app && nodes.has(app) ? app : null;
  };
  for (const u of usage) {
    const actor = actorOf(u);
    if (actor) link('used', actor, addSystem(String(u.system_key)), u);
  }
  for (const r of resources) {
    const actor = actorOf(r);
    if (!actor) continue;
    const systemKey = String(r.system_key);
    const resource = String(r.resource);
    const id = nodeId.resource(systemKey, resource);
    if (!nodes.has(id)) {
      const platform = systemOf.get(systemKey) ? String(systemOf.get(systemKey)!.platform) : (systemKey.split(':')[0] ?? systemKey);
      add({ id, kind: 'resource', label: resource, platform, risk: null, detail: detail({ key: resource, system: systemKey }), facets: { platform, systemKey } });
      link('part_of', id, addSystem(systemKey));
    }
    link('used', actor, id, r);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function minIso(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}
function maxIso(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a > b ? a : b;
}
