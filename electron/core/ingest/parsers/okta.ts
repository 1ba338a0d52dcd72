import { parseDateLoose, parseTimestamp } from '../time';
import type { Doc, EventFact, Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, num, outcomeOf, scopes, str } from './util';

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
};

function oktaEvent(d: Doc): EventFact {
  const actionRaw = str(d.eventType) ?? 'unknown';
  const { action, category } = classify(actionRaw);
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
    action: /api_token\.create/.test(actionRaw) ? 'credential.create' : /api_token\.revoke/.test(actionRaw) ? 'credential.revoke' : action,
    actionRaw,
    category: /api_token/.test(actionRaw) ? 'credential' : category,
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
