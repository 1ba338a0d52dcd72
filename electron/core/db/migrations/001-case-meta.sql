-- Case metadata: one row per key. Written once at creation; tool_version updated on each open.
CREATE TABLE case_meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- Append-only record of analyst and tool actions (who, when, what). Issue 8 extends its use.
CREATE TABLE action_log (
  seq        BIGINT PRIMARY KEY,
  acted_at   TIMESTAMPTZ NOT NULL,
  actor      VARCHAR NOT NULL,
  action     VARCHAR NOT NULL,
  detail     JSON
);
