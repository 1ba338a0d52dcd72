-- Cases (issue 8): analyst triage of findings, notes, tags and links, and a hash-chained action
-- log (SECURITY.md T9.4). Documented in docs/schema.md.

-- Each action_log row stores the SHA-256 of the previous row and of itself (over a canonical
-- serialisation, see electron/core/cases/action-log.ts). Rows written by code that does not
-- hash (e.g. the importer) are sealed in seq order by the next hashing append; verification
-- recomputes the chain and names the first row that does not match.
ALTER TABLE action_log ADD COLUMN prev_hash VARCHAR;
ALTER TABLE action_log ADD COLUMN row_hash VARCHAR;

-- One triage state per finding. Finding ids are stable across runs (rule | entity | window), so
-- a state survives re-running detections. accepted_risk always carries an expiry.
CREATE TABLE triage (
  finding_id  VARCHAR PRIMARY KEY,
  state       VARCHAR NOT NULL,
  expires_at  TIMESTAMPTZ,
  updated_at  TIMESTAMPTZ NOT NULL,
  updated_by  VARCHAR NOT NULL,
  CHECK (state IN ('open', 'confirmed', 'false_positive', 'accepted_risk')),
  CHECK ((state = 'accepted_risk') = (expires_at IS NOT NULL))
);

-- Notes and tags attach to any case object by type and key: finding (finding_id),
-- credential (credential_key), event (event_id), app (app_key), principal (principal_key).
CREATE SEQUENCE case_note_ids START 1;
CREATE TABLE case_notes (
  note_id      INTEGER PRIMARY KEY DEFAULT nextval('case_note_ids'),
  target_type  VARCHAR NOT NULL,
  target_key   VARCHAR NOT NULL,
  body         VARCHAR NOT NULL,
  author       VARCHAR NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE case_tags (
  target_type  VARCHAR NOT NULL,
  target_key   VARCHAR NOT NULL,
  tag          VARCHAR NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (target_type, target_key, tag)
);

-- Analyst-made links between case objects (a finding to the credential or events it is about,
-- two findings of one incident…). Stored once per ordered pair and relation.
CREATE TABLE case_links (
  from_type   VARCHAR NOT NULL,
  from_key    VARCHAR NOT NULL,
  to_type     VARCHAR NOT NULL,
  to_key      VARCHAR NOT NULL,
  relation    VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (from_type, from_key, to_type, to_key, relation)
);
