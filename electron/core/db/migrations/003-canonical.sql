-- One canonical schema across every source (documented in docs/schema.md). Detections, the
-- graph, the timeline and reports read these tables and the views built on them, never the
-- per-source shapes. Keys are strings of the form '<platform>:<kind>:<id>' so they are stable
-- across imports and readable in findings.

CREATE TABLE principals (
  principal_key  VARCHAR PRIMARY KEY,        -- 'person:<lower-case email>' or '<platform>:<kind>:<id>'
  kind           VARCHAR NOT NULL,           -- person | service_account | bot | app | unknown
  email          VARCHAR,
  display_name   VARCHAR,
  department     VARCHAR,
  manager_email  VARCHAR,
  hr_status      VARCHAR NOT NULL DEFAULT 'unknown', -- active | leave | terminated | unknown
  end_date       DATE
);

CREATE TABLE principal_ids (
  principal_key  VARCHAR NOT NULL,
  id_kind        VARCHAR NOT NULL,           -- email, okta_user_id, entra_object_id, salesforce_user_id, github_login…
  id_value       VARCHAR NOT NULL,
  PRIMARY KEY (id_kind, id_value)
);

CREATE TABLE apps (
  app_key        VARCHAR PRIMARY KEY,        -- '<platform>:app:<primary id>'
  platform       VARCHAR NOT NULL,
  name           VARCHAR,
  publisher      VARCHAR,
  verified       BOOLEAN,                    -- publisher verified (NULL = unknown)
  third_party    BOOLEAN,                    -- not built by the organisation (NULL = unknown)
  first_seen     TIMESTAMPTZ
);

CREATE TABLE app_ids (
  app_key        VARCHAR NOT NULL,
  id_kind        VARCHAR NOT NULL,           -- client_id, app_id, sp_object_id, connected_app_id, oauth_application_id…
  id_value       VARCHAR NOT NULL,
  PRIMARY KEY (id_kind, id_value)
);

CREATE TABLE credentials (
  credential_key      VARCHAR PRIMARY KEY,   -- '<platform>:<credential_type>:<primary id>'
  platform            VARCHAR NOT NULL,      -- okta | entra | google | github | salesforce | aws | slack | gcp | other
  credential_type     VARCHAR NOT NULL,      -- api_token | oauth_grant | refresh_token | access_key | service_account_key | pat | fine_grained_pat | client_secret | certificate | bot_token | delegated_grant | connected_app_token
  display_name        VARCHAR,
  owner_key           VARCHAR,               -- principals.principal_key
  app_key             VARCHAR,               -- apps.app_key
  created_at          TIMESTAMPTZ,
  expires_at          TIMESTAMPTZ,
  last_used_at        TIMESTAMPTZ,           -- from inventory (e.g. credential report) or the latest event
  last_reviewed_at    TIMESTAMPTZ,
  review_interval_days INTEGER,
  purpose             VARCHAR,
  approved_pattern    VARCHAR,               -- human text from the register
  approved_cadence    VARCHAR,               -- ISO-8601 duration (PT1H, P1D, P1M) for machine-paced credentials
  approved_hours_utc  VARCHAR,               -- e.g. '22-04'
  approved_networks   VARCHAR[],             -- CIDRs and 'AS<number>'
  status              VARCHAR NOT NULL DEFAULT 'unknown', -- active | revoked | expired | disabled | unknown
  revoked_at          TIMESTAMPTZ,
  scopes              VARCHAR[],             -- granted scopes, normalised per platform
  in_inventory        BOOLEAN NOT NULL DEFAULT false, -- false = only seen in logs (shadow)
  inventory_sources   VARCHAR[]
);

-- Every identifier a credential has in any source (token id, client id, key id, hashed token, access key id…).
CREATE TABLE credential_ids (
  credential_key VARCHAR NOT NULL,
  id_kind        VARCHAR NOT NULL,
  id_value       VARCHAR NOT NULL,
  PRIMARY KEY (id_kind, id_value)
);

-- The exact inventory records a credential was built from.
CREATE TABLE credential_records (
  credential_key VARCHAR NOT NULL,
  file_id        INTEGER NOT NULL,
  record_no      BIGINT NOT NULL,
  source         VARCHAR NOT NULL,
  PRIMARY KEY (credential_key, file_id, record_no)
);

CREATE TABLE grants (
  grant_key         VARCHAR PRIMARY KEY,
  platform          VARCHAR NOT NULL,
  app_key           VARCHAR,
  credential_key    VARCHAR,
  principal_key     VARCHAR,                 -- who consented (NULL for admin / all-principals consent)
  consent_type      VARCHAR,                 -- admin | user | all_principals | app_only
  scopes_requested  VARCHAR[],
  scopes_granted    VARCHAR[],
  granted_at        TIMESTAMPTZ,
  revoked_at        TIMESTAMPTZ,
  file_id           INTEGER,
  record_no         BIGINT
);

CREATE TABLE systems (
  system_key  VARCHAR PRIMARY KEY,           -- e.g. 'salesforce', 'github', 'aws:s3', 'google:gmail', 'microsoft:graph'
  name        VARCHAR NOT NULL,
  platform    VARCHAR NOT NULL
);

CREATE TABLE scope_catalog (
  platform     VARCHAR NOT NULL,
  scope        VARCHAR NOT NULL,
  risk_tier    VARCHAR NOT NULL,             -- low | medium | high | critical
  system_key   VARCHAR NOT NULL,
  description  VARCHAR,
  PRIMARY KEY (platform, scope)
);

CREATE TABLE events (
  event_id             BIGINT PRIMARY KEY,
  file_id              INTEGER NOT NULL,
  record_no            BIGINT NOT NULL,      -- evidence_records(file_id, record_no)
  sub_no               INTEGER NOT NULL DEFAULT 0, -- one record may hold several events (Google items)
  source               VARCHAR NOT NULL,
  platform             VARCHAR NOT NULL,
  event_time           TIMESTAMPTZ,          -- UTC; NULL only when time_quality = 'unparsed'
  time_raw             VARCHAR,
  time_quality         VARCHAR NOT NULL,     -- exact | assumed_utc | unparsed
  action               VARCHAR NOT NULL,     -- normalised, e.g. api.call, auth.token, token.create, token.revoke, consent.grant, git.clone, data.export
  action_raw           VARCHAR NOT NULL,
  category             VARCHAR NOT NULL,     -- auth | api | admin | consent | credential | data | other
  outcome              VARCHAR NOT NULL,     -- success | failure | unknown
  failure_reason       VARCHAR,
  actor_id             VARCHAR,
  actor_name           VARCHAR,
  actor_type           VARCHAR,              -- user | service | app | bot | unknown
  principal_key        VARCHAR,
  credential_key       VARCHAR,              -- resolved canonical credential
  credential_ref       VARCHAR,              -- identifier exactly as in the record
  credential_ref_kind  VARCHAR,
  app_key              VARCHAR,
  app_ref              VARCHAR,
  app_name             VARCHAR,
  ip                   VARCHAR,              -- normalised IP; NULL when the field held a non-IP (kept in ip_raw)
  ip_raw               VARCHAR,
  asn                  INTEGER,
  as_org               VARCHAR,
  country              VARCHAR,              -- ISO 3166-1 alpha-2
  city                 VARCHAR,
  lat                  DOUBLE,
  lon                  DOUBLE,
  user_agent           VARCHAR,
  system_key           VARCHAR,              -- system touched
  resource             VARCHAR,              -- object / API / repository touched
  operation            VARCHAR,              -- method or API name
  bytes                BIGINT,
  rows                 BIGINT,
  scopes               VARCHAR[],            -- scopes carried or used on this call
  scopes_requested     VARCHAR[],
  session_id           VARCHAR
);
