-- Detections: per-entity baselines, findings, and the tuning an analyst controls (rule
-- parameters, suppressions, allowlists, IOC packs). Documented in docs/detections.md.
-- Baseline tables are rebuilt by every detection run from the canonical events, as of the run's
-- explicit instant; nothing here reads the wall clock.

-- ---------------------------------------------------------------------------------------------
-- Helpers (pure SQL macros, so rules and baselines share one definition)

-- Seconds in an ISO-8601 duration as used by credentials.approved_cadence (PT15M, PT1H, P1D, P1W, P1M).
-- Months count as 30 days: a cadence, not a calendar.
CREATE MACRO det_iso_duration_seconds(d) AS (
  CASE WHEN d IS NULL OR NOT regexp_matches(upper(trim(d)), '^P(\d+W)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$') THEN NULL
  ELSE
      coalesce(TRY_CAST(regexp_extract(upper(trim(d)), '^P(?:(\d+)W)?', 1) AS BIGINT), 0) * 604800
    + coalesce(TRY_CAST(regexp_extract(upper(trim(d)), '^P(?:\d+W)?(?:(\d+)M)?', 1) AS BIGINT), 0) * 2592000
    + coalesce(TRY_CAST(regexp_extract(upper(trim(d)), '^P(?:\d+W)?(?:\d+M)?(?:(\d+)D)?', 1) AS BIGINT), 0) * 86400
    + coalesce(TRY_CAST(regexp_extract(upper(trim(d)), 'T(?:(\d+)H)?', 1) AS BIGINT), 0) * 3600
    + coalesce(TRY_CAST(regexp_extract(upper(trim(d)), 'T(?:\d+H)?(?:(\d+)M)?', 1) AS BIGINT), 0) * 60
    + coalesce(TRY_CAST(regexp_extract(upper(trim(d)), 'T(?:\d+H)?(?:\d+M)?(?:(\d+)S)?', 1) AS BIGINT), 0)
  END
);

-- Whether an hour of day (0-23, UTC) falls in an approved span like '22-04' (wraps midnight) or
-- '08-18'. NULL when the span is absent or unreadable, so callers can tell "unknown" from "outside".
CREATE MACRO det_in_hours(h, spec) AS (
  CASE
    WHEN spec IS NULL OR NOT regexp_matches(trim(spec), '^\d{1,2}\s*-\s*\d{1,2}$') THEN NULL
    WHEN CAST(regexp_extract(trim(spec), '^(\d{1,2})', 1) AS INTEGER) <= CAST(regexp_extract(trim(spec), '(\d{1,2})$', 1) AS INTEGER)
      THEN h >= CAST(regexp_extract(trim(spec), '^(\d{1,2})', 1) AS INTEGER) AND h < CAST(regexp_extract(trim(spec), '(\d{1,2})$', 1) AS INTEGER)
    ELSE h >= CAST(regexp_extract(trim(spec), '^(\d{1,2})', 1) AS INTEGER) OR h < CAST(regexp_extract(trim(spec), '(\d{1,2})$', 1) AS INTEGER)
  END
);

-- IPv4 dotted quad to an unsigned integer (NULL for anything else, including IPv6).
CREATE MACRO det_ipv4_int(ip) AS (
  CASE WHEN ip IS NOT NULL AND regexp_matches(ip, '^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$') THEN
      TRY_CAST(split_part(ip, '.', 1) AS UBIGINT) * 16777216
    + TRY_CAST(split_part(ip, '.', 2) AS UBIGINT) * 65536
    + TRY_CAST(split_part(ip, '.', 3) AS UBIGINT) * 256
    + TRY_CAST(split_part(ip, '.', 4) AS UBIGINT)
  END
);

-- The network an address belongs to for baselining: /24 for IPv4, the first four hextets (/64)
-- for IPv6 as written (compressed forms are compared as written).
CREATE MACRO det_ip_prefix(ip) AS (
  CASE
    WHEN ip IS NULL THEN NULL
    WHEN contains(ip, ':') THEN array_to_string(list_slice(string_split(ip, ':'), 1, 4), ':') || '::/64'
    ELSE regexp_extract(ip, '^(\d{1,3}\.\d{1,3}\.\d{1,3})\.', 1) || '.0/24'
  END
);

-- Whether an address or AS number is covered by a CIDR ('10.0.0.0/8', '2001:db8::/32') or an
-- 'AS<number>' entry. IPv6 CIDRs match on their textual prefix.
CREATE MACRO det_network_matches(ip, asn, entry) AS (
  CASE
    WHEN entry IS NULL THEN false
    WHEN upper(entry) LIKE 'AS%' THEN asn IS NOT NULL AND TRY_CAST(substr(entry, 3) AS INTEGER) = asn
    WHEN contains(entry, ':') THEN ip IS NOT NULL AND starts_with(lower(ip), lower(rtrim(split_part(entry, '/', 1), ':')))
    WHEN det_ipv4_int(ip) IS NULL OR det_ipv4_int(split_part(entry, '/', 1)) IS NULL THEN false
    ELSE (det_ipv4_int(ip) // (2::UBIGINT ** (32 - coalesce(TRY_CAST(nullif(split_part(entry, '/', 2), '') AS INTEGER), 32))))::UBIGINT
       = (det_ipv4_int(split_part(entry, '/', 1)) // (2::UBIGINT ** (32 - coalesce(TRY_CAST(nullif(split_part(entry, '/', 2), '') AS INTEGER), 32))))::UBIGINT
  END
);

-- A TIMESTAMPTZ as a naive UTC TIMESTAMP, so formatting never depends on the session time zone.
CREATE MACRO det_utc(t) AS (make_timestamp(epoch_us(t)));

-- Great-circle distance in km.
CREATE MACRO det_km(lat1, lon1, lat2, lon2) AS (
  2 * 6371 * asin(sqrt(
      pow(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)
  ))
);

-- A user agent without version numbers, so 'python-requests/2.31.0' and '/2.32.4' are one family.
CREATE MACRO det_ua_family(ua) AS (
  CASE WHEN ua IS NULL THEN NULL ELSE lower(regexp_replace(trim(ua), '[0-9]+([._][0-9A-Za-z]+)*', '#', 'g')) END
);

-- ---------------------------------------------------------------------------------------------
-- The events detections read: every timed event with the entity it attaches to (the credential
-- when the log names one, else the app, else a non-human principal) and UTC calendar features
-- computed from the epoch so no session time zone can shift them. A person's own activity with no
-- credential or app named (interactive sign-ins) is out of scope: this is a workbench for
-- non-human identities, and people returning from leave are not findings.
CREATE VIEW detection_events AS
SELECT
  e.*,
  CASE WHEN e.credential_key IS NOT NULL THEN e.credential_key
       WHEN e.app_key IS NOT NULL THEN e.app_key
       ELSE e.principal_key END AS entity_key,
  CASE WHEN e.credential_key IS NOT NULL THEN 'credential'
       WHEN e.app_key IS NOT NULL THEN 'app'
       ELSE 'principal' END AS entity_type,
  -- integer milliseconds since the epoch: cheaper than epoch() and independent of the session time zone
  epoch_ms(e.event_time) / 1000.0 AS ts,
  (epoch_ms(e.event_time) // 3600000) % 24 AS hour_utc,
  (epoch_ms(e.event_time) // 3600000 + 72) % 168 AS hour_of_week, -- 0 = Monday 00h UTC
  epoch_ms(e.event_time) // 86400000 AS day_no,
  det_ip_prefix(e.ip) AS ip_prefix
FROM events e
WHERE e.event_time IS NOT NULL
  AND (e.credential_key IS NOT NULL OR e.app_key IS NOT NULL
       OR (e.principal_key IS NOT NULL AND NOT starts_with(e.principal_key, 'person:')));

-- ---------------------------------------------------------------------------------------------
-- Runs and findings

CREATE TABLE detection_runs (
  run_id          INTEGER PRIMARY KEY,
  as_of           TIMESTAMPTZ NOT NULL,
  analysis_start  TIMESTAMPTZ NOT NULL,
  rules_version   VARCHAR NOT NULL,
  tool_version    VARCHAR NOT NULL,
  started_at      TIMESTAMPTZ NOT NULL,     -- bookkeeping only; never read by a rule
  finished_at     TIMESTAMPTZ,
  findings        INTEGER,
  timings         JSON                      -- {"baselines": ms, "<rule-id>": ms, …}
);

-- Findings of the latest run (each run replaces them; detection_runs keeps the history of runs).
CREATE TABLE findings (
  finding_id      VARCHAR PRIMARY KEY,      -- sha256(rule id | entity key | first seen | last seen), stable across runs
  run_id          INTEGER NOT NULL,
  rule_id         VARCHAR NOT NULL,
  rule_version    INTEGER NOT NULL,
  kind            VARCHAR NOT NULL,
  severity        VARCHAR NOT NULL,
  entity_type     VARCHAR NOT NULL,         -- credential | app | principal
  entity_key      VARCHAR NOT NULL,
  entity_ids      VARCHAR[] NOT NULL,       -- every identifier exactly as in the source data
  entity_name     VARCHAR,
  platform        VARCHAR,
  first_seen      TIMESTAMPTZ,
  last_seen       TIMESTAMPTZ,
  event_count     BIGINT NOT NULL,
  summary         VARCHAR NOT NULL,
  explanation     JSON NOT NULL,
  frameworks      VARCHAR[] NOT NULL,
  event_refs      STRUCT(sha256 VARCHAR, record BIGINT, event_id BIGINT)[] NOT NULL,
  inventory_refs  STRUCT(sha256 VARCHAR, record BIGINT)[] NOT NULL,
  suppression_id  INTEGER                   -- set when an active suppression covers the finding
);

-- ---------------------------------------------------------------------------------------------
-- Baselines (one row set per entity, learned from the training window: before analysis_start).
-- No primary keys: each run rebuilds them wholesale in SQL, and index upkeep on millions of
-- rows would cost more than the analysis itself. Uniqueness comes from the GROUP BYs.

CREATE TABLE baseline_entities (
  entity_key        VARCHAR NOT NULL,
  entity_type       VARCHAR NOT NULL,
  platform          VARCHAR,
  first_seen        TIMESTAMPTZ,            -- first training event
  last_seen         TIMESTAMPTZ,            -- last training event
  train_events      BIGINT NOT NULL,
  train_active_days INTEGER NOT NULL,
  train_span_days   DOUBLE NOT NULL,
  mature            BOOLEAN NOT NULL,       -- enough history to judge novelty (minimum-history rule)
  machine_paced     BOOLEAN NOT NULL,
  machine_basis     VARCHAR                 -- declared | observed | NULL
);

CREATE TABLE baseline_hours (
  entity_key    VARCHAR NOT NULL,
  hour_of_week  INTEGER NOT NULL,
  events        BIGINT NOT NULL
);

CREATE TABLE baseline_networks (
  entity_key  VARCHAR NOT NULL,
  feature     VARCHAR NOT NULL,             -- ip_prefix | asn | country
  value       VARCHAR NOT NULL,
  events      BIGINT NOT NULL,
  first_seen  TIMESTAMPTZ NOT NULL,
  last_seen   TIMESTAMPTZ NOT NULL
);

CREATE TABLE baseline_user_agents (
  entity_key  VARCHAR NOT NULL,
  ua_family   VARCHAR NOT NULL,
  example     VARCHAR NOT NULL,
  events      BIGINT NOT NULL,
  first_seen  TIMESTAMPTZ NOT NULL,
  last_seen   TIMESTAMPTZ NOT NULL
);

-- Robust statistics over active periods (hours or days with at least one event).
CREATE TABLE baseline_volume (
  entity_key  VARCHAR NOT NULL,
  grain       VARCHAR NOT NULL,             -- hour | day
  metric      VARCHAR NOT NULL,             -- calls | bytes | rows | failures
  periods     BIGINT NOT NULL,
  median      DOUBLE,
  mad         DOUBLE,
  p95         DOUBLE,
  max         DOUBLE
);

CREATE TABLE baseline_cadence (
  entity_key          VARCHAR NOT NULL,
  intervals           BIGINT NOT NULL,
  period_s            DOUBLE,               -- median gap between events
  jitter_s            DOUBLE,               -- MAD of the gaps
  declared_period_s   DOUBLE,               -- from credentials.approved_cadence
  approved_hours_utc  VARCHAR
);

CREATE TABLE baseline_resources (
  entity_key  VARCHAR NOT NULL,
  feature     VARCHAR NOT NULL,             -- system | resource | operation
  value       VARCHAR NOT NULL,
  events      BIGINT NOT NULL,
  first_seen  TIMESTAMPTZ NOT NULL
);

-- Requested, granted and actually used scopes per entity (all history up to as_of).
CREATE TABLE baseline_scopes (
  entity_key    VARCHAR NOT NULL,
  scope         VARCHAR NOT NULL,
  granted       BOOLEAN NOT NULL,
  requested_n   BIGINT NOT NULL,
  used_n        BIGINT NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Tuning the analyst controls, per case

CREATE TABLE rule_parameters (
  rule_id     VARCHAR NOT NULL,             -- a catalog rule id, or 'baseline'
  name        VARCHAR NOT NULL,
  value       JSON NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (rule_id, name)
);

CREATE SEQUENCE suppression_ids START 1;
CREATE TABLE suppressions (
  suppression_id  INTEGER PRIMARY KEY DEFAULT nextval('suppression_ids'),
  entity_key      VARCHAR NOT NULL,
  rule_id         VARCHAR,                  -- NULL = every rule
  reason          VARCHAR NOT NULL,
  expires_at      TIMESTAMPTZ NOT NULL,     -- every suppression ends; compared with the run's as_of
  created_at      TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE allowlist_ids START 1;
CREATE TABLE allowlist_networks (
  allowlist_id  INTEGER PRIMARY KEY DEFAULT nextval('allowlist_ids'),
  entry         VARCHAR NOT NULL UNIQUE,    -- CIDR, single IP, or 'AS<number>'
  note          VARCHAR,
  created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE allowlist_user_agents (
  allowlist_id  INTEGER PRIMARY KEY DEFAULT nextval('allowlist_ids'),
  pattern       VARCHAR NOT NULL UNIQUE,    -- SQL LIKE pattern, case-insensitive
  note          VARCHAR,
  created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE ioc_packs (
  pack_id     VARCHAR NOT NULL,
  version     VARCHAR NOT NULL,
  title       VARCHAR NOT NULL,
  source      VARCHAR,                      -- where the values came from
  builtin     BOOLEAN NOT NULL,
  loaded_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (pack_id)
);

CREATE TABLE ioc_indicators (
  pack_id    VARCHAR NOT NULL,
  type       VARCHAR NOT NULL,              -- ip | cidr | user_agent | github_oauth_app_id | app_id | asn
  value      VARCHAR NOT NULL,
  incident   VARCHAR NOT NULL,
  note       VARCHAR,
  PRIMARY KEY (pack_id, incident, type, value)
);
