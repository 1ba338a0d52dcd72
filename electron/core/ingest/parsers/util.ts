import type { Doc, EventFact } from '../types';

/** Value at a dotted path ('a.b.c'); arrays are not traversed. */
const splitPaths = new Map<string, string[]>();

export function at(doc: unknown, path: string): unknown {
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = path.split('.');
    splitPaths.set(path, keys);
  }
  let cur: unknown = doc;
  for (const key of keys) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A non-empty string form of a scalar, else null (objects are not strings). */
export function str(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}

export function first(doc: unknown, ...paths: string[]): string | null {
  for (const p of paths) {
    const v = str(at(doc, p));
    if (v !== null) return v;
  }
  return null;
}

export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function isObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Scope lists arrive space-, comma- or comma+space-separated, or as arrays (FORMATS.md gotcha 5). */
export function scopes(value: unknown): string[] | null {
  if (Array.isArray(value)) {
    const list = value.map((v) => str(v)).filter((v): v is string => v !== null);
    return list.length ? list : null;
  }
  const text = str(value);
  if (!text) return null;
  const list = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : null;
}

export function has(doc: Doc, ...keys: string[]): boolean {
  return keys.every((k) => at(doc, k) !== undefined);
}

export function lowerEmail(value: unknown): string | null {
  const s = str(value);
  return s && /^[^@\s]+@[^@\s]+$/.test(s) ? s.toLowerCase() : null;
}

export function outcomeOf(value: unknown): EventFact['outcome'] {
  const s = str(value)?.toLowerCase();
  if (!s) return 'unknown';
  if (['success', 'succeeded', 'allow', 'true', '0', 'login_no_error', 'succeed'].includes(s) || s.startsWith('success')) return 'success';
  if (['failure', 'failed', 'deny', 'false', 'error'].includes(s) || s.startsWith('fail') || s.startsWith('deny')) return 'failure';
  return 'unknown';
}

/** Ordered rules: the first match names the action family (built once, not per record). */
const rules: [RegExp, string, EventFact['category']][] = [
  [/(api_token|apitoken|access_key|accesskey|personal_access_token|serviceaccountkey|service_account_key|client_secret|password_credential|credentials?)[._ ]?(create|created|add|added|generate)|createaccesskey|createserviceaccountkey|add service principal credentials|addpassword|addkey/, 'credential.create', 'credential'],
  [/(api_token|access_key|accesskey|personal_access_token|serviceaccountkey|token|credentials?|secret)[._ ]?(revoke|revoked|delete|deleted|remove|removed|destroy)|deleteaccesskey|deleteserviceaccountkey|remove service principal credentials/, 'credential.revoke', 'credential'],
  [/consent|oauth_authorization\.create|authorize$|app_installed|app_scopes_expanded|permission ?grant|oauth2permissiongrant|app role assignment/, 'consent.grant', 'consent'],
  [/oauth2.*token\.grant|token\.grant|refresh_token|getaccesstoken|generateaccesstoken|signjwt|assumerole|getsessiontoken|getfederationtoken/, 'auth.token', 'auth'],
  [/sign-?in|login|logon|session\.start|authentication|user_auth/, 'auth.login', 'auth'],
  [/git\.clone|git\.fetch|git\.push/, 'git.clone', 'data'],
  [/export|download|bulkapi|report|getobject|filedownloaded|fileaccessed|messagesent|mailitemsaccessed/, 'data.export', 'data'],
  [/^api\.|api\.request|apicall|awsapicall|activity$|restapi|apievent|graph activity|api/, 'api.call', 'api'],
  [/create|add|update|delete|remove|set|modify|change|enable|disable|assign/, 'admin.change', 'admin'],
];

/** Normalised action families shared by every source; detections match these. */
export function classify(actionRaw: string): { action: string; category: EventFact['category'] } {
  // Action names repeat across millions of records: classify each distinct name once.
  const hit = classified.get(actionRaw);
  if (hit) return { ...hit };
  const a = actionRaw.toLowerCase();
  let result: { action: string; category: EventFact['category'] } = { action: 'other', category: 'other' };
  for (const [re, action, category] of rules) {
    if (re.test(a)) {
      result = { action, category };
      break;
    }
  }
  if (classified.size > 10_000) classified.clear();
  classified.set(actionRaw, result);
  return { ...result };
}

const classified = new Map<string, { action: string; category: EventFact['category'] }>();
