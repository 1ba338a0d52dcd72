SELECT
  credential_key AS entity_key,
  'credential' AS entity_type,
  created_at AS first_seen,
  coalesce(expires_at, $as_of::TIMESTAMPTZ) AS last_seen,
  0 AS event_count,
  CASE WHEN expires_at IS NULL AND epoch($as_of::TIMESTAMPTZ) - epoch(created_at) >= 3 * $max_age_days * 86400 THEN 'medium' ELSE NULL END AS severity,
  CASE WHEN expires_at IS NULL
       THEN format('No expiry; {} days old (policy {} days)', CAST(floor((epoch($as_of::TIMESTAMPTZ) - epoch(created_at)) / 86400) AS BIGINT), $max_age_days)
       ELSE format('Lifetime of {} days (policy {} days)', CAST(floor((epoch(expires_at) - epoch(created_at)) / 86400) AS BIGINT), $max_lifetime_days) END AS summary,
  to_json({'features': [
    {'feature': CASE WHEN expires_at IS NULL THEN 'age_days' ELSE 'lifetime_days' END,
     'baseline': CASE WHEN expires_at IS NULL THEN $max_age_days ELSE $max_lifetime_days END,
     'observed': floor((epoch(coalesce(expires_at, $as_of::TIMESTAMPTZ)) - epoch(created_at)) / 86400),
     'unusual': CASE WHEN expires_at IS NULL THEN 'never expires' ELSE 'lifetime beyond policy' END}
  ]}) AS explanation,
  NULL::BIGINT[] AS event_ids
FROM credentials
WHERE in_inventory
  AND status NOT IN ('revoked', 'expired', 'disabled') AND (revoked_at IS NULL OR revoked_at > $as_of::TIMESTAMPTZ)
  -- secrets an owner creates and must rotate; OAuth grants and refresh tokens live by the IdP's policy
  AND credential_type IN ('api_token', 'access_key', 'service_account_key', 'pat', 'fine_grained_pat', 'client_secret', 'certificate', 'bot_token')
  AND created_at IS NOT NULL AND created_at <= $as_of::TIMESTAMPTZ
  AND ((expires_at IS NULL AND epoch($as_of::TIMESTAMPTZ) - epoch(created_at) >= $max_age_days * 86400)
       OR (expires_at > $as_of::TIMESTAMPTZ AND epoch(expires_at) - epoch(created_at) > $max_lifetime_days * 86400))
