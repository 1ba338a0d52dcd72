import { firstOf, jsonText, jsonValue, text, type BulkPlan } from '../bulk/plan';
import { parseDateLoose, parseTimestamp } from '../time';
import type { CredentialFact, Doc, EventFact, Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, outcomeOf, str } from './util';

/** CloudTrail's action family: by event name, console sign-ins always a login. */
function trailAction(name: string, eventType: string | null): { action: string; category: EventFact['category'] } {
  return eventType === 'AwsConsoleSignIn' ? { action: 'auth.login', category: 'auth' } : classify(name);
}

/** Any error code (JavaScript truthiness, as the record says it) is a failure; else the console result. */
function trailOutcome(errorCode: unknown, consoleLogin: unknown): EventFact['outcome'] {
  return errorCode ? 'failure' : outcomeOf(consoleLogin ?? 'success');
}

const eventSource = text('d.eventSource');
const eventName = text('d.eventName');
const service = `regexp_replace(coalesce(${eventSource}, ''), '\\.amazonaws\\.com$', '')`;
const keyId = text('d.userIdentity.accessKeyId');
const sessionStart = text('d.userIdentity.sessionContext.attributes.creationDate');

/** The CloudTrail event mapping below, in SQL (bulk/plan.ts); lookup-events wrappers take the per-record path. */
const cloudTrailBulk: BulkPlan = {
  structure: {
    CloudTrailEvent: 'VARCHAR',
    eventSource: 'VARCHAR',
    eventName: 'VARCHAR',
    eventType: 'VARCHAR',
    eventTime: 'VARCHAR',
    errorCode: 'JSON',
    errorMessage: 'VARCHAR',
    responseElements: { ConsoleLogin: 'JSON' },
    userIdentity: {
      type: 'VARCHAR',
      principalId: 'VARCHAR',
      arn: 'VARCHAR',
      userName: 'VARCHAR',
      accessKeyId: 'VARCHAR',
      sessionContext: { sessionIssuer: { userName: 'VARCHAR' }, attributes: { creationDate: 'VARCHAR' } },
    },
    sourceIPAddress: 'VARCHAR',
    userAgent: 'VARCHAR',
    requestParameters: { bucketName: 'VARCHAR', roleArn: 'VARCHAR', userName: 'VARCHAR', name: 'VARCHAR' },
  },
  eligible: 'd.CloudTrailEvent IS NULL AND d.eventName IS NOT NULL',
  actionKey: [`coalesce(${eventName}, '')`, text('d.eventType')],
  action: ([name, eventType]) => trailAction(name ?? '', eventType ?? null),
  outcomeKey: ['CAST(d.errorCode AS VARCHAR)', 'CAST(d.responseElements.ConsoleLogin AS VARCHAR)'],
  outcome: ([errorCode, consoleLogin]) => trailOutcome(jsonValue(errorCode ?? null), jsonValue(consoleLogin ?? null)),
  columns: {
    time_text: text('d.eventTime'),
    action_raw: `coalesce(${eventSource}, '') || ':' || coalesce(${eventName}, '')`,
    failure_reason: `coalesce(${jsonText('d.errorCode')}, ${text('d.errorMessage')})`,
    actor_id: firstOf('d.userIdentity.principalId', 'd.userIdentity.arn'),
    actor_name: firstOf('d.userIdentity.userName', 'd.userIdentity.sessionContext.sessionIssuer.userName', 'd.userIdentity.arn'),
    actor_email: 'NULL',
    actor_type: `CASE WHEN regexp_matches(coalesce(${text('d.userIdentity.type')}, ''), 'AWSService') THEN 'service' ELSE 'user' END`,
    credential_kind: `'aws_access_key_id'`,
    credential_value: keyId,
    credential_type: `CASE WHEN starts_with(${keyId}, 'ASIA') THEN 'session_key' ELSE 'access_key' END`,
    app_kind: 'NULL',
    app_value: 'NULL',
    app_name: 'NULL',
    ip_raw: text('d.sourceIPAddress'),
    user_agent: text('d.userAgent'),
    geo_country: 'NULL',
    geo_city: 'NULL',
    geo_lat: 'NULL',
    geo_lon: 'NULL',
    geo_asn: 'NULL',
    geo_as_org: 'NULL',
    system_key: `CASE WHEN ${service} <> '' THEN 'aws:' || ${service} ELSE 'aws' END`,
    resource: firstOf('d.requestParameters.bucketName', 'd.requestParameters.roleArn', 'd.requestParameters.userName', 'd.requestParameters.name'),
    operation: `coalesce(${eventName}, '')`,
    bytes: 'NULL',
    rows: 'NULL',
    scopes_text: 'NULL',
    scopes_requested_text: 'NULL',
    session_id: `CASE WHEN ${sessionStart} IS NOT NULL THEN coalesce(${text('d.userIdentity.principalId')}, 'null') || '@' || ${sessionStart} END`,
  },
};

/** CloudTrail records: S3 `{"Records":[…]}` (.json.gz), NDJSON, lookup-events (record inside a JSON string). */
export const awsCloudTrail: ParserSpec = {
  id: 'aws.cloudtrail',
  version: '1',
  source: 'aws',
  platform: 'aws',
  kind: 'cloudtrail',
  detectRecord(d) {
    if (d.eventVersion !== undefined && d.eventSource !== undefined && d.eventName !== undefined) return 10;
    if (typeof d.CloudTrailEvent === 'string' && d.EventId !== undefined) return 10;
    return 0;
  },
  bulk: cloudTrailBulk,
  map(d): Mapped {
    let rec: Doc = d;
    if (typeof d.CloudTrailEvent === 'string') {
      const inner: unknown = JSON.parse(d.CloudTrailEvent);
      if (!isObject(inner)) return { unmapped: 'CloudTrailEvent is not a JSON object' };
      rec = inner;
    }
    if (rec.eventName === undefined) return { unmapped: 'not a CloudTrail event (no eventName)' };
    const actionRaw = `${str(rec.eventSource) ?? ''}:${str(rec.eventName) ?? ''}`;
    const name = str(rec.eventName) ?? '';
    const { action, category } = trailAction(name, str(rec.eventType));
    const keyId = first(rec, 'userIdentity.accessKeyId');
    const sourceIp = str(rec.sourceIPAddress);
    const service = (str(rec.eventSource) ?? '').replace(/\.amazonaws\.com$/, '');
    return {
      events: [
        {
          time: parseTimestamp(rec.eventTime),
          action,
          actionRaw,
          category,
          outcome: trailOutcome(rec.errorCode, at(rec, 'responseElements.ConsoleLogin')),
          failureReason: first(rec, 'errorCode', 'errorMessage'),
          actorId: first(rec, 'userIdentity.principalId', 'userIdentity.arn'),
          actorName: first(rec, 'userIdentity.userName', 'userIdentity.sessionContext.sessionIssuer.userName', 'userIdentity.arn'),
          actorType: /AWSService/.test(str(at(rec, 'userIdentity.type')) ?? '') ? 'service' : 'user',
          credential: keyId ? { kind: 'aws_access_key_id', value: keyId, type: keyId.startsWith('ASIA') ? 'session_key' : 'access_key' } : null,
          ip: sourceIp,
          userAgent: str(rec.userAgent),
          systemKey: service ? `aws:${service}` : 'aws',
          resource: first(rec, 'requestParameters.bucketName', 'requestParameters.roleArn', 'requestParameters.userName', 'requestParameters.name'),
          operation: name,
          sessionId: first(rec, 'userIdentity.sessionContext.attributes.creationDate') ? `${first(rec, 'userIdentity.principalId')}@${first(rec, 'userIdentity.sessionContext.attributes.creationDate')}` : null,
        },
      ],
    };
  },
};

/** IAM credential report: no access-key IDs, so keys are named by user ARN and slot (docs/schema.md). */
export const awsCredentialReport: ParserSpec = {
  id: 'aws.credential_report',
  version: '1',
  source: 'aws',
  platform: 'aws',
  kind: 'credential_report',
  detectHeader: (h) => (h.includes('user') && h.includes('arn') && h.includes('access_key_1_active') ? 12 : 0),
  map(d): Mapped {
    const arn = str(d.arn);
    const user = str(d.user);
    if (!arn) return { unmapped: 'row without arn' };
    const creds: CredentialFact[] = [];
    for (const slot of [1, 2]) {
      const active = str(d[`access_key_${slot}_active`]);
      const rotated = parseDateLoose(d[`access_key_${slot}_last_rotated`]);
      if (active !== 'true' && !rotated) continue;
      creds.push({
        type: 'access_key',
        ids: [{ kind: 'aws_key_slot', value: `${arn}#${slot}` }],
        displayName: `${user ?? arn} access key ${slot}`,
        ownerRef: { kind: 'aws_iam_arn', value: arn },
        createdAt: rotated,
        lastUsedAt: parseDateLoose(d[`access_key_${slot}_last_used_date`]),
        status: active === 'true' ? 'active' : 'disabled',
        origin: 'inventory',
      });
    }
    return {
      credentials: creds,
      principals: [{ kind: user === '<root_account>' ? 'unknown' : 'service_account', ids: [{ kind: 'aws_iam_arn', value: arn }], displayName: user }],
    };
  },
};

/** `aws iam list-access-keys` output ({"AccessKeyMetadata":[…]}): the key ids the credential report lacks. */
export const awsAccessKeys: ParserSpec = {
  id: 'aws.access_keys',
  version: '1',
  source: 'aws',
  platform: 'aws',
  kind: 'access_keys',
  detectRecord: (d) => (d.AccessKeyId !== undefined && d.UserName !== undefined && d.Status !== undefined ? 10 : 0),
  map(d): Mapped {
    const id = str(d.AccessKeyId);
    if (!id) return { unmapped: 'no AccessKeyId' };
    return {
      credentials: [
        {
          type: 'access_key',
          ids: [{ kind: 'aws_access_key_id', value: id }],
          displayName: `${str(d.UserName) ?? ''} ${id.slice(-4)}`.trim(),
          ownerRef: str(d.UserName) ? { kind: 'aws_iam_user', value: str(d.UserName)! } : null,
          createdAt: parseDateLoose(d.CreateDate),
          status: str(d.Status) === 'Active' ? 'active' : 'disabled',
          origin: 'inventory',
        },
      ],
    };
  },
};
