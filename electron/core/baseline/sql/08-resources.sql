-- Systems, resources (objects, repositories, APIs) and operations each entity touched.
DELETE FROM baseline_resources;

INSERT INTO baseline_resources
SELECT entity_key, 'system', system_key, count(*), min(event_time)
FROM detection_events
WHERE event_time < $analysis_start::TIMESTAMPTZ AND system_key IS NOT NULL
GROUP BY entity_key, system_key
UNION ALL
SELECT entity_key, 'resource', resource, count(*), min(event_time)
FROM detection_events
WHERE event_time < $analysis_start::TIMESTAMPTZ AND resource IS NOT NULL
GROUP BY entity_key, resource
UNION ALL
SELECT entity_key, 'operation', operation, count(*), min(event_time)
FROM detection_events
WHERE event_time < $analysis_start::TIMESTAMPTZ AND operation IS NOT NULL
GROUP BY entity_key, operation;
