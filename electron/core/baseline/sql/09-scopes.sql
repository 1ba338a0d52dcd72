-- Requested vs granted vs actually used scopes, over everything up to as_of: granted from the
-- inventory (credentials.scopes) and grants, requested and used from the events.
DELETE FROM baseline_scopes;

INSERT INTO baseline_scopes
-- Scope lists are grouped as strings joined by the unit separator (chr 31), which hashes faster
-- than lists and never occurs in a scope.
WITH granted AS (
  SELECT credential_key AS entity_key, UNNEST(scopes) AS scope FROM credentials WHERE scopes IS NOT NULL
  UNION
  SELECT coalesce(credential_key, app_key) AS entity_key, UNNEST(scopes_granted) AS scope
  FROM grants
  WHERE scopes_granted IS NOT NULL AND coalesce(credential_key, app_key) IS NOT NULL
    AND (granted_at IS NULL OR granted_at <= $as_of::TIMESTAMPTZ)
),
used AS (
  -- grouped by the whole scope list first: few distinct lists per entity, so the unnest is small
  SELECT entity_key, scope, sum(n) AS n
  FROM (SELECT entity_key, UNNEST(string_split(scope_list, chr(31))) AS scope, n
        FROM (SELECT entity_key, array_to_string(scopes, chr(31)) AS scope_list, count(*) AS n FROM detection_events
              WHERE scopes IS NOT NULL AND len(scopes) > 0 AND event_time <= $as_of::TIMESTAMPTZ AND outcome <> 'failure'
              GROUP BY ALL))
  GROUP BY ALL
),
requested AS (
  SELECT entity_key, scope, sum(n) AS n
  FROM (SELECT entity_key, UNNEST(string_split(scope_list, chr(31))) AS scope, n
        FROM (SELECT entity_key, array_to_string(scopes_requested, chr(31)) AS scope_list, count(*) AS n FROM detection_events
              WHERE scopes_requested IS NOT NULL AND len(scopes_requested) > 0 AND event_time <= $as_of::TIMESTAMPTZ
              GROUP BY ALL))
  GROUP BY ALL
),
keys AS (
  SELECT entity_key, scope FROM granted UNION SELECT entity_key, scope FROM used UNION SELECT entity_key, scope FROM requested
)
SELECT k.entity_key, k.scope, g.entity_key IS NOT NULL, coalesce(r.n, 0), coalesce(u.n, 0)
FROM keys k
LEFT JOIN (SELECT DISTINCT entity_key, scope FROM granted) g ON g.entity_key = k.entity_key AND g.scope = k.scope
LEFT JOIN used u ON u.entity_key = k.entity_key AND u.scope = k.scope
LEFT JOIN requested r ON r.entity_key = k.entity_key AND r.scope = k.scope
WHERE k.entity_key IS NOT NULL AND k.scope IS NOT NULL;
