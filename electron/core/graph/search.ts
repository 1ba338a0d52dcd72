import type { DuckDBConnection } from '@duckdb/node-api';
import type { GraphNode } from '../../../shared/contract/methods/graph';
import { nodeId } from './load-graph';

export interface SearchMatch {
  id: string;
  kind: GraphNode['kind'];
  label: string;
  platform: string | null;
}

/**
 * Exact key or identifier matches first, then names containing the text (case-insensitive).
 * The text is bound, and LIKE wildcards in it are escaped so "%" finds a literal percent sign.
 */
const SEARCH = `
  WITH hits AS (
    SELECT 'credential' AS kind, c.credential_key AS key, coalesce(c.display_name, c.credential_key) AS label, c.platform,
           CASE WHEN c.credential_key = $q OR EXISTS (SELECT 1 FROM credential_ids i WHERE i.credential_key = c.credential_key AND i.id_value IN ($q, $alt)) THEN 0 ELSE 1 END AS rank
    FROM credentials c
    WHERE c.credential_key = $q OR lower(c.display_name) LIKE $pattern ESCAPE '\\' OR lower(c.credential_key) LIKE $pattern ESCAPE '\\'
       OR c.credential_key IN (SELECT credential_key FROM credential_ids WHERE id_value IN ($q, $alt))
    UNION ALL
    SELECT 'app', a.app_key, coalesce(a.name, a.app_key), a.platform,
           CASE WHEN a.app_key = $q OR EXISTS (SELECT 1 FROM app_ids i WHERE i.app_key = a.app_key AND i.id_value IN ($q, $alt)) THEN 0 ELSE 1 END
    FROM apps a
    WHERE a.app_key = $q OR lower(a.name) LIKE $pattern ESCAPE '\\' OR lower(a.app_key) LIKE $pattern ESCAPE '\\'
       OR a.app_key IN (SELECT app_key FROM app_ids WHERE id_value IN ($q, $alt))
    UNION ALL
    SELECT 'owner', p.principal_key, coalesce(p.display_name, p.email, p.principal_key), NULL,
           CASE WHEN p.principal_key = $q OR lower(p.email) = lower($q) THEN 0 ELSE 1 END
    FROM principals p
    WHERE p.principal_key IN (SELECT owner_key FROM credentials)
      AND (p.principal_key = $q OR lower(p.email) LIKE $pattern ESCAPE '\\' OR lower(p.display_name) LIKE $pattern ESCAPE '\\'
           OR p.principal_key IN (SELECT principal_key FROM principal_ids WHERE id_value IN ($q, $alt)))
    UNION ALL
    SELECT 'system', s.system_key, s.name, s.platform, CASE WHEN s.system_key = $q THEN 0 ELSE 1 END
    FROM systems s WHERE s.system_key = $q OR lower(s.name) LIKE $pattern ESCAPE '\\' OR lower(s.system_key) LIKE $pattern ESCAPE '\\'
  )
  SELECT kind, key, label, platform FROM hits ORDER BY rank, length(label), label, key LIMIT $limit`;

export async function searchGraph(conn: DuckDBConnection, query: string, limit: number): Promise<SearchMatch[]> {
  const q = query.trim();
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // A Salesforce 18-character id also matches the 15-character form stored by other exports.
  const alt = /^[a-zA-Z0-9]{18}$/.test(q) ? q.slice(0, 15) : q;
  const rows = (await conn.runAndReadAll(SEARCH, { q, alt, pattern, limit })).getRowObjectsJS();
  return rows.map((r) => {
    const kind = String(r.kind) as SearchMatch['kind'];
    const key = String(r.key);
    const id = kind === 'credential' ? nodeId.credential(key) : kind === 'app' ? nodeId.app(key) : kind === 'owner' ? nodeId.owner(key) : nodeId.system(key);
    return { id, kind, label: String(r.label), platform: r.platform === null ? null : String(r.platform) };
  });
}
