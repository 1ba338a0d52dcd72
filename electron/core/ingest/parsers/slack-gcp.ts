import { parseTimestamp } from '../time';
import type { Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, outcomeOf, scopes, str } from './util';

/** Slack Audit Logs API entries. */
export const slackAudit: ParserSpec = {
  id: 'slack.audit_logs',
  version: '1',
  source: 'slack',
  platform: 'slack',
  kind: 'audit_logs',
  // Audit entries always carry action, actor and context; date_create and entity are sometimes absent in copies.
  detectRecord: (d) => (typeof d.action === 'string' && isObject(d.actor) && isObject(d.context) && (d.date_create !== undefined || d.entity !== undefined || at(d, 'context.location') !== undefined) ? 9 : 0),
  map(d): Mapped {
    const actionRaw = str(d.action) ?? 'unknown';
    const { action, category } = classify(actionRaw);
    const appId = first(d, 'entity.app.id');
    return {
      events: [
        {
          time: parseTimestamp(d.date_create),
          action: /token/.test(actionRaw) ? 'credential.change' : action,
          actionRaw,
          category: /token/.test(actionRaw) ? 'credential' : category,
          outcome: outcomeOf(null),
          actorId: first(d, 'actor.user.id'),
          actorName: first(d, 'actor.user.email', 'actor.user.name'),
          actorEmail: first(d, 'actor.user.email'),
          actorType: str(at(d, 'actor.type')) === 'user' ? 'user' : 'unknown',
          credential: appId ? { kind: 'slack_app_id', value: appId, type: 'bot_token' } : null,
          app: appId ? { kind: 'slack_app_id', value: appId } : null,
          appName: first(d, 'entity.app.name'),
          ip: first(d, 'context.ip_address'),
          userAgent: first(d, 'context.ua'),
          systemKey: 'slack',
          resource: first(d, 'entity.channel.name', 'entity.file.name', 'entity.app.name', 'entity.user.email', 'context.location.name'),
          scopes: scopes(at(d, 'details.new_scopes')) ?? scopes(at(d, 'entity.app.scopes')),
          scopesRequested: scopes(at(d, 'details.previous_scopes')),
          sessionId: first(d, 'context.session_id'),
        },
      ],
      apps: appId ? [{ ids: [{ kind: 'slack_app_id', value: appId }], name: first(d, 'entity.app.name'), verified: null }] : [],
    };
  },
};

/** GCP Cloud Audit Logs LogEntry (array, NDJSON, storage-sink files). */
export const gcpAudit: ParserSpec = {
  id: 'gcp.audit_log',
  version: '1',
  source: 'gcp',
  platform: 'gcp',
  kind: 'audit_log',
  detectRecord: (d) => (d.protoPayload !== undefined && (d.logName !== undefined || d.insertId !== undefined) ? 10 : 0),
  map(d): Mapped {
    const p = d.protoPayload;
    const method = first(p, 'methodName') ?? 'unknown';
    const { action, category } = classify(method.split('.').pop() ?? method);
    const keyName = first(p, 'authenticationInfo.serviceAccountKeyName');
    const keyId = keyName ? keyName.split('/').pop() ?? null : null;
    const code = at(p, 'status.code');
    return {
      events: [
        {
          time: parseTimestamp(d.timestamp ?? d.receiveTimestamp),
          action: /CreateServiceAccountKey/.test(method) ? 'credential.create' : /DeleteServiceAccountKey/.test(method) ? 'credential.revoke' : action,
          actionRaw: method,
          category: /ServiceAccountKey/.test(method) ? 'credential' : category,
          outcome: code === undefined || code === null || code === 0 ? (str(d.severity) === 'ERROR' ? 'failure' : 'success') : 'failure',
          failureReason: first(p, 'status.message'),
          actorId: first(p, 'authenticationInfo.principalSubject', 'authenticationInfo.principalEmail'),
          actorName: first(p, 'authenticationInfo.principalEmail'),
          actorEmail: first(p, 'authenticationInfo.principalEmail'),
          actorType: /gserviceaccount\.com$/.test(first(p, 'authenticationInfo.principalEmail') ?? '') ? 'service' : 'user',
          credential: keyId ? { kind: 'gcp_sa_key_id', value: keyId, type: 'service_account_key' } : null,
          ip: first(p, 'requestMetadata.callerIp', 'requestMetadata.callerIP'),
          userAgent: first(p, 'requestMetadata.callerSuppliedUserAgent'),
          systemKey: `gcp:${(first(p, 'serviceName') ?? 'unknown').replace(/\.googleapis\.com$/, '')}`,
          resource: first(p, 'resourceName'),
          operation: method,
        },
      ],
    };
  },
};
