-- Systems, resources (objects, repositories, APIs) and operations each entity touched. One pass
-- groups the distinct combinations; the three features are read from that much smaller set.
DELETE FROM baseline_resources;

INSERT INTO baseline_resources
WITH combos AS MATERIALIZED (
  SELECT entity_key, system_key, resource, operation, count(*) AS n, min(event_time) AS first_seen
  FROM detection_events
  WHERE event_time < $analysis_start::TIMESTAMPTZ
    AND (system_key IS NOT NULL OR resource IS NOT NULL OR operation IS NOT NULL)
  GROUP BY entity_key, system_key, resource, operation
)
SELECT entity_key, 'system', system_key, sum(n), min(first_seen) FROM combos WHERE system_key IS NOT NULL GROUP BY entity_key, system_key
UNION ALL
SELECT entity_key, 'resource', resource, sum(n), min(first_seen) FROM combos WHERE resource IS NOT NULL GROUP BY entity_key, resource
UNION ALL
SELECT entity_key, 'operation', operation, sum(n), min(first_seen) FROM combos WHERE operation IS NOT NULL GROUP BY entity_key, operation;
