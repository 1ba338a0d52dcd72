WITH late AS (
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, c.expires_at
  FROM detection_events e
  JOIN credentials c ON c.credential_key = e.entity_key
  WHERE c.expires_at IS NOT NULL AND c.expires_at <= $as_of::TIMESTAMPTZ
    AND e.event_time <= $as_of::TIMESTAMPTZ AND e.outcome = 'success'
    AND e.event_time > c.expires_at + to_minutes(CAST($grace_minutes AS BIGINT))
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen,
  count(*) AS event_count,
  NULL AS severity,
  format('{} successful use(s) after expiry on {}', count(*), strftime(det_utc(any_value(expires_at)), '%Y-%m-%d %H:%M UTC')) AS summary,
  to_json({'features': [
    {'feature': 'expires_at', 'baseline': any_value(expires_at), 'observed': max(event_time),
     'unusual': format('{} successful events after expiry', count(*))}
  ]}) AS explanation,
  list(event_id) AS event_ids
FROM late
GROUP BY entity_key
