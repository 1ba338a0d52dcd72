import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence, type ImportResult } from '../../electron/core/ingest';
import { count, rows, tempCase } from './helpers';

/**
 * Every export shape the issue lists that the real-samples folder has no public example of
 * (FORMATS.md documents their fields and headers): recognised from content — the file names
 * here deliberately carry no hint — with the right source and shape, and mapped.
 */
const oktaEvent = {
  uuid: 'e1',
  published: '2024-03-13T11:24:59.810Z',
  eventType: 'app.oauth2.as.token.grant.access_token',
  actor: { id: '0oa1client', type: 'PublicClientApp', alternateId: 'Drift', displayName: 'Drift' },
  client: { ipAddress: '203.0.113.9', userAgent: { rawUserAgent: 'python-requests/2.31' } },
  outcome: { result: 'SUCCESS' },
  debugContext: { debugData: { grantedScopes: 'okta.users.read, okta.logs.read', requestUri: '/oauth2/v1/token' } },
  transaction: { detail: { requestApiTokenId: '00Tabc' } },
};
const ctRecord = (i: number) => ({
  eventVersion: '1.09',
  eventTime: '2024-05-01T21:43:37Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  userIdentity: { type: 'IAMUser', accessKeyId: 'AKIAEXAMPLE0001', userName: 'svc' },
  sourceIPAddress: i % 2 ? '198.51.100.7' : 'AWS Internal',
  userAgent: 'aws-cli/2',
  requestParameters: { bucketName: 'finance' },
});
const signIn = { id: 's1', createdDateTime: '2024-05-01T21:43:37.1234567Z', appId: 'aaaaaaaa-0000-0000-0000-000000000001', appDisplayName: 'Drift', ipAddress: '203.0.113.9', status: { errorCode: 0 }, servicePrincipalCredentialKeyId: 'bbbbbbbb-0000-0000-0000-000000000002' };
const ual = { CreationTime: '2024-05-01T21:43:37', Id: 'u1', Operation: 'Consent to application.', RecordType: 8, Workload: 'AzureActiveDirectory', UserId: 'ann@example.com', ClientIP: '[::ffff:203.0.113.9]:443', ResultStatus: 'Success' };
const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;

interface Shape {
  name: string;
  content: string | Buffer;
  source: string;
  shape: RegExp;
  records: number;
  events?: number;
  credentials?: number;
}

const shapes: Shape[] = [
  { name: 'f01', content: JSON.stringify([oktaEvent, { ...oktaEvent, uuid: 'e2' }]), source: 'okta', shape: /^okta\.system_log\.json$/, records: 2, events: 2 },
  {
    name: 'f02',
    content: 'uuid,published,eventType,actor.id,actor.type,actor.alternateId,client.ipAddress,outcome.result\ne1,2024-03-13T11:24:59.810Z,user.session.start,00u1,User,ann@example.com,203.0.113.9,SUCCESS\n',
    source: 'okta',
    shape: /^okta\.system_log\.csv$/,
    records: 1,
    events: 1,
  },
  { name: 'f03', content: JSON.stringify([{ id: '00Tabc', name: 'ci', userId: '00u1', clientName: 'Okta API', created: '2024-01-01T00:00:00.000Z', expiresAt: '2024-12-01T00:00:00.000Z' }]), source: 'okta', shape: /^okta\.api_tokens\.json$/, records: 1, credentials: 1 },
  { name: 'f04', content: JSON.stringify({ '@odata.context': 'x', value: [signIn], '@odata.nextLink': 'y' }), source: 'entra', shape: /^entra\.logs\.json$/, records: 1, events: 1 },
  { name: 'f05', content: JSON.stringify({ records: [{ time: '2024-05-01T21:43:37Z', category: 'ServicePrincipalSignInLogs', operationName: 'Sign-in activity', properties: signIn }] }), source: 'entra', shape: /^entra\.logs\.json$/, records: 1, events: 1 },
  {
    name: 'f06',
    content: '\uFEFFDate (UTC),Request ID,User agent,User ID,User,Username,Application,Application ID ,Resource,IP address,Location,Status,Autonomous system  number\n2024-05-01T21:43:37Z,r1,Mozilla,u1,Ann,ann@example.com,Drift,aaaaaaaa-0000-0000-0000-000000000001,Graph,203.0.113.9,"Seattle, WA, US",Success,7922\n',
    source: 'entra',
    shape: /^entra\.signins_csv\.csv$/,
    records: 1,
    events: 1,
  },
  {
    name: 'f07',
    content: 'Date (UTC),Request ID,Correlation ID,Service principal ID,Service principal name,Credential key ID,Credential thumbprint,Application,Application ID ,IP address,Location,Status\n2024-05-01T21:43:37Z,r2,c2,sp1,Drift,bbbbbbbb-0000-0000-0000-000000000002,,Drift,aaaaaaaa-0000-0000-0000-000000000001,203.0.113.9,"Dublin, IE",Success\n',
    source: 'entra',
    shape: /^entra\.signins_csv\.csv$/,
    records: 1,
    events: 1,
  },
  { name: 'f08', content: JSON.stringify({ value: [{ id: 'a1', activityDateTime: '2024-05-01T21:43:37Z', activityDisplayName: 'Add service principal credentials', result: 'success', initiatedBy: { user: { userPrincipalName: 'ann@example.com' } }, targetResources: [{ displayName: 'Drift', type: 'ServicePrincipal' }] }] }), source: 'entra', shape: /^entra\.logs\.json$/, records: 1, events: 1 },
  {
    name: 'f09',
    content: JSON.stringify({ value: [{ id: 'app1', appId: 'aaaaaaaa-0000-0000-0000-000000000001', displayName: 'Drift', passwordCredentials: [{ keyId: 'bbbbbbbb-0000-0000-0000-000000000002', endDateTime: '2026-01-01T00:00:00Z' }], keyCredentials: [{ keyId: 'cccccccc-0000-0000-0000-000000000003', type: 'AsymmetricX509Cert', endDate: '2025-01-01T00:00:00Z' }] }] }),
    source: 'entra',
    shape: /^entra\.apps\.json$/,
    records: 1,
    credentials: 2,
  },
  { name: 'f10', content: `RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\nr1,2024-05-01T21:43:37.0000000Z,AzureActiveDirectory,Consent to application.,ann@example.com,${csvCell(JSON.stringify(ual))},,\n`, source: 'm365', shape: /^m365\.unified_audit_csv\.csv$/, records: 1, events: 1 },
  { name: 'f11', content: `CreationDate,UserIds,Operations,AuditData\n2024-05-01T21:43:37,ann@example.com,Consent to application.,${csvCell(JSON.stringify(ual))}\n`, source: 'm365', shape: /^m365\.unified_audit_csv\.csv$/, records: 1, events: 1 },
  {
    name: 'f12',
    content: JSON.stringify({
      kind: 'admin#reports#activities',
      items: [{ kind: 'admin#reports#activity', id: { time: '2024-03-13T11:24:59.810Z', uniqueQualifier: '-1', applicationName: 'token' }, actor: { email: 'ann@example.com' }, events: [{ name: 'authorize', parameters: [{ name: 'client_id', value: '1234-abcd.apps.googleusercontent.com' }, { name: 'scope', multiValue: ['https://mail.google.com/'] }] }, { name: 'activity', parameters: [{ name: 'client_id', value: '1234-abcd' }, { name: 'num_response_bytes', intValue: '4096' }] }] }],
    }),
    source: 'google',
    shape: /^google\.reports_activity\.json$/,
    records: 1,
    events: 2,
  },
  { name: 'f13', content: JSON.stringify({ kind: 'admin#directory#tokenList', items: [{ kind: 'admin#directory#token', clientId: '1234-abcd.apps.googleusercontent.com', displayText: 'Mail Merge', anonymous: false, nativeApp: false, userKey: '1', scopes: ['https://mail.google.com/'] }] }), source: 'google', shape: /^google\.tokens\.json$/, records: 1, credentials: 1 },
  { name: 'f14', content: 'user,clientId,displayText,anonymous,nativeApp,userKey,scopes\nann@example.com,1234-abcd.apps.googleusercontent.com,Mail Merge,False,False,1,https://mail.google.com/ openid\n', source: 'google', shape: /^google\.tokens\.csv$/, records: 1, credentials: 1 },
  { name: 'f15', content: JSON.stringify([{ '@timestamp': 1741611465102, action: 'git.clone', actor: 'bot', org: 'nw', repo: 'nw/app', hashed_token: 'E8Fzcgs3TQXqhrKKC/qNR+2XZnaK3ykQBSAt1kPMiJs=', programmatic_access_type: 'Fine-grained personal access token' }]), source: 'github', shape: /^github\.audit_log\.json$/, records: 1, events: 1 },
  { name: 'f16', content: '@timestamp,action,actor,org,repo,actor_location.country_code,token_id\n1741611465102,repo.download_zip,bot,nw,nw/app,DE,77\n', source: 'github', shape: /^github\.audit_log\.csv$/, records: 1, events: 1 },
  { name: 'f17', content: JSON.stringify([{ id: 25381, owner: { login: 'bot' }, repository_selection: 'all', permissions: { repository: { contents: 'read' } }, access_granted_at: '2024-01-01T00:00:00Z', token_expired: false, token_expires_at: '2025-01-01T00:00:00Z', token_last_used_at: '2024-06-01T00:00:00Z' }]), source: 'github', shape: /^github\.tokens\.json$/, records: 1, credentials: 1 },
  {
    name: 'f18',
    content: '"EVENT_TYPE","TIMESTAMP","REQUEST_ID","USER_ID","CLIENT_IP","URI","METHOD","ENTITY_NAME","ROWS_PROCESSED","RESPONSE_SIZE","STATUS_CODE","CONNECTED_APP_ID","USER_AGENT"\n"RestApi","20231218054831.655","r1","0055j00000AT6I1","203.0.113.9","/services/data/v58.0/query","GET","Account","50000","1048576","200","0H4000000000001","12024001"\n"BulkApi2","20231218054832.000","r2","0055j00000AT6I1","203.0.113.9","/jobs","POST","Contact","100000","","200","0H4000000000001",""\n',
    source: 'salesforce',
    shape: /^salesforce\.event_log_file\.csv$/,
    records: 2,
    events: 2,
  },
  { name: 'f19', content: 'LoginTime,UserId,SourceIp,LoginType,Status,Application,Browser,ApiType\n2024-05-01T21:43:37.000+0000,0055j00000AT6I1AAA,203.0.113.9,Remote Access 2.0,Success,Drift,Python,REST\n', source: 'salesforce', shape: /^salesforce\.login_history\.csv$/, records: 1, events: 1 },
  { name: 'f20', content: JSON.stringify({ totalSize: 1, done: true, records: [{ attributes: { type: 'OauthToken' }, Id: '0CQ000000000001', AppName: 'Drift', AppMenuItemId: '0Ds000000000001', UserId: '0055j00000AT6I1AAA', CreatedDate: '2024-01-01T00:00:00.000+0000', LastUsedDate: '2024-06-01T00:00:00.000+0000', UseCount: 120 }] }), source: 'salesforce', shape: /^salesforce\.oauth_tokens\.json$/, records: 1, credentials: 1 },
  { name: 'f21', content: JSON.stringify({ totalSize: 1, done: true, records: [{ attributes: { type: 'ApiEvent' }, EventDate: '2023-03-21T19:42:13.264+0000', EventIdentifier: 'x', UserId: '0055j00000AT6I1AAA', Username: 'ann@example.com', SourceIp: '203.0.113.9', ConnectedAppId: '0H4000000000001', Query: 'SELECT Id FROM Account', RowsProcessed: 5000.0 }] }), source: 'salesforce', shape: /^salesforce\.realtime_events\.json$/, records: 1, events: 1 },
  { name: 'f22', content: gzipSync(JSON.stringify({ Records: [ctRecord(1), ctRecord(2)] })), source: 'aws', shape: /^aws\.cloudtrail\.json\.gz$/, records: 2, events: 2 },
  { name: 'f23', content: JSON.stringify({ Events: [{ EventId: 'x', EventName: 'GetObject', ReadOnly: 'true', AccessKeyId: 'AKIAEXAMPLE0001', CloudTrailEvent: JSON.stringify(ctRecord(1)) }] }), source: 'aws', shape: /^aws\.cloudtrail\.json$/, records: 1, events: 1 },
  {
    name: 'f24',
    content:
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n<root_account>,arn:aws:iam::123456789012:root,2017-10-22T08:12:39+00:00,not_supported,2024-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\nsvc,arn:aws:iam::123456789012:user/svc,2020-01-01T00:00:00+00:00,false,no_information,N/A,N/A,false,true,2021-01-01T00:00:00+00:00,2024-05-01T21:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n',
    source: 'aws',
    shape: /^aws\.credential_report\.csv$/,
    records: 2,
    credentials: 1,
  },
  { name: 'f25', content: JSON.stringify({ entries: [{ id: 'x', date_create: 1714599817, action: 'app_scopes_expanded', actor: { type: 'user', user: { id: 'U1', email: 'ann@example.com' } }, entity: { type: 'app', app: { id: 'A0123', name: 'Drift' } }, context: { ip_address: '203.0.113.9', ua: 'Mozilla' }, details: { new_scopes: ['channels:history'] } }], response_metadata: { next_cursor: '' } }), source: 'slack', shape: /^slack\.audit_logs\.json$/, records: 1, events: 1 },
  {
    name: 'f26',
    content: JSON.stringify([{ insertId: 'i1', logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity', timestamp: '2024-05-01T21:43:37.123456789Z', protoPayload: { '@type': 'type.googleapis.com/google.cloud.audit.AuditLog', serviceName: 'iam.googleapis.com', methodName: 'google.iam.admin.v1.CreateServiceAccountKey', authenticationInfo: { principalEmail: 'ci@p.iam.gserviceaccount.com', serviceAccountKeyName: '//iam.googleapis.com/projects/p/serviceAccounts/ci@p.iam.gserviceaccount.com/keys/ABCDEF0123' }, requestMetadata: { callerIp: '203.0.113.9' } } }]),
    source: 'gcp',
    shape: /^gcp\.audit_log\.json$/,
    records: 1,
    events: 1,
  },
];

describe('export shapes from FORMATS.md', () => {
  let ctx: Awaited<ReturnType<typeof tempCase>>;
  let result: ImportResult;

  beforeAll(async () => {
    ctx = await tempCase();
    for (const s of shapes) writeFileSync(join(ctx.dir, s.name), s.content);
    result = await importEvidence(ctx.db, shapes.map((s) => join(ctx.dir, s.name)));
  });
  afterAll(async () => ctx?.done());

  for (const s of shapes) {
    it(`${s.name}: ${s.source} ${s.shape.source}`, async () => {
      const f = result.files.find((x) => x.path.endsWith(`/${s.name}`))!;
      expect(f.status, f.reason).toBe('imported');
      expect(f.source).toBe(s.source);
      expect(f.shape).toMatch(s.shape);
      expect(f.recordsLoaded).toBe(s.records);
      expect(f.recordsRejected).toBe(0);
      if (s.events !== undefined) expect(await count(ctx.db, `SELECT count(*) FROM events WHERE file_id = $id`, { id: f.fileId! })).toBe(s.events);
      if (s.credentials !== undefined) expect(await count(ctx.db, `SELECT count(*) FROM credential_facts WHERE file_id = $id`, { id: f.fileId! })).toBe(s.credentials);
    });
  }

  it('maps the fields detections need', async () => {
    const byFile = async (name: string) => {
      const f = result.files.find((x) => x.path.endsWith(`/${name}`))!;
      return rows(ctx.db, `SELECT * FROM events WHERE file_id = $id ORDER BY sub_no`, { id: f.fileId! });
    };
    const [okta] = await byFile('f01');
    expect(okta).toMatchObject({ action: 'auth.token', credential_ref: '00Tabc', app_ref: '0oa1client', ip: '203.0.113.9', time_quality: 'exact' });
    expect(okta!.scopes).toEqual(['okta.users.read', 'okta.logs.read']);
    const [ualEvent] = await byFile('f10');
    expect(ualEvent).toMatchObject({ action: 'consent.grant', ip: '203.0.113.9', ip_raw: '[::ffff:203.0.113.9]:443', time_quality: 'assumed_utc' });
    const [entraCsv] = await byFile('f06');
    expect(entraCsv).toMatchObject({ app_ref: 'aaaaaaaa-0000-0000-0000-000000000001', city: 'Seattle', country: 'US', asn: 7922 });
    const google = await byFile('f12');
    expect(google.map((e) => [e.action, e.credential_ref, e.bytes])).toEqual([
      ['consent.grant', '1234-abcd', null],
      ['api.call', '1234-abcd', 4096n],
    ]);
    const sf = await byFile('f18');
    expect(sf.map((e) => [e.action_raw, e.rows, e.bytes, e.credential_ref])).toEqual([
      ['elf.RestApi', 50000n, 1048576n, '0H4000000000001'],
      ['elf.BulkApi2', 100000n, null, '0H4000000000001'],
    ]);
    const ct = await byFile('f22');
    expect(ct.map((e) => [e.ip, e.ip_raw, e.credential_ref, e.system_key])).toEqual([
      ['198.51.100.7', '198.51.100.7', 'AKIAEXAMPLE0001', 'aws:s3'],
      [null, 'AWS Internal', 'AKIAEXAMPLE0001', 'aws:s3'],
    ]);
    const [gcp] = await byFile('f26');
    expect(gcp).toMatchObject({ action: 'credential.create', credential_ref: 'abcdef0123', time_quality: 'exact' });
  });
});
