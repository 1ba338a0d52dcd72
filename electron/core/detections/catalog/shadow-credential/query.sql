WITH inventory_id_kinds AS (
  -- the kinds of identifier the loaded inventories list, per platform and credential type
  SELECT DISTINCT c.platform, c.credential_type, i.id_kind
  FROM credentials c JOIN credential_ids i ON i.credential_key = c.credential_key
  WHERE c.in_inventory
),
shadow AS (
  -- absent from inventory, where an inventory of the same platform and type speaks the same
  -- identifier (an IAM credential report lists key slots, not key ids: its silence proves nothing)
  SELECT DISTINCT c.credential_key
  FROM credentials c
  JOIN credential_ids i ON i.credential_key = c.credential_key
  JOIN inventory_id_kinds k ON k.platform = c.platform AND k.credential_type = c.credential_type AND k.id_kind = i.id_kind
  WHERE NOT c.in_inventory
),
used AS (
  SELECT e.entity_key, count(*) AS n, min(e.event_time) AS first_seen, max(e.event_time) AS last_seen,
         list(e.event_id ORDER BY e.event_time, e.event_id)[1:50] AS ids, list(DISTINCT e.credential_ref_kind) AS ref_kinds
  FROM detection_events e
  SEMI JOIN shadow s ON s.credential_key = e.entity_key
  WHERE e.event_time <= $as_of::TIMESTAMPTZ AND e.outcome = 'success'
  GROUP BY e.entity_key
)
SELECT
  entity_key,
  'credential' AS entity_type,
  first_seen,
  last_seen,
  n AS event_count,
  NULL AS severity,
  format('{} successful use(s) of a credential no inventory lists', n) AS summary,
  to_json({'features': [
    {'feature': 'in_inventory', 'baseline': true, 'observed': false,
     'unusual': 'seen only in logs (' || array_to_string(list_filter(ref_kinds, x -> x IS NOT NULL), ', ') || ')'}
  ]}) AS explanation,
  ids AS event_ids
FROM used
WHERE n >= $min_events
