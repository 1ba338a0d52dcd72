-- Each indicator type is its own join straight on the events (no shared event CTE: a CTE used
-- five times would be materialised at full event size).
WITH ips AS (SELECT * FROM ioc_indicators WHERE type = 'ip'),
agents AS (SELECT *, lower(trim(value)) AS needle FROM ioc_indicators WHERE type = 'user_agent'),
ranges AS (
  SELECT *, CASE WHEN type = 'asn' AND NOT starts_with(upper(value), 'AS') THEN 'AS' || value ELSE value END AS entry
  FROM ioc_indicators WHERE type IN ('cidr', 'asn')
),
apps AS (SELECT * FROM ioc_indicators WHERE type IN ('github_oauth_app_id', 'app_id')),
matches AS (
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, i.type, i.value, i.incident, i.pack_id
  FROM detection_events e JOIN ips i ON e.ip = i.value
  WHERE e.event_time <= $as_of::TIMESTAMPTZ
  UNION ALL
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, i.type, i.value, i.incident, i.pack_id
  FROM detection_events e JOIN agents i ON lower(trim(e.user_agent)) = i.needle
  WHERE e.event_time <= $as_of::TIMESTAMPTZ
  UNION ALL
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, i.type, i.value, i.incident, i.pack_id
  FROM detection_events e JOIN ranges i ON det_network_matches(e.ip, e.asn, i.entry)
  WHERE e.event_time <= $as_of::TIMESTAMPTZ AND (e.ip IS NOT NULL OR e.asn IS NOT NULL)
  UNION ALL
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, i.type, i.value, i.incident, i.pack_id
  FROM detection_events e JOIN apps i ON e.app_ref = i.value
  WHERE e.event_time <= $as_of::TIMESTAMPTZ
  UNION ALL
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, i.type, i.value, i.incident, i.pack_id
  FROM detection_events e
  JOIN app_ids a ON a.app_key = e.app_key
  JOIN apps i ON a.id_value = i.value
  WHERE e.event_time <= $as_of::TIMESTAMPTZ AND e.app_ref IS DISTINCT FROM i.value
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen,
  count(DISTINCT event_id) AS event_count,
  CASE WHEN count(DISTINCT CASE WHEN type IN ('ip', 'cidr', 'asn') THEN 'net' WHEN type = 'user_agent' THEN 'ua' ELSE 'app' END) >= $critical_types
       THEN 'critical' ELSE NULL END AS severity,
  format('Matches {} indicator(s) from {}: {}', count(DISTINCT type || value), array_to_string(list(DISTINCT incident ORDER BY incident), ', '),
         array_to_string(list(DISTINCT type || '=' || value ORDER BY type || '=' || value)[1:5], ', ')) AS summary,
  to_json({'features': [
    {'feature': 'indicators', 'baseline': NULL, 'observed': list(DISTINCT type || '=' || value ORDER BY type || '=' || value),
     'unusual': 'published IOC (' || array_to_string(list(DISTINCT pack_id || '/' || incident ORDER BY pack_id || '/' || incident), ', ') || ')'}
  ]}) AS explanation,
  list(DISTINCT event_id) AS event_ids
FROM matches
GROUP BY entity_key
