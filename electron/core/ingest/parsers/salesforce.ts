import { parseDateLoose, parseTimestamp } from '../time';
import type { Doc, EventFact, Mapped, ParserSpec } from '../types';
import { at, classify, isObject, num, outcomeOf, str } from './util';

/** Upper-case ELF columns, whether the row came from the CSV (keys lower-cased) or a JSON copy. */
function elf(d: Doc, name: string): string | null {
  return str(d[name]) ?? str(d[name.toLowerCase()]);
}

/** EventLogFile rows: Login, API, RestApi, BulkApi, BulkApi2, ApiTotalUsage, UniqueQuery… (CSV or JSON copies). */
export const salesforceElf: ParserSpec = {
  id: 'salesforce.event_log_file',
  version: '1',
  source: 'salesforce',
  platform: 'salesforce',
  kind: 'event_log_file',
  detectRecord: (d) => (d.EVENT_TYPE !== undefined && (d.TIMESTAMP !== undefined || d.TIMESTAMP_DERIVED !== undefined) ? 10 : 0),
  detectHeader: (h) => (h.includes('event_type') && (h.includes('timestamp') || h.includes('timestamp_derived')) ? 10 : 0),
  map(d): Mapped {
    const type = elf(d, 'EVENT_TYPE') ?? 'unknown';
    const method = elf(d, 'METHOD_NAME') ?? elf(d, 'METHOD') ?? elf(d, 'API_TYPE');
    let { action, category } = classify(type === 'Login' ? 'login' : type === 'Logout' ? 'logout' : /Bulk/.test(type) ? 'bulkapi' : /Api|API|Rest/.test(type) ? 'api' : type);
    if (type === 'Logout') [action, category] = ['auth.logout', 'auth'];
    const uri = elf(d, 'URI');
    if (type === 'Login' && uri && /oauth2\/token/.test(uri)) [action, category] = ['auth.token', 'auth'];
    const appId = elf(d, 'CONNECTED_APP_ID');
    const status = elf(d, 'STATUS_CODE');
    const loginStatus = elf(d, 'LOGIN_STATUS');
    const ts = elf(d, 'TIMESTAMP_DERIVED') ?? elf(d, 'TIMESTAMP');
    return {
      events: [
        {
          time: parseTimestamp(ts),
          action,
          actionRaw: `elf.${type}`,
          category,
          outcome: loginStatus ? (loginStatus === 'LOGIN_NO_ERROR' ? 'success' : 'failure') : status ? (Number(status) < 400 ? 'success' : 'failure') : outcomeOf(elf(d, 'SUCCESS') === '1' ? 'success' : elf(d, 'SUCCESS') === '0' ? 'failure' : null),
          failureReason: loginStatus && loginStatus !== 'LOGIN_NO_ERROR' ? loginStatus : null,
          actorId: elf(d, 'USER_ID_DERIVED') ?? elf(d, 'USER_ID'),
          actorName: elf(d, 'USER_NAME'),
          actorEmail: elf(d, 'USER_NAME'),
          actorType: 'user',
          credential: appId ? { kind: 'salesforce_connected_app_id', value: appId, type: 'connected_app_token' } : null,
          app: appId ? { kind: 'salesforce_connected_app_id', value: appId } : null,
          appName: elf(d, 'CONNECTED_APP_NAME') ?? elf(d, 'CLIENT_NAME'),
          ip: elf(d, 'CLIENT_IP') ?? elf(d, 'SOURCE_IP'),
          userAgent: elf(d, 'BROWSER_TYPE') ?? elf(d, 'USER_AGENT'),
          systemKey: 'salesforce',
          resource: elf(d, 'ENTITY_NAME') ?? elf(d, 'ENTITY_TYPE') ?? uri,
          operation: method,
          bytes: num(elf(d, 'RESPONSE_SIZE')),
          rows: num(elf(d, 'ROWS_PROCESSED')),
          sessionId: elf(d, 'SESSION_KEY') ?? elf(d, 'LOGIN_KEY'),
        },
      ],
    };
  },
};

/** Real-time Event Monitoring objects (ApiEvent, LoginEvent…), SOQL `records`, or streaming `{channel,data:{payload}}`. */
export const salesforceRealtime: ParserSpec = {
  id: 'salesforce.realtime_events',
  version: '1',
  source: 'salesforce',
  platform: 'salesforce',
  kind: 'realtime_events',
  detectRecord(d) {
    const p = payload(d);
    if (p.EventDate !== undefined && (p.EventIdentifier !== undefined || p.UserId !== undefined || p.Username !== undefined)) return 10;
    if (isObject(d.attributes) && str(at(d, 'attributes.type')) === 'EventLogFile') return 10;
    return 0;
  },
  map(d): Mapped {
    if (str(at(d, 'attributes.type')) === 'EventLogFile') return { unmapped: 'EventLogFile index row (the log itself is the LogFile CSV)' };
    const p = payload(d);
    const objectType = str(at(p, 'attributes.type')) ?? str(d.channel)?.split('/').pop() ?? 'Event';
    const actionRaw = `rtem.${objectType}${str(p.Operation) ? '.' + str(p.Operation) : ''}`;
    let { action, category } = classify(/Login/.test(objectType) ? 'login' : /Logout/.test(objectType) ? 'logout' : /Report|BulkApiResult/.test(objectType) ? 'export' : /Api/.test(objectType) ? 'api' : objectType);
    if (/Logout/.test(objectType)) [action, category] = ['auth.logout', 'auth'];
    const appId = str(p.ConnectedAppId);
    const status = str(p.Status) ?? str(p.EvaluationResult) ?? str(p.PolicyOutcome);
    return {
      events: [
        {
          time: parseTimestamp(p.EventDate ?? p.CreatedDate),
          action,
          actionRaw,
          category,
          outcome: status ? outcomeOf(status) : 'unknown',
          actorId: str(p.UserId),
          actorName: str(p.Username),
          actorEmail: str(p.Username),
          actorType: 'user',
          credential: appId ? { kind: 'salesforce_connected_app_id', value: appId, type: 'connected_app_token' } : null,
          app: appId ? { kind: 'salesforce_connected_app_id', value: appId } : null,
          appName: str(p.Application) ?? str(p.Client),
          ip: str(p.SourceIp),
          userAgent: str(p.UserAgent) ?? str(p.Browser),
          geo: { city: str(p.City), country: str(p.CountryIso), lat: num(p.LoginLatitude), lon: num(p.LoginLongitude) },
          systemKey: 'salesforce',
          resource: str(p.QueriedEntities) ?? str(p.Uri) ?? str(p.ReportId),
          operation: str(p.Query) ?? str(p.Operation) ?? str(p.ApiType),
          rows: num(p.RowsProcessed) ?? num(p.RowsReturned),
          sessionId: str(p.SessionKey) ?? str(p.LoginKey),
        },
      ],
    };
  },
};

function payload(d: Doc): Doc {
  const p = at(d, 'data.payload');
  return isObject(p) ? p : d;
}

/** LoginHistory (SOQL or Setup download: API names or human labels). */
export const salesforceLoginHistory: ParserSpec = {
  id: 'salesforce.login_history',
  version: '1',
  source: 'salesforce',
  platform: 'salesforce',
  kind: 'login_history',
  detectRecord: (d) => (d.LoginTime !== undefined && d.UserId !== undefined && d.SourceIp !== undefined ? 10 : 0),
  detectHeader: (h) => ((h.includes('logintime') || h.includes('login time')) && (h.includes('sourceip') || h.includes('source ip')) ? 10 : 0),
  map(d): Mapped {
    const v = (...names: string[]) => names.map((n) => str(d[n])).find((x) => x !== null) ?? null;
    const loginType = v('LoginType', 'logintype', 'login type');
    const status = v('Status', 'status');
    const appName = v('Application', 'application');
    const ev: EventFact = {
      time: parseTimestamp(v('LoginTime', 'logintime', 'login time')),
      action: loginType === 'Remote Access 2.0' ? 'auth.token' : 'auth.login',
      actionRaw: `login_history.${loginType ?? 'login'}`,
      category: 'auth',
      outcome: status ? (status === 'Success' ? 'success' : 'failure') : 'unknown',
      failureReason: status && status !== 'Success' ? status : null,
      actorId: v('UserId', 'userid', 'user id'),
      actorName: v('Username', 'username'),
      actorEmail: v('Username', 'username'),
      actorType: 'user',
      appName,
      app: appName ? { kind: 'salesforce_app_name', value: appName } : null,
      ip: v('SourceIp', 'sourceip', 'source ip'),
      userAgent: v('Browser', 'browser'),
      geo: { country: v('CountryIso', 'countryiso', 'country code') },
      systemKey: 'salesforce',
      operation: v('ApiType', 'apitype', 'api type'),
    };
    return { events: [ev] };
  },
};

/** OauthToken (the only "token used" evidence without Shield: UseCount, LastUsedDate). */
export const salesforceOauthTokens: ParserSpec = {
  id: 'salesforce.oauth_tokens',
  version: '1',
  source: 'salesforce',
  platform: 'salesforce',
  kind: 'oauth_tokens',
  detectRecord: (d) => (d.AppName !== undefined && d.UserId !== undefined && (d.UseCount !== undefined || d.LastUsedDate !== undefined) ? 10 : 0),
  detectHeader: (h) => (h.includes('appname') && h.includes('userid') && (h.includes('usecount') || h.includes('lastuseddate')) ? 10 : 0),
  map(d): Mapped {
    const v = (n: string) => str(d[n]) ?? str(d[n.toLowerCase()]);
    const id = v('Id');
    const app = v('AppMenuItemId');
    const name = v('AppName');
    return {
      credentials: [
        {
          type: 'connected_app_token',
          ids: id ? [{ kind: 'salesforce_oauth_token_id', value: id }] : [],
          displayName: name,
          ownerRef: v('UserId') ? { kind: 'salesforce_user_id', value: v('UserId')! } : null,
          app: app ? { kind: 'salesforce_app_menu_item_id', value: app } : name ? { kind: 'salesforce_app_name', value: name } : null,
          appName: name,
          createdAt: parseDateLoose(v('CreatedDate')),
          lastUsedAt: parseDateLoose(v('LastUsedDate')),
          status: 'active',
          origin: 'inventory',
        },
      ],
      apps: name ? [{ ids: [{ kind: 'salesforce_app_name', value: name }, ...(app ? [{ kind: 'salesforce_app_menu_item_id', value: app }] : [])], name }] : [],
    };
  },
};

/** SetupAuditTrail (connected-app creation and policy edits). */
export const salesforceSetupAudit: ParserSpec = {
  id: 'salesforce.setup_audit_trail',
  version: '1',
  source: 'salesforce',
  platform: 'salesforce',
  kind: 'setup_audit_trail',
  detectRecord: (d) => (d.sfdc_created_date !== undefined && d.action !== undefined && d.section !== undefined ? 10 : d.CreatedDate !== undefined && d.Action !== undefined && d.Section !== undefined ? 10 : 0),
  detectHeader: (h) => (h.includes('date') && h.includes('action') && h.includes('section') && h.includes('user') ? 9 : 0),
  map(d): Mapped {
    const actionRaw = str(d.action) ?? str(d.Action) ?? 'unknown';
    const { action, category } = classify(actionRaw);
    return {
      events: [
        {
          time: parseTimestamp(d.sfdc_created_date ?? d.CreatedDate ?? d.date),
          action,
          actionRaw: `setup.${actionRaw}`,
          category: category === 'other' ? 'admin' : category,
          outcome: 'success',
          actorId: str(d.sfdc_created_by_id) ?? str(d.CreatedById),
          actorName: str(d.sfdc_created_by_username) ?? str(d.sfdc_created_by_name) ?? str(d.user),
          actorEmail: str(d.sfdc_created_by_username),
          actorType: 'user',
          systemKey: 'salesforce',
          resource: str(d.display) ?? str(d.Display),
          operation: str(d.section) ?? str(d.Section),
        },
      ],
    };
  },
};
