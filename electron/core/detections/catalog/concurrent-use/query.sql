WITH moving AS (
  -- only entities seen from more than one place in the window can alternate between places
  SELECT entity_key, coalesce(principal_key, actor_id, '') AS caller
  FROM detection_events
  WHERE entity_type = 'credential'
    AND event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ AND outcome <> 'failure'
  GROUP BY entity_key, coalesce(principal_key, actor_id, '')
  HAVING count(DISTINCT country) > 1 OR count(DISTINCT asn) > 1
),
placed AS (
  SELECT entity_key, entity_type, coalesce(principal_key, actor_id, '') AS caller, event_id, event_time, ts, lat, lon, country,
         coalesce(country, '?') || '/AS' || coalesce(CAST(asn AS VARCHAR), '?') AS place,
         CAST(floor(ts / ($window_minutes * 60)) AS BIGINT) AS slot
  FROM detection_events e
  SEMI JOIN moving m ON m.entity_key = e.entity_key AND m.caller = coalesce(e.principal_key, e.actor_id, '')
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ
    AND outcome <> 'failure' AND (country IS NOT NULL OR asn IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM allowlist_networks a WHERE det_network_matches(e.ip, e.asn, a.entry))
),
switched AS (
  SELECT *, CASE WHEN lag(place) OVER (PARTITION BY entity_key, caller, slot ORDER BY ts, event_id) <> place THEN 1 ELSE 0 END AS switch
  FROM placed
),
slots AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, slot, min(event_time) AS first_seen, max(event_time) AS last_seen,
         count(*) AS n, sum(switch) AS switches, list(DISTINCT place) AS places, count(DISTINCT country) AS countries,
         min(lat) AS lat0, min(lon) AS lon0, max(lat) AS lat1, max(lon) AS lon1,
         list(event_id) AS ids
  FROM switched
  GROUP BY entity_key, caller, slot
  HAVING count(DISTINCT place) >= 2 AND sum(switch) >= $min_switches
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(first_seen) AS first_seen,
  max(last_seen) AS last_seen,
  sum(n) AS event_count,
  NULL AS severity,
  format('Used from {} places at once in {} slot(s) of {} min ({} switches)', max(len(places)), count(*), $window_minutes, sum(switches)) AS summary,
  to_json({'features': [
    {'feature': 'places_per_slot', 'baseline': 1, 'observed': max(len(places)), 'unusual': array_to_string(flatten(list(places)), ', ')},
    {'feature': 'switches_per_slot', 'baseline': 0, 'observed': max(switches), 'unusual': 'calls alternate between places'}
  ]}) AS explanation,
  flatten(list(ids)) AS event_ids
FROM slots
WHERE countries >= 2 OR det_km(lat0, lon0, lat1, lon1) >= $min_distance_km
GROUP BY entity_key
