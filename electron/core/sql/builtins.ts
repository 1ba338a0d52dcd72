/** Built-in hunting queries: starting points an analyst edits, all over the documented tables and views. */
export interface BuiltinQuery {
  id: string;
  title: string;
  description: string;
  sql: string;
}

export const builtinQueries: BuiltinQuery[] = [
  {
    id: 'new-asn',
    title: 'Tokens used from ASNs they never used before',
    description: 'For each credential, networks (ASN) first seen in the last 7 days of evidence that were not seen before.',
    sql: `WITH latest AS (SELECT max(event_time) AS t FROM events),
first_use AS (
  SELECT credential_key, asn, any_value(as_org) AS as_org, min(event_time) AS first_seen, count(*) AS events
  FROM events WHERE credential_key IS NOT NULL AND asn IS NOT NULL
  GROUP BY credential_key, asn
)
SELECT f.credential_key, f.asn, f.as_org, f.first_seen, f.events
FROM first_use f, latest
WHERE f.first_seen >= latest.t - INTERVAL 7 DAY
  AND EXISTS (SELECT 1 FROM first_use o WHERE o.credential_key = f.credential_key AND o.first_seen < f.first_seen)
ORDER BY f.first_seen DESC`,
  },
  {
    id: 'third-party-bulk-reads',
    title: 'Bulk reads by third-party apps',
    description: 'Apps marked third-party with the most rows or bytes read per day.',
    sql: `SELECT a.name AS app, e.app_key, date_trunc('day', e.event_time) AS day, count(*) AS calls,
       sum(coalesce(e.rows, 0)) AS rows_read, sum(coalesce(e.bytes, 0)) AS bytes_read
FROM events e JOIN apps a ON a.app_key = e.app_key
WHERE a.third_party AND e.category IN ('api', 'data')
GROUP BY ALL
ORDER BY rows_read DESC, bytes_read DESC
LIMIT 100`,
  },
  {
    id: 'shadow-credentials',
    title: 'Credentials seen in logs but in no inventory',
    description: 'Shadow credentials: events reference them, no export lists them.',
    sql: `SELECT credential_key, platform, credential_type, event_count, first_event_at, last_event_at
FROM v_credentials
WHERE NOT in_inventory
ORDER BY event_count DESC`,
  },
  {
    id: 'terminated-owner-activity',
    title: 'Activity on credentials of departed owners',
    description: 'Events after the owner’s HR end date.',
    sql: `SELECT c.credential_key, c.owner_email, c.owner_end_date, count(*) AS events_after_end, max(e.event_time) AS last_event
FROM v_credentials c JOIN events e ON e.credential_key = c.credential_key
WHERE c.owner_hr_status = 'terminated' AND e.event_time > c.owner_end_date
GROUP BY ALL
ORDER BY events_after_end DESC`,
  },
  {
    id: 'rare-user-agents',
    title: 'Rare user agents',
    description: 'User agents seen on fewer than 5 events across the case, with the credentials that used them.',
    sql: `SELECT user_agent, count(*) AS events, count(DISTINCT credential_key) AS credentials, min(event_time) AS first_seen
FROM events WHERE user_agent IS NOT NULL
GROUP BY user_agent HAVING count(*) < 5
ORDER BY first_seen DESC
LIMIT 200`,
  },
];
