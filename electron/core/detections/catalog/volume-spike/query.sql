WITH daily AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, day_no,
         count(*) AS calls, coalesce(sum(bytes), 0) AS bytes, coalesce(sum(rows), 0) AS rows,
         min(event_time) AS first_seen, max(event_time) AS last_seen,
         max_by(event_id, coalesce(rows, 0) + coalesce(bytes, 0), 20) AS ids
  FROM detection_events
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ
  GROUP BY entity_key, day_no
),
metrics AS (
  SELECT d.entity_key, d.entity_type, d.day_no, d.first_seen, d.last_seen, d.calls, d.ids,
         UNNEST(['calls', 'bytes', 'rows']) AS metric, UNNEST([d.calls, d.bytes, d.rows]::DOUBLE[]) AS value
  FROM daily d
),
scored AS (
  SELECT m.*, v.median, v.mad, v.max AS base_max,
         (m.value - v.median) / greatest(1.4826 * v.mad, 0.1 * v.median, 1) AS z,
         m.value / greatest(v.median, 1) AS ratio
  FROM metrics m
  JOIN baseline_entities b ON b.entity_key = m.entity_key AND b.mature
  JOIN baseline_volume v ON v.entity_key = m.entity_key AND v.grain = 'day' AND v.metric = m.metric
  WHERE m.value > v.max
    AND m.value >= $min_ratio * greatest(v.median, 1)
    AND (m.value - v.median) / greatest(1.4826 * v.mad, 0.1 * v.median, 1) >= $min_robust_z
    AND m.value >= CASE m.metric WHEN 'calls' THEN $min_calls WHEN 'rows' THEN $min_rows ELSE $min_bytes END
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(first_seen) AS first_seen,
  max(last_seen) AS last_seen,
  sum(calls) FILTER (WHERE metric = arg_max_metric) AS event_count,
  CASE WHEN max(ratio) >= 20 THEN 'high' ELSE NULL END AS severity,
  format('{} on {} day(s): up to {}x the median day ({} vs {})', array_to_string(list(DISTINCT metric ORDER BY metric), '/'),
         count(DISTINCT day_no), CAST(round(max(ratio)) AS BIGINT), CAST(arg_max(value, ratio) AS BIGINT), CAST(arg_max(median, ratio) AS BIGINT)) AS summary,
  to_json({'features': list({'feature': metric || '_per_day', 'baseline': {'median': median, 'mad': mad, 'max': base_max},
                             'observed': value, 'unusual': format('{}x median, robust z {}', round(ratio, 1), round(z, 1))}
                            ORDER BY metric, day_no)}) AS explanation,
  flatten(list(ids)) AS event_ids
FROM (SELECT *, first_value(metric) OVER (PARTITION BY entity_key, day_no ORDER BY metric) AS arg_max_metric FROM scored)
GROUP BY entity_key
