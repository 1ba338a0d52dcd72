WITH holders AS (
  SELECT credential_key AS entity_key, 'credential' AS entity_type, platform, created_at
  FROM credentials
  WHERE status NOT IN ('revoked', 'expired', 'disabled') AND (revoked_at IS NULL OR revoked_at > $as_of::TIMESTAMPTZ)
    AND (expires_at IS NULL OR expires_at > $as_of::TIMESTAMPTZ)
  UNION ALL
  SELECT a.app_key, 'app', a.platform, a.first_seen
  FROM apps a
  WHERE EXISTS (SELECT 1 FROM grants g WHERE g.app_key = a.app_key AND g.credential_key IS NULL
                AND (g.revoked_at IS NULL OR g.revoked_at > $as_of::TIMESTAMPTZ))
),
scoped AS (
  SELECT h.entity_key, h.entity_type, h.created_at, s.scope, s.granted, s.used_n, sc.risk_tier
  FROM holders h
  JOIN baseline_scopes s ON s.entity_key = h.entity_key
  LEFT JOIN scope_catalog sc ON sc.platform = h.platform AND sc.scope = s.scope
),
per_entity AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, any_value(created_at) AS created_at,
         -- usage is informative only when calls carry different scope sets; logs that stamp the token's
         -- whole scope list on every call (GitHub token_scopes) say what it holds, not what it used
         sum(used_n) > 0 AND min(used_n) FILTER (WHERE granted) < max(used_n) AS usage_logged,
         list(scope ORDER BY scope) FILTER (WHERE granted) AS granted,
         list(scope ORDER BY scope) FILTER (WHERE used_n > 0) AS used,
         list(scope ORDER BY scope) FILTER (WHERE granted AND used_n = 0 AND risk_tier IN ('high', 'critical')) AS unused_high,
         list(scope ORDER BY scope) FILTER (WHERE granted AND risk_tier IN ('high', 'critical')) AS high,
         bool_or(granted AND risk_tier = 'critical') AS has_critical
  FROM scoped
  GROUP BY entity_key
)
SELECT
  entity_key,
  entity_type,
  created_at AS first_seen,
  $as_of::TIMESTAMPTZ AS last_seen,
  0 AS event_count,
  CASE WHEN has_critical THEN 'high' ELSE NULL END AS severity,
  CASE WHEN usage_logged
       THEN format('{} high-risk scope(s) granted but never used: {}', len(unused_high), array_to_string(unused_high, ', '))
       ELSE format('Holds {} high-risk scopes (usage not logged): {}', len(high), array_to_string(high, ', ')) END AS summary,
  to_json({'features': [
    {'feature': 'scopes', 'baseline': {'granted': granted, 'used': used}, 'observed': CASE WHEN usage_logged THEN unused_high ELSE high END,
     'unusual': CASE WHEN usage_logged THEN 'granted high-risk scopes never used' ELSE 'many high-risk scopes' END}
  ]}) AS explanation,
  NULL::BIGINT[] AS event_ids
FROM per_entity
WHERE (usage_logged AND len(coalesce(unused_high, [])) >= $min_unused_high_risk)
   OR (NOT usage_logged AND len(coalesce(high, [])) >= $max_high_risk)
