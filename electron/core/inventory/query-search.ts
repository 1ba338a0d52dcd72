import type { DuckDBConnection } from '@duckdb/node-api';
import type { SearchHit } from '../../../shared/contract/methods/search';

/**
 * Global search: one case-insensitive substring over every identifier and name, plus IPs (prefix)
 * and user agents (substring) from events. Each kind is capped so a common word cannot flood it.
 */
export async function globalSearch(conn: DuckDBConnection, q: string, limit: number): Promise<SearchHit[]> {
  const needle = q.toLowerCase();
  const read = async (sql: string) => (await conn.runAndReadAll(sql, { q: needle, limit })).getRowObjectsJS();
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const hits: SearchHit[] = [];

  const creds = await read(
    `SELECT c.credential_key, c.display_name, c.platform, c.credential_type, any_value(i.id_value) FILTER (WHERE contains(lower(i.id_value), $q)) AS matched
     FROM credentials c LEFT JOIN credential_ids i ON i.credential_key = c.credential_key
     WHERE contains(lower(c.credential_key), $q) OR contains(lower(coalesce(c.display_name, '')), $q) OR contains(lower(coalesce(i.id_value, '')), $q)
     GROUP BY ALL ORDER BY c.credential_key LIMIT $limit`,
  );
  for (const r of creds) {
    hits.push({
      kind: 'credential',
      value: text(r.matched) || text(r.credential_key),
      label: text(r.display_name) || text(r.credential_key),
      detail: `${text(r.platform)} ${text(r.credential_type)} · ${text(r.credential_key)}`,
      credential: text(r.credential_key),
      entity: text(r.credential_key),
    });
  }
  const apps = await read(
    `SELECT a.app_key, a.name, a.platform, a.publisher FROM apps a LEFT JOIN app_ids i ON i.app_key = a.app_key
     WHERE contains(lower(a.app_key), $q) OR contains(lower(coalesce(a.name, '')), $q) OR contains(lower(coalesce(i.id_value, '')), $q)
     GROUP BY ALL ORDER BY a.app_key LIMIT $limit`,
  );
  for (const r of apps) {
    hits.push({ kind: 'app', value: text(r.app_key), label: text(r.name) || text(r.app_key), detail: `${text(r.platform)} app · ${text(r.publisher) || 'publisher unknown'}`, credential: null, entity: text(r.app_key) });
  }
  const people = await read(
    `SELECT p.principal_key, p.display_name, p.email, p.kind FROM principals p LEFT JOIN principal_ids i ON i.principal_key = p.principal_key
     WHERE contains(lower(p.principal_key), $q) OR contains(lower(coalesce(p.display_name, '')), $q) OR contains(lower(coalesce(i.id_value, '')), $q)
     GROUP BY ALL ORDER BY p.principal_key LIMIT $limit`,
  );
  for (const r of people) {
    hits.push({ kind: 'principal', value: text(r.principal_key), label: text(r.display_name) || text(r.email) || text(r.principal_key), detail: text(r.kind), credential: null, entity: text(r.principal_key) });
  }
  const ips = await read(
    `SELECT ip, count(*) AS n, any_value(as_org) AS as_org, any_value(country) AS country, any_value(credential_key) AS credential_key
     FROM events WHERE ip IS NOT NULL AND starts_with(lower(ip), $q) GROUP BY ip ORDER BY n DESC, ip LIMIT $limit`,
  );
  for (const r of ips) {
    hits.push({ kind: 'ip', value: text(r.ip), label: text(r.ip), detail: `${Number(r.n)} events · ${text(r.as_org) || 'AS unknown'} ${text(r.country)}`.trim(), credential: r.credential_key === null ? null : text(r.credential_key), entity: null });
  }
  const agents = await read(
    `SELECT user_agent, count(*) AS n, any_value(credential_key) AS credential_key FROM events
     WHERE user_agent IS NOT NULL AND contains(lower(user_agent), $q) GROUP BY user_agent ORDER BY n DESC, user_agent LIMIT $limit`,
  );
  for (const r of agents) {
    hits.push({ kind: 'user_agent', value: text(r.user_agent), label: text(r.user_agent), detail: `${Number(r.n)} events`, credential: r.credential_key === null ? null : text(r.credential_key), entity: null });
  }
  return hits;
}
