import { parseDateLoose, parseTimestamp } from '../time';
import type { CredentialFact, Doc, Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, outcomeOf, str } from './util';

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
    let { action, category } = classify(name);
    if (str(rec.eventType) === 'AwsConsoleSignIn') [action, category] = ['auth.login', 'auth'];
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
          outcome: rec.errorCode ? 'failure' : outcomeOf(at(rec, 'responseElements.ConsoleLogin') ?? 'success'),
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
