import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence } from '../../electron/core/ingest';
import { githubHashedToken, normaliseId } from '../../electron/core/inventory/identity';
import { rows, tempCase } from './helpers';

describe('normaliseId', () => {
  it('reduces each id kind to one form', () => {
    expect(normaliseId('google_client_id', '923474483785-sqf6uk8vq1rqe853il0g2h4m98ji2fq6.apps.googleusercontent.com')).toBe('923474483785-sqf6uk8vq1rqe853il0g2h4m98ji2fq6');
    expect(normaliseId('google_client_id', '923474483785-SQF6uk8vq1rqe853il0g2h4m98ji2fq6')).toBe('923474483785-sqf6uk8vq1rqe853il0g2h4m98ji2fq6');
    expect(normaliseId('salesforce_user_id', '0055f00000CyENtAAN')).toBe('0055f00000CyENt');
    expect(normaliseId('salesforce_user_id', '0055f00000CyENt')).toBe('0055f00000CyENt');
    expect(normaliseId('entra_app_id', '6131D760-7FDA-4DB5-8BB1-B771898E9F15')).toBe('6131d760-7fda-4db5-8bb1-b771898e9f15');
    expect(normaliseId('aws_access_key_id', 'akiaexample')).toBe('AKIAEXAMPLE');
    expect(githubHashedToken('ghp_exampletoken')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});

const registerHeader =
  'credential_id,platform,credential_type,display_name,owner_email,app_name,app_id,business_purpose,approved_pattern,approved_cadence,approved_hours_utc,approved_networks,scopes,created_at,expires_at,last_reviewed_at,review_interval_days,status';
const SP_OBJECT = '11111111-2222-3333-4444-555555555555';
const APP_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const KEY_ID = 'f0b0b335-1d71-4883-8f98-567911bfdca6';
const LEAKED = 'ghp_leakedTokenValue0000000000000000';

describe('identity resolution across sources', () => {
  let ctx: Awaited<ReturnType<typeof tempCase>>;

  beforeAll(async () => {
    ctx = await tempCase();
    const w = (name: string, text: string) => {
      writeFileSync(join(ctx.dir, name), text);
      return join(ctx.dir, name);
    };
    const files = [
      w('sps.json', JSON.stringify({ '@odata.context': 'x', value: [{ id: SP_OBJECT, appId: APP_ID.toUpperCase(), displayName: 'Drift Sync', servicePrincipalType: 'Application', passwordCredentials: [{ keyId: KEY_ID, displayName: 'prod', endDate: '2026-01-01T00:00:00Z', startDate: '2025-01-01T00:00:00Z' }] }] })),
      w('grants.json', JSON.stringify({ value: [{ id: 'grant-1', clientId: SP_OBJECT, consentType: 'AllPrincipals', principalId: null, resourceId: 'r', scope: ' Mail.Read.All User.Read' }] })),
      w(
        'signins.ndjson',
        JSON.stringify({ time: '2025-02-01T00:00:00Z', category: 'ServicePrincipalSignInLogs', operationName: 'Sign-in activity', properties: { createdDateTime: '2025-02-01T00:00:00+00:00', appId: APP_ID, servicePrincipalCredentialKeyId: KEY_ID.toUpperCase(), ipAddress: '8.8.8.8', status: { errorCode: 0 } } }) + '\n',
      ),
      w('elf.csv', `"EVENT_TYPE","TIMESTAMP","USER_ID","CONNECTED_APP_ID","CLIENT_IP","ROWS_PROCESSED"\n"API","20250201000000.000","0055f00000CyENt","0H4000000000001","Salesforce.com IP","5000"\n`),
      w('google-activity.ndjson', JSON.stringify({ kind: 'admin#reports#activity', id: { time: '2025-02-01T00:00:00.000Z', applicationName: 'token' }, actor: { email: 'Ann@Northwind.example' }, events: [{ name: 'activity', parameters: [{ name: 'client_id', value: '1234-abcd' }, { name: 'num_response_bytes', intValue: '42' }] }] }) + '\n'),
      w('google-tokens.json', JSON.stringify({ items: [{ kind: 'admin#directory#token', clientId: '1234-ABCD.apps.googleusercontent.com', displayText: 'Mail Merge', scopes: ['https://mail.google.com/'], userKey: '99' }] })),
      w(
        'github.ndjson',
        [
          JSON.stringify({ '@timestamp': 1741611465102, action: 'api.request', actor: 'bot', org: 'nw', token_id: 555, hashed_token: githubHashedToken(LEAKED), programmatic_access_type: 'Personal access token (classic)' }),
          JSON.stringify({ '@timestamp': 1741611466102, action: 'git.clone', actor: 'bot', org: 'nw', hashed_token: githubHashedToken(LEAKED) }),
        ].join('\n') + '\n',
      ),
      w(
        'credential-register.csv',
        [
          registerHeader,
          `0H4000000000001AAA,salesforce,connected_app_token,Drift,ann@northwind.example,Drift,0H4000000000001AAA,sync,,PT1H,,,api,2024-01-01,,2025-01-01,90,active`,
          `${KEY_ID},entra,client_secret,Drift prod secret,bob@northwind.example,Drift Sync,${APP_ID},sync,,,,,Mail.Read.All,2025-01-01,2026-01-01,,,active`,
          `555,github,pat,CI token,bob@northwind.example,,,ci,,,,,repo,2024-01-01,,,,active`,
        ].join('\n') + '\n',
      ),
      w('hr-owners.csv', 'employee_id,email,display_name,department,manager_email,status,start_date,end_date\nE1,ann@northwind.example,Ann,Sales,,active,2020-01-01,\nE2,bob@northwind.example,Bob,IT,,terminated,2019-01-01,2025-01-15\n'),
    ];
    const result = await importEvidence(ctx.db, files);
    for (const f of result.files) expect(f.status, `${f.path}: ${f.reason ?? ''}`).toBe('imported');
  });
  afterAll(async () => ctx?.done());

  it('Entra: a grant keyed by service-principal object id and sign-ins keyed by appId reach one app; the key id joins the secret', async () => {
    const apps = await rows(ctx.db, `SELECT DISTINCT app_key FROM (SELECT app_key FROM grants UNION ALL SELECT app_key FROM events WHERE source = 'entra')`);
    expect(apps).toEqual([{ app_key: `entra:app:${APP_ID}` }]);
    const [ev] = await rows(ctx.db, `SELECT credential_key FROM events WHERE source = 'entra'`);
    expect(ev!.credential_key).toBe(`entra:client_secret:${KEY_ID}`);
    const [cred] = await rows(ctx.db, `SELECT in_inventory, inventory_sources, strftime(expires_at, '%Y-%m-%d') AS exp, owner_hr_status FROM v_credentials WHERE credential_key = $k`, { k: `entra:client_secret:${KEY_ID}` });
    expect(cred).toMatchObject({ in_inventory: true, exp: '2026-01-01', owner_hr_status: 'terminated' });
    expect([...(cred!.inventory_sources as string[])].sort()).toEqual(['entra', 'register']);
  });

  it('Salesforce: the 18-character register id and the 15-character ELF id are one credential; a non-IP client field is kept raw', async () => {
    const [ev] = await rows(ctx.db, `SELECT credential_key, ip, ip_raw, rows FROM events WHERE source = 'salesforce'`);
    expect(ev).toMatchObject({ credential_key: 'salesforce:connected_app_token:0H4000000000001', ip: null, ip_raw: 'Salesforce.com IP', rows: 5000n });
  });

  it('Google: client ids with and without .apps.googleusercontent.com are one credential and one app', async () => {
    const keys = await rows(ctx.db, `SELECT DISTINCT credential_key, app_key FROM events WHERE source = 'google'`);
    expect(keys).toEqual([{ credential_key: 'google:oauth_grant:1234-abcd', app_key: 'google:app:1234-abcd' }]);
    const [c] = await rows(ctx.db, `SELECT in_inventory, event_count FROM v_credentials WHERE credential_key = 'google:oauth_grant:1234-abcd'`);
    expect(c).toMatchObject({ in_inventory: true, event_count: 1n });
  });

  it('GitHub: token_id and hashed_token link, so an event with only the hash resolves to the register entry', async () => {
    const evs = await rows(ctx.db, `SELECT action_raw, credential_key FROM events WHERE source = 'github' ORDER BY event_time`);
    expect(evs).toEqual([
      { action_raw: 'api.request', credential_key: 'github:pat:555' },
      { action_raw: 'git.clone', credential_key: 'github:pat:555' },
    ]);
    const [hit] = await rows(ctx.db, `SELECT credential_key FROM credential_ids WHERE id_kind = 'github_hashed_token' AND id_value = $h`, { h: githubHashedToken(LEAKED) });
    expect(hit!.credential_key).toBe('github:pat:555');
  });

  it('people: HR status reaches credential owners and event principals by email', async () => {
    expect(await rows(ctx.db, `SELECT principal_key, hr_status FROM principals WHERE email IS NOT NULL ORDER BY 1`)).toEqual([
      { principal_key: 'person:ann@northwind.example', hr_status: 'active' },
      { principal_key: 'person:bob@northwind.example', hr_status: 'terminated' },
    ]);
    const [g] = await rows(ctx.db, `SELECT principal_key FROM events WHERE source = 'google'`);
    expect(g!.principal_key).toBe('person:ann@northwind.example');
  });
});

describe('AWS keys across the credential report and list-access-keys', () => {
  it('are one credential named by its key id, with both identifiers', async () => {
    const ctx = await tempCase();
    try {
      const report = join(ctx.dir, 'credential-report.csv');
      writeFileSync(
        report,
        'user,arn,user_creation_time,password_enabled,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\n' +
          'svc-etl,arn:aws:iam::310541862930:user/svc-etl,2023-05-02T15:11:00+00:00,false,true,2025-11-20T14:02:00+00:00,2026-10-06T23:24:00+00:00,true,2026-01-05T08:00:00+00:00,N/A\n',
      );
      const keys = join(ctx.dir, 'svc-etl.json');
      writeFileSync(
        keys,
        JSON.stringify({
          AccessKeyMetadata: [
            { UserName: 'svc-etl', AccessKeyId: 'AKIAFIRSTKEY0000001', Status: 'Active', CreateDate: '2025-11-20T14:02:00+00:00' },
            { UserName: 'svc-etl', AccessKeyId: 'AKIASECONDKEY000002', Status: 'Active', CreateDate: '2026-01-05T08:00:00+00:00' },
          ],
        }),
      );
      await importEvidence(ctx.db, [report, keys]);
      const creds = await rows(
        ctx.db,
        `SELECT c.credential_key, list(ci.id_kind || '=' || ci.id_value ORDER BY ci.id_kind) AS ids FROM credentials c JOIN credential_ids ci USING (credential_key) GROUP BY 1 ORDER BY 1`,
      );
      expect(creds).toEqual([
        { credential_key: 'aws:access_key:AKIAFIRSTKEY0000001', ids: ['aws_access_key_id=AKIAFIRSTKEY0000001', 'aws_key_slot=arn:aws:iam::310541862930:user/svc-etl#1'] },
        { credential_key: 'aws:access_key:AKIASECONDKEY000002', ids: ['aws_access_key_id=AKIASECONDKEY000002', 'aws_key_slot=arn:aws:iam::310541862930:user/svc-etl#2'] },
      ]);
    } finally {
      await ctx.done();
    }
  });
});
