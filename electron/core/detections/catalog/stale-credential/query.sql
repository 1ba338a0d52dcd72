WITH usage AS (
  SELECT entity_key, max(event_time) AS last_event, arg_max(event_id, event_time) AS last_event_id
  FROM detection_events
  WHERE event_time <= $as_of::TIMESTAMPTZ AND outcome <> 'failure'
  GROUP BY entity_key
),
observed_platforms AS (
  SELECT DISTINCT platform FROM events
),
judged AS (
  SELECT c.*, u.last_event, u.last_event_id,
         greatest(CASE WHEN c.last_used_at <= $as_of::TIMESTAMPTZ THEN c.last_used_at END, u.last_event) AS last_use
  FROM credentials c
  LEFT JOIN usage u ON u.entity_key = c.credential_key
  WHERE c.in_inventory
    AND c.status NOT IN ('revoked', 'expired', 'disabled')
    AND (c.revoked_at IS NULL OR c.revoked_at > $as_of::TIMESTAMPTZ)
    AND (c.expires_at IS NULL OR c.expires_at > $as_of::TIMESTAMPTZ)
    AND (c.created_at IS NULL OR c.created_at <= $as_of::TIMESTAMPTZ)
    AND (c.last_used_at IS NOT NULL OR c.platform IN (SELECT platform FROM observed_platforms))
)
SELECT
  credential_key AS entity_key,
  'credential' AS entity_type,
  coalesce(last_use, created_at) AS first_seen,
  coalesce(last_use, created_at) AS last_seen,
  0 AS event_count,
  CASE WHEN epoch($as_of::TIMESTAMPTZ) - epoch(coalesce(last_use, created_at)) >= 4 * $stale_days * 86400 THEN 'medium' ELSE NULL END AS severity,
  CASE WHEN last_use IS NULL
       THEN format('Never used in the {} days since it was created', CAST(floor((epoch($as_of::TIMESTAMPTZ) - epoch(created_at)) / 86400) AS BIGINT))
       ELSE format('Valid but unused for {} days', CAST(floor((epoch($as_of::TIMESTAMPTZ) - epoch(last_use)) / 86400) AS BIGINT)) END AS summary,
  to_json({'features': [
    {'feature': 'days_since_last_use', 'baseline': $stale_days,
     'observed': floor((epoch($as_of::TIMESTAMPTZ) - epoch(coalesce(last_use, created_at))) / 86400),
     'unusual': CASE WHEN last_use IS NULL THEN 'never used' ELSE 'unused beyond the threshold' END}
  ]}) AS explanation,
  CASE WHEN last_event_id IS NOT NULL THEN [last_event_id] END AS event_ids
FROM judged
WHERE coalesce(last_use, created_at) IS NOT NULL
  AND epoch($as_of::TIMESTAMPTZ) - epoch(coalesce(last_use, created_at)) >= $stale_days * 86400
