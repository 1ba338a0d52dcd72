WITH ev AS (
  SELECT entity_key, entity_type, event_id, event_time, ip, asn, user_agent, app_key, app_ref
  FROM detection_events
  WHERE event_time <= $as_of::TIMESTAMPTZ
),
matches AS (
  SELECT e.*, i.type, i.value, i.incident, i.pack_id
  FROM ev e JOIN ioc_indicators i ON i.type = 'ip' AND e.ip = i.value
  UNION ALL
  SELECT e.*, i.type, i.value, i.incident, i.pack_id
  FROM ev e JOIN ioc_indicators i ON i.type = 'user_agent' AND lower(trim(e.user_agent)) = lower(trim(i.value))
  UNION ALL
  SELECT e.*, i.type, i.value, i.incident, i.pack_id
  FROM ev e JOIN ioc_indicators i ON i.type IN ('cidr', 'asn') AND det_network_matches(e.ip, e.asn, CASE WHEN i.type = 'asn' AND NOT starts_with(upper(i.value), 'AS') THEN 'AS' || i.value ELSE i.value END)
  WHERE e.ip IS NOT NULL OR e.asn IS NOT NULL
  UNION ALL
  SELECT e.*, i.type, i.value, i.incident, i.pack_id
  FROM ev e JOIN ioc_indicators i ON i.type IN ('github_oauth_app_id', 'app_id') AND e.app_ref = i.value
  UNION ALL
  SELECT e.*, i.type, i.value, i.incident, i.pack_id
  FROM ev e
  JOIN app_ids a ON a.app_key = e.app_key
  JOIN ioc_indicators i ON i.type IN ('github_oauth_app_id', 'app_id') AND a.id_value = i.value
  WHERE e.app_ref IS DISTINCT FROM i.value
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
