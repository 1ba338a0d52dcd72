-- Calls, bytes, rows and failures per active hour and per active day: median, MAD, p95, max.
-- Computed wide (one pass per grain) and unpivoted afterwards, so the event-sized intermediate
-- is never multiplied by the number of metrics.
DELETE FROM baseline_volume;

INSERT INTO baseline_volume
WITH hourly AS MATERIALIZED (
  SELECT entity_key, any_value(day_no) AS day_no,
         count(*) AS calls, coalesce(sum(bytes), 0) AS bytes, coalesce(sum(rows), 0) AS rows,
         count(*) FILTER (WHERE outcome = 'failure') AS failures
  FROM detection_events
  WHERE event_time < $analysis_start::TIMESTAMPTZ
  GROUP BY entity_key, CAST(floor(ts / 3600) AS BIGINT)
),
daily AS MATERIALIZED (
  SELECT entity_key, sum(calls) AS calls, sum(bytes) AS bytes, sum(rows) AS rows, sum(failures) AS failures
  FROM hourly
  GROUP BY entity_key, day_no
),
stats AS (
  SELECT entity_key, 'hour' AS grain, count(*) AS periods,
         [median(calls), median(bytes), median(rows), median(failures)]::DOUBLE[] AS med,
         [mad(calls), mad(bytes), mad(rows), mad(failures)]::DOUBLE[] AS mads,
         [quantile_cont(calls, 0.95), quantile_cont(bytes, 0.95), quantile_cont(rows, 0.95), quantile_cont(failures, 0.95)]::DOUBLE[] AS p95,
         [max(calls), max(bytes), max(rows), max(failures)]::DOUBLE[] AS mx
  FROM hourly GROUP BY entity_key
  UNION ALL
  SELECT entity_key, 'day', count(*),
         [median(calls), median(bytes), median(rows), median(failures)]::DOUBLE[],
         [mad(calls), mad(bytes), mad(rows), mad(failures)]::DOUBLE[],
         [quantile_cont(calls, 0.95), quantile_cont(bytes, 0.95), quantile_cont(rows, 0.95), quantile_cont(failures, 0.95)]::DOUBLE[],
         [max(calls), max(bytes), max(rows), max(failures)]::DOUBLE[]
  FROM daily GROUP BY entity_key
)
SELECT entity_key, grain, ['calls', 'bytes', 'rows', 'failures'][k], periods, med[k], mads[k], p95[k], mx[k]
FROM stats, range(1, 5) r(k);
