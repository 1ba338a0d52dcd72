-- Hour-of-week profile (0 = Monday 00:00 UTC; 1970-01-01 was a Thursday, hence + 72).
DELETE FROM baseline_hours;

INSERT INTO baseline_hours
SELECT k.entity_key, t.how, t.n
FROM (SELECT eid, CAST((ms // 3600000 + 72) % 168 AS INTEGER) AS how, count(*) AS n FROM det_train GROUP BY ALL) t
JOIN det_keys k ON k.eid = t.eid;
