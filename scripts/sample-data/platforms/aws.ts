import { csvLine, DAY, HOUR, isoOffset, isoS, MINUTE, ymd } from '../lib/format';
import { reg } from '../lib/catalog';
import type { GenContext } from '../lib/context';
import { BASE32, type Rng, UPPER_NUM } from '../lib/prng';
import { burst, cadenceTimes, humanTimes } from '../lib/rhythm';
import { ipIn, NET, person, WINDOW_FROM, WINDOW_TO, type Employee } from '../lib/world';

/**
 * AWS: CloudTrail S3 delivery objects (.json.gz, `{"Records":[...]}`), the IAM credential report (two pulls)
 * and `aws iam list-access-keys` output per user, so access key ids join to users.
 */
const ACCOUNT = '310541862930';
const T0 = WINDOW_FROM;

interface Call {
  readonly source: string;
  readonly name: string;
  readonly readOnly: boolean;
  readonly params?: (rng: Rng) => unknown;
  readonly data?: { bucket: string; bytesOut?: readonly [number, number]; bytesIn?: readonly [number, number]; prefix: string };
  readonly error?: string;
}

interface IamUser {
  readonly name: string;
  readonly id: string; // AIDA…
  readonly created: number;
  readonly human?: Employee;
  readonly keys: AccessKey[];
}

interface AccessKey {
  readonly id: string;
  readonly created: number;
  status: 'Active' | 'Inactive';
  lastUsed?: { t: number; region: string; service: string };
}

interface Actor {
  readonly user: IamUser;
  readonly key: AccessKey;
  readonly ip: string;
  readonly ua: string;
  readonly region?: string;
}

const UA = {
  boto: 'Boto3/1.34.162 md/Botocore#1.34.162 ua/2.0 os/linux#5.15.0-1064-aws md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.162',
  botoNew: 'Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#6.1.0-26-amd64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54',
  java: 'aws-sdk-java/2.28.16 Linux/5.14.0-427.40.1.el9_4.x86_64 OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS Java/17.0.13 vendor/Red_Hat__Inc. io/sync http/Apache cfg/retry-mode/legacy',
  ciCli: 'aws-cli/2.17.59 md/awscrt#0.21.5 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython exec-env/GitHub-Actions cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off',
  ciCliEcs: 'aws-cli/2.17.59 md/awscrt#0.21.5 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython exec-env/GitHub-Actions cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#ecs.update-service',
  attackerCli: 'aws-cli/2.18.0 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-47-generic md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off',
  kevinCli: 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/s3.ls',
  kevinCli2: 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/s3.cp',
  cyberduck: 'Cyberduck/8.8.2.41366 (Mac OS X/14.4.1) (x86_64)',
  terraform: 'APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/s3#1.66.0',
  console: 'AWS Internal',
  goSdk: 'aws-sdk-go-v2/1.30.3 ua/2.0 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/sqs#1.34.3',
} as const;

const get = (bucket: string, prefix: string, bytesOut: readonly [number, number]): Call => ({ source: 's3.amazonaws.com', name: 'GetObject', readOnly: true, data: { bucket, prefix, bytesOut } });
const put = (bucket: string, prefix: string, bytesIn: readonly [number, number]): Call => ({ source: 's3.amazonaws.com', name: 'PutObject', readOnly: false, data: { bucket, prefix, bytesIn } });
const api = (source: string, name: string, readOnly: boolean, params?: (rng: Rng) => unknown, error?: string): Call => ({ source, name, readOnly, ...(params ? { params } : {}), ...(error ? { error } : {}) });

const callerIdentity = api('sts.amazonaws.com', 'GetCallerIdentity', true);
const listBuckets = api('s3.amazonaws.com', 'ListBuckets', true, () => ({ Host: 's3.amazonaws.com' }));

export function generateAws(ctx: GenContext): { events: number } {
  const { rng, catalog, out, people } = ctx;
  const records: Record<string, unknown>[] = [];
  const users: IamUser[] = [];

  const newUser = (name: string, created: number, human?: Employee): IamUser => {
    const u: IamUser = { name, id: `AIDA${rng.chars(UPPER_NUM.replace(/[019]/g, ''), 17)}`, created, keys: [], ...(human ? { human } : {}) };
    users.push(u);
    return u;
  };
  const newKey = (u: IamUser, created: number, status: 'Active' | 'Inactive' = 'Active'): AccessKey => {
    const k: AccessKey = { id: `AKIA${rng.chars(BASE32.replace(/[01]/g, ''), 16)}`, created, status };
    u.keys.push(k);
    return k;
  };

  const emit = (a: Actor, t: number, call: Call, region = a.region ?? 'us-east-1'): void => {
    const service = call.source.split('.')[0] as string;
    const rec: Record<string, unknown> = {
      eventVersion: call.data ? '1.10' : '1.11',
      userIdentity: { type: 'IAMUser', principalId: a.user.id, arn: `arn:aws:iam::${ACCOUNT}:user/${a.user.name}`, accountId: ACCOUNT, accessKeyId: a.key.id, userName: a.user.name },
      eventTime: isoS(t),
      eventSource: call.source,
      eventName: call.name,
      awsRegion: region,
      sourceIPAddress: a.ip,
      userAgent: a.ua,
    };
    if (call.error) { rec.errorCode = call.error; rec.errorMessage = `User: arn:aws:iam::${ACCOUNT}:user/${a.user.name} is not authorized to perform: ${service}:${call.name} because no identity-based policy allows the ${service}:${call.name} action`; }
    if (call.data) {
      const key = `${call.data.prefix}${ymd(t).replace(/-/g, '/')}/part-${String(rng.int(0, 9999)).padStart(5, '0')}-${rng.hex(8)}.parquet`;
      rec.requestParameters = { bucketName: call.data.bucket, Host: `${call.data.bucket}.s3.${region}.amazonaws.com`, key };
      rec.responseElements = null;
      rec.additionalEventData = {
        SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256',
        bytesTransferredIn: call.data.bytesIn ? rng.int(...call.data.bytesIn) : 0,
        AuthenticationMethod: 'AuthHeader', 'x-amz-id-2': `${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 76)}=`,
        bytesTransferredOut: call.data.bytesOut ? rng.int(...call.data.bytesOut) : 0,
      };
      rec.requestID = rng.chars('0123456789ABCDEF', 16);
      rec.eventID = rng.uuid();
      rec.readOnly = call.readOnly;
      rec.resources = [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${call.data.bucket}/${key}` }, { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${call.data.bucket}` }];
      rec.eventType = 'AwsApiCall';
      rec.managementEvent = false;
      rec.recipientAccountId = ACCOUNT;
      rec.eventCategory = 'Data';
      rec.tlsDetails = { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${call.data.bucket}.s3.${region}.amazonaws.com` };
    } else {
      rec.requestParameters = call.params ? call.params(rng) : null;
      rec.responseElements = null;
      rec.requestID = rng.uuid();
      rec.eventID = rng.uuid();
      rec.readOnly = call.readOnly;
      rec.eventType = 'AwsApiCall';
      rec.managementEvent = true;
      rec.recipientAccountId = ACCOUNT;
      rec.eventCategory = 'Management';
      rec.tlsDetails = { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: call.source === 'sts.amazonaws.com' ? 'sts.amazonaws.com' : `${service}.${region}.amazonaws.com` };
    }
    records.push(rec);
    if (!call.error && (!a.key.lastUsed || a.key.lastUsed.t < t)) a.key.lastUsed = { t, region, service };
  };

  /** One job run: the calls in order, a second or so apart. */
  const run = (a: Actor, start: number, calls: readonly Call[]): number => {
    const ts = burst(rng, start, calls.length, [150, 2500]);
    calls.forEach((c, i) => emit(a, ts[i] as number, c));
    return ts[ts.length - 1] ?? start;
  };
  const repeat = (c: Call, n: number): Call[] => Array.from({ length: n }, () => c);

  const ravi = person(people, 'Ravi', 'Menon');
  const kevin = person(people, 'Kevin', 'Osei');
  const sofia = person(people, 'Sofia', 'Lindgren');
  const dcIp = ipIn(rng, NET.dcAtlanta);
  const dcIp2 = ipIn(rng, NET.dcAtlanta);
  const hqIp = ipIn(rng, NET.hqChicago);

  // ---- Look-alike: nightly ETL moving millions of rows (Parquet parts) every night, 01:00 UTC.
  const etlUser = newUser('svc-etl-nightly', Date.UTC(2023, 4, 2, 15, 11));
  const etlKey = newKey(etlUser, Date.UTC(2026, 4, 4, 9, 30));
  const etl: Actor = { user: etlUser, key: etlKey, ip: dcIp, ua: UA.java };
  for (const start of cadenceTimes(rng, { anchor: T0 + HOUR, period: DAY, jitter: 6 * MINUTE })) {
    const parts = rng.int(200, 230);
    const calls: Call[] = [callerIdentity, api('s3.amazonaws.com', 'ListObjectsV2', true, () => ({ bucketName: 'nw-wms-exports', 'list-type': '2', prefix: `daily/${ymd(start)}/`, Host: 'nw-wms-exports.s3.us-east-1.amazonaws.com' }))];
    for (let i = 0; i < parts; i++) calls.push(get('nw-wms-exports', 'daily/', [110_000_000, 140_000_000]), put('nw-datalake-raw', 'wms/shipments/', [110_000_000, 140_000_000]));
    calls.push(api('glue.amazonaws.com', 'StartCrawler', false, () => ({ name: 'wms-shipments-raw' })));
    run(etl, start, calls);
  }
  catalog.register.push(reg({ credential_id: etlKey.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-etl-nightly', owner_email: sofia.email, app_name: 'WMS nightly export', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-etl-nightly`, business_purpose: 'Nightly copy of warehouse-management exports (~430 S3 object reads/writes, ~55 GB) into the data lake', approved_pattern: 'Daily batch from the Atlanta DC scheduler; ~430 S3 object reads/writes per night', approved_cadence: 'P1D', approved_hours_utc: '00-04', approved_networks: '192.0.2.0/24', scopes: 's3:GetObject s3:PutObject s3:ListBucket glue:StartCrawler', created_at: isoS(etlKey.created), expires_at: '', last_reviewed_at: '2026-08-18', review_interval_days: '180' }));
  catalog.lookalike({ id: 'aws-nightly-etl', platform: 'aws', entityIds: [etlKey.id, 'svc-etl-nightly'], mustNotFire: ['volume-spike', 'off-hours', 'cadence-break', 'human-use-of-nhi'], title: 'Nightly ETL moves ~55 GB every night', narrative: 'svc-etl-nightly reads ~215 Parquet parts (~125 MB each) from nw-wms-exports and writes them to nw-datalake-raw every night at 01:00 UTC from the Atlanta DC. The volume is huge but it is the same every night, so a per-credential baseline must not call it a spike, and 01:00 UTC is its declared window.' });

  // ---- Story: CI deploy key — weekday deploys from GitHub-hosted runners, then used off-cadence from a VPS.
  const ciUser = newUser('svc-ci-deploy', Date.UTC(2024, 8, 30, 18, 2));
  const ciKey = newKey(ciUser, Date.UTC(2026, 7, 3, 16, 45));
  const deployCalls: Call[] = [callerIdentity, api('ecr.amazonaws.com', 'GetAuthorizationToken', true), ...repeat(api('ecr.amazonaws.com', 'InitiateLayerUpload', false, () => ({ repositoryName: 'nw-shipment-api' })), 3), api('ecr.amazonaws.com', 'PutImage', false, () => ({ repositoryName: 'nw-shipment-api', imageTag: rng.hex(7) })), api('ecs.amazonaws.com', 'RegisterTaskDefinition', false, () => ({ family: 'shipment-api' })), api('ecs.amazonaws.com', 'UpdateService', false, () => ({ cluster: 'prod', service: 'shipment-api' })), ...repeat(api('ecs.amazonaws.com', 'DescribeServices', true, () => ({ cluster: 'prod', services: ['shipment-api'] })), 6)];
  const ciRunners = [NET.azureRunners, NET.azureRunners2];
  let ciRuns = 0;
  for (const day of cadenceTimes(rng, { anchor: T0, period: DAY, jitter: 0, weekdays: [1, 2, 3, 4, 5] })) {
    const deploys = rng.int(3, 7);
    for (let d = 0; d < deploys; d++) {
      const start = day + (14 + rng.float() * 8) * HOUR; // merges during Chicago working hours
      run({ user: ciUser, key: ciKey, ip: ipIn(rng, rng.pick(ciRunners)), ua: UA.ciCliEcs }, start, deployCalls);
      ciRuns++;
    }
  }
  // Nightly integration build, 06:00 UTC every day.
  for (const start of cadenceTimes(rng, { anchor: T0 + 6 * HOUR, period: DAY, jitter: 4 * MINUTE })) {
    run({ user: ciUser, key: ciKey, ip: ipIn(rng, rng.pick(ciRunners)), ua: UA.ciCli }, start, [callerIdentity, api('ecr.amazonaws.com', 'GetAuthorizationToken', true), api('ecr.amazonaws.com', 'BatchGetImage', true, () => ({ repositoryName: 'nw-shipment-api' }))]);
    ciRuns++;
  }
  const ciAttackStart = Date.UTC(2026, 10, 15, 3, 12, 7); // Sunday 03:12 UTC
  const vps: Actor = { user: ciUser, key: ciKey, ip: ipIn(rng, NET.vultrNewJersey), ua: UA.attackerCli };
  let tt = run(vps, ciAttackStart, [callerIdentity, listBuckets, api('iam.amazonaws.com', 'ListUsers', true, undefined, 'AccessDenied'), api('iam.amazonaws.com', 'ListRoles', true, undefined, 'AccessDenied'), api('secretsmanager.amazonaws.com', 'ListSecrets', true, undefined, 'AccessDenied'), api('ecs.amazonaws.com', 'ListClusters', true), api('ecs.amazonaws.com', 'DescribeTaskDefinition', true, () => ({ taskDefinition: 'shipment-api' }))]);
  tt = run(vps, tt + 9 * MINUTE, [api('s3.amazonaws.com', 'ListObjectsV2', true, () => ({ bucketName: 'nw-prod-config', 'list-type': '2', Host: 'nw-prod-config.s3.us-east-1.amazonaws.com' })), ...repeat(get('nw-prod-config', 'services/', [2_000, 40_000]), 14)]);
  catalog.register.push(reg({ credential_id: ciKey.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-ci-deploy', owner_email: ravi.email, app_name: 'GitHub Actions deploy pipeline', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-ci-deploy`, business_purpose: 'Push images to ECR and roll the shipment-api ECS service from GitHub Actions', approved_pattern: 'On merge (weekdays, Chicago working hours) plus the nightly 06:00 UTC build; GitHub-hosted runners only', approved_cadence: 'P1D', approved_hours_utc: '05-23', approved_networks: 'AS8075', scopes: 'ecr:* ecs:UpdateService ecs:RegisterTaskDefinition ecs:DescribeServices', created_at: isoS(ciKey.created), expires_at: '', last_reviewed_at: '2026-09-02', review_interval_days: '90' }));
  catalog.story({ id: 'aws-ci-key-off-cadence', kind: 'cadence-break', platform: 'aws', entityIds: [ciKey.id, 'svc-ci-deploy'], from: ciAttackStart, to: tt + MINUTE, title: 'CI deploy key used on a Sunday night, off its rhythm', narrative: `The GitHub Actions deploy key only ever runs on weekday merges and the 06:00 UTC nightly build (${ciRuns} runs in the window). On Sunday 15 November at 03:12 UTC it was used for 25 minutes of reconnaissance (ListBuckets, IAM and Secrets Manager enumeration, all denied) and then read 14 objects from nw-prod-config.` });
  catalog.story({ id: 'aws-ci-key-new-network', kind: 'new-network', platform: 'aws', entityIds: [ciKey.id, 'svc-ci-deploy'], from: ciAttackStart, to: tt + MINUTE, title: 'CI deploy key used from a Vultr VPS (AS20473)', narrative: `Every earlier use came from GitHub-hosted runners in Microsoft address space (AS8075). The Sunday-night session came from ${vps.ip} (Vultr, Piscataway NJ) with an aws-cli build never seen for this key.` });

  // ---- Story: dormant legacy reporting key wakes up (the Dropbox Sign pattern).
  const legacyUser = newUser('svc-legacy-reporting', Date.UTC(2021, 1, 11, 10, 3));
  const legacyKey = newKey(legacyUser, Date.UTC(2022, 1, 11, 10, 5));
  legacyKey.lastUsed = { t: Date.UTC(2026, 4, 28, 2, 14, 51), region: 'us-east-1', service: 's3' };
  const legacyLastUsedBefore = legacyKey.lastUsed.t;
  const wake = Date.UTC(2026, 10, 13, 21, 47, 12);
  const hetzner: Actor = { user: legacyUser, key: legacyKey, ip: ipIn(rng, NET.hetznerHelsinki), ua: UA.botoNew };
  tt = run(hetzner, wake, [callerIdentity, listBuckets, api('s3.amazonaws.com', 'ListObjectsV2', true, () => ({ bucketName: 'nw-customer-reports', 'list-type': '2', Host: 'nw-customer-reports.s3.us-east-1.amazonaws.com' }))]);
  tt = run(hetzner, tt + 3 * MINUTE, repeat(get('nw-customer-reports', 'monthly/', [400_000, 9_000_000]), 180));
  catalog.register.push(reg({ credential_id: legacyKey.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-legacy-reporting', owner_email: 'bi-team@' + 'northwind-logistics.example', app_name: 'Legacy Crystal Reports export', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-legacy-reporting`, business_purpose: 'Monthly customer report export for the old BI server (decommissioned June 2026)', approved_pattern: 'Monthly batch from the BI server', approved_cadence: 'P1M', approved_networks: '192.0.2.0/24', scopes: 's3:GetObject s3:ListBucket', created_at: isoS(legacyKey.created), last_reviewed_at: '2025-01-20', review_interval_days: '365' }));
  catalog.story({ id: 'aws-reporting-key-no-owner', kind: 'orphaned-owner', platform: 'aws', entityIds: [legacyKey.id, 'svc-legacy-reporting'], from: WINDOW_FROM, to: WINDOW_TO, title: 'Reporting key owned by a mailing list that no longer exists', narrative: 'The register names bi-team@northwind-logistics.example as the owner of svc-legacy-reporting. That is not a person in the HR list — the BI team was merged into Data Platform in 2025 — so nobody was asked to retire the key when its server was switched off.' });
  catalog.story({ id: 'aws-dormant-reporting-key', kind: 'dormant-reactivation', platform: 'aws', entityIds: [legacyKey.id, 'svc-legacy-reporting'], from: wake, to: tt + MINUTE, title: 'Legacy reporting key wakes up after 5½ months', narrative: `svc-legacy-reporting was last used on ${ymd(legacyLastUsedBefore)} (see the October credential report) when the old BI server was switched off; nobody deleted the key. On 13 November it listed buckets from a Hetzner server in Helsinki and downloaded 180 monthly customer reports.` });

  // ---- Story: a service key used by a human (Kevin) from his home laptop.
  const exportUser = newUser('svc-partner-export', Date.UTC(2022, 9, 4, 13, 20));
  const exportKey = newKey(exportUser, Date.UTC(2025, 10, 20, 14, 2));
  for (const start of cadenceTimes(rng, { anchor: T0 + 5 * MINUTE, period: HOUR, jitter: 40_000 })) {
    run({ user: exportUser, key: exportKey, ip: dcIp2, ua: UA.boto }, start, [put('nw-partner-dropbox', 'outbound/edi/', [8_000, 60_000]), put('nw-partner-dropbox', 'outbound/edi/', [8_000, 60_000])]);
  }
  const kevinIp = kevin.homeIp;
  const humanSessions = [Date.UTC(2026, 10, 10, 20, 21, 4), Date.UTC(2026, 10, 12, 15, 2, 40)];
  let humanEnd = 0;
  for (const s of humanSessions) {
    let t = run({ user: exportUser, key: exportKey, ip: kevinIp, ua: UA.kevinCli }, s, [callerIdentity, listBuckets, api('s3.amazonaws.com', 'ListObjectsV2', true, () => ({ bucketName: 'nw-partner-dropbox', 'list-type': '2', prefix: 'inbound/', Host: 'nw-partner-dropbox.s3.us-east-1.amazonaws.com' }))]);
    // First session from the CLI, second from Cyberduck (a desktop S3 browser): a person at a laptop.
    t = run({ user: exportUser, key: exportKey, ip: kevinIp, ua: s === humanSessions[0] ? UA.kevinCli2 : UA.cyberduck }, t + rng.int(40, 200) * 1000, repeat(get('nw-partner-dropbox', 'inbound/', [20_000, 900_000]), rng.int(8, 16)));
    t = run({ user: exportUser, key: exportKey, ip: kevinIp, ua: UA.kevinCli }, t + rng.int(4, 15) * MINUTE, [api('s3.amazonaws.com', 'ListObjectsV2', true, () => ({ bucketName: 'nw-partner-dropbox', 'list-type': '2', prefix: 'outbound/', Host: 'nw-partner-dropbox.s3.us-east-1.amazonaws.com' })), api('s3.amazonaws.com', 'DeleteObject', false, () => ({ bucketName: 'nw-partner-dropbox', key: 'inbound/edi/stuck-856.edi', Host: 'nw-partner-dropbox.s3.us-east-1.amazonaws.com' }))]);
    humanEnd = t;
  }
  catalog.register.push(reg({ credential_id: exportKey.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-partner-export', owner_email: kevin.email, app_name: 'EDI partner export', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-partner-export`, business_purpose: 'Hourly EDI 856/214 file drop for carrier partners', approved_pattern: 'Hourly at :05 from the Atlanta DC integration host; no interactive use', approved_cadence: 'PT1H', approved_networks: '192.0.2.0/24', scopes: 's3:PutObject s3:GetObject s3:ListBucket', created_at: isoS(exportKey.created), last_reviewed_at: '2026-07-01', review_interval_days: '180' }));
  catalog.story({ id: 'aws-service-key-used-by-human', kind: 'human-use-of-nhi', platform: 'aws', entityIds: [exportKey.id, 'svc-partner-export'], from: humanSessions[0] as number, to: humanEnd + MINUTE, title: 'EDI service key used interactively from a home laptop', narrative: `svc-partner-export writes two EDI files every hour from the DC integration host with Boto3. On 10 and 12 November the same key ran aws-cli on macOS (Darwin) and then the Cyberduck desktop S3 browser from a Comcast home address (${kevinIp}) during Chicago office hours: listing, downloading and deleting files by hand — a person (Kevin Osei, the owner) using the machine credential.` });

  // ---- Look-alike: properly rotated key (new key created, workload moves, old one deactivated).
  const repUser = newUser('svc-ops-dashboard', Date.UTC(2023, 10, 3, 16, 40));
  const oldKey = newKey(repUser, Date.UTC(2025, 10, 3, 16, 41));
  const rotateAt = Date.UTC(2026, 10, 10, 15, 2, 18);
  const newKeyRot = newKey(repUser, rotateAt);
  for (const start of cadenceTimes(rng, { anchor: T0 + 2 * MINUTE, period: 15 * MINUTE, jitter: 20_000 })) {
    const key = start < rotateAt + 13 * MINUTE ? oldKey : newKeyRot;
    run({ user: repUser, key, ip: hqIp, ua: UA.goSdk }, start, [api('sqs.amazonaws.com', 'GetQueueAttributes', true, () => ({ queueUrl: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/shipment-events`, attributeNames: ['ApproximateNumberOfMessages'] })), api('cloudwatch.amazonaws.com', 'GetMetricData', true)]);
  }
  const raviRole = { ip: ravi.officeIp, ua: ravi.browserUa };
  // The rotation itself is done by Ravi through the console (SSO role session).
  // One temporary (ASIA…) key per person per SSO session; sessions last up to 8 hours.
  const sessionKeys = new Map<string, string>();
  const sessionKey = (who: Employee, t: number) => {
    const k = `${who.email}|${Math.floor(t / (8 * HOUR))}`;
    const existing = sessionKeys.get(k);
    if (existing) return existing;
    const created = `ASIA${rng.chars(BASE32.replace(/[01]/g, ''), 16)}`;
    sessionKeys.set(k, created);
    return created;
  };
  const ssoRecord = (t: number, who: Employee, name: string, params: unknown, ip: string, ua: string) => {
    records.push({
      eventVersion: '1.11',
      userIdentity: { type: 'AssumedRole', principalId: `AROAUSGGHW3IZX2W6RFQL:${who.email}`, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_AdministratorAccess_3f1c9a2b7d6e4c10/${who.email}`, accountId: ACCOUNT, accessKeyId: sessionKey(who, t), sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROAUSGGHW3IZX2W6RFQL', arn: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_3f1c9a2b7d6e4c10`, accountId: ACCOUNT, userName: 'AWSReservedSSO_AdministratorAccess_3f1c9a2b7d6e4c10' }, attributes: { creationDate: isoS(Math.floor(t / (8 * HOUR)) * 8 * HOUR + 7 * MINUTE), mfaAuthenticated: 'false' } } },
      eventTime: isoS(t), eventSource: name.startsWith('Describe') || name.startsWith('RunInstances') ? 'ec2.amazonaws.com' : 'iam.amazonaws.com', eventName: name, awsRegion: 'us-east-1', sourceIPAddress: ip, userAgent: ua,
      requestParameters: params, responseElements: null, requestID: rng.uuid(), eventID: rng.uuid(), readOnly: name.startsWith('List') || name.startsWith('Get') || name.startsWith('Describe'), eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: ACCOUNT, eventCategory: 'Management', sessionCredentialFromConsole: true,
    });
  };
  ssoRecord(rotateAt, ravi, 'CreateAccessKey', { userName: repUser.name }, raviRole.ip, raviRole.ua);
  ssoRecord(Date.UTC(2026, 10, 11, 16, 0, 31), ravi, 'UpdateAccessKey', { userName: repUser.name, accessKeyId: oldKey.id, status: 'Inactive' }, raviRole.ip, raviRole.ua);
  oldKey.status = 'Inactive';
  catalog.register.push(reg({ credential_id: oldKey.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-ops-dashboard (2025 key)', owner_email: ravi.email, app_name: 'Ops wallboard', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-ops-dashboard`, business_purpose: 'Queue depth and metrics for the operations wallboard', approved_pattern: 'Every 15 minutes from the HQ wallboard host', approved_cadence: 'PT15M', approved_networks: '198.51.100.0/24', scopes: 'sqs:GetQueueAttributes cloudwatch:GetMetricData', created_at: isoS(oldKey.created), expires_at: '2026-11-15', last_reviewed_at: '2026-11-10', review_interval_days: '365', status: 'disabled' }));
  catalog.register.push(reg({ credential_id: newKeyRot.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-ops-dashboard (2026 key)', owner_email: ravi.email, app_name: 'Ops wallboard', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-ops-dashboard`, business_purpose: 'Queue depth and metrics for the operations wallboard', approved_pattern: 'Every 15 minutes from the HQ wallboard host', approved_cadence: 'PT15M', approved_networks: '198.51.100.0/24', scopes: 'sqs:GetQueueAttributes cloudwatch:GetMetricData', created_at: isoS(newKeyRot.created), expires_at: '2027-11-10', last_reviewed_at: '2026-11-10', review_interval_days: '365' }));
  catalog.lookalike({ id: 'aws-key-rotated-properly', platform: 'aws', entityIds: [oldKey.id, newKeyRot.id, 'svc-ops-dashboard'], mustNotFire: ['use-after-revocation', 'shadow-credential', 'dormant-reactivation', 'new-network', 'new-user-agent', 'cadence-break'], title: 'Wallboard key rotated by the book', narrative: 'On 10 November Ravi Menon created a second key for svc-ops-dashboard, the wallboard switched to it 13 minutes later (same host, same SDK, same 15-minute rhythm), and the old key was deactivated the next day. Both keys are in the register and in list-access-keys; the new key is not a shadow credential and the old one is never used after deactivation.' });

  // ---- Look-alike: month-end close job — quiet for four weeks, then runs as always on the 15th.
  const closeUser = newUser('svc-invoice-close', Date.UTC(2024, 2, 1, 9, 0));
  const closeKey = newKey(closeUser, Date.UTC(2025, 2, 1, 9, 3));
  closeKey.lastUsed = { t: Date.UTC(2026, 8, 15, 2, 41, 10), region: 'us-east-1', service: 'athena' };
  const closeRuns = [Date.UTC(2026, 9, 15, 2, 0, 41), Date.UTC(2026, 10, 15, 2, 0, 29)];
  for (const start of closeRuns) {
    const calls: Call[] = [callerIdentity];
    for (let q = 0; q < 24; q++) calls.push(api('athena.amazonaws.com', 'StartQueryExecution', false, () => ({ workGroup: 'finance', queryExecutionContext: { database: 'billing' } })), ...repeat(api('athena.amazonaws.com', 'GetQueryExecution', true), 3), api('athena.amazonaws.com', 'GetQueryResults', true));
    for (let p = 0; p < 60; p++) calls.push(put('nw-finance-close', 'invoices/', [200_000, 2_000_000]));
    run({ user: closeUser, key: closeKey, ip: dcIp, ua: UA.boto }, start, calls);
  }
  catalog.register.push(reg({ credential_id: closeKey.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-invoice-close', owner_email: (people.find((p) => p.department === 'Finance' && p.status === 'active') as Employee).email, app_name: 'Carrier invoice close', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-invoice-close`, business_purpose: 'Monthly carrier-invoice reconciliation (Athena) on the 15th', approved_pattern: 'Monthly on the 15th, 02:00 UTC, from the DC scheduler', approved_cadence: 'P1M', approved_hours_utc: '01-05', approved_networks: '192.0.2.0/24', scopes: 'athena:StartQueryExecution athena:GetQueryResults s3:PutObject', created_at: isoS(closeKey.created), last_reviewed_at: '2026-06-30', review_interval_days: '365' }));
  catalog.lookalike({ id: 'aws-monthly-close-job', platform: 'aws', entityIds: [closeKey.id, 'svc-invoice-close'], mustNotFire: ['dormant-reactivation', 'cadence-break', 'volume-spike', 'new-resource'], title: 'Monthly close job: four quiet weeks, then business as usual', narrative: `svc-invoice-close runs once a month on the 15th (credential report: last used ${ymd(Date.UTC(2026, 8, 15))}; the window holds the 15 October and 15 November runs with the same ~200 calls). Its register cadence is P1M, so the 31-day silence before ${ymd(closeRuns[1] as number)} is not dormancy.` });

  // ---- Background service users: a spread of cadences, networks and SDKs.
  const background: readonly { name: string; period: number; calls: Call[]; ip: string; ua: string; purpose: string; owner: Employee; cadence: string }[] = [
    { name: 'svc-tms-rates', period: 15 * MINUTE, calls: [api('dynamodb.amazonaws.com', 'Query', true, () => ({ tableName: 'carrier-rates' }))], ip: ipIn(rng, NET.awsUsEast1), ua: UA.java, purpose: 'Rate lookups for the transport management system', owner: sofia, cadence: 'PT15M' },
    { name: 'svc-label-printer', period: 15 * MINUTE, calls: [get('nw-label-templates', 'zpl/', [3_000, 12_000]), put('nw-label-archive', 'printed/', [2_000, 9_000])], ip: dcIp2, ua: UA.goSdk, purpose: 'Shipping-label templates for the DC printers', owner: ravi, cadence: 'PT15M' },
    { name: 'svc-backup-offsite', period: DAY, calls: repeat(put('nw-backup-offsite', 'pg/', [50_000_000, 120_000_000]), 90), ip: dcIp, ua: UA.boto, purpose: 'Nightly database backups to the off-site bucket', owner: ravi, cadence: 'P1D' },
    { name: 'svc-telemetry-ingest', period: 5 * MINUTE, calls: [api('kinesis.amazonaws.com', 'PutRecords', false, () => ({ streamName: 'truck-telemetry' }))], ip: ipIn(rng, NET.awsUsEast1b), ua: UA.java, purpose: 'Truck telemetry into Kinesis', owner: sofia, cadence: 'PT5M' },
    { name: 'svc-eu-customs', period: 30 * MINUTE, calls: [api('sqs.amazonaws.com', 'ReceiveMessage', true), api('sqs.amazonaws.com', 'DeleteMessage', false)], ip: ipIn(rng, NET.officeRotterdam), ua: UA.boto, purpose: 'EU customs declarations queue (Rotterdam)', owner: sofia, cadence: 'PT30M' },
    { name: 'svc-cost-report', period: DAY, calls: [api('ce.amazonaws.com', 'GetCostAndUsage', true), api('ce.amazonaws.com', 'GetCostForecast', true)], ip: hqIp, ua: UA.boto, purpose: 'Daily cost report for the FinOps dashboard', owner: ravi, cadence: 'P1D' },
  ];
  for (const b of background) {
    const u = newUser(b.name, Date.UTC(2022 + rng.int(0, 3), rng.int(0, 11), rng.int(1, 28), 12));
    const k = newKey(u, Date.UTC(2025 + rng.int(0, 1), rng.int(0, 8), rng.int(1, 28), 12));
    const region = b.name === 'svc-eu-customs' ? 'eu-west-1' : 'us-east-1';
    for (const start of cadenceTimes(rng, { anchor: T0 + rng.int(0, 4) * MINUTE + (b.period === DAY ? 3 * HOUR : 0), period: b.period, jitter: Math.min(b.period / 10, 90_000), skip: 0.01 })) run({ user: u, key: k, ip: b.ip, ua: b.ua, region }, start, b.calls);
    // Telemetry's key had a rotation deadline (register expiry) of 8 November that nobody acted on.
    const expires = b.name === 'svc-telemetry-ingest' ? Date.UTC(2026, 10, 8) : 0;
    catalog.register.push(reg({ credential_id: k.id, platform: 'aws', credential_type: 'access_key', display_name: b.name, owner_email: b.owner.email, app_name: b.name.replace('svc-', ''), app_id: `arn:aws:iam::${ACCOUNT}:user/${b.name}`, business_purpose: b.purpose, approved_pattern: `Machine job every ${b.cadence}`, approved_cadence: b.cadence, approved_networks: '', scopes: [...new Set(b.calls.map((c) => `${c.source.split('.')[0]}:${c.name}`))].join(' '), created_at: isoS(k.created), expires_at: expires ? isoS(expires) : '', last_reviewed_at: `2026-0${rng.int(3, 9)}-${String(rng.int(1, 28)).padStart(2, '0')}`, review_interval_days: '180' }));
    if (expires) catalog.story({ id: 'aws-telemetry-key-past-expiry', kind: 'use-after-expiry', platform: 'aws', entityIds: [k.id, b.name], from: expires, to: WINDOW_TO, title: 'Telemetry key still in use after its register expiry (8 November)', narrative: `The register gives the svc-telemetry-ingest access key an expiry of ${isoS(expires)} (the one-year rotation deadline). AWS keys do not expire by themselves, so nothing stopped it: the key keeps writing to Kinesis every 5 minutes for the rest of the window. The register and the platform disagree about whether this credential should exist.` });
  }

  // ---- Stale keys: valid, never used in the window (one is a story), some humans' legacy CLI keys.
  const staleUser = newUser('svc-old-sftp-bridge', Date.UTC(2020, 6, 14, 8, 0));
  const staleKey = newKey(staleUser, Date.UTC(2020, 6, 14, 8, 2));
  staleKey.lastUsed = { t: Date.UTC(2025, 1, 3, 11, 9, 40), region: 'us-east-1', service: 's3' };
  catalog.register.push(reg({ credential_id: staleKey.id, platform: 'aws', credential_type: 'access_key', display_name: 'svc-old-sftp-bridge', owner_email: ravi.email, app_name: 'SFTP bridge (retired)', app_id: `arn:aws:iam::${ACCOUNT}:user/svc-old-sftp-bridge`, business_purpose: 'Bridge from the old SFTP server to S3', approved_pattern: 'Hourly', approved_cadence: 'PT1H', scopes: 's3:*', created_at: isoS(staleKey.created), last_reviewed_at: '2024-05-02', review_interval_days: '365' }));
  catalog.story({ id: 'aws-stale-sftp-key', kind: 'stale-credential', platform: 'aws', entityIds: [staleKey.id, 'svc-old-sftp-bridge'], from: WINDOW_FROM, to: WINDOW_TO, title: 'Active six-year-old key unused since February 2025', narrative: 'svc-old-sftp-bridge still has an active access key with s3:* (created July 2020). The credential report shows it was last used on 2025-02-03; nothing in CloudTrail since. It should have been deleted with the SFTP server.' });
  for (let i = 0; i < 3; i++) {
    const u = newUser(`svc-${rng.pick(['mig', 'poc', 'test', 'tmp'])}-${rng.pick(['geo', 'route', 'dock', 'yard', 'fuel'])}-${i}`, Date.UTC(2024, rng.int(0, 11), rng.int(1, 28), 10));
    const k = newKey(u, u.created + HOUR);
    if (rng.chance(0.5)) k.lastUsed = { t: u.created + rng.int(2, 40) * DAY, region: 'us-east-1', service: 's3' };
  }

  // ---- Engineers with personal IAM users (legacy) and console SSO sessions.
  const engineers = people.filter((p) => (p.department === 'Engineering' || p.department === 'Data Platform') && p.status === 'active').slice(0, 14);
  engineers.forEach((e, i) => {
    if (i < 8) {
      const u = newUser(e.email.split('@')[0] as string, Date.UTC(2021 + (i % 4), i, 10 + i, 15), e);
      const k = newKey(u, Date.UTC(2025, i, 5 + i, 15));
      const ts = humanTimes(rng, { zone: e.zone, sessionsPerDay: 0.6, eventsPerSession: 4 });
      for (const t of ts) emit({ user: u, key: k, ip: rng.chance(0.6) ? e.officeIp : e.homeIp, ua: `aws-cli/2.${rng.int(13, 17)}.${rng.int(1, 40)} Python/3.11.8 ${rng.chance(0.7) ? 'Darwin/23.6.0' : 'Linux/6.8.0-45-generic'} exe/x86_64 prompt/off command/${rng.pick(['s3.ls', 'logs.tail', 'ecs.describe-services', 'sts.get-caller-identity'])}` }, t, rng.pick([callerIdentity, listBuckets, api('logs.amazonaws.com', 'FilterLogEvents', true), api('ecs.amazonaws.com', 'DescribeServices', true)]));
      catalog.register.push(reg({ credential_id: k.id, platform: 'aws', credential_type: 'access_key', display_name: `${u.name} CLI key`, owner_email: e.email, app_name: 'AWS CLI', app_id: `arn:aws:iam::${ACCOUNT}:user/${u.name}`, business_purpose: 'Personal CLI access (legacy, being replaced by SSO)', approved_pattern: 'Interactive, working hours', approved_hours_utc: '', scopes: 'ReadOnlyAccess', created_at: isoS(k.created), expires_at: '', last_reviewed_at: '2026-04-15', review_interval_days: '180' }));
    }
    for (const t of humanTimes(rng, { zone: e.zone, sessionsPerDay: 1.2, eventsPerSession: 6 })) {
      ssoRecord(t, e, rng.pick(['DescribeInstances', 'ListRoles', 'GetRole', 'ListPolicies', 'DescribeInstances']), null, rng.chance(0.7) ? e.officeIp : e.homeIp, e.browserUa);
    }
  });

  // ---- Write CloudTrail objects: one per region per 4 hours (real trails deliver every ~5 minutes; fewer,
  // larger objects keep the repository lean without changing the record format or the key layout).
  const byFile = new Map<string, { region: string; hour: number; recs: Record<string, unknown>[] }>();
  for (const r of records) {
    const t = Date.parse(r.eventTime as string);
    const hour = Math.floor(t / (4 * HOUR)) * 4 * HOUR;
    const region = r.awsRegion as string;
    const key = `${region}|${hour}`;
    const f = byFile.get(key) ?? { region, hour, recs: [] };
    f.recs.push(r);
    byFile.set(key, f);
  }
  const files = [...byFile.values()].sort((a, b) => a.hour - b.hour || a.region.localeCompare(b.region));
  for (const f of files) {
    f.recs.sort((a, b) => (a.eventTime as string).localeCompare(b.eventTime as string));
    const delivered = f.hour + 4 * HOUR + rng.int(1, 9) * MINUTE;
    const stamp = isoS(delivered).replace(/[-:]/g, '').slice(0, 13) + 'Z';
    const day = isoS(f.hour).slice(0, 10).replace(/-/g, '/');
    out.gzip(`aws/AWSLogs/${ACCOUNT}/CloudTrail/${f.region}/${day}/${ACCOUNT}_CloudTrail_${f.region}_${stamp}_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 16)}.json.gz`, JSON.stringify({ Records: f.recs }));
  }
  out.countEvents('aws', records.length);

  // ---- IAM inventories.
  for (const u of users) {
    out.json(`aws/iam/list-access-keys/${u.name}.json`, { AccessKeyMetadata: u.keys.map((k) => ({ UserName: u.name, AccessKeyId: k.id, Status: k.status, CreateDate: isoOffset(k.created) })) });
    catalog.credential('aws', 'access_key', u.keys.length);
  }
  out.text('aws/iam/credential-report.csv', credentialReport(users, Date.UTC(2026, 10, 19, 23, 40, 12), WINDOW_TO));
  // The October pull, before the window: what "last used" said then (the dormant key's May date lives here).
  const before = users.map((u) => ({ ...u, keys: u.keys.filter((k) => k.created < WINDOW_FROM).map((k) => ({ ...k, status: 'Active' as const, lastUsed: k === legacyKey ? { t: legacyLastUsedBefore, region: 'us-east-1', service: 's3' } : k === closeKey ? { t: Date.UTC(2026, 8, 15, 2, 41, 10), region: 'us-east-1', service: 'athena' } : k === staleKey ? k.lastUsed : k.lastUsed ? { t: WINDOW_FROM - rng.int(1, 50) * MINUTE, region: k.lastUsed.region, service: k.lastUsed.service } : undefined })) })).filter((u) => u.created < WINDOW_FROM);
  out.text('aws/iam/credential-report-2026-10-07.csv', credentialReport(before as IamUser[], Date.UTC(2026, 9, 7, 0, 10, 44), WINDOW_FROM));
  return { events: records.length };
}

function credentialReport(users: readonly IamUser[], generated: number, _asOf: number): string {
  const header = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const rows = [header, csvLine(['<root_account>', `arn:aws:iam::${ACCOUNT}:root`, '2017-04-03T14:11:52+00:00', 'not_supported', '2026-02-11T17:02:33+00:00', 'not_supported', 'not_supported', 'true', 'false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A'])];
  const keyCols = (k: AccessKey | undefined): string[] => {
    if (!k) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
    const used = k.lastUsed && k.lastUsed.t <= generated ? k.lastUsed : undefined;
    return [k.status === 'Active' ? 'true' : 'false', isoOffset(k.created), used ? isoOffset(Math.floor(used.t / MINUTE) * MINUTE) : 'N/A', used ? used.region : 'N/A', used ? used.service : 'N/A'];
  };
  for (const u of users) {
    const human = u.human;
    rows.push(csvLine([u.name, `arn:aws:iam::${ACCOUNT}:user/${u.name}`, isoOffset(u.created), human ? 'true' : 'false', human ? isoOffset(generated - 3 * DAY) : 'N/A', human ? isoOffset(u.created + DAY) : 'N/A', human ? 'N/A' : 'N/A', human ? 'true' : 'false', ...keyCols(u.keys[0]), ...keyCols(u.keys[1]), 'false', 'N/A', 'false', 'N/A']));
  }
  return `${rows.join('\n')}\n`;
}

export const AWS_ACCOUNT = ACCOUNT;
