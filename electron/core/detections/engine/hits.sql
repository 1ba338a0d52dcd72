-- Scratch tables of one detection run (temporary: they live only on this connection).
CREATE OR REPLACE TEMP TABLE det_rules (
  rule_id     VARCHAR PRIMARY KEY,
  version     INTEGER NOT NULL,
  kind        VARCHAR NOT NULL,
  severity    VARCHAR NOT NULL,
  frameworks  VARCHAR[] NOT NULL
);

CREATE OR REPLACE TEMP TABLE det_hits (
  rule_id      VARCHAR NOT NULL,
  entity_key   VARCHAR NOT NULL,
  entity_type  VARCHAR NOT NULL,
  first_seen   TIMESTAMPTZ,
  last_seen    TIMESTAMPTZ,
  event_count  BIGINT NOT NULL,
  severity     VARCHAR,
  summary      VARCHAR NOT NULL,
  explanation  JSON NOT NULL,
  event_ids    BIGINT[]
);
