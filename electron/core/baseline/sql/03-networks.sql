-- Networks each entity was seen from: /24 (or /64) prefix, AS number and country. Events are
-- first grouped by address (few per entity), so the prefix is computed per address, not per event.
DELETE FROM baseline_networks;

INSERT INTO baseline_networks
WITH by_address AS MATERIALIZED (
  SELECT entity_key, ip, asn, country, count(*) AS n, min(event_time) AS first_seen, max(event_time) AS last_seen
  FROM detection_events
  WHERE event_time < $analysis_start::TIMESTAMPTZ
  GROUP BY entity_key, ip, asn, country
)
SELECT entity_key, 'ip_prefix', det_ip_prefix(ip), sum(n), min(first_seen), max(last_seen)
FROM by_address WHERE ip IS NOT NULL
GROUP BY entity_key, det_ip_prefix(ip)
UNION ALL
SELECT entity_key, 'asn', CAST(asn AS VARCHAR), sum(n), min(first_seen), max(last_seen)
FROM by_address WHERE asn IS NOT NULL
GROUP BY entity_key, asn
UNION ALL
SELECT entity_key, 'country', country, sum(n), min(first_seen), max(last_seen)
FROM by_address WHERE country IS NOT NULL
GROUP BY entity_key, country;
