WITH moving AS (
  -- only (credential, caller) pairs seen at more than one place in the window can jump
  SELECT entity_key, coalesce(principal_key, actor_id, '') AS caller
  FROM detection_events
  WHERE entity_type = 'credential'
    AND event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ
    AND lat IS NOT NULL AND lon IS NOT NULL AND outcome <> 'failure'
  GROUP BY entity_key, coalesce(principal_key, actor_id, '')
  HAVING count(DISTINCT round(lat, 1)) > 1 OR count(DISTINCT round(lon, 1)) > 1
),
located AS (
  SELECT entity_key, entity_type, coalesce(principal_key, actor_id, '') AS caller, event_id, event_time, ts, lat, lon, country, ip
  FROM detection_events e
  SEMI JOIN moving m ON m.entity_key = e.entity_key AND m.caller = coalesce(e.principal_key, e.actor_id, '')
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ
    AND lat IS NOT NULL AND lon IS NOT NULL AND outcome <> 'failure'
    AND NOT EXISTS (SELECT 1 FROM allowlist_networks a WHERE det_network_matches(e.ip, e.asn, a.entry))
),
paired AS (
  SELECT *,
         lag(ts) OVER w AS prev_ts, lag(lat) OVER w AS prev_lat, lag(lon) OVER w AS prev_lon,
         lag(country) OVER w AS prev_country, lag(event_id) OVER w AS prev_id, lag(event_time) OVER w AS prev_time
  FROM located
  -- one credential held by several people (a delegated grant keyed by client id) travels per person
  WINDOW w AS (PARTITION BY entity_key, caller ORDER BY ts, event_id)
),
jumps AS (
  SELECT *, det_km(prev_lat, prev_lon, lat, lon) AS km, greatest(ts - prev_ts, 1) AS secs
  FROM paired
  WHERE prev_ts IS NOT NULL
),
fast AS (
  SELECT *, km / (secs / 3600.0) AS kmh
  FROM jumps
  WHERE km >= $min_distance_km AND km / (secs / 3600.0) > $max_speed_kmh
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(prev_time) AS first_seen,
  max(event_time) AS last_seen,
  len(list_distinct(flatten(list([prev_id, event_id])))) AS event_count,
  NULL AS severity,
  format('{} impossible jump(s), fastest {} km in {} min ({} -> {})', count(*), CAST(round(arg_max(km, kmh)) AS BIGINT),
         CAST(round(arg_max(secs, kmh) / 60.0) AS BIGINT), arg_max(coalesce(prev_country, '?'), kmh), arg_max(coalesce(country, '?'), kmh)) AS summary,
  to_json({'features': [
    {'feature': 'travel_speed_kmh', 'baseline': $max_speed_kmh, 'observed': round(max(kmh)),
     'unusual': format('{} km in {} s', CAST(round(arg_max(km, kmh)) AS BIGINT), CAST(arg_max(secs, kmh) AS BIGINT))},
    {'feature': 'countries', 'baseline': NULL, 'observed': round(count(DISTINCT country)), 'unusual': array_to_string(list(DISTINCT prev_country || '->' || country), ', ')}
  ]}) AS explanation,
  list_distinct(flatten(list([prev_id, event_id]))) AS event_ids
FROM fast
GROUP BY entity_key
