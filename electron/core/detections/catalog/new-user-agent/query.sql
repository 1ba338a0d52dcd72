WITH by_agent AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, user_agent,
         min(event_time) AS first_seen, max(event_time) AS last_seen, count(*) AS n
  FROM detection_events e
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ
    AND user_agent IS NOT NULL AND trim(user_agent) <> '' AND outcome <> 'failure'
  GROUP BY entity_key, user_agent
),
win AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, det_ua_family(user_agent) AS family, min(user_agent) AS example,
         min(first_seen) AS first_seen, max(last_seen) AS last_seen, sum(n) AS n, list(user_agent) AS agents
  FROM by_agent a
  WHERE NOT EXISTS (SELECT 1 FROM allowlist_user_agents al WHERE a.user_agent ILIKE al.pattern)
  GROUP BY entity_key, det_ua_family(user_agent)
),
novel AS (
  SELECT w.*
  FROM win w
  JOIN baseline_entities b ON b.entity_key = w.entity_key AND b.mature
  ANTI JOIN baseline_user_agents u ON u.entity_key = w.entity_key AND u.ua_family = w.family
  -- entities that never sent a user agent in training have no client profile to compare with
  SEMI JOIN (SELECT DISTINCT entity_key FROM baseline_user_agents) k ON k.entity_key = w.entity_key
),
novel_ids AS (
  SELECT e.entity_key, min_by(e.event_id, e.event_time, 100) AS ids
  FROM detection_events e
  JOIN (SELECT DISTINCT entity_key, UNNEST(agents) AS user_agent FROM novel) n ON n.entity_key = e.entity_key AND n.user_agent = e.user_agent
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ AND e.outcome <> 'failure'
  GROUP BY e.entity_key
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(first_seen) AS first_seen,
  max(last_seen) AS last_seen,
  sum(n) AS event_count,
  NULL AS severity,
  format('New client(s): {}', array_to_string(list(example ORDER BY example), ' | ')) AS summary,
  to_json({'features': [
    {'feature': 'user_agent', 'baseline': (SELECT list(u.example ORDER BY u.events DESC)[1:10] FROM baseline_user_agents u WHERE u.entity_key = n.entity_key),
     'observed': list(example ORDER BY example), 'unusual': 'client family never seen in training'}
  ]}) AS explanation,
  (SELECT any_value(i.ids) FROM novel_ids i WHERE i.entity_key = n.entity_key) AS event_ids
FROM novel n
GROUP BY entity_key
HAVING sum(n) >= $min_new_events
