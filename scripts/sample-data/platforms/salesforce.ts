import { DAY, elfLine, elfStamp, HOUR, isoMs, isoS, MINUTE, sfDate, ymd } from '../lib/format';
import { reg } from '../lib/catalog';
import type { GenContext } from '../lib/context';
import { ALNUM } from '../lib/prng';
import { cadenceTimes, humanTimes } from '../lib/rhythm';
import { days, DOMAIN, ipIn, NET, person, placeAt, WINDOW_FROM, WINDOW_TO, type Employee } from '../lib/world';

/**
 * Salesforce (Shield): EventLogFile CSVs (Login, ApiTotalUsage; every value double-quoted), Real-Time Event
 * Monitoring ApiEvent rows as SOQL query responses (UserAgent, Query, RowsProcessed, ConnectedAppId), and the
 * OauthToken inventory (SOQL JSON).
 */
const ORG_ID = '00D5e000000NWLg';
const API_VERSION = '62.0';

interface SfUser { readonly id18: string; readonly username: string; readonly name: string }
interface ConnectedApp { readonly id18: string; readonly name: string; readonly menuItemId: string }
interface Call { t: number; user: SfUser; app: ConnectedApp | null; ip: string; ua: string; query: string; entity: string; rows: number; apiType: string; operation: string; loginKey: string; sessionKey: string }

const LOGIN_HEADER = ['EVENT_TYPE', 'TIMESTAMP', 'REQUEST_ID', 'ORGANIZATION_ID', 'USER_ID', 'RUN_TIME', 'CPU_TIME', 'URI', 'SESSION_KEY', 'LOGIN_KEY', 'USER_TYPE', 'REQUEST_STATUS', 'DB_TOTAL_TIME', 'LOGIN_TYPE', 'BROWSER_TYPE', 'API_TYPE', 'API_VERSION', 'USER_NAME', 'TLS_PROTOCOL', 'CIPHER_SUITE', 'AUTHENTICATION_METHOD_REFERENCE', 'LOGIN_SUB_TYPE', 'TIMESTAMP_DERIVED', 'USER_ID_DERIVED', 'CLIENT_IP', 'URI_ID_DERIVED', 'LOGIN_STATUS', 'SOURCE_IP'];
const USAGE_HEADER = ['EVENT_TYPE', 'TIMESTAMP', 'REQUEST_ID', 'ORGANIZATION_ID', 'USER_ID', 'API_FAMILY', 'API_VERSION', 'API_RESOURCE', 'CLIENT_NAME', 'HTTP_METHOD', 'CLIENT_IP', 'COUNTS_AGAINST_API_LIMIT', 'CONNECTED_APP_ID', 'ENTITY_NAME', 'STATUS_CODE', 'TIMESTAMP_DERIVED', 'USER_ID_DERIVED', 'CONNECTED_APP_NAME'];
export const SALESFORCE_ELF_HEADERS = { Login: LOGIN_HEADER, ApiTotalUsage: USAGE_HEADER };

export function generateSalesforce(ctx: GenContext): { events: number } {
  const { rng, catalog, out, people } = ctx;
  const calls: Call[] = [];
  const logins: { t: number; user: SfUser; ip: string; ua: string; oauth: boolean; loginKey: string; status: string }[] = [];
  // 15-character id (3-char key prefix, pod, record number) plus the 3-character case-safe suffix.
  const id18 = (prefix: string) => `${prefix}0000${rng.chars(ALNUM, 6)}${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 3)}`;
  const app = (name: string): ConnectedApp => ({ id18: id18('0H4Hs'), name, menuItemId: id18('0DSHs') });
  const key16 = () => rng.chars(ALNUM + '/+', 16);

  const chatpilot = app('ChatPilot for Salesforce');
  const dwh = app('Northwind DWH Sync');
  const docusign = app('DocuSign eSignature for Salesforce');
  const outlook = app('Salesforce for Outlook');
  const slackApp = app('Slack for Salesforce');
  const dataLoader = app('Dataloader Bulk');
  const sfUser = (e: Employee): SfUser => ({ id18: e.sfUserId, username: e.email, name: e.displayName });
  const chatUser: SfUser = { id18: id18('005Hs'), username: `chatpilot.integration@${DOMAIN}`, name: 'ChatPilot Integration' };
  const dwhUser: SfUser = { id18: id18('005Hs'), username: `dwh.sync@${DOMAIN}`, name: 'DWH Sync' };

  const session = () => ({ loginKey: key16(), sessionKey: key16() });
  const soql = (c: Omit<Call, 'loginKey' | 'sessionKey'>, s: { loginKey: string; sessionKey: string }) => calls.push({ ...c, ...s });

  // ---- ChatPilot baseline: lead/contact sync every hour from the vendor's AWS us-west-2 hosts.
  const chatIps = [ipIn(rng, NET.awsUsWest2), ipIn(rng, NET.awsUsWest2), ipIn(rng, NET.awsUsWest2)];
  const chatUa = 'ChatPilot-Sync/4.2.1 (+https://chatpilot.example/bot)';
  let chatSession = session();
  for (const t of cadenceTimes(rng, { anchor: WINDOW_FROM + 7 * MINUTE, period: HOUR, jitter: 60_000 })) {
    const ip = rng.pick(chatIps);
    if (t % (12 * HOUR) < 30 * MINUTE) { chatSession = session(); logins.push({ t: t - 2000, user: chatUser, ip, ua: chatUa, oauth: true, loginKey: chatSession.loginKey, status: 'LOGIN_NO_ERROR' }); }
    const entity = rng.chance(0.5) ? 'Lead' : 'Contact';
    const since = isoS(t - HOUR).replace('Z', '.000Z');
    soql({ t, user: chatUser, app: chatpilot, ip, ua: chatUa, query: `SELECT Id, Email, FirstName, LastName, Company, OwnerId FROM ${entity} WHERE LastModifiedDate > ${since} ORDER BY LastModifiedDate ASC LIMIT 200`, entity, rows: rng.int(0, 60), apiType: 'REST', operation: 'Query' }, chatSession);
  }
  // ---- The planted Drift-style theft: recon with SELECT COUNT() and LIMIT 20 samples, then Bulk API 2.0 exports.
  const iocIp = '208.68.36.90';
  const torIp = '185.220.101.133';
  const attackerUa = 'python-requests/2.32.4';
  const recon = Date.UTC(2026, 10, 14, 2, 37, 11);
  const s1 = session();
  logins.push({ t: recon - 1500, user: chatUser, ip: torIp, ua: attackerUa, oauth: true, loginKey: s1.loginKey, status: 'LOGIN_NO_ERROR' });
  let t = recon;
  for (const entity of ['Account', 'Contact', 'Case', 'Opportunity', 'User']) {
    soql({ t, user: chatUser, app: chatpilot, ip: torIp, ua: attackerUa, query: `SELECT COUNT() FROM ${entity}`, entity, rows: 1, apiType: 'REST', operation: 'Query' }, s1);
    t += rng.int(3, 20) * 1000;
    soql({ t, user: chatUser, app: chatpilot, ip: torIp, ua: attackerUa, query: `SELECT Id, Name FROM ${entity} LIMIT 20`, entity, rows: 20, apiType: 'REST', operation: 'Query' }, s1);
    t += rng.int(3, 20) * 1000;
  }
  const exfil = Date.UTC(2026, 10, 15, 4, 2, 40);
  const s2 = session();
  logins.push({ t: exfil - 2100, user: chatUser, ip: iocIp, ua: attackerUa, oauth: true, loginKey: s2.loginKey, status: 'LOGIN_NO_ERROR' });
  const bulk: readonly [string, string, number][] = [
    ['Account', 'SELECT Id, Name, BillingStreet, BillingCity, Phone, Website, AnnualRevenue, OwnerId FROM Account', 48211],
    ['Contact', 'SELECT Id, AccountId, FirstName, LastName, Email, Phone, MobilePhone, Title FROM Contact', 210554],
    ['Case', 'SELECT Id, CaseNumber, AccountId, Subject, Description, Status, Priority FROM Case', 388402],
    ['Opportunity', 'SELECT Id, AccountId, Name, Amount, StageName, CloseDate, Description FROM Opportunity', 61920],
    ['User', 'SELECT Id, Username, Email, Name, IsActive, ProfileId FROM User', 412],
  ];
  t = exfil;
  for (const [entity, q, total] of bulk) {
    let left = total;
    while (left > 0) {
      const n = Math.min(left, 50000);
      soql({ t, user: chatUser, app: chatpilot, ip: iocIp, ua: attackerUa, query: q, entity, rows: n, apiType: 'Bulk API 2.0', operation: 'Query' }, s2);
      left -= n;
      t += rng.int(20, 90) * 1000;
    }
  }
  const exfilEnd = t;
  const chatIds = [chatpilot.id18, chatpilot.id18.slice(0, 15)];
  catalog.register.push(reg({ credential_id: chatpilot.id18, platform: 'salesforce', credential_type: 'connected_app_token', display_name: 'ChatPilot integration user token', owner_email: person(people, 'Elena', 'Vasquez').email, app_name: chatpilot.name, app_id: chatpilot.id18, business_purpose: 'Website chat creates and updates Leads and Contacts', approved_pattern: 'Lead/Contact sync every hour from the vendor (AWS us-west-2)', approved_cadence: 'PT1H', approved_networks: 'AS16509', scopes: 'api refresh_token', created_at: '2024-09-12T15:20:00Z', last_reviewed_at: '2026-06-03', review_interval_days: '180' }));
  const story = (id: string, kind: 'ioc-match' | 'new-user-agent' | 'volume-spike' | 'new-resource' | 'new-network', from: number, to: number, title: string, narrative: string) => catalog.story({ id, kind, platform: 'salesforce', entityIds: chatIds, from, to, title, narrative });
  story('salesforce-chatpilot-ioc', 'ioc-match', recon - 2000, exfilEnd, 'ChatPilot token used from Drift-campaign infrastructure', `The ChatPilot connected-app token was used from ${torIp} (Tor exit) on 14 November and from ${iocIp} (DigitalOcean, the reported Salesloft Drift exfiltration host) on 15 November, with user agent ${attackerUa} — all three are on the published UNC6395 indicator list.`);
  story('salesforce-chatpilot-new-ua', 'new-user-agent', recon - 2000, exfilEnd, 'Scripted python-requests client on an integration that always says ChatPilot-Sync', `For five weeks every ChatPilot call carried "${chatUa}". The 14-15 November sessions used ${attackerUa}.`);
  const exported = bulk.reduce((n, [, , rows]) => n + rows, 0);
  story('salesforce-chatpilot-volume', 'volume-spike', exfil, exfilEnd, `${Math.round(exported / 1000)}k rows exported in ${Math.round((exfilEnd - exfil) / MINUTE)} minutes by an integration that reads a few dozen rows per sync`, 'The integration normally reads 0-60 Lead/Contact rows every hour. On 15 November it ran Bulk API 2.0 queries returning 48,211 Accounts, 210,554 Contacts, 388,402 Cases, 61,920 Opportunities and 412 Users.');
  story('salesforce-chatpilot-new-objects', 'new-resource', recon, exfilEnd, 'ChatPilot touches Account, Case, Opportunity and User for the first time', 'The baseline only ever touches Lead and Contact. Recon ran SELECT COUNT() and LIMIT 20 samples on Account, Contact, Case, Opportunity and User, followed by full bulk exports.');
  story('salesforce-chatpilot-new-network', 'new-network', recon, exfilEnd, 'ChatPilot token used outside the vendor\'s AWS network', 'All earlier calls came from three AWS us-west-2 addresses (AS16509); the theft came from a Tor exit and a DigitalOcean droplet.');

  // ---- Look-alike: DWH nightly sync — millions of rows every night, same objects.
  const dwhIp = ipIn(rng, NET.gcpUsCentral);
  const dwhUa = 'fivetran-salesforce-connector/2.3 (Java/17.0.12)';
  const dwhObjects: readonly [string, number][] = [['Account', 48000], ['Contact', 209000], ['Case', 386000], ['Opportunity', 61500], ['Lead', 152000], ['Task', 1_140_000], ['Event', 240000], ['Shipment__c', 512000]];
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + HOUR, period: DAY, jitter: 8 * MINUTE })) {
    const s = session();
    logins.push({ t: start - 1800, user: dwhUser, ip: dwhIp, ua: dwhUa, oauth: true, loginKey: s.loginKey, status: 'LOGIN_NO_ERROR' });
    let tt = start;
    for (const [entity, base] of dwhObjects) {
      let left = Math.round(base * (0.98 + rng.float() * 0.05));
      while (left > 0) {
        const n = Math.min(left, 250000);
        soql({ t: tt, user: dwhUser, app: dwh, ip: dwhIp, ua: dwhUa, query: `SELECT FIELDS(STANDARD) FROM ${entity}`, entity, rows: n, apiType: 'Bulk API 2.0', operation: 'Query' }, s);
        left -= n;
        tt += rng.int(40, 160) * 1000;
      }
    }
  }
  catalog.register.push(reg({ credential_id: dwh.id18, platform: 'salesforce', credential_type: 'connected_app_token', display_name: 'DWH nightly sync', owner_email: person(people, 'Sofia', 'Lindgren').email, app_name: dwh.name, app_id: dwh.id18, business_purpose: 'Full nightly extract of CRM objects into the warehouse', approved_pattern: 'Nightly 01:00 UTC full extract (~2.7M rows) from the GCP connector', approved_cadence: 'P1D', approved_hours_utc: '00-04', approved_networks: 'AS396982', scopes: 'api refresh_token', created_at: '2023-03-02T10:00:00Z', last_reviewed_at: '2026-09-14', review_interval_days: '180' }));
  catalog.lookalike({ id: 'salesforce-dwh-nightly', platform: 'salesforce', entityIds: [dwh.id18, dwh.id18.slice(0, 15)], mustNotFire: ['volume-spike', 'new-resource', 'off-hours', 'ioc-match'], title: 'Warehouse sync exports ~2.7M rows every night', narrative: 'Northwind DWH Sync extracts Account, Contact, Case, Opportunity, Lead, Task, Event and Shipment__c in full every night at 01:00 UTC. It reads more rows than the ChatPilot theft — every night — so only a per-credential baseline separates the two.' });

  // ---- Humans: UI logins and a few API calls via DocuSign / Outlook / Slack apps.
  const crmPeople = people.filter((p) => (p.department === 'Sales' || p.department === 'Customer Success') && p.status !== 'terminated');
  const tokens: { id: string; app: ConnectedApp; user: SfUser; created: number; lastUsed: number | null; useCount: number }[] = [];
  for (const e of crmPeople) {
    const u = sfUser(e);
    for (const tt of humanTimes(rng, { zone: e.zone, sessionsPerDay: 0.5, eventsPerSession: 1 })) {
      const at = placeAt(rng, e, tt);
      if (!at) continue;
      logins.push({ t: tt, user: u, ip: at.ip, ua: e.browserUa, oauth: false, loginKey: key16(), status: rng.chance(0.02) ? 'LOGIN_ERROR_INVALID_PASSWORD' : 'LOGIN_NO_ERROR' });
    }
    for (const a of [outlook, docusign, slackApp]) {
      if (a !== outlook && rng.chance(0.5)) continue;
      const created = Date.UTC(2025, rng.int(0, 11), rng.int(1, 28), 14);
      let uses = 0;
      let last: number | null = null;
      for (const tt of humanTimes(rng, { zone: e.zone, sessionsPerDay: a === outlook ? 0.15 : 0.05, eventsPerSession: 1 })) {
        const at = placeAt(rng, e, tt);
        if (!at) continue;
        const s = session();
        soql({ t: tt, user: u, app: a, ip: at.ip, ua: a === outlook ? 'SalesforceForOutlook/3.4.7 (Windows NT 10.0)' : a === docusign ? 'DocuSign-Connect/2.0' : 'Slack-Salesforce/1.8', query: a === outlook ? 'SELECT Id, Name, Email FROM Contact WHERE Email = :email LIMIT 1' : 'SELECT Id, Name, StageName FROM Opportunity WHERE Id = :id', entity: a === outlook ? 'Contact' : 'Opportunity', rows: 1, apiType: 'REST', operation: 'Query' }, s);
        uses++;
        last = tt;
      }
      tokens.push({ id: id18('0CQHs'), app: a, user: u, created, lastUsed: last ?? (rng.chance(0.5) ? created + rng.int(1, 200) * DAY : null), useCount: uses + rng.int(5, 900) });
    }
  }
  tokens.push({ id: id18('0CQHs'), app: chatpilot, user: chatUser, created: Date.UTC(2024, 8, 12, 15, 20), lastUsed: exfilEnd, useCount: 31877 });
  tokens.push({ id: id18('0CQHs'), app: dwh, user: dwhUser, created: Date.UTC(2023, 2, 2, 10, 0), lastUsed: Date.UTC(2026, 10, 19, 1, 40), useCount: 18210 });
  const ravi = person(people, 'Ravi', 'Menon');
  tokens.push({ id: id18('0CQHs'), app: dataLoader, user: sfUser(ravi), created: Date.UTC(2025, 4, 9, 16, 0), lastUsed: Date.UTC(2025, 6, 2, 15, 11), useCount: 41 });
  for (const a of [outlook, docusign, slackApp, dataLoader]) {
    catalog.register.push(reg({ credential_id: a.id18, platform: 'salesforce', credential_type: 'connected_app_token', display_name: `${a.name} user tokens`, owner_email: a === dataLoader ? ravi.email : person(people, 'Elena', 'Vasquez').email, app_name: a.name, app_id: a.id18, business_purpose: a === docusign ? 'Send quotes and contracts for signature from Opportunities' : a === outlook ? 'Log e-mails and meetings to Contacts' : a === slackApp ? 'Deal alerts in Slack' : 'Admin data loads', approved_pattern: 'Per-user OAuth, interactive', scopes: 'api refresh_token', created_at: '2022-04-01T00:00:00Z', last_reviewed_at: a === docusign ? '2025-01-15' : '2026-05-20', review_interval_days: '180' }));
  }
  catalog.story({ id: 'salesforce-docusign-review-overdue', kind: 'review-overdue', platform: 'salesforce', entityIds: [docusign.id18, docusign.id18.slice(0, 15)], from: WINDOW_FROM, to: WINDOW_TO, title: 'DocuSign connected app last reviewed 22 months ago', narrative: 'The register puts the DocuSign connected app on a 180-day review cycle; its last review was 2025-01-15, so the review has been due since July 2025 while dozens of users hold refresh tokens for it.' });

  // ---- Write ELF files (one Login and one ApiTotalUsage file per day) and ApiEvent SOQL pages per day.
  calls.sort((a, b) => a.t - b.t);
  logins.sort((a, b) => a.t - b.t);
  const req = () => `${rng.chars(ALNUM, 4)}${rng.chars(ALNUM + '-_', 18)}`;
  for (const day of days()) {
    const dayLogins = logins.filter((l) => l.t >= day && l.t < day + DAY);
    const lines = [elfLine(LOGIN_HEADER)];
    for (const l of dayLogins) {
      lines.push(elfLine(['Login', elfStamp(l.t), req(), ORG_ID, l.user.id18.slice(0, 15), String(rng.int(90, 1400)), String(rng.int(20, 180)), l.oauth ? '/services/oauth2/token' : '/index.jsp', '', l.loginKey, 'Standard', '', String(rng.int(8_000_000, 1_200_000_000)), l.oauth ? 'i' : 'A', l.ua, '', l.oauth ? '9998.0' : '', l.user.username, 'TLSv1.3', 'TLS_AES_256_GCM_SHA384', '', '', isoMs(l.t), l.user.id18, l.oauth ? 'Salesforce.com IP' : l.ip, '', l.status, l.ip]));
    }
    out.text(`salesforce/elf/${ymd(day)}_Login.csv`, `${lines.join('\n')}\n`);
    const dayCalls = calls.filter((c) => c.t >= day && c.t < day + DAY);
    const usage = [elfLine(USAGE_HEADER)];
    for (const c of dayCalls) {
      const bulkCall = c.apiType === 'Bulk API 2.0';
      usage.push(elfLine(['ApiTotalUsage', elfStamp(c.t), req(), ORG_ID, c.user.id18.slice(0, 15), bulkCall ? 'BULK_API_2' : 'REST', API_VERSION, bulkCall ? '/jobs/query' : '/query', '', bulkCall ? 'POST' : 'GET', c.ip, 'true', c.app ? c.app.id18.slice(0, 15) : '', c.entity, '200', isoMs(c.t), c.user.id18, c.app ? c.app.name : '']));
    }
    out.text(`salesforce/elf/${ymd(day)}_ApiTotalUsage.csv`, `${usage.join('\n')}\n`);
    const records = dayCalls.map((c) => ({
      attributes: { type: 'ApiEvent', url: `/services/data/v${API_VERSION}/sobjects/ApiEvent/000000000000000AAA` },
      Id: '000000000000000AAA', EventDate: sfDate(c.t), EventIdentifier: rng.uuid(), UserId: c.user.id18, Username: c.user.username, SourceIp: c.ip,
      SessionKey: c.sessionKey, LoginKey: c.loginKey, ConnectedAppId: c.app ? c.app.id18 : null, Client: c.app ? c.app.name : null, UserAgent: c.ua, Application: c.app ? c.app.name : 'N/A',
      ApiType: c.apiType, ApiVersion: Number(API_VERSION), Operation: c.operation, Query: c.query, QueriedEntities: c.entity, RowsProcessed: c.rows, ElapsedTime: rng.int(20, c.rows > 1000 ? 90000 : 900), SessionLevel: 'STANDARD', PolicyOutcome: null,
    }));
    out.text(`salesforce/ApiEvent/ApiEvent_${ymd(day)}.json`, `${JSON.stringify({ totalSize: records.length, done: true, records })}\n`);
  }
  out.countEvents('salesforce', calls.length + logins.length);
  out.text('salesforce/OauthToken.json', `${JSON.stringify({ totalSize: tokens.length, done: true, records: tokens.map((k) => ({ attributes: { type: 'OauthToken', url: `/services/data/v${API_VERSION}/sobjects/OauthToken/${k.id}` }, Id: k.id, AppName: k.app.name, AppMenuItemId: k.app.menuItemId, UserId: k.user.id18, CreatedDate: sfDate(k.created), LastUsedDate: k.lastUsed ? sfDate(k.lastUsed) : null, UseCount: k.useCount })) }, null, 2)}\n`);
  catalog.credential('salesforce', 'connected_app_token', tokens.length);
  return { events: calls.length + logins.length };
}
