-- Turn the raw rule hits of a run into findings: the entity with every identifier it has in
-- the source data, the exact inventory and event records (file SHA-256 + record number), rule
-- metadata, a stable id, and the suppression that covers it, if any.
DELETE FROM findings;

INSERT OR IGNORE INTO findings
WITH hit_entities AS (
  SELECT DISTINCT entity_key, entity_type FROM det_hits
),
ref_ids AS (
  -- identifiers exactly as they appeared in events, for entities no inventory or identity
  -- rebuild gave an id (the importer already folds event references into credential_ids)
  SELECT e.credential_key AS entity_key, e.credential_ref AS id_value
  FROM events e
  SEMI JOIN (SELECT entity_key FROM hit_entities WHERE entity_key NOT IN (SELECT credential_key FROM credential_ids)) h
    ON h.entity_key = e.credential_key
  WHERE e.credential_ref IS NOT NULL
  UNION
  SELECT e.app_key, e.app_ref
  FROM events e
  SEMI JOIN (SELECT entity_key FROM hit_entities WHERE entity_key NOT IN (SELECT app_key FROM app_ids)) h
    ON h.entity_key = e.app_key
  WHERE e.app_ref IS NOT NULL AND e.credential_key IS NULL
),
all_ids AS (
  SELECT credential_key AS entity_key, id_value FROM credential_ids
  UNION SELECT app_key, id_value FROM app_ids
  UNION SELECT principal_key, id_value FROM principal_ids
  UNION SELECT entity_key, id_value FROM ref_ids
),
entity_ids AS (
  SELECT h.entity_key, list(DISTINCT a.id_value ORDER BY a.id_value) FILTER (WHERE a.id_value IS NOT NULL) AS ids
  FROM hit_entities h LEFT JOIN all_ids a ON a.entity_key = h.entity_key
  GROUP BY h.entity_key
),
entity_info AS (
  SELECT entity_key, any_value(name) AS name, any_value(platform) AS platform
  FROM (
    SELECT credential_key AS entity_key, display_name AS name, platform FROM credentials
    UNION ALL SELECT app_key, name, platform FROM apps
    UNION ALL SELECT principal_key, coalesce(display_name, email), NULL FROM principals
  ) i
  SEMI JOIN hit_entities h ON h.entity_key = i.entity_key
  GROUP BY entity_key
),
hit_refs AS (
  SELECT h.rule_id, h.entity_key, h.first_seen, h.last_seen,
         UNNEST(list_slice(list_sort(h.event_ids), 1, $max_event_refs)) AS event_id
  FROM det_hits h
  WHERE h.event_ids IS NOT NULL
),
event_refs AS (
  SELECT r.rule_id, r.entity_key, r.first_seen, r.last_seen,
         list({'sha256': f.sha256, 'record': e.record_no, 'event_id': e.event_id} ORDER BY e.event_time, e.event_id) AS refs
  FROM hit_refs r
  JOIN events e ON e.event_id = r.event_id
  JOIN evidence_files f ON f.file_id = e.file_id
  GROUP BY ALL
),
inventory_refs AS (
  SELECT entity_key, list(DISTINCT ref ORDER BY ref) AS refs
  FROM (
    SELECT cr.credential_key AS entity_key, {'sha256': f.sha256, 'record': cr.record_no} AS ref
    FROM credential_records cr JOIN evidence_files f ON f.file_id = cr.file_id
    SEMI JOIN hit_entities h ON h.entity_key = cr.credential_key
    UNION ALL
    SELECT g.app_key, {'sha256': f.sha256, 'record': g.record_no}
    FROM grants g JOIN evidence_files f ON f.file_id = g.file_id
    SEMI JOIN hit_entities h ON h.entity_key = g.app_key AND h.entity_type = 'app'
  )
  GROUP BY entity_key
)
SELECT
  substr(sha256(h.rule_id || '|' || h.entity_key || '|' || coalesce(CAST(epoch_ms(h.first_seen) AS VARCHAR), '-')
                || '|' || coalesce(CAST(epoch_ms(h.last_seen) AS VARCHAR), '-')), 1, 32),
  $run_id,
  h.rule_id,
  r.version,
  r.kind,
  coalesce(h.severity, r.severity),
  h.entity_type,
  h.entity_key,
  -- never empty: fall back to the id part of the canonical key when no source id was recorded
  CASE WHEN len(coalesce(ids.ids, [])) > 0 THEN ids.ids ELSE [regexp_extract(h.entity_key, '[^:]*$')] END,
  info.name,
  coalesce(info.platform, split_part(h.entity_key, ':', 1)),
  h.first_seen,
  h.last_seen,
  h.event_count,
  h.summary,
  h.explanation,
  r.frameworks,
  coalesce(er.refs, []),
  coalesce(ir.refs, []),
  (SELECT min(s.suppression_id) FROM suppressions s
    WHERE s.entity_key = h.entity_key AND (s.rule_id IS NULL OR s.rule_id = h.rule_id) AND s.expires_at > $as_of::TIMESTAMPTZ)
FROM det_hits h
JOIN det_rules r ON r.rule_id = h.rule_id
LEFT JOIN entity_ids ids ON ids.entity_key = h.entity_key
LEFT JOIN entity_info info ON info.entity_key = h.entity_key
LEFT JOIN inventory_refs ir ON ir.entity_key = h.entity_key
LEFT JOIN event_refs er ON er.rule_id = h.rule_id AND er.entity_key = h.entity_key
  AND er.first_seen IS NOT DISTINCT FROM h.first_seen AND er.last_seen IS NOT DISTINCT FROM h.last_seen;
