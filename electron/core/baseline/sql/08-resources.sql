-- Systems, resources (objects, repositories, APIs) and operations each entity touched.
DELETE FROM baseline_resources;

INSERT INTO baseline_resources
SELECT entity_key, feature, value, count(*), min(event_time)
FROM (
  SELECT entity_key, event_time, UNNEST([
    {'feature': 'system', 'value': system_key},
    {'feature': 'resource', 'value': resource},
    {'feature': 'operation', 'value': operation}
  ], recursive := true)
  FROM detection_events
  WHERE event_time < $analysis_start::TIMESTAMPTZ
)
WHERE value IS NOT NULL
GROUP BY entity_key, feature, value;
