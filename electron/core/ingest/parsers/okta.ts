import { firstOf, number, text, type BulkPlan } from '../bulk/plan';
import { parseDateLoose, parseTimestamp } from '../time';
import type { Doc, EventFact, Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, num, outcomeOf, scopes, str } from './util';

/** Okta's own API-token events name the credential family; everything else by the shared rules. */
function oktaAction(actionRaw: string): { action: string; category: EventFact['category'] } {
  const { action, category } = classify(actionRaw);
  return {
    action: /api_token\.create/.test(actionRaw) ? 'credential.create' : /api_token\.revoke/.test(actionRaw) ? 'credential.revoke' : action,
    category: /api_token/.test(actionRaw) ? 'credential' : category,
  };
}

const target = `{"id":"VARCHAR","type":"VARCHAR","alternateId":"VARCHAR","displayName":"VARCHAR"}`;
/** The targets oktaEvent looks for, as SQL over the parsed record `d`. */
const tokenTarget = `list_filter(d.target, t -> regexp_matches(coalesce(t.type, ''), '(?i)token') AND starts_with(coalesce(t.id, ''), '00T'))[1]`;
const appTarget = `list_filter(d.target, t -> regexp_matches(coalesce(t.type, ''), 'AppInstance|PublicClientApp|Client'))[1]`;
const clientId = `coalesce(${text('d.client.id')}, CASE WHEN regexp_matches(coalesce(d.actor.type, ''), 'App|Client') THEN ${text('d.actor.id')} END)`;
const credentialId = `coalesce(${text('d.transaction.detail.requestApiTokenId')}, ${text(`${tokenTarget}.id`)})`;
const appId = `CASE WHEN ${clientId} IS NOT NULL AND ${clientId} <> 'null' THEN ${clientId} ELSE ${text(`${appTarget}.id`)} END`;

/** oktaEvent in SQL (bulk/plan.ts); test/ingest/bulk-equivalence.test.ts holds the two to the same rows. */
const oktaBulk: BulkPlan = {
  structure: {
    published: 'VARCHAR',
    eventType: 'VARCHAR',
    actor: { id: 'VARCHAR', type: 'VARCHAR', alternateId: 'VARCHAR', displayName: 'VARCHAR' },
    client: {
      id: 'VARCHAR',
      ipAddress: 'VARCHAR',
      userAgent: { rawUserAgent: 'VARCHAR' },
      geographicalContext: { country: 'VARCHAR', city: 'VARCHAR', geolocation: { lat: 'VARCHAR', lon: 'VARCHAR' } },
    },
    outcome: { result: 'VARCHAR', reason: 'VARCHAR' },
    securityContext: { asNumber: 'VARCHAR', asOrg: 'VARCHAR' },
    debugContext: { debugData: { requestUri: 'VARCHAR', grantedScopes: 'VARCHAR', requestedScopes: 'VARCHAR' } },
    transaction: { detail: { requestApiTokenId: 'VARCHAR' } },
    authenticationContext: { externalSessionId: 'VARCHAR' },
    target: [JSON.parse(target) as Record<string, string>],
  },
  eligible: 'true',
  actionKey: [`coalesce(${text('d.eventType')}, 'unknown')`],
  action: ([actionRaw]) => oktaAction(actionRaw ?? 'unknown'),
  outcomeKey: [text('d.outcome.result')],
  outcome: ([result]) => outcomeOf(result),
  columns: {
    time_text: text('d.published'),
    action_raw: `coalesce(${text('d.eventType')}, 'unknown')`,
    failure_reason: text('d.outcome.reason'),
    actor_id: text('d.actor.id'),
    actor_name: firstOf('d.actor.alternateId', 'd.actor.displayName'),
    actor_email: text('d.actor.alternateId'),
    actor_type: `CASE WHEN d.actor.type = 'User' THEN 'user' WHEN regexp_matches(coalesce(d.actor.type, ''), 'App|Client') THEN 'app' WHEN d.actor.type = 'SystemPrincipal' THEN 'service' ELSE 'unknown' END`,
    credential_kind: `'okta_api_token_id'`,
    credential_value: credentialId,
    credential_type: `'api_token'`,
    app_kind: `'okta_client_id'`,
    app_value: appId,
    app_name: text(`${appTarget}.displayName`),
    ip_raw: text('d.client.ipAddress'),
    user_agent: text('d.client.userAgent.rawUserAgent'),
    geo_country: text('d.client.geographicalContext.country'),
    geo_city: text('d.client.geographicalContext.city'),
    geo_lat: number('d.client.geographicalContext.geolocation.lat'),
    geo_lon: number('d.client.geographicalContext.geolocation.lon'),
    geo_asn: number('d.securityContext.asNumber'),
    geo_as_org: text('d.securityContext.asOrg'),
    system_key: `'okta'`,
    resource: firstOf('d.debugContext.debugData.requestUri', 'd.target[1].alternateId', 'd.target[1].displayName'),
    operation: text('d.debugContext.debugData.requestUri'),
    bytes: 'NULL',
    rows: 'NULL',
    scopes_text: text('d.debugContext.debugData.grantedScopes'),
    scopes_requested_text: text('d.debugContext.debugData.requestedScopes'),
    session_id: text('d.authenticationContext.externalSessionId'),
  },
};

/** Okta System Log (API pages, NDJSON, console CSV after un-flattening) — FORMATS.md §1. */
export const oktaSystemLog: ParserSpec = {
  id: 'okta.system_log',
  version: '1',
  source: 'okta',
  platform: 'okta',
  kind: 'system_log',
  detectRecord: (d) => (typeof d.eventType === 'string' && (d.published !== undefined || d.uuid !== undefined) ? 10 : 0),
  detectHeader: (h) => (h.includes('eventtype') && (h.includes('published') || h.includes('uuid')) ? 10 : 0),
  map: (d) => ({ events: [oktaEvent(d)] }),
  bulk: oktaBulk,
};

function oktaEvent(d: Doc): EventFact {
  const actionRaw = str(d.eventType) ?? 'unknown';
  const { action, category } = oktaAction(actionRaw);
  const debug = at(d, 'debugContext.debugData');
  const actorType = str(at(d, 'actor.type'));
  const tokenId = first(d, 'transaction.detail.requestApiTokenId');
  const targets = Array.isArray(d.target) ? d.target.filter(isObject) : [];
  const tokenTarget = targets.find((t) => /token/i.test(str(t.type) ?? '') && /^00T/.test(str(t.id) ?? ''));
  const credentialId = tokenId ?? str(tokenTarget?.id);
  const clientId = first(d, 'client.id') ?? (actorType && /App|Client/.test(actorType) ? str(at(d, 'actor.id')) : null);
  const appTarget = targets.find((t) => /AppInstance|PublicClientApp|Client/.test(str(t.type) ?? ''));
  return {
    time: parseTimestamp(d.published),
    action,
    actionRaw,
    category,
    outcome: outcomeOf(at(d, 'outcome.result')),
    failureReason: first(d, 'outcome.reason'),
    actorId: first(d, 'actor.id'),
    actorName: first(d, 'actor.alternateId', 'actor.displayName'),
    actorEmail: first(d, 'actor.alternateId'),
    actorType: actorType === 'User' ? 'user' : actorType && /App|Client/.test(actorType) ? 'app' : actorType === 'SystemPrincipal' ? 'service' : 'unknown',
    credential: credentialId ? { kind: 'okta_api_token_id', value: credentialId, type: 'api_token' } : null,
    app: clientId && clientId !== 'null' ? { kind: 'okta_client_id', value: clientId } : appTarget?.id ? { kind: 'okta_client_id', value: String(appTarget.id) } : null,
    appName: str(appTarget?.displayName),
    ip: first(d, 'client.ipAddress'),
    userAgent: first(d, 'client.userAgent.rawUserAgent'),
    geo: {
      country: first(d, 'client.geographicalContext.country'),
      city: first(d, 'client.geographicalContext.city'),
      lat: num(at(d, 'client.geographicalContext.geolocation.lat')),
      lon: num(at(d, 'client.geographicalContext.geolocation.lon')),
      asn: num(at(d, 'securityContext.asNumber')),
      asOrg: first(d, 'securityContext.asOrg'),
    },
    systemKey: 'okta',
    resource: first(d, 'debugContext.debugData.requestUri') ?? str(targets[0]?.alternateId) ?? str(targets[0]?.displayName),
    operation: first(d, 'debugContext.debugData.requestUri'),
    scopes: scopes(at(debug, 'grantedScopes')),
    scopesRequested: scopes(at(debug, 'requestedScopes')),
    sessionId: first(d, 'authenticationContext.externalSessionId'),
  };
}

/** Okta API token list (GET /api/v1/api-tokens). */
export const oktaApiTokens: ParserSpec = {
  id: 'okta.api_tokens',
  version: '1',
  source: 'okta',
  platform: 'okta',
  kind: 'api_tokens',
  detectRecord: (d) => (/^00T/.test(str(d.id) ?? '') && d.name !== undefined && (d.userId !== undefined || d.clientName !== undefined) ? 10 : 0),
  detectHeader: (h) => (h.includes('id') && h.includes('userid') && h.includes('clientname') ? 8 : 0),
  map(d): Mapped {
    const id = str(d.id)!;
    return {
      credentials: [
        {
          type: 'api_token',
          ids: [{ kind: 'okta_api_token_id', value: id }],
          displayName: str(d.name),
          ownerRef: str(d.userId) ? { kind: 'okta_user_id', value: str(d.userId)! } : null,
          appName: str(d.clientName),
          createdAt: parseDateLoose(d.created),
          expiresAt: parseDateLoose(d.expiresAt),
          lastUsedAt: parseDateLoose(d.lastUsed),
          status: 'active',
          origin: 'inventory',
        },
      ],
    };
  },
};
