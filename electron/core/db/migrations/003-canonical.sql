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
  app_ref_kind      VARCHAR,                 -- the app identifier exactly as the record gave it
  app_ref           VARCHAR,
  principal_ref_kind VARCHAR,
  principal_ref     VARCHAR,
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

-- event_id is unique by construction (assigned in order inside the import transaction); no
-- PRIMARY KEY index, for bulk-load speed.
CREATE TABLE events (
  event_id             BIGINT NOT NULL,
  file_id              INTEGER NOT NULL,
  record_no            BIGINT NOT NULL,      -- evidence_records(file_id, record_no)
  sub_no               INTEGER NOT NULL DEFAULT 0, -- one record may hold several events (Google items)
  source               VARCHAR NOT NULL,
  platform             VARCHAR NOT NULL,
  event_time           TIMESTAMPTZ,          -- UTC; NULL only when time_quality = 'unparsed'
  time_raw             VARCHAR,
  time_quality         VARCHAR NOT NULL,     -- exact | assumed_utc | approximate | unparsed
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
  credential_ref_type  VARCHAR,              -- credential type the record implies (for credentials seen only in logs)
  app_key              VARCHAR,
  app_ref              VARCHAR,
  app_ref_kind         VARCHAR,
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

-- Facts: what each inventory record said, one row per statement, with its evidence record.
-- credentials / credential_ids / apps / app_ids / principals / principal_ids are REBUILT from
-- these (plus event references) at the end of every import, inside the import's transaction,
-- so identity resolution always reflects all evidence in the case.
CREATE TABLE credential_facts (
  file_id             INTEGER NOT NULL,
  record_no           BIGINT NOT NULL,
  seq                 INTEGER NOT NULL,      -- several credentials in one record (keys on an application)
  origin              VARCHAR NOT NULL,      -- register | inventory
  source              VARCHAR NOT NULL,
  platform            VARCHAR NOT NULL,
  credential_type     VARCHAR NOT NULL,
  ids                 JSON NOT NULL,         -- [{kind, value}] normalised
  display_name        VARCHAR,
  owner_email         VARCHAR,
  owner_ref_kind      VARCHAR,
  owner_ref           VARCHAR,
  app_ref_kind        VARCHAR,
  app_ref             VARCHAR,
  app_name            VARCHAR,
  created_at          TIMESTAMPTZ,
  expires_at          TIMESTAMPTZ,
  last_used_at        TIMESTAMPTZ,
  last_reviewed_at    TIMESTAMPTZ,
  review_interval_days INTEGER,
  purpose             VARCHAR,
  approved_pattern    VARCHAR,
  approved_cadence    VARCHAR,
  approved_hours_utc  VARCHAR,
  approved_networks   VARCHAR[],
  status              VARCHAR,
  scopes              VARCHAR[],
  PRIMARY KEY (file_id, record_no, seq)
);

CREATE TABLE app_facts (
  file_id      INTEGER NOT NULL,
  record_no    BIGINT NOT NULL,
  seq          INTEGER NOT NULL,
  platform     VARCHAR NOT NULL,
  ids          JSON NOT NULL,
  name         VARCHAR,
  publisher    VARCHAR,
  verified     BOOLEAN,
  third_party  BOOLEAN,
  PRIMARY KEY (file_id, record_no, seq)
);

CREATE TABLE principal_facts (
  file_id        INTEGER NOT NULL,
  record_no      BIGINT NOT NULL,
  seq            INTEGER NOT NULL,
  source         VARCHAR NOT NULL,
  kind           VARCHAR NOT NULL,
  email          VARCHAR,
  ids            JSON NOT NULL,
  display_name   VARCHAR,
  department     VARCHAR,
  manager_email  VARCHAR,
  hr_status      VARCHAR,
  start_date     DATE,
  end_date       DATE,
  PRIMARY KEY (file_id, record_no, seq)
);

-- Two identifiers of one credential seen together in a record (GitHub token_id + hashed_token).
CREATE TABLE credential_links (
  file_id    INTEGER NOT NULL,
  record_no  BIGINT NOT NULL,
  kind_a     VARCHAR NOT NULL,
  value_a    VARCHAR NOT NULL,
  kind_b     VARCHAR NOT NULL,
  value_b    VARCHAR NOT NULL
);

-- Views other features build on (documented in docs/schema.md).
CREATE VIEW v_events AS
SELECT e.*, f.file_name, f.sha256 AS file_sha256, f.source AS file_source, c.display_name AS credential_name,
       c.credential_type, p.email AS principal_email, p.hr_status AS principal_hr_status
FROM events e
JOIN evidence_files f USING (file_id)
LEFT JOIN credentials c ON c.credential_key = e.credential_key
LEFT JOIN principals p ON p.principal_key = e.principal_key;

CREATE VIEW v_credentials AS
WITH usage AS (
  SELECT credential_key, count(*) AS event_count, max(event_time) AS last_event_at, min(event_time) AS first_event_at,
         count(DISTINCT ip) AS distinct_ips, count(DISTINCT country) AS distinct_countries
  FROM events WHERE credential_key IS NOT NULL GROUP BY credential_key
)
SELECT c.*, o.email AS owner_email, o.display_name AS owner_name, o.hr_status AS owner_hr_status, o.end_date AS owner_end_date,
       a.name AS app_name, coalesce(u.event_count, 0) AS event_count, u.first_event_at, u.last_event_at,
       greatest(c.last_used_at, u.last_event_at) AS last_seen_at, coalesce(u.distinct_ips, 0) AS distinct_ips,
       coalesce(u.distinct_countries, 0) AS distinct_countries,
       (SELECT count(*) FROM credential_ids i WHERE i.credential_key = c.credential_key) AS id_count
FROM credentials c
LEFT JOIN principals o ON o.principal_key = c.owner_key
LEFT JOIN apps a ON a.app_key = c.app_key
LEFT JOIN usage u ON u.credential_key = c.credential_key;

CREATE VIEW v_grant_scopes AS
SELECT g.grant_key, g.platform, g.app_key, g.principal_key, s.scope, sc.risk_tier, sc.system_key
FROM grants g
CROSS JOIN LATERAL (SELECT unnest(coalesce(g.scopes_granted, []::VARCHAR[])) AS scope) s
LEFT JOIN scope_catalog sc ON sc.platform = g.platform AND sc.scope = s.scope;

-- Systems and the scope catalogue: what each scope reaches and how bad its abuse would be.
-- Tiers: critical = tenant-wide write/admin or all-mailbox/all-file read; high = broad data
-- read or write; medium = limited data; low = identity/profile only.
INSERT INTO systems (system_key, name, platform) VALUES
  ('okta', 'Okta', 'okta'),
  ('microsoft:graph', 'Microsoft Graph', 'entra'),
  ('microsoft:entra', 'Microsoft Entra ID', 'entra'),
  ('microsoft:exchange', 'Exchange Online', 'entra'),
  ('microsoft:sharepoint', 'SharePoint / OneDrive', 'entra'),
  ('google:gmail', 'Gmail', 'google'),
  ('google:drive', 'Google Drive', 'google'),
  ('google:admin', 'Google Admin', 'google'),
  ('google:calendar', 'Google Calendar', 'google'),
  ('google:identity', 'Google sign-in', 'google'),
  ('github', 'GitHub', 'github'),
  ('salesforce', 'Salesforce', 'salesforce'),
  ('aws', 'AWS', 'aws'),
  ('aws:s3', 'Amazon S3', 'aws'),
  ('aws:iam', 'AWS IAM', 'aws'),
  ('aws:sts', 'AWS STS', 'aws'),
  ('slack', 'Slack', 'slack'),
  ('gcp', 'Google Cloud', 'gcp');

INSERT INTO scope_catalog (platform, scope, risk_tier, system_key, description) VALUES
  ('entra', 'openid', 'low', 'microsoft:entra', 'Sign in'),
  ('entra', 'profile', 'low', 'microsoft:entra', 'Basic profile'),
  ('entra', 'email', 'low', 'microsoft:entra', 'Email address'),
  ('entra', 'offline_access', 'medium', 'microsoft:entra', 'Refresh tokens: access continues without the user'),
  ('entra', 'User.Read', 'low', 'microsoft:graph', 'Read the signed-in user'),
  ('entra', 'User.Read.All', 'high', 'microsoft:graph', 'Read every user'),
  ('entra', 'User.ReadWrite.All', 'critical', 'microsoft:graph', 'Change every user'),
  ('entra', 'Directory.Read.All', 'high', 'microsoft:graph', 'Read the whole directory'),
  ('entra', 'Directory.ReadWrite.All', 'critical', 'microsoft:graph', 'Change the whole directory'),
  ('entra', 'Application.ReadWrite.All', 'critical', 'microsoft:graph', 'Add credentials to any app'),
  ('entra', 'AppRoleAssignment.ReadWrite.All', 'critical', 'microsoft:graph', 'Grant any app any permission'),
  ('entra', 'RoleManagement.ReadWrite.Directory', 'critical', 'microsoft:graph', 'Assign directory roles'),
  ('entra', 'Group.Read.All', 'medium', 'microsoft:graph', 'Read all groups'),
  ('entra', 'Group.ReadWrite.All', 'high', 'microsoft:graph', 'Change all groups'),
  ('entra', 'Mail.Read', 'high', 'microsoft:exchange', 'Read mail'),
  ('entra', 'Mail.ReadWrite', 'high', 'microsoft:exchange', 'Read and change mail'),
  ('entra', 'Mail.Send', 'high', 'microsoft:exchange', 'Send mail as the user'),
  ('entra', 'Mail.Read.All', 'critical', 'microsoft:exchange', 'Read every mailbox'),
  ('entra', 'full_access_as_app', 'critical', 'microsoft:exchange', 'Full access to every mailbox'),
  ('entra', 'Files.Read', 'medium', 'microsoft:sharepoint', 'Read the user''s files'),
  ('entra', 'Files.Read.All', 'high', 'microsoft:sharepoint', 'Read all files the user can reach'),
  ('entra', 'Files.ReadWrite.All', 'critical', 'microsoft:sharepoint', 'Change all files'),
  ('entra', 'Sites.Read.All', 'high', 'microsoft:sharepoint', 'Read all sites'),
  ('entra', 'Sites.FullControl.All', 'critical', 'microsoft:sharepoint', 'Full control of all sites'),
  ('google', 'openid', 'low', 'google:identity', 'Sign in'),
  ('google', 'email', 'low', 'google:identity', 'Email address'),
  ('google', 'profile', 'low', 'google:identity', 'Basic profile'),
  ('google', 'https://www.googleapis.com/auth/userinfo.email', 'low', 'google:identity', 'Email address'),
  ('google', 'https://www.googleapis.com/auth/userinfo.profile', 'low', 'google:identity', 'Basic profile'),
  ('google', 'https://mail.google.com/', 'critical', 'google:gmail', 'Full Gmail access'),
  ('google', 'https://www.googleapis.com/auth/gmail.readonly', 'high', 'google:gmail', 'Read all mail'),
  ('google', 'https://www.googleapis.com/auth/gmail.modify', 'high', 'google:gmail', 'Read and change mail'),
  ('google', 'https://www.googleapis.com/auth/gmail.send', 'high', 'google:gmail', 'Send mail'),
  ('google', 'https://www.googleapis.com/auth/drive', 'critical', 'google:drive', 'Full Drive access'),
  ('google', 'https://www.googleapis.com/auth/drive.readonly', 'high', 'google:drive', 'Read all Drive files'),
  ('google', 'https://www.googleapis.com/auth/drive.file', 'medium', 'google:drive', 'Files the app created or opened'),
  ('google', 'https://www.googleapis.com/auth/calendar', 'medium', 'google:calendar', 'Calendars'),
  ('google', 'https://www.googleapis.com/auth/admin.directory.user', 'critical', 'google:admin', 'Manage users'),
  ('google', 'https://www.googleapis.com/auth/admin.directory.user.readonly', 'high', 'google:admin', 'Read all users'),
  ('google', 'https://www.googleapis.com/auth/cloud-platform', 'critical', 'gcp', 'Full Google Cloud access'),
  ('github', 'repo', 'critical', 'github', 'Full control of private repositories'),
  ('github', 'public_repo', 'medium', 'github', 'Public repositories'),
  ('github', 'read:org', 'low', 'github', 'Read org membership'),
  ('github', 'admin:org', 'critical', 'github', 'Administer the organisation'),
  ('github', 'write:packages', 'high', 'github', 'Publish packages'),
  ('github', 'read:packages', 'medium', 'github', 'Read packages'),
  ('github', 'workflow', 'high', 'github', 'Change Actions workflows'),
  ('github', 'admin:repo_hook', 'high', 'github', 'Repository webhooks'),
  ('github', 'delete_repo', 'critical', 'github', 'Delete repositories'),
  ('github', 'gist', 'low', 'github', 'Gists'),
  ('github', 'user', 'low', 'github', 'Profile'),
  ('salesforce', 'api', 'high', 'salesforce', 'REST and SOAP API access to data'),
  ('salesforce', 'full', 'critical', 'salesforce', 'Everything the user can do'),
  ('salesforce', 'refresh_token', 'medium', 'salesforce', 'Offline access'),
  ('salesforce', 'offline_access', 'medium', 'salesforce', 'Offline access'),
  ('salesforce', 'web', 'medium', 'salesforce', 'Web access'),
  ('salesforce', 'id', 'low', 'salesforce', 'Identity'),
  ('salesforce', 'openid', 'low', 'salesforce', 'Sign in'),
  ('slack', 'channels:history', 'high', 'slack', 'Read public channel messages'),
  ('slack', 'groups:history', 'high', 'slack', 'Read private channel messages'),
  ('slack', 'im:history', 'high', 'slack', 'Read direct messages'),
  ('slack', 'files:read', 'high', 'slack', 'Read files'),
  ('slack', 'chat:write', 'medium', 'slack', 'Post messages'),
  ('slack', 'users:read', 'low', 'slack', 'Read users'),
  ('slack', 'users:read.email', 'medium', 'slack', 'Read user emails'),
  ('slack', 'admin', 'critical', 'slack', 'Administer the workspace'),
  ('okta', 'okta.users.manage', 'critical', 'okta', 'Manage users'),
  ('okta', 'okta.users.read', 'high', 'okta', 'Read users'),
  ('okta', 'okta.apps.manage', 'critical', 'okta', 'Manage apps'),
  ('okta', 'okta.groups.manage', 'high', 'okta', 'Manage groups'),
  ('okta', 'okta.logs.read', 'medium', 'okta', 'Read the System Log'),
  ('aws', 'AdministratorAccess', 'critical', 'aws', 'Everything'),
  ('aws', 'AmazonS3FullAccess', 'critical', 'aws:s3', 'All buckets'),
  ('aws', 'AmazonS3ReadOnlyAccess', 'high', 'aws:s3', 'Read all buckets'),
  ('aws', 'IAMFullAccess', 'critical', 'aws:iam', 'Manage identities'),
  ('gcp', 'roles/owner', 'critical', 'gcp', 'Owner'),
  ('gcp', 'roles/editor', 'critical', 'gcp', 'Editor'),
  ('gcp', 'roles/viewer', 'high', 'gcp', 'Viewer'),
  ('gcp', 'roles/iam.serviceAccountKeyAdmin', 'critical', 'gcp', 'Create service-account keys');
