WITH granted AS (
  SELECT entity_key, list(scope ORDER BY scope) AS scopes
  FROM baseline_scopes WHERE granted
  GROUP BY entity_key
),
signals AS (
  -- requested beyond granted
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, 'requested_beyond_granted' AS signal,
         list_filter(e.scopes_requested, s -> NOT list_contains(g.scopes, s)) AS extra
  FROM detection_events e
  JOIN granted g ON g.entity_key = e.entity_key
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ
    AND e.scopes_requested IS NOT NULL
    AND len(list_filter(e.scopes_requested, s -> NOT list_contains(g.scopes, s))) > 0
  UNION ALL
  -- scopes carried by a re-authorisation or call beyond what the inventory/register grants
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, 'scopes_beyond_granted',
         list_filter(e.scopes, s -> NOT list_contains(g.scopes, s))
  FROM detection_events e
  JOIN granted g ON g.entity_key = e.entity_key
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ
    AND e.outcome <> 'failure' AND e.scopes IS NOT NULL
    AND len(list_filter(e.scopes, s -> NOT list_contains(g.scopes, s))) > 0
  UNION ALL
  -- insufficient-scope failures
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, 'insufficient_scope_failure', coalesce(e.scopes_requested, [])
  FROM detection_events e
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ
    AND e.outcome = 'failure' AND regexp_matches(coalesce(e.failure_reason, ''), $failure_pattern)
  UNION ALL
  -- a consent in the window that widens an earlier grant of the same app
  SELECT coalesce(g.credential_key, g.app_key), CASE WHEN g.credential_key IS NOT NULL THEN 'credential' ELSE 'app' END,
         NULL, g.granted_at, 'consent_widened',
         list_filter(g.scopes_granted, s -> NOT list_contains(p.prior, s))
  FROM grants g
  JOIN (
    SELECT g2.app_key, g1.grant_key, flatten(list(g2.scopes_granted)) AS prior
    FROM grants g1 JOIN grants g2 ON g2.app_key = g1.app_key AND g2.granted_at < g1.granted_at
    GROUP BY g2.app_key, g1.grant_key
  ) p ON p.grant_key = g.grant_key
  WHERE g.granted_at >= $analysis_start::TIMESTAMPTZ AND g.granted_at <= $as_of::TIMESTAMPTZ
    AND len(list_filter(g.scopes_granted, s -> NOT list_contains(p.prior, s))) > 0
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen,
  count(*) AS event_count,
  NULL AS severity,
  format('{} escalation signal(s): {}', count(*), array_to_string(list(DISTINCT signal ORDER BY signal), ', ')) AS summary,
  to_json({'features': [
    {'feature': 'scopes', 'baseline': (SELECT any_value(g.scopes) FROM granted g WHERE g.entity_key = s.entity_key),
     'observed': list_sort(list_distinct(flatten(list(extra)))), 'unusual': array_to_string(list(DISTINCT signal ORDER BY signal), ', ')}
  ]}) AS explanation,
  list(event_id) FILTER (WHERE event_id IS NOT NULL) AS event_ids
FROM signals s
GROUP BY entity_key
HAVING count(*) >= $min_events
