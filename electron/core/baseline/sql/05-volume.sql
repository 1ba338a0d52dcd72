-- Calls, bytes, rows and failures per active hour and per active day: median, MAD, p95, max.
DELETE FROM baseline_volume;

INSERT INTO baseline_volume
WITH hourly AS (
  SELECT entity_key, day_no, CAST(floor(ts / 3600) AS BIGINT) AS hour_no,
         count(*) AS calls, coalesce(sum(bytes), 0) AS bytes, coalesce(sum(rows), 0) AS rows,
         count(*) FILTER (WHERE outcome = 'failure') AS failures
  FROM detection_events
  WHERE event_time < $analysis_start::TIMESTAMPTZ
  GROUP BY ALL
),
daily AS (
  SELECT entity_key, day_no, sum(calls) AS calls, sum(bytes) AS bytes, sum(rows) AS rows, sum(failures) AS failures
  FROM hourly
  GROUP BY ALL
),
long AS (
  SELECT entity_key, 'hour' AS grain, UNNEST(['calls', 'bytes', 'rows', 'failures']) AS metric,
         UNNEST([calls, bytes, rows, failures]::DOUBLE[]) AS value
  FROM hourly
  UNION ALL
  SELECT entity_key, 'day', UNNEST(['calls', 'bytes', 'rows', 'failures']),
         UNNEST([calls, bytes, rows, failures]::DOUBLE[])
  FROM daily
)
SELECT entity_key, grain, metric, count(*), median(value), mad(value), quantile_cont(value, 0.95), max(value)
FROM long
GROUP BY entity_key, grain, metric;
