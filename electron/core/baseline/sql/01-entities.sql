-- One row per entity seen before the analysis window, with the minimum-history verdict and
-- whether it behaves (or is declared to behave) like a machine. Machine-paced is finalised by
-- 06-machine-paced.sql once cadence is known.
DELETE FROM baseline_entities;

INSERT INTO baseline_entities
SELECT
  entity_key,
  any_value(entity_type),
  any_value(platform),
  min(event_time),
  max(event_time),
  count(*),
  count(DISTINCT day_no),
  (max(ts) - min(ts)) / 86400.0,
  count(DISTINCT day_no) >= $min_history_days AND count(*) >= $min_history_events,
  false,
  NULL
FROM detection_events
WHERE event_time < $analysis_start::TIMESTAMPTZ
GROUP BY entity_key;
