WITH learned AS (
  SELECT entity_key, list(DISTINCT hour_of_week % 24 ORDER BY hour_of_week % 24) AS hours
  FROM baseline_hours
  GROUP BY entity_key
),
profile AS (
  SELECT b.entity_key, b.mature, l.hours, c.approved_hours_utc
  FROM baseline_entities b
  LEFT JOIN learned l ON l.entity_key = b.entity_key
  LEFT JOIN credentials c ON c.credential_key = b.entity_key
  UNION ALL
  -- declared hours also apply to credentials without any training history
  SELECT c.credential_key, false, NULL, c.approved_hours_utc
  FROM credentials c
  WHERE c.approved_hours_utc IS NOT NULL AND c.credential_key NOT IN (SELECT entity_key FROM baseline_entities)
),
off AS (
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, e.hour_utc, e.day_no, p.hours, p.approved_hours_utc,
         det_in_hours(e.hour_utc, p.approved_hours_utc) = false AS outside_declared
  FROM detection_events e
  JOIN profile p ON p.entity_key = e.entity_key
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ AND e.outcome <> 'failure'
    AND (det_in_hours(e.hour_utc, p.approved_hours_utc) = false
         OR (p.approved_hours_utc IS NULL AND p.mature AND len(p.hours) <= $max_active_hours
             -- an hour next to a habitual one is the same habit starting early or running late
             AND NOT list_bool_or(list_transform(p.hours, x -> least(abs(x - e.hour_utc), 24 - abs(x - e.hour_utc)) <= $hour_margin))))
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen,
  count(*) AS event_count,
  CASE WHEN bool_or(outside_declared) THEN 'high' ELSE NULL END AS severity,
  format('{} use(s) at {} UTC, outside {}', count(*), array_to_string(list(DISTINCT lpad(CAST(hour_utc AS VARCHAR), 2, '0') || 'h' ORDER BY lpad(CAST(hour_utc AS VARCHAR), 2, '0') || 'h'), ', '),
         coalesce('approved hours ' || any_value(approved_hours_utc), 'its usual hours')) AS summary,
  to_json({'features': [
    {'feature': 'hour_of_day_utc', 'baseline': coalesce(any_value(approved_hours_utc), array_to_string(any_value(hours), ',')),
     'observed': array_to_string(list(DISTINCT hour_utc ORDER BY hour_utc), ','),
     'unusual': CASE WHEN bool_or(outside_declared) THEN 'outside the declared approved hours' ELSE 'hours never active in training' END}
  ]}) AS explanation,
  list(event_id) AS event_ids
FROM off
GROUP BY entity_key
-- a learned profile needs the habit broken on several days; a declared window is broken once
HAVING count(*) >= $min_events AND (bool_or(outside_declared) OR count(DISTINCT day_no) >= $min_days)
