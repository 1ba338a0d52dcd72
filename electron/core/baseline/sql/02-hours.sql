-- Hour-of-week profile (0 = Monday 00:00 UTC).
DELETE FROM baseline_hours;

INSERT INTO baseline_hours
SELECT entity_key, hour_of_week, count(*)
FROM detection_events
WHERE event_time < $analysis_start::TIMESTAMPTZ
GROUP BY entity_key, hour_of_week;
