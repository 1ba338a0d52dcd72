import { parseDateLoose, parseTimestamp } from '../time';
import type { CredentialFact, Doc, EventFact, Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, num, outcomeOf, scopes, str } from './util';

const signInCategories = /SignInLogs$|^SigninLogs$/i;

/**
 * Entra sign-ins, directory audits and Graph activity in every shape FORMATS.md §2 lists:
 * Graph `value` items, diagnostic-settings `records` / NDJSON (properties inside), Event Hub.
 */
export const entraLogs: ParserSpec = {
  id: 'entra.logs',
  version: '1',
  source: 'entra',
  platform: 'entra',
  kind: 'logs',
  detectRecord(d) {
    if (isObject(d.properties) && typeof d.category === 'string' && (d.time !== undefined || d.operationName !== undefined)) return 10;
    if (d.createdDateTime !== undefined && d.appId !== undefined && (d.status !== undefined || d.ipAddress !== undefined)) return 10;
    if (d.activityDateTime !== undefined && d.activityDisplayName !== undefined) return 10;
    return 0;
  },
  map(d): Mapped {
    const p = isObject(d.properties) ? d.properties : d;
    const category = str(d.category) ?? (p.activityDisplayName !== undefined ? 'AuditLogs' : 'SignInLogs');
    if (category === 'MicrosoftGraphActivityLogs') return { events: [graphActivity(d, p)] };
    if (p.activityDisplayName !== undefined || category === 'AuditLogs') return { events: [directoryAudit(d, p)] };
    if (signInCategories.test(category) || p.createdDateTime !== undefined) return { events: [signIn(d, p, category)] };
    return { events: [genericDiag(d, p)] };
  },
};

function signIn(d: Doc, p: Doc, category: string): EventFact {
  const errorCode = num(at(p, 'status.errorCode'));
  const keyId = first(p, 'servicePrincipalCredentialKeyId');
  const sp = /ServicePrincipal|ManagedIdentity/.test(category);
  return {
    time: parseTimestamp(p.createdDateTime ?? d.time),
    action: 'auth.login',
    actionRaw: `${category}: ${str(d.operationName) ?? 'Sign-in activity'}`,
    category: 'auth',
    outcome: errorCode === null ? outcomeOf(d.resultType) : errorCode === 0 ? 'success' : 'failure',
    failureReason: first(p, 'status.failureReason'),
    actorId: first(p, 'userId', 'servicePrincipalId'),
    actorName: first(p, 'userPrincipalName', 'servicePrincipalName', 'appDisplayName'),
    actorEmail: first(p, 'userPrincipalName'),
    actorType: sp ? 'app' : 'user',
    credential: keyId ? { kind: 'entra_key_id', value: keyId, type: 'client_secret' } : null,
    app: first(p, 'appId') ? { kind: 'entra_app_id', value: first(p, 'appId')! } : null,
    appName: first(p, 'appDisplayName', 'servicePrincipalName'),
    ip: first(p, 'ipAddress') ?? str(d.callerIpAddress),
    userAgent: first(p, 'userAgent'),
    geo: {
      country: first(p, 'location.countryOrRegion'),
      city: first(p, 'location.city'),
      lat: num(at(p, 'location.geoCoordinates.latitude')) || null,
      lon: num(at(p, 'location.geoCoordinates.longitude')) || null,
    },
    systemKey: 'microsoft:entra',
    resource: first(p, 'resourceDisplayName', 'resourceId'),
    operation: first(p, 'authenticationProtocol', 'clientAppUsed'),
    sessionId: first(p, 'uniqueTokenIdentifier', 'correlationId'),
  };
}

function directoryAudit(d: Doc, p: Doc): EventFact {
  const actionRaw = str(p.activityDisplayName) ?? str(d.operationName) ?? 'unknown';
  const { action, category } = classify(actionRaw);
  const user = at(p, 'initiatedBy.user');
  const app = at(p, 'initiatedBy.app');
  const targets = Array.isArray(p.targetResources) ? p.targetResources.filter(isObject) : [];
  return {
    time: parseTimestamp(p.activityDateTime ?? d.time),
    action,
    actionRaw,
    category,
    outcome: outcomeOf(p.result ?? d.resultType),
    failureReason: first(p, 'resultReason'),
    actorId: first(user, 'id') ?? first(app, 'servicePrincipalId', 'appId'),
    actorName: first(user, 'userPrincipalName') ?? first(app, 'displayName'),
    actorEmail: first(user, 'userPrincipalName'),
    actorType: user ? 'user' : app ? 'app' : 'unknown',
    app: first(app, 'appId') ? { kind: 'entra_app_id', value: first(app, 'appId')! } : null,
    appName: first(app, 'displayName') ?? str(targets.find((t) => /ServicePrincipal|Application/i.test(str(t.type) ?? ''))?.displayName),
    ip: first(user, 'ipAddress') ?? str(d.callerIpAddress),
    systemKey: 'microsoft:entra',
    resource: str(targets[0]?.displayName) ?? str(targets[0]?.id),
    operation: first(p, 'operationType', 'category'),
    sessionId: first(p, 'correlationId') ?? str(d.correlationId),
  };
}

function graphActivity(d: Doc, p: Doc): EventFact {
  const status = num(p.responseStatusCode);
  return {
    time: parseTimestamp(d.time ?? p.time),
    action: 'api.call',
    actionRaw: `MicrosoftGraphActivityLogs: ${str(p.requestMethod) ?? ''}`.trim(),
    category: 'api',
    outcome: status === null ? 'unknown' : status < 400 ? 'success' : 'failure',
    actorId: first(p, 'userId', 'servicePrincipalId'),
    actorType: str(p.userId) ? 'user' : 'app',
    app: first(p, 'appId') ? { kind: 'entra_app_id', value: first(p, 'appId')! } : null,
    ip: first(p, 'ipAddress') ?? str(d.callerIpAddress),
    userAgent: first(p, 'userAgent'),
    systemKey: 'microsoft:graph',
    resource: first(p, 'requestUri'),
    operation: first(p, 'requestMethod'),
    bytes: num(p.responseSizeBytes),
    scopes: scopes(p.scopes) ?? scopes(p.roles),
    sessionId: first(p, 'signInActivityId'),
  };
}

function genericDiag(d: Doc, p: Doc): EventFact {
  const actionRaw = str(p.operationName) ?? str(d.operationName) ?? 'unknown';
  const { action, category } = classify(actionRaw);
  return {
    time: parseTimestamp(d.time),
    action,
    actionRaw,
    category,
    outcome: outcomeOf(p.result ?? d.resultType),
    ip: str(d.callerIpAddress),
    systemKey: 'microsoft:entra',
    sessionId: str(d.correlationId),
  };
}

/** oauth2PermissionGrants: clientId is the service principal OBJECT id, not the appId. */
export const entraGrants: ParserSpec = {
  id: 'entra.oauth2_permission_grants',
  version: '1',
  source: 'entra',
  platform: 'entra',
  kind: 'oauth2_permission_grants',
  detectRecord: (d) => (d.clientId !== undefined && d.consentType !== undefined && d.resourceId !== undefined ? 12 : 0),
  map(d): Mapped {
    const clientId = str(d.clientId);
    const grantScopes = scopes(d.scope);
    return {
      grants: [
        {
          grantId: str(d.id),
          app: clientId ? { kind: 'entra_sp_object_id', value: clientId } : null,
          principalRef: str(d.principalId) ? { kind: 'entra_object_id', value: str(d.principalId)! } : null,
          consentType: str(d.consentType) === 'AllPrincipals' ? 'all_principals' : 'user',
          scopesGranted: grantScopes,
          grantedAt: parseDateLoose(d.startTime),
        },
      ],
      apps: clientId ? [{ ids: [{ kind: 'entra_sp_object_id', value: clientId }] }] : [],
      credentials: clientId
        ? [
            {
              type: 'delegated_grant',
              ids: [{ kind: 'entra_grant_id', value: str(d.id) ?? `${clientId}:${str(d.principalId) ?? 'all'}:${str(d.resourceId)}` }],
              app: { kind: 'entra_sp_object_id', value: clientId },
              ownerRef: str(d.principalId) ? { kind: 'entra_object_id', value: str(d.principalId)! } : null,
              scopes: grantScopes,
              status: 'active',
              origin: 'inventory',
            },
          ]
        : [],
    };
  },
};

/** servicePrincipals / applications (and a bare passwordCredential like addPassword's response). */
export const entraApps: ParserSpec = {
  id: 'entra.apps',
  version: '1',
  source: 'entra',
  platform: 'entra',
  kind: 'apps',
  detectRecord(d) {
    if (d.appId !== undefined && (Array.isArray(d.passwordCredentials) || Array.isArray(d.keyCredentials) || d.servicePrincipalType !== undefined)) return 12;
    if (d.keyId !== undefined && (d.endDateTime !== undefined || d.endDate !== undefined) && (d.hint !== undefined || d.secretText !== undefined || d.type !== undefined)) return 11;
    return 0;
  },
  map(d): Mapped {
    if (d.appId === undefined) return { credentials: [keyCredential(d, null, 'client_secret')] };
    const appId = str(d.appId)!;
    const isSp = d.servicePrincipalType !== undefined || d.appOwnerOrganizationId !== undefined;
    const objectKind = isSp ? 'entra_sp_object_id' : 'entra_app_object_id';
    const ids = [{ kind: 'entra_app_id', value: appId }];
    if (str(d.id)) ids.push({ kind: objectKind, value: str(d.id)! });
    const app = { kind: 'entra_app_id', value: appId };
    const creds: CredentialFact[] = [];
    for (const c of Array.isArray(d.passwordCredentials) ? d.passwordCredentials.filter(isObject) : []) creds.push(keyCredential(c, app, 'client_secret'));
    for (const c of Array.isArray(d.keyCredentials) ? d.keyCredentials.filter(isObject) : []) creds.push(keyCredential(c, app, 'certificate'));
    for (const c of creds) c.appName = str(d.displayName);
    return {
      apps: [{ ids, name: str(d.displayName), publisher: first(d, 'publisherName', 'verifiedPublisher.displayName'), verified: d.verifiedPublisher ? Boolean(first(d, 'verifiedPublisher.verifiedPublisherId')) : null }],
      credentials: creds,
    };
  },
};

function keyCredential(c: Doc, app: { kind: string; value: string } | null, type: string): CredentialFact {
  // Microsoft Graph says startDateTime/endDateTime; Azure AD Graph and old `az ad` say startDate/endDate.
  const expires = parseDateLoose(c.endDateTime ?? c.endDate);
  return {
    type,
    ids: str(c.keyId) ? [{ kind: 'entra_key_id', value: str(c.keyId)! }] : [],
    displayName: str(c.displayName) ?? str(c.hint),
    app,
    createdAt: parseDateLoose(c.startDateTime ?? c.startDate),
    expiresAt: expires,
    status: expires && expires < new Date().toISOString() ? 'expired' : 'active',
    origin: 'inventory',
  };
}

/** Entra portal sign-in CSV downloads (interactive, non-interactive, service principal, managed identity). */
export const entraSignInCsv: ParserSpec = {
  id: 'entra.signins_csv',
  version: '1',
  source: 'entra',
  platform: 'entra',
  kind: 'signins_csv',
  detectHeader: (h) => (h.includes('date (utc)') && h.includes('request id') ? 10 : 0),
  map(d): Mapped {
    const v = (name: string) => str(d[name]);
    const sp = v('service principal id');
    const mi = v('managed identity type');
    const keyId = v('credential key id');
    const status = v('status');
    const category = sp ? (mi ? 'ManagedIdentitySignInLogs' : 'ServicePrincipalSignInLogs') : v('incoming token type') ? 'SignInLogs' : 'SignInLogs';
    const loc = v('location')?.split(',').map((s) => s.trim());
    return {
      events: [
        {
          time: parseTimestamp(v('date (utc)')),
          action: 'auth.login',
          actionRaw: `${category}: portal CSV`,
          category: 'auth',
          outcome: status ? outcomeOf(status) : 'unknown',
          failureReason: v('failure reason'),
          actorId: v('user id') ?? sp,
          actorName: v('username') ?? v('user') ?? v('service principal name'),
          actorEmail: v('username'),
          actorType: sp ? 'app' : 'user',
          credential: keyId ? { kind: 'entra_key_id', value: keyId, type: 'client_secret' } : null,
          app: v('application id') ? { kind: 'entra_app_id', value: v('application id')! } : null,
          appName: v('application'),
          ip: v('ip address'),
          userAgent: v('user agent'),
          geo: { city: loc?.[0] ?? null, country: loc && loc.length > 1 ? loc[loc.length - 1]! : null, asn: num(d['autonomous system number']) },
          systemKey: 'microsoft:entra',
          resource: v('resource') ?? v('resource id'),
          sessionId: v('unique token identifier') ?? v('correlation id'),
        },
      ],
    };
  },
};

/** M365 Unified Audit Log AuditData records (Management Activity API, Search-UnifiedAuditLog). */
export const m365Audit: ParserSpec = {
  id: 'm365.unified_audit',
  version: '1',
  source: 'm365',
  platform: 'entra',
  kind: 'unified_audit',
  detectRecord: (d) => (d.CreationTime !== undefined && d.Operation !== undefined && (d.RecordType !== undefined || d.Workload !== undefined) ? 10 : 0),
  map: (d) => ({ events: [ualEvent(d)] }),
};

/** Purview / Export-Csv audit CSV: the record is the JSON in the AuditData cell. */
export const m365AuditCsv: ParserSpec = {
  id: 'm365.unified_audit_csv',
  version: '1',
  source: 'm365',
  platform: 'entra',
  kind: 'unified_audit_csv',
  detectHeader: (h) => (h.includes('auditdata') && (h.includes('creationdate') || h.includes('operations') || h.includes('operation')) ? 12 : 0),
  map(d): Mapped {
    const cell = str(d.auditdata);
    if (!cell) return { unmapped: 'AuditData cell is empty' };
    const inner: unknown = JSON.parse(cell);
    if (!isObject(inner)) return { unmapped: 'AuditData cell is not a JSON object' };
    return { events: [ualEvent(inner)] };
  },
};

function ualEvent(d: Doc): EventFact {
  const actionRaw = str(d.Operation) ?? 'unknown';
  const { action, category } = classify(actionRaw.replace(/\.$/, ''));
  const ext = Array.isArray(d.ExtendedProperties) ? d.ExtendedProperties.filter(isObject) : [];
  const ua = str(d.UserAgent) ?? str(ext.find((e) => e.Name === 'UserAgent')?.Value);
  const appId = first(d, 'ApplicationId', 'AppId', 'ClientAppId');
  return {
    time: parseTimestamp(d.CreationTime),
    action,
    actionRaw,
    category,
    outcome: outcomeOf(d.ResultStatus),
    actorId: first(d, 'UserKey', 'UserId'),
    actorName: first(d, 'UserId'),
    actorEmail: first(d, 'UserId'),
    actorType: num(d.UserType) === 5 || appId ? 'app' : 'user',
    app: appId ? { kind: 'entra_app_id', value: appId } : null,
    ip: first(d, 'ClientIP', 'ActorIpAddress', 'ClientIPAddress'),
    userAgent: ua,
    systemKey: `microsoft:${(str(d.Workload) ?? 'm365').toLowerCase()}`,
    resource: first(d, 'ObjectId', 'SiteUrl'),
    operation: str(d.Operation),
    sessionId: first(d, 'AppAccessContext.UniqueTokenId', 'SessionId'),
  };
}
