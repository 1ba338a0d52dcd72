WITH inventoried_platforms AS (
  SELECT DISTINCT platform FROM credentials WHERE in_inventory
),
shadow AS (
  SELECT credential_key, platform FROM credentials
  WHERE NOT in_inventory AND platform IN (SELECT platform FROM inventoried_platforms)
),
used AS (
  SELECT e.entity_key, count(*) AS n, min(e.event_time) AS first_seen, max(e.event_time) AS last_seen,
         list(e.event_id ORDER BY e.event_time, e.event_id)[1:50] AS ids, list(DISTINCT e.credential_ref_kind) AS ref_kinds
  FROM detection_events e
  SEMI JOIN shadow s ON s.credential_key = e.entity_key
  WHERE e.event_time <= $as_of::TIMESTAMPTZ AND e.outcome = 'success'
  GROUP BY e.entity_key
)
SELECT
  entity_key,
  'credential' AS entity_type,
  first_seen,
  last_seen,
  n AS event_count,
  NULL AS severity,
  format('{} successful use(s) of a credential no inventory lists', n) AS summary,
  to_json({'features': [
    {'feature': 'in_inventory', 'baseline': true, 'observed': false,
     'unusual': 'seen only in logs (' || array_to_string(list_filter(ref_kinds, x -> x IS NOT NULL), ', ') || ')'}
  ]}) AS explanation,
  ids AS event_ids
FROM used
WHERE n >= $min_events
