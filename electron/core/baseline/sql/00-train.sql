-- The training window in compact form for the heavy per-entity statistics (entities, hours,
-- volume, cadence): integer entity ids and epoch milliseconds instead of strings and time zones,
-- so the millions of (entity, hour) groups and the per-entity sorts stay small. Temporary:
-- dropped by 99-cleanup.sql at the end of the baseline.
CREATE OR REPLACE TEMP TABLE det_keys AS
SELECT entity_key, any_value(entity_type) AS entity_type, any_value(platform) AS platform,
       CAST(row_number() OVER (ORDER BY entity_key) AS INTEGER) AS eid
FROM detection_events
WHERE event_time < $analysis_start::TIMESTAMPTZ
GROUP BY entity_key;

CREATE OR REPLACE TEMP TABLE det_train AS
SELECT k.eid, epoch_ms(e.event_time) AS ms, e.bytes, e.rows, e.outcome = 'failure' AS failed
FROM detection_events e
JOIN det_keys k ON k.entity_key = e.entity_key
WHERE e.event_time < $analysis_start::TIMESTAMPTZ;
