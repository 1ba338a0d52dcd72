WITH paced AS (
  SELECT b.entity_key, coalesce(c.declared_period_s, c.period_s) AS period_s, coalesce(c.jitter_s, 0) AS jitter_s,
         c.declared_period_s IS NOT NULL AS declared
  FROM baseline_entities b
  JOIN baseline_cadence c ON c.entity_key = b.entity_key
  WHERE b.machine_paced AND coalesce(c.declared_period_s, c.period_s) > 0
),
gapped AS (
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, e.ts,
         e.ts - lag(e.ts) OVER (PARTITION BY e.entity_key ORDER BY e.ts, e.event_id) AS gap
  FROM detection_events e
  SEMI JOIN paced p ON p.entity_key = e.entity_key
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ
),
runs AS (
  SELECT *, ts - lag(ts) OVER (PARTITION BY entity_key ORDER BY ts, event_id) AS run_gap
  FROM gapped
  WHERE gap IS NULL OR gap > $burst_gap_seconds
),
judged AS (
  SELECT r.*, p.period_s, p.jitter_s, p.declared,
         abs(r.run_gap - p.period_s) > greatest($tolerance_ratio * p.period_s, 3 * p.jitter_s) AS off,
         r.run_gap < p.period_s AS early
  FROM runs r JOIN paced p ON p.entity_key = r.entity_key
  WHERE r.run_gap IS NOT NULL
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) FILTER (WHERE off) AS first_seen,
  max(event_time) FILTER (WHERE off) AS last_seen,
  count(*) FILTER (WHERE off) AS event_count,
  CASE WHEN count(*) FILTER (WHERE off AND early) = 0 THEN 'low' ELSE NULL END AS severity,
  format('{} of {} runs off its {} rhythm of {} ({} early, {} late)', count(*) FILTER (WHERE off), count(*),
         CASE WHEN any_value(declared) THEN 'declared' ELSE 'learned' END, to_seconds(CAST(any_value(period_s) AS BIGINT)),
         count(*) FILTER (WHERE off AND early), count(*) FILTER (WHERE off AND NOT early)) AS summary,
  to_json({'features': [
    {'feature': 'run_interval_s', 'baseline': {'period': any_value(period_s), 'jitter': any_value(jitter_s), 'declared': any_value(declared)},
     'observed': {'median': median(run_gap), 'min': min(run_gap), 'max': max(run_gap)},
     'unusual': format('{} of {} gaps off rhythm', count(*) FILTER (WHERE off), count(*))}
  ]}) AS explanation,
  list(event_id) FILTER (WHERE off) AS event_ids
FROM judged
GROUP BY entity_key
HAVING count(*) FILTER (WHERE off) >= $min_off_rhythm AND count(*) FILTER (WHERE off) >= $min_off_share * count(*)
