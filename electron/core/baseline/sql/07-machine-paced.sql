-- A credential is machine-paced when its register declares an approved cadence or approved hours,
-- or when its own runs keep a steady rhythm (enough intervals, jitter small against the period).
INSERT INTO baseline_entities
SELECT c.entity_key, 'credential', cr.platform, NULL, NULL, 0, 0, 0, false, false, NULL
FROM baseline_cadence c
JOIN credentials cr ON cr.credential_key = c.entity_key
WHERE c.entity_key NOT IN (SELECT entity_key FROM baseline_entities);

UPDATE baseline_entities b
SET machine_paced = true,
    machine_basis = CASE WHEN c.declared_period_s IS NOT NULL OR c.approved_hours_utc IS NOT NULL THEN 'declared' ELSE 'observed' END
FROM baseline_cadence c
WHERE c.entity_key = b.entity_key
  AND (c.declared_period_s IS NOT NULL OR c.approved_hours_utc IS NOT NULL
       OR (c.intervals >= $machine_min_intervals AND c.period_s > 0 AND c.jitter_s <= $machine_max_jitter_ratio * c.period_s));
