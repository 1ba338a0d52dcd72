WITH due AS (
  SELECT credential_key, created_at, last_reviewed_at, review_interval_days,
         coalesce(last_reviewed_at, created_at) AS reference
  FROM credentials
  WHERE in_inventory AND review_interval_days IS NOT NULL AND review_interval_days > 0
    AND status NOT IN ('revoked', 'expired', 'disabled') AND (revoked_at IS NULL OR revoked_at > $as_of::TIMESTAMPTZ)
)
SELECT
  credential_key AS entity_key,
  'credential' AS entity_type,
  reference AS first_seen,
  $as_of::TIMESTAMPTZ AS last_seen,
  0 AS event_count,
  CASE WHEN epoch($as_of::TIMESTAMPTZ) - epoch(reference) >= 2 * review_interval_days * 86400 THEN 'medium' ELSE NULL END AS severity,
  format('Review every {} days; {}', review_interval_days,
         CASE WHEN last_reviewed_at IS NULL THEN 'never reviewed' ELSE format('last reviewed {} days ago',
           CAST(floor((epoch($as_of::TIMESTAMPTZ) - epoch(last_reviewed_at)) / 86400) AS BIGINT)) END) AS summary,
  to_json({'features': [
    {'feature': 'days_since_review', 'baseline': review_interval_days, 'observed': floor((epoch($as_of::TIMESTAMPTZ) - epoch(reference)) / 86400),
     'unusual': CASE WHEN last_reviewed_at IS NULL THEN 'never reviewed' ELSE 'overdue' END}
  ]}) AS explanation,
  NULL::BIGINT[] AS event_ids
FROM due
WHERE reference IS NOT NULL
  AND epoch($as_of::TIMESTAMPTZ) - epoch(reference) > (review_interval_days + $grace_days) * 86400
