WITH hourly AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, CAST(floor(ts / 3600) AS BIGINT) AS hour_no,
         count(*) AS failures, min(event_time) AS first_seen, max(event_time) AS last_seen,
         list(event_id ORDER BY event_time, event_id)[1:50] AS ids, mode(failure_reason) AS reason
  FROM detection_events
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ AND outcome = 'failure'
  GROUP BY entity_key, hour_no
),
bursts AS (
  SELECT h.*, coalesce(v.p95, 0) AS base_p95
  FROM hourly h
  LEFT JOIN baseline_volume v ON v.entity_key = h.entity_key AND v.grain = 'hour' AND v.metric = 'failures'
  WHERE h.failures >= $min_failures AND h.failures >= $min_ratio * coalesce(v.p95, 0)
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(first_seen) AS first_seen,
  max(last_seen) AS last_seen,
  sum(failures) AS event_count,
  CASE WHEN max(failures) >= 10 * $min_failures THEN 'high' ELSE NULL END AS severity,
  format('{} failures in {} hour(s), up to {} in one hour (training p95 {}); most common: {}', sum(failures), count(*), max(failures),
         round(any_value(base_p95), 1), coalesce(arg_max(reason, failures), 'unknown')) AS summary,
  to_json({'features': [
    {'feature': 'failures_per_hour', 'baseline': any_value(base_p95), 'observed': max(failures),
     'unusual': format('{} hour(s) at {}x or more of the usual worst hour', count(*), $min_ratio)}
  ]}) AS explanation,
  flatten(list(ids)) AS event_ids
FROM bursts
GROUP BY entity_key
