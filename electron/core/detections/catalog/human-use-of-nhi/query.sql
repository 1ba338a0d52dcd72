WITH nhi AS (
  SELECT c.credential_key AS entity_key
  FROM credentials c
  LEFT JOIN principals p ON p.principal_key = c.owner_key
  WHERE c.credential_type IN ('api_token', 'access_key', 'service_account_key', 'client_secret', 'certificate', 'bot_token', 'connected_app_token')
     OR p.kind IN ('service_account', 'bot', 'app')
  UNION
  SELECT entity_key FROM baseline_entities WHERE machine_paced
  UNION
  SELECT principal_key FROM principals WHERE kind IN ('service_account', 'bot')
),
browser_before AS (
  SELECT DISTINCT entity_key FROM baseline_user_agents WHERE regexp_matches(example, $human_client_pattern)
),
hits AS (
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, e.user_agent, e.action
  FROM detection_events e
  SEMI JOIN nhi n ON n.entity_key = e.entity_key
  ANTI JOIN browser_before b ON b.entity_key = e.entity_key
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ
    -- the credential authenticating a call; managing it (install, upgrade, consent) is not using it
    AND e.category IN ('api', 'data', 'auth')
    AND e.outcome <> 'failure' AND e.user_agent IS NOT NULL AND regexp_matches(e.user_agent, $human_client_pattern)
    AND NOT EXISTS (SELECT 1 FROM allowlist_user_agents a WHERE e.user_agent ILIKE a.pattern)
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen,
  count(*) AS event_count,
  NULL AS severity,
  format('{} use(s) from a person''s client ({})', count(*), min(user_agent)) AS summary,
  to_json({'features': [
    {'feature': 'client', 'baseline': (SELECT list(u.example ORDER BY u.events DESC)[1:5] FROM baseline_user_agents u WHERE u.entity_key = h.entity_key),
     'observed': list(DISTINCT user_agent)[1:5], 'unusual': 'browser or desktop client on a non-human credential'}
  ]}) AS explanation,
  list(event_id) AS event_ids
FROM hits h
GROUP BY entity_key
HAVING count(*) >= $min_events
