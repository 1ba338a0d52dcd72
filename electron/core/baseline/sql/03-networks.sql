-- Networks each entity was seen from: /24 (or /64) prefix, AS number and country.
DELETE FROM baseline_networks;

INSERT INTO baseline_networks
SELECT entity_key, feature, value, count(*), min(event_time), max(event_time)
FROM (
  SELECT entity_key, event_time, UNNEST([
    {'feature': 'ip_prefix', 'value': ip_prefix},
    {'feature': 'asn', 'value': CAST(asn AS VARCHAR)},
    {'feature': 'country', 'value': country}
  ], recursive := true)
  FROM detection_events
  WHERE event_time < $analysis_start::TIMESTAMPTZ
)
WHERE value IS NOT NULL
GROUP BY entity_key, feature, value;
