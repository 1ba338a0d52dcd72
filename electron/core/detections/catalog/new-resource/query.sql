WITH win AS (
  SELECT entity_key, entity_type, event_id, event_time, category, system_key, resource
  FROM detection_events
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ AND outcome <> 'failure'
),
touched AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, 'system' AS feature, system_key AS value,
         min(event_time) AS first_seen, max(event_time) AS last_seen, count(*) AS n, bool_or(category = 'data') AS export
  FROM win WHERE system_key IS NOT NULL
  GROUP BY entity_key, system_key
  UNION ALL
  SELECT entity_key, any_value(entity_type), 'resource', resource,
         min(event_time), max(event_time), count(*), bool_or(category = 'data')
  FROM win WHERE resource IS NOT NULL
  GROUP BY entity_key, resource
),
novel AS (
  SELECT t.*, b.machine_paced
  FROM touched t
  JOIN baseline_entities b ON b.entity_key = t.entity_key AND b.mature
  ANTI JOIN baseline_resources r ON r.entity_key = t.entity_key AND r.feature = t.feature AND r.value = t.value
  -- only features the entity had in training: no system recorded then means nothing to compare with
  SEMI JOIN (SELECT DISTINCT entity_key, feature FROM baseline_resources) f ON f.entity_key = t.entity_key AND f.feature = t.feature
),
per_entity AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, any_value(machine_paced) AS machine_paced,
         count(*) FILTER (WHERE feature = 'system') AS new_systems,
         count(*) FILTER (WHERE feature = 'resource') AS new_resources,
         count(*) FILTER (WHERE feature = 'resource' AND export) AS new_exports,
         min(first_seen) AS first_seen, max(last_seen) AS last_seen,
         list(feature || ':' || value ORDER BY feature, value) AS observed
  FROM novel
  GROUP BY entity_key
),
novel_events AS (
  -- the events behind the novel values, fetched only for them
  SELECT w.entity_key, count(DISTINCT w.event_id) AS n, min_by(w.event_id, w.event_time, 100) AS ids
  FROM win w
  JOIN novel n ON n.entity_key = w.entity_key
   AND ((n.feature = 'system' AND n.value = w.system_key) OR (n.feature = 'resource' AND n.value = w.resource))
  GROUP BY w.entity_key
)
SELECT
  p.entity_key,
  p.entity_type,
  p.first_seen,
  p.last_seen,
  ne.n AS event_count,
  CASE WHEN p.new_systems > 0 AND p.new_resources >= $min_new_resources THEN 'high' ELSE NULL END AS severity,
  format('{} new system(s), {} new object(s)/API(s) never touched in training', p.new_systems, p.new_resources) AS summary,
  to_json({'features': [
    {'feature': 'resources', 'baseline': (SELECT list(r.feature || ':' || r.value ORDER BY r.events DESC)[1:15] FROM baseline_resources r
                                          WHERE r.entity_key = p.entity_key AND r.feature IN ('system', 'resource')),
     'observed': p.observed[1:25], 'unusual': format('{} new', len(p.observed))}
  ]}) AS explanation,
  ne.ids AS event_ids
FROM per_entity p
JOIN novel_events ne ON ne.entity_key = p.entity_key
WHERE p.new_systems > 0
   OR (p.machine_paced AND p.new_resources >= $min_new_resources)
   OR p.new_exports >= $min_new_resources
