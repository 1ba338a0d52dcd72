-- Calls, bytes, rows and failures per active hour and per active day: median, MAD, p95, max.
-- Computed wide (one pass per grain) and unpivoted afterwards, so the event-sized intermediate
-- is never multiplied by the number of metrics.
DELETE FROM baseline_volume;

INSERT INTO baseline_volume
WITH daily AS MATERIALIZED (
  SELECT eid, count(*) AS calls, coalesce(sum(bytes), 0) AS bytes, coalesce(sum(rows), 0) AS rows, count(*) FILTER (WHERE failed) AS failures
  FROM det_train
  GROUP BY eid, ms // 86400000
),
hourly AS MATERIALIZED (
  -- the hour grain learns from the most recent $hour_grain_days days of training: millions of
  -- (entity, hour) groups otherwise, and recent hours describe today's load best
  SELECT eid, count(*) AS calls, coalesce(sum(bytes), 0) AS bytes, coalesce(sum(rows), 0) AS rows, count(*) FILTER (WHERE failed) AS failures
  FROM det_train
  WHERE ms >= epoch_ms($analysis_start::TIMESTAMPTZ) - $hour_grain_days * 86400000
  GROUP BY eid, ms // 3600000
),
stats AS (
  -- hour grain: quartiles and p95 in one sort per metric (millions of hours); MAD is estimated
  -- as half the interquartile range, which equals the MAD for a symmetric distribution
  SELECT eid, 'hour' AS grain, count(*) AS periods,
         quantile_cont(calls, [0.25, 0.5, 0.75, 0.95]) AS qc, quantile_cont(bytes, [0.25, 0.5, 0.75, 0.95]) AS qb,
         quantile_cont(rows, [0.25, 0.5, 0.75, 0.95]) AS qr, quantile_cont(failures, [0.25, 0.5, 0.75, 0.95]) AS qf,
         [max(calls), max(bytes), max(rows), max(failures)]::DOUBLE[] AS mx
  FROM hourly GROUP BY eid
),
hour_stats AS (
  SELECT eid, grain, periods,
         [qc[2], qb[2], qr[2], qf[2]]::DOUBLE[] AS med,
         [(qc[3] - qc[1]) / 2, (qb[3] - qb[1]) / 2, (qr[3] - qr[1]) / 2, (qf[3] - qf[1]) / 2]::DOUBLE[] AS mads,
         [qc[4], qb[4], qr[4], qf[4]]::DOUBLE[] AS p95, mx
  FROM stats
),
day_stats AS (
  -- day grain: exact median and MAD (one row per active day, few per entity)
  SELECT eid, 'day' AS grain, count(*) AS periods,
         [median(calls), median(bytes), median(rows), median(failures)]::DOUBLE[] AS med,
         [mad(calls), mad(bytes), mad(rows), mad(failures)]::DOUBLE[] AS mads,
         [quantile_cont(calls, 0.95), quantile_cont(bytes, 0.95), quantile_cont(rows, 0.95), quantile_cont(failures, 0.95)]::DOUBLE[] AS p95,
         [max(calls), max(bytes), max(rows), max(failures)]::DOUBLE[] AS mx
  FROM daily GROUP BY eid
),
all_stats AS (
  SELECT * FROM hour_stats UNION ALL SELECT * FROM day_stats
)
SELECT k.entity_key, s.grain, ['calls', 'bytes', 'rows', 'failures'][r.i], s.periods, s.med[r.i], s.mads[r.i], s.p95[r.i], s.mx[r.i]
FROM all_stats s
JOIN det_keys k ON k.eid = s.eid
CROSS JOIN range(1, 5) r(i);
