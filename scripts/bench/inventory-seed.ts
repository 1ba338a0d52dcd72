import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Synthetic inventory for the benchmark: `credentials` rows spread over platforms, owners and apps,
 * with scopes from the real scope catalogue, plus events for the first few thousand credentials.
 * Written with set-based SQL straight into the canonical tables of a real case file; the importer
 * has its own benchmark (bench:ingest), this one measures the grid.
 */
export async function seedInventory(conn: DuckDBConnection, credentials: number, eventCredentials = 2000, eventsEach = 50): Promise<void> {
  const owners = Math.max(10, Math.floor(credentials / 20));
  await conn.run('BEGIN TRANSACTION');
  await conn.run(
    `INSERT INTO principals (principal_key, kind, email, display_name, department, hr_status)
     SELECT 'person:user' || i || '@example.com', 'person', 'user' || i || '@example.com', 'User ' || i,
            ['Sales', 'Engineering', 'Finance', 'IT'][1 + i % 4], CASE WHEN i % 97 = 0 THEN 'terminated' ELSE 'active' END
     FROM range($n) t(i)`,
    { n: owners },
  );
  await conn.run(
    `INSERT INTO apps (app_key, platform, name, publisher, verified, third_party)
     SELECT 'app:' || i, ['okta','entra','google','github','salesforce','aws','slack'][1 + i % 7], 'App ' || i, 'Publisher ' || (i % 40), i % 3 = 0, i % 2 = 0
     FROM range(500) t(i)`,
  );
  await conn.run(
    `INSERT INTO credentials (credential_key, platform, credential_type, display_name, owner_key, app_key, created_at, expires_at,
       last_used_at, last_reviewed_at, purpose, status, scopes, in_inventory, inventory_sources)
     WITH s AS (SELECT platform, list(scope) AS scopes FROM scope_catalog GROUP BY platform),
     p AS (SELECT row_number() OVER (ORDER BY platform) - 1 AS n, platform, scopes FROM s)
     SELECT p.platform || ':' || ['api_token','oauth_grant','pat','access_key','client_secret'][1 + i % 5] || ':' || i,
            p.platform, ['api_token','oauth_grant','pat','access_key','client_secret'][1 + i % 5], 'credential ' || i,
            'person:user' || (i % $owners) || '@example.com', 'app:' || (i % 500),
            TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_minutes(CAST(i % 900000 AS BIGINT)),
            CASE WHEN i % 3 = 0 THEN NULL ELSE TIMESTAMPTZ '2027-01-01 00:00:00+00' - to_minutes(CAST(i % 700000 AS BIGINT)) END,
            CASE WHEN i % 5 = 0 THEN NULL ELSE TIMESTAMPTZ '2026-06-01 00:00:00+00' + to_minutes(CAST(i % 200000 AS BIGINT)) END,
            CASE WHEN i % 4 = 0 THEN NULL ELSE TIMESTAMPTZ '2025-06-01 00:00:00+00' + to_minutes(CAST(i % 300000 AS BIGINT)) END,
            ['CI deploys', 'CRM sync', 'backup export', NULL, 'reporting'][1 + i % 5],
            ['active','active','active','revoked','expired','disabled','unknown'][1 + i % 7],
            p.scopes[1 + i % len(p.scopes): 1 + i % len(p.scopes) + i % 3],
            i % 11 <> 0, ['bench']
     FROM range($n) t(i) JOIN p ON p.n = i % (SELECT count(*) FROM p)`,
    { n: credentials, owners },
  );
  await conn.run(
    `INSERT INTO events (event_id, file_id, record_no, source, platform, event_time, time_quality, action, action_raw, category, outcome,
       credential_key, ip, asn, as_org, country, user_agent, rows)
     SELECT row_number() OVER () AS event_id, 0, row_number() OVER (), 'bench', c.platform,
            TIMESTAMPTZ '2026-06-01 00:00:00+00' + to_minutes(CAST((c.k * 37 + j * 331) % 60000 AS BIGINT)),
            'exact', ['api.call','api.call','auth.token','data.export'][1 + j % 4], 'bench', 'api', 'success',
            c.credential_key, '198.51.100.' || (j % 200), 64500 + j % 5, 'AS ' || (j % 5), ['US','DE','GB'][1 + j % 3], 'bench-agent/' || (j % 3), j * 10
     FROM (SELECT credential_key, platform, row_number() OVER (ORDER BY credential_key) AS k FROM credentials LIMIT $ec) c, range($each) t(j)`,
    { ec: eventCredentials, each: eventsEach },
  );
  await conn.run('COMMIT');
}
