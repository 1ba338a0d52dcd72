import { parseTimestamp } from '../time';
import type { Doc, EventFact, Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, num, outcomeOf, scopes, str } from './util';

/**
 * Google Workspace Reports API activities (token, login, admin…): one item may hold several
 * events (sub_no). Elastic copies make `events` one object; Panther flattens name/parameters onto
 * the item — all three are accepted (FORMATS.md §3).
 */
export const googleActivity: ParserSpec = {
  id: 'google.reports_activity',
  version: '1',
  source: 'google',
  platform: 'google',
  kind: 'reports_activity',
  detectRecord(d) {
    if (d.kind === 'admin#reports#activity') return 10;
    if (isObject(d.id) && (d.id as Doc).applicationName !== undefined && (d.events !== undefined || d.event !== undefined || d.name !== undefined)) return 10;
    return 0;
  },
  map(d): Mapped {
    const raw = d.events ?? d.event;
    const list: Doc[] = Array.isArray(raw) ? raw.filter(isObject) : isObject(raw) ? [raw] : d.name !== undefined ? [{ name: d.name, type: d.type, parameters: d.parameters }] : [];
    if (!list.length) return { unmapped: 'activity without events' };
    return { events: list.map((e, i) => googleEvent(d, e, i)) };
  },
};

/** Parameters as a flat name → value map, whichever value slot (value, intValue, multiValue…) carries it. */
export function googleParams(parameters: unknown): Record<string, unknown> {
  if (isObject(parameters)) return parameters;
  const out: Record<string, unknown> = {};
  if (!Array.isArray(parameters)) return out;
  for (const p of parameters.filter(isObject)) {
    const name = str(p.name);
    if (!name) {
      if (Array.isArray(p.multiMessageValue)) out.scope_data = p.multiMessageValue;
      continue;
    }
    out[name] = p.value ?? p.intValue ?? p.boolValue ?? p.multiValue ?? p.multiMessageValue ?? p.messageValue;
  }
  return out;
}

function googleEvent(d: Doc, e: Doc, i: number): EventFact {
  const params = googleParams(e.parameters);
  const app = str(at(d, 'id.applicationName')) ?? 'unknown';
  const name = str(e.name) ?? 'unknown';
  const actionRaw = `${app}.${name}`;
  let { action, category } = classify(name);
  if (app === 'token') {
    if (name === 'authorize') [action, category] = ['consent.grant', 'consent'];
    else if (name === 'revoke') [action, category] = ['credential.revoke', 'credential'];
    else if (name === 'activity' || name === 'request') [action, category] = ['api.call', 'api'];
  }
  const clientId = str(params.client_id);
  const scopeData = Array.isArray(params.scope_data)
    ? params.scope_data
        .filter(isObject)
        .map((m) => str(googleParams(m.parameter).scope_name))
        .filter((s): s is string => s !== null)
    : [];
  const email = first(d, 'actor.email');
  return {
    subNo: i,
    time: parseTimestamp(at(d, 'id.time')),
    action,
    actionRaw,
    category,
    outcome: name.includes('failure') ? 'failure' : params.login_failure_type ? 'failure' : outcomeOf(params.status ?? 'success'),
    actorId: first(d, 'actor.profileId'),
    actorName: email,
    actorEmail: email,
    actorType: str(at(d, 'actor.callerType')) === 'KEY' ? 'service' : 'user',
    credential: clientId ? { kind: 'google_client_id', value: clientId, type: 'oauth_grant' } : null,
    app: clientId ? { kind: 'google_client_id', value: clientId } : null,
    appName: str(params.app_name),
    ip: str(d.ipAddress),
    systemKey: productSystem(params.product_bucket) ?? `google:${app}`,
    resource: str(params.api_name) ?? str(params.doc_title) ?? str(params.doc_id),
    operation: str(params.method_name),
    bytes: num(params.num_response_bytes),
    scopes: scopes(params.scope) ?? (scopeData.length ? scopeData : null),
  };
}

function productSystem(bucket: unknown): string | null {
  const b = Array.isArray(bucket) ? str(bucket[0]) : str(bucket);
  return b ? `google:${b.toLowerCase()}` : null;
}

/** Directory API token list (users.tokens.list) and GAM `print tokens` CSV. */
export const googleTokens: ParserSpec = {
  id: 'google.tokens',
  version: '1',
  source: 'google',
  platform: 'google',
  kind: 'tokens',
  detectRecord: (d) => (d.kind === 'admin#directory#token' || (d.clientId !== undefined && d.displayText !== undefined && d.scopes !== undefined) ? 10 : 0),
  detectHeader: (h) => (h.includes('clientid') && h.includes('displaytext') && h.includes('scopes') ? 10 : 0),
  map(d): Mapped {
    const clientId = str(d.clientId) ?? str(d.clientid);
    if (!clientId) return { unmapped: 'token without clientId' };
    const user = str(d.user);
    const userKey = str(d.userKey) ?? str(d.userkey);
    const name = str(d.displayText) ?? str(d.displaytext);
    return {
      credentials: [
        {
          type: 'oauth_grant',
          ids: [{ kind: 'google_client_id', value: clientId }],
          displayName: name,
          ownerEmail: user,
          ownerRef: userKey ? { kind: 'google_user_id', value: userKey } : null,
          app: { kind: 'google_client_id', value: clientId },
          appName: name,
          scopes: scopes(d.scopes),
          status: 'active',
          origin: 'inventory',
        },
      ],
      apps: [{ ids: [{ kind: 'google_client_id', value: clientId }], name }],
    };
  },
};
