WITH hr_loaded AS (
  -- an HR owner list was loaded when any principal carries an HR status
  SELECT count(*) > 0 AS yes FROM principals WHERE hr_status <> 'unknown'
),
owners AS (
  SELECT c.credential_key, c.owner_key, c.created_at, p.principal_key, p.hr_status, p.end_date, coalesce(p.email, p.display_name, c.owner_key) AS owner,
         CASE
           WHEN c.owner_key IS NULL THEN 'no owner recorded'
           WHEN p.principal_key IS NULL THEN 'owner unknown to every loaded source'
           WHEN p.hr_status = 'terminated' THEN 'owner terminated'
           WHEN p.end_date IS NOT NULL AND p.end_date <= CAST($as_of::TIMESTAMPTZ AS DATE) THEN 'owner departed'
           WHEN p.kind = 'person' AND p.hr_status = 'unknown' AND (SELECT yes FROM hr_loaded) THEN 'owner not in the HR owner list'
         END AS problem
  FROM credentials c
  LEFT JOIN principals p ON p.principal_key = c.owner_key
  WHERE c.in_inventory
    AND c.status NOT IN ('revoked', 'expired', 'disabled') AND (c.revoked_at IS NULL OR c.revoked_at > $as_of::TIMESTAMPTZ)
    AND (c.expires_at IS NULL OR c.expires_at > $as_of::TIMESTAMPTZ)
),
after_departure AS (
  SELECT o.credential_key, count(*) AS n, min(e.event_time) AS first_use, max(e.event_time) AS last_use,
         list(e.event_id ORDER BY e.event_time, e.event_id)[1:50] AS ids
  FROM owners o
  JOIN detection_events e ON e.entity_key = o.credential_key
  WHERE o.end_date IS NOT NULL AND e.event_time >= CAST(o.end_date AS TIMESTAMPTZ) AND e.event_time <= $as_of::TIMESTAMPTZ
    AND e.outcome <> 'failure'
  GROUP BY o.credential_key
)
SELECT
  o.credential_key AS entity_key,
  'credential' AS entity_type,
  coalesce(a.first_use, CAST(o.end_date AS TIMESTAMPTZ), o.created_at) AS first_seen,
  coalesce(a.last_use, $as_of::TIMESTAMPTZ) AS last_seen,
  coalesce(a.n, 0) AS event_count,
  CASE WHEN a.n > 0 THEN 'high' ELSE NULL END AS severity,
  format('{}{}', CASE WHEN o.owner_key IS NULL THEN o.problem ELSE o.problem || ' (' || o.owner || ')' END,
         CASE WHEN a.n > 0 THEN format('; used {} time(s) after the owner left', a.n) ELSE '' END) AS summary,
  json_object('features', json_array(
    to_json({'feature': 'owner', 'baseline': o.owner, 'observed': coalesce(o.hr_status, 'missing'), 'unusual': o.problem}),
    to_json({'feature': 'uses_after_owner_left', 'baseline': 0, 'observed': coalesce(a.n, 0), 'unusual': CASE WHEN a.n > 0 THEN 'still in use' ELSE 'not used since' END})
  )) AS explanation,
  a.ids AS event_ids
FROM owners o
LEFT JOIN after_departure a ON a.credential_key = o.credential_key
WHERE o.problem IS NOT NULL AND ($report_missing_owner OR o.owner_key IS NOT NULL)
