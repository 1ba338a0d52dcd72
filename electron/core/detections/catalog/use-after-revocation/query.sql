-- Over all history up to as_of: a use after revocation matters whenever it happened.
WITH revoked AS (
  SELECT credential_key AS entity_key, revoked_at FROM credentials WHERE revoked_at IS NOT NULL
  UNION ALL
  -- a revocation recorded in the logs (the inventory no longer lists a revoked token)
  SELECT credential_key, min(event_time) FROM events
  WHERE credential_key IS NOT NULL AND action IN ('credential.revoke', 'token.revoke') AND outcome = 'success'
    AND event_time <= $as_of::TIMESTAMPTZ
  GROUP BY credential_key
  UNION ALL
  -- apps whose grants are all revoked: revoked when the last grant was
  SELECT app_key, max(revoked_at) FROM grants WHERE app_key IS NOT NULL
  GROUP BY app_key HAVING count(*) = count(revoked_at)
),
first_revocation AS (
  SELECT entity_key, min(revoked_at) AS revoked_at FROM revoked GROUP BY entity_key
),
late AS (
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, r.revoked_at
  FROM detection_events e
  JOIN first_revocation r ON r.entity_key = e.entity_key
  WHERE e.event_time <= $as_of::TIMESTAMPTZ AND e.outcome = 'success'
    AND r.revoked_at <= $as_of::TIMESTAMPTZ
    AND e.event_time > r.revoked_at + to_minutes(CAST($grace_minutes AS BIGINT))
    AND e.action NOT IN ('credential.revoke', 'token.revoke')
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen,
  count(*) AS event_count,
  NULL AS severity,
  format('{} successful use(s) after revocation on {}', count(*), strftime(det_utc(any_value(revoked_at)), '%Y-%m-%d %H:%M UTC')) AS summary,
  to_json({'features': [
    {'feature': 'revoked_at', 'baseline': any_value(revoked_at), 'observed': max(event_time),
     'unusual': format('{} successful events up to {} h after revocation', count(*), round((epoch(max(event_time)) - epoch(any_value(revoked_at))) / 3600, 1))}
  ]}) AS explanation,
  list(event_id) AS event_ids
FROM late
GROUP BY entity_key
