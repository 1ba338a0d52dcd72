WITH apps_by_name AS (
  -- directory audits often name the consented app only by display name: resolve unambiguous names
  SELECT platform, name, any_value(app_key) AS app_key FROM apps WHERE name IS NOT NULL GROUP BY platform, name HAVING count(*) = 1
),
consents AS (
  SELECT coalesce(e.app_key, n.app_key) AS app_key, coalesce(e.principal_key, e.actor_id) AS who, e.event_time,
         epoch(e.event_time) AS ts, e.event_id
  FROM events e
  LEFT JOIN apps_by_name n ON e.app_key IS NULL AND n.platform = e.platform AND n.name = e.app_name
  WHERE coalesce(e.app_key, n.app_key) IS NOT NULL AND e.outcome <> 'failure' AND (e.category = 'consent' OR e.action LIKE 'consent.%')
    AND e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ
  UNION ALL
  -- grants with no matching consent event (inventory-only exports)
  SELECT g.app_key, g.principal_key, g.granted_at, epoch(g.granted_at), NULL
  FROM grants g
  WHERE g.app_key IS NOT NULL AND g.principal_key IS NOT NULL
    AND g.granted_at >= $analysis_start::TIMESTAMPTZ AND g.granted_at <= $as_of::TIMESTAMPTZ
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.app_key = g.app_key AND e.principal_key = g.principal_key
                    AND (e.category = 'consent' OR e.action LIKE 'consent.%'))
),
slotted AS (
  -- two slot grids, offset by half a slot, so a burst across a slot boundary is still seen whole
  SELECT *, 'a' || CAST(floor(ts / ($window_minutes * 60)) AS BIGINT) AS slot FROM consents
  UNION ALL
  SELECT *, 'b' || CAST(floor((ts + $window_minutes * 30) / ($window_minutes * 60)) AS BIGINT) FROM consents
),
bursts AS (
  SELECT app_key, slot, count(DISTINCT who) AS principals, min(event_time) AS first_seen, max(event_time) AS last_seen,
         list(event_id) FILTER (WHERE event_id IS NOT NULL) AS ids, list(DISTINCT who) AS whos
  FROM slotted
  WHERE who IS NOT NULL
  GROUP BY app_key, slot
  HAVING count(DISTINCT who) >= $min_consents
)
SELECT
  app_key AS entity_key,
  'app' AS entity_type,
  min(first_seen) AS first_seen,
  max(last_seen) AS last_seen,
  len(list_distinct(flatten(list(whos)))) AS event_count,
  NULL AS severity,
  format('{} principals consented within {} min', max(principals), $window_minutes) AS summary,
  to_json({'features': [
    {'feature': 'consents_per_slot', 'baseline': $min_consents, 'observed': max(principals),
     'unusual': format('{} distinct principals in {} min', max(principals), $window_minutes)}
  ]}) AS explanation,
  list_distinct(flatten(list(ids))) AS event_ids
FROM bursts
GROUP BY app_key
