-- One row per entity seen before the analysis window, with the minimum-history verdict.
-- Machine-paced is finalised by 07-machine-paced.sql once cadence is known.
DELETE FROM baseline_entities;

INSERT INTO baseline_entities
SELECT k.entity_key, k.entity_type, k.platform, make_timestamptz(t.first_ms * 1000), make_timestamptz(t.last_ms * 1000),
       t.n, t.active_days, (t.last_ms - t.first_ms) / 86400000.0,
       t.active_days >= $min_history_days AND t.n >= $min_history_events, false, NULL
FROM (
  SELECT eid, min(ms) AS first_ms, max(ms) AS last_ms, count(*) AS n, count(DISTINCT ms // 86400000) AS active_days
  FROM det_train
  GROUP BY eid
) t
JOIN det_keys k ON k.eid = t.eid;
