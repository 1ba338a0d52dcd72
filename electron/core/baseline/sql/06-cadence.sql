-- Cadence of runs: events closer than $burst_gap_seconds belong to one run; the period is the
-- median gap between run starts and the jitter its MAD. Declared cadence and approved hours come
-- from the register (credentials.approved_cadence / approved_hours_utc).
DELETE FROM baseline_cadence;

INSERT INTO baseline_cadence
WITH gaps AS (
  SELECT eid, ms, ms - lag(ms) OVER (PARTITION BY eid ORDER BY ms) AS gap_ms
  FROM det_train
),
starts AS (
  SELECT eid, (ms - lag(ms) OVER (PARTITION BY eid ORDER BY ms)) / 1000.0 AS run_gap
  FROM gaps
  WHERE gap_ms IS NULL OR gap_ms > $burst_gap_seconds * 1000
),
observed AS (
  SELECT k.entity_key, count(s.run_gap) AS intervals, median(s.run_gap) AS period_s, mad(s.run_gap) AS jitter_s
  FROM starts s JOIN det_keys k ON k.eid = s.eid
  GROUP BY k.entity_key
),
declared AS (
  SELECT credential_key AS entity_key,
         det_iso_duration_seconds(approved_cadence) AS declared_period_s,
         approved_hours_utc
  FROM credentials
  WHERE approved_cadence IS NOT NULL OR approved_hours_utc IS NOT NULL
)
SELECT coalesce(o.entity_key, d.entity_key), coalesce(o.intervals, 0), o.period_s, o.jitter_s,
       d.declared_period_s, d.approved_hours_utc
FROM observed o FULL OUTER JOIN declared d ON d.entity_key = o.entity_key;
