-- SQL console queries saved by the analyst; they travel with the case.
CREATE TABLE saved_queries (
  query_id  INTEGER PRIMARY KEY,
  name      VARCHAR NOT NULL UNIQUE,
  sql       VARCHAR NOT NULL,
  saved_at  TIMESTAMPTZ NOT NULL
);
