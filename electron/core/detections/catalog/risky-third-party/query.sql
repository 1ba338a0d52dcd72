WITH held AS (
  SELECT g.app_key, UNNEST(g.scopes_granted) AS scope
  FROM grants g
  WHERE g.app_key IS NOT NULL AND (g.revoked_at IS NULL OR g.revoked_at > $as_of::TIMESTAMPTZ)
    AND (g.granted_at IS NULL OR g.granted_at <= $as_of::TIMESTAMPTZ)
  UNION
  SELECT c.app_key, UNNEST(c.scopes)
  FROM credentials c
  WHERE c.app_key IS NOT NULL AND c.status NOT IN ('revoked', 'expired', 'disabled')
    AND (c.revoked_at IS NULL OR c.revoked_at > $as_of::TIMESTAMPTZ)
),
risky AS (
  SELECT a.app_key, a.name, a.publisher, a.verified, a.first_seen,
         list(DISTINCT h.scope ORDER BY h.scope) AS scopes, bool_or(sc.risk_tier = 'critical') AS critical
  FROM apps a
  JOIN held h ON h.app_key = a.app_key
  JOIN scope_catalog sc ON sc.platform = a.platform AND sc.scope = h.scope AND sc.risk_tier IN ('high', 'critical')
  -- third-party when the inventory says so, or when unknown and people consented to it themselves
  -- (organisations grant their own apps by admin consent)
  WHERE (a.third_party OR (a.third_party IS NULL AND EXISTS (
          SELECT 1 FROM grants ug WHERE ug.app_key = a.app_key AND ug.consent_type = 'user')))
    AND coalesce(a.verified, false) = false
  GROUP BY ALL
)
SELECT
  app_key AS entity_key,
  'app' AS entity_type,
  first_seen,
  $as_of::TIMESTAMPTZ AS last_seen,
  0 AS event_count,
  CASE WHEN critical THEN 'critical' ELSE NULL END AS severity,
  format('{} (publisher {}, {}) holds {} high-risk scope(s): {}', coalesce(name, app_key), coalesce(publisher, 'unknown'),
         CASE WHEN verified IS NULL THEN 'verification unknown' ELSE 'unverified' END, len(scopes), array_to_string(scopes[1:8], ', ')) AS summary,
  json_object('features', json_array(
    to_json({'feature': 'publisher_verified', 'baseline': true, 'observed': verified, 'unusual': 'third-party publisher not verified'}),
    to_json({'feature': 'high_risk_scopes', 'baseline': 0, 'observed': scopes, 'unusual': format('{} high/critical scopes', len(scopes))})
  )) AS explanation,
  NULL::BIGINT[] AS event_ids
FROM risky
WHERE len(scopes) >= $min_high_risk
