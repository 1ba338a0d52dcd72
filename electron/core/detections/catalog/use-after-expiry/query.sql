WITH app_secrets AS (
  -- apps authenticate with their secrets and certificates; sign-ins name the app, not the secret
  SELECT app_key, max(expires_at) AS expires_at, count(*) AS n, count(expires_at) AS with_expiry
  FROM credentials
  WHERE app_key IS NOT NULL AND credential_type IN ('client_secret', 'certificate')
    AND status NOT IN ('revoked', 'disabled')
  GROUP BY app_key
),
late AS (
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, e.outcome, c.expires_at
  FROM detection_events e
  JOIN credentials c ON c.credential_key = e.entity_key
  WHERE c.expires_at IS NOT NULL AND c.expires_at <= $as_of::TIMESTAMPTZ
    AND e.event_time <= $as_of::TIMESTAMPTZ AND (e.outcome = 'success' OR $include_failed_attempts)
    AND e.event_time > c.expires_at + to_minutes(CAST($grace_minutes AS BIGINT))
  UNION ALL
  -- an app signing in after every one of its secrets and certificates expired
  SELECT e.entity_key, e.entity_type, e.event_id, e.event_time, e.outcome, s.expires_at
  FROM detection_events e
  JOIN app_secrets s ON s.app_key = e.entity_key
  WHERE e.entity_type = 'app' AND s.n = s.with_expiry AND s.expires_at <= $as_of::TIMESTAMPTZ
    AND e.event_time <= $as_of::TIMESTAMPTZ AND (e.outcome = 'success' OR $include_failed_attempts) AND e.category = 'auth'
    AND e.event_time > s.expires_at + to_minutes(CAST($grace_minutes AS BIGINT))
)
SELECT
  entity_key,
  any_value(entity_type) AS entity_type,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen,
  count(*) AS event_count,
  -- successful use means expiry is not enforced; only failed attempts mean someone still holds and tries it
  CASE WHEN count(*) FILTER (WHERE outcome = 'success') = 0 THEN 'medium' ELSE NULL END AS severity,
  format('{} use(s) after expiry on {} ({} successful)', count(*), strftime(det_utc(any_value(expires_at)), '%Y-%m-%d %H:%M UTC'),
         count(*) FILTER (WHERE outcome = 'success')) AS summary,
  to_json({'features': [
    {'feature': 'expires_at', 'baseline': any_value(expires_at), 'observed': max(event_time),
     'unusual': format('{} events after expiry, {} successful', count(*), count(*) FILTER (WHERE outcome = 'success'))}
  ]}) AS explanation,
  list(event_id) AS event_ids
FROM late
GROUP BY entity_key
