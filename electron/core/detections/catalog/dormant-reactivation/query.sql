WITH used AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, min(event_time) AS first_seen, max(event_time) AS last_seen,
         count(*) AS n, min_by(event_id, event_time, 20) AS ids
  FROM detection_events
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ AND outcome <> 'failure'
  GROUP BY entity_key
),
silence AS (
  SELECT u.*, b.last_seen AS previous_use, c.created_at, c.last_used_at,
         -- the inventory's last-used date counts only when it is before the window (it may already reflect this use)
         greatest(b.last_seen, CASE WHEN c.last_used_at < $analysis_start::TIMESTAMPTZ THEN c.last_used_at END) AS quiet_since,
         coalesce(greatest(b.last_seen, CASE WHEN c.last_used_at < $analysis_start::TIMESTAMPTZ THEN c.last_used_at END), c.created_at) AS reference
  FROM used u
  LEFT JOIN baseline_entities b ON b.entity_key = u.entity_key AND b.train_events > 0
  LEFT JOIN credentials c ON c.credential_key = u.entity_key
),
declared AS (
  SELECT entity_key, declared_period_s FROM baseline_cadence WHERE declared_period_s IS NOT NULL
)
SELECT
  entity_key,
  entity_type,
  first_seen,
  last_seen,
  n AS event_count,
  NULL AS severity,
  format('First use in {} days ({})', CAST(floor((epoch(first_seen) - epoch(reference)) / 86400) AS BIGINT),
         CASE WHEN quiet_since IS NULL THEN 'never used since creation' ELSE 'last used ' || strftime(det_utc(quiet_since), '%Y-%m-%d') END) AS summary,
  to_json({'features': [
    {'feature': 'days_since_last_use', 'baseline': $dormant_days, 'observed': floor((epoch(first_seen) - epoch(reference)) / 86400),
     'unusual': CASE WHEN quiet_since IS NULL THEN 'never used since creation' ELSE 'silent since ' || strftime(det_utc(quiet_since), '%Y-%m-%d') END}
  ]}) AS explanation,
  ids AS event_ids
FROM silence s
-- a job declared to run monthly is not dormant between runs: the silence must also exceed two periods
WHERE reference IS NOT NULL
  AND epoch(first_seen) - epoch(reference) >= greatest($dormant_days * 86400,
        2 * coalesce((SELECT d.declared_period_s FROM declared d WHERE d.entity_key = s.entity_key), 0))
