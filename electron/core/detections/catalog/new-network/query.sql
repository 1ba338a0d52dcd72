-- Distinct networks per entity in the analysis window, checked against the entity's baseline.
WITH by_address AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, ip, asn, country,
         min(event_time) AS first_seen, max(event_time) AS last_seen, count(*) AS n
  FROM detection_events
  WHERE event_time >= $analysis_start::TIMESTAMPTZ AND event_time <= $as_of::TIMESTAMPTZ
    AND ip IS NOT NULL AND outcome <> 'failure'
  GROUP BY entity_key, ip, asn, country
),
win AS (
  SELECT entity_key, any_value(entity_type) AS entity_type, det_ip_prefix(ip) AS ip_prefix, asn, country,
         min(first_seen) AS first_seen, max(last_seen) AS last_seen, sum(n) AS n, list(ip) AS ips, any_value(ip) AS ip
  FROM by_address
  GROUP BY entity_key, det_ip_prefix(ip), asn, country
),
flagged AS (
  SELECT w.*,
         w.country IS NOT NULL AND bc.value IS NULL AS new_country,
         w.asn IS NOT NULL AND ba.value IS NULL AS new_asn,
         w.asn IS NULL AND w.country IS NULL AND bp.value IS NULL AS new_prefix
  FROM win w
  JOIN baseline_entities b ON b.entity_key = w.entity_key AND b.mature
  LEFT JOIN baseline_networks bc ON bc.entity_key = w.entity_key AND bc.feature = 'country' AND bc.value = w.country
  LEFT JOIN baseline_networks ba ON ba.entity_key = w.entity_key AND ba.feature = 'asn' AND ba.value = CAST(w.asn AS VARCHAR)
  LEFT JOIN baseline_networks bp ON bp.entity_key = w.entity_key AND bp.feature = 'ip_prefix' AND bp.value = w.ip_prefix
  LEFT JOIN credentials c ON c.credential_key = w.entity_key
  WHERE NOT EXISTS (SELECT 1 FROM allowlist_networks a WHERE det_network_matches(w.ip, w.asn, a.entry))
    AND NOT coalesce(list_bool_or(list_transform(c.approved_networks, x -> det_network_matches(w.ip, w.asn, x))), false)
),
novel AS (
  SELECT * FROM flagged WHERE new_country OR new_asn OR new_prefix
),
novel_ids AS (
  -- event ids only for the novel networks (collecting them for every network would cost memory)
  SELECT e.entity_key, min_by(e.event_id, e.event_time, 100) AS ids
  FROM detection_events e
  JOIN (SELECT DISTINCT entity_key, UNNEST(ips) AS ip FROM novel) n ON n.entity_key = e.entity_key AND n.ip = e.ip
  WHERE e.event_time >= $analysis_start::TIMESTAMPTZ AND e.event_time <= $as_of::TIMESTAMPTZ AND e.outcome <> 'failure'
  GROUP BY e.entity_key
),
known AS (
  SELECT entity_key,
         list(value ORDER BY events DESC, value) FILTER (WHERE feature = 'country')[1:10] AS countries,
         list(value ORDER BY events DESC, value) FILTER (WHERE feature = 'asn')[1:10] AS asns,
         list(value ORDER BY events DESC, value) FILTER (WHERE feature = 'ip_prefix')[1:10] AS prefixes
  FROM baseline_networks
  WHERE entity_key IN (SELECT entity_key FROM novel)
  GROUP BY entity_key
)
SELECT
  n.entity_key,
  any_value(n.entity_type) AS entity_type,
  min(n.first_seen) AS first_seen,
  max(n.last_seen) AS last_seen,
  sum(n.n) AS event_count,
  CASE WHEN bool_or(n.new_country) AND bool_or(n.new_asn) THEN 'high' ELSE NULL END AS severity,
  format('Used from {} new network(s) ({}) never seen in {} days of history',
         count(*), array_to_string(list(DISTINCT coalesce(n.country, '?') || ' AS' || coalesce(CAST(n.asn AS VARCHAR), '?')), ', '),
         any_value(b.train_active_days)) AS summary,
  to_json({'features': [
    {'feature': 'country', 'baseline': any_value(k.countries), 'observed': list(DISTINCT n.country) FILTER (WHERE n.new_country),
     'unusual': 'never seen in training'},
    {'feature': 'asn', 'baseline': any_value(k.asns), 'observed': list(DISTINCT CAST(n.asn AS VARCHAR)) FILTER (WHERE n.new_asn),
     'unusual': 'never seen in training'},
    {'feature': 'ip_prefix', 'baseline': any_value(k.prefixes), 'observed': list(DISTINCT n.ip_prefix),
     'unusual': 'networks in the analysis window not in the baseline'}
  ], 'training': {'events': any_value(b.train_events), 'active_days': any_value(b.train_active_days)}}) AS explanation,
  any_value(ni.ids) AS event_ids
FROM novel n
JOIN baseline_entities b ON b.entity_key = n.entity_key
LEFT JOIN known k ON k.entity_key = n.entity_key
LEFT JOIN novel_ids ni ON ni.entity_key = n.entity_key
GROUP BY n.entity_key
HAVING sum(n.n) >= $min_new_events
