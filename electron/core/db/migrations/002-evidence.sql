-- Evidence intake: every imported file, every record's fate. Invariant per file:
-- records_seen = records_loaded + records_rejected (enforced by CHECK).

CREATE TABLE imports (
  import_id     INTEGER PRIMARY KEY,
  started_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ,
  tool_version  VARCHAR NOT NULL,
  options       JSON,
  enrichment    VARCHAR,                    -- offline IP dataset and version used for this import's events
  state         VARCHAR NOT NULL            -- only 'committed' rows are ever visible (one transaction per import)
);

CREATE TABLE evidence_files (
  file_id           INTEGER PRIMARY KEY,
  import_id         INTEGER NOT NULL,
  sha256            VARCHAR NOT NULL UNIQUE, -- the same file imported twice is recognised, never doubled
  path              VARCHAR NOT NULL,        -- as given by the user (display and provenance)
  file_name         VARCHAR NOT NULL,
  bytes             BIGINT NOT NULL,
  modified_at       TIMESTAMPTZ,
  source            VARCHAR NOT NULL,        -- okta | entra | m365 | google | github | salesforce | aws | slack | gcp | register | hr | generic | unknown
  shape             VARCHAR NOT NULL,        -- e.g. okta.system_log.ndjson, aws.cloudtrail.records_gz
  parser            VARCHAR NOT NULL,
  parser_version    VARCHAR NOT NULL,
  encoding          VARCHAR,                 -- utf-8, utf-8-bom, utf-16le…
  compression       VARCHAR,                 -- gzip or NULL
  records_seen      BIGINT NOT NULL,
  records_loaded    BIGINT NOT NULL,
  records_rejected  BIGINT NOT NULL,
  records_unmapped  BIGINT NOT NULL DEFAULT 0, -- loaded records that produced no canonical row (kept as evidence)
  events_loaded     BIGINT NOT NULL DEFAULT 0,
  warnings          JSON,                    -- list of strings
  imported_at       TIMESTAMPTZ NOT NULL,
  CHECK (records_seen = records_loaded + records_rejected)
);

-- The raw text of every loaded record, so any finding can show the exact bytes behind it.
CREATE TABLE evidence_records (
  file_id      INTEGER NOT NULL,
  record_no    BIGINT NOT NULL,              -- 1-based, in file order (line for NDJSON/CSV, element for arrays)
  byte_offset  BIGINT,                        -- in the decompressed (and, for UTF-16, transcoded) content
  byte_length  BIGINT,
  raw          VARCHAR NOT NULL,              -- invalid UTF-8 shows as U+FFFD here ...
  raw_bytes    BLOB                           -- ... and the exact bytes are kept here (NULL when raw is exact)
  -- (file_id, record_no) is unique by construction (one writer, numbered in file order). No
  -- PRIMARY KEY: maintaining an index over millions of bulk-loaded rows doubles import time.
);

-- Records that could not be loaded: kept, never dropped.
CREATE TABLE evidence_rejects (
  file_id      INTEGER NOT NULL,
  record_no    BIGINT NOT NULL,
  byte_offset  BIGINT,
  reason_code  VARCHAR NOT NULL,             -- e.g. INVALID_JSON, DEPTH_EXCEEDED, LINE_TOO_LONG, RAGGED_ROW
  reason       VARCHAR NOT NULL,
  raw          BLOB,                         -- capped; raw_sha256 and raw_length always describe the whole record
  raw_length   BIGINT NOT NULL,
  raw_sha256   VARCHAR NOT NULL,
  PRIMARY KEY (file_id, record_no)
);

-- Files seen but not imported: unrecognised (offered to a generic mapper later) or failed as a
-- whole (decompression bomb, damaged gzip, unreadable). Kept so the analyst sees every file.
CREATE TABLE evidence_skipped (
  import_id    INTEGER NOT NULL,
  path         VARCHAR NOT NULL,
  sha256       VARCHAR,
  bytes        BIGINT,
  status       VARCHAR NOT NULL,             -- unrecognised | failed
  reason_code  VARCHAR NOT NULL,
  reason       VARCHAR NOT NULL,
  seen_at      TIMESTAMPTZ NOT NULL
);
