import { csvLine, DAY, HOUR, isoMs, MINUTE } from '../lib/format';
import { reg } from '../lib/catalog';
import type { GenContext } from '../lib/context';
import { ALNUM } from '../lib/prng';
import { burst, humanTimes } from '../lib/rhythm';
import { ipIn, NET, person, placeAt, WINDOW_FROM, type Employee } from '../lib/world';
import { pages } from '../lib/output';

/**
 * Google Workspace: Admin SDK Reports API token activity pages (`applications/token`, newest first) and the
 * token inventory as `gam all users print tokens` CSV.
 */
const CUSTOMER = 'C03nw7k2q';

interface Client { readonly id: string; readonly name: string; readonly scopes: readonly string[]; readonly api: readonly [string, string, string][]; readonly native: boolean }

export function generateGoogle(ctx: GenContext): { events: number } {
  const { rng, catalog, out, people } = ctx;
  const items: Record<string, unknown>[] = [];
  const clientId = () => `${rng.int(100000000000, 999999999999)}-${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 32)}.apps.googleusercontent.com`;
  const clients: Client[] = [
    { id: clientId(), name: 'Calendly', scopes: ['https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/userinfo.email', 'openid'], api: [['calendar', 'calendar.events.insert', 'CALENDAR'], ['calendar', 'calendar.freebusy.query', 'CALENDAR']], native: false },
    { id: clientId(), name: 'Zoom for Google Workspace', scopes: ['https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/userinfo.email', 'openid'], api: [['calendar', 'calendar.events.patch', 'CALENDAR']], native: false },
    { id: clientId(), name: 'Slack', scopes: ['https://www.googleapis.com/auth/drive.readonly', 'https://www.googleapis.com/auth/userinfo.profile', 'openid'], api: [['drive', 'drive.files.get', 'DRIVE']], native: false },
    { id: clientId(), name: 'DocuSign', scopes: ['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/gmail.send', 'openid'], api: [['drive', 'drive.files.create', 'DRIVE'], ['gmail', 'gmail.users.messages.send', 'GMAIL']], native: false },
    { id: clientId(), name: 'Miro', scopes: ['https://www.googleapis.com/auth/drive.readonly', 'openid'], api: [['drive', 'drive.files.list', 'DRIVE']], native: false },
    { id: clientId(), name: 'Google Drive for desktop', scopes: ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/userinfo.email'], api: [['drive', 'drive.changes.list', 'DRIVE'], ['drive', 'drive.files.get', 'DRIVE']], native: true },
  ];
  const grants: { e: Employee; c: Client }[] = [];
  const ws = people.filter((p) => p.status !== 'terminated');
  const hannah = person(people, 'Hannah', 'Cho');
  const elena = person(people, 'Elena', 'Vasquez');
  const calendly = clients[0] as Client;
  const zoom = clients[1] as Client;

  const item = (t: number, e: Employee, ip: string, c: Client, name: 'activity' | 'authorize' | 'revoke') => {
    const [api, method, bucket] = rng.pick(c.api);
    const params: Record<string, unknown>[] = name === 'activity'
      ? [{ name: 'api_name', value: api }, { name: 'method_name', value: method }, { name: 'client_id', value: c.id }, { name: 'num_response_bytes', intValue: String(rng.int(300, 48000)) }, { name: 'product_bucket', value: bucket }, { name: 'app_name', value: c.name }, { name: 'client_type', value: c.native ? 'NATIVE_DESKTOP' : 'WEB' }]
      : [{ name: 'client_id', value: c.id }, { name: 'app_name', value: c.name }, { name: 'client_type', value: c.native ? 'NATIVE_DESKTOP' : 'WEB' }, { name: 'scope_data', multiMessageValue: c.scopes.map((s) => ({ parameter: [{ name: 'scope_name', value: s }, { name: 'product_bucket', multiValue: [s.includes('calendar') ? 'CALENDAR' : s.includes('drive') ? 'DRIVE' : s.includes('gmail') ? 'GMAIL' : 'IDENTITY'] }] })) }, { name: 'scope', multiValue: [...c.scopes] }];
    items.push({ kind: 'admin#reports#activity', id: { time: isoMs(t), uniqueQualifier: String(BigInt(rng.int(-2147483647, 2147483647)) * 4294967296n + BigInt(rng.int(0, 4294967295))), applicationName: 'token', customerId: CUSTOMER }, etag: `"${rng.chars(ALNUM + '-_', 43)}/${rng.chars(ALNUM + '-_', 27)}"`, actor: { email: e.email, profileId: e.googleProfileId }, ipAddress: ip, events: [{ type: 'auth', name, parameters: params }] });
  };

  for (const e of ws) {
    for (const c of clients) {
      const p = c.native ? 0.25 : c === zoom || c === calendly ? (e.department === 'Sales' || e.department === 'Customer Success' ? 0.7 : 0.1) : 0.12;
      if (!rng.chance(p) && !(e === hannah && c === calendly) && !(e === elena && c === zoom)) continue;
      grants.push({ e, c });
      const rate = e === hannah || e === elena ? 0.9 : 0.1;
      for (const t of humanTimes(rng, { zone: e.zone, sessionsPerDay: rate, eventsPerSession: 1 })) {
        const at = placeAt(rng, e, t);
        if (at) item(t, e, at.ip, c, 'activity');
      }
    }
  }
  // A few new grants during the window (authorize events).
  for (let i = 0; i < 12; i++) {
    const e = rng.pick(ws);
    const c = rng.pick(clients);
    item(WINDOW_FROM + rng.int(1, 40) * DAY + rng.int(14, 22) * HOUR, e, e.officeIp, c, 'authorize');
    grants.push({ e, c });
  }

  // ---- Story: impossible travel — Hannah's Calendly token in Chicago, then Jakarta 36 minutes later.
  const itFrom = Date.UTC(2026, 10, 12, 20, 5, 12);
  item(itFrom, hannah, hannah.homeIp, calendly, 'activity');
  const jkt = ipIn(rng, NET.telkomJakarta);
  let itEnd = itFrom;
  burst(rng, itFrom + 36 * MINUTE, 9, [40_000, 400_000]).forEach((t) => { item(t, hannah, jkt, calendly, 'activity'); itEnd = t; });
  catalog.story({ id: 'google-calendly-impossible-travel', kind: 'impossible-travel', platform: 'google', entityIds: [calendly.id, calendly.id.replace('.apps.googleusercontent.com', ''), hannah.email], from: itFrom, to: itEnd + MINUTE, title: "Hannah Cho's Calendly grant used in Illinois and Jakarta 36 minutes apart", narrative: `At 14:05 Chicago time on 12 November Hannah's Calendly OAuth grant called the Calendar API from her AT&T home line; 36 minutes later the same grant was used from ${jkt} (Telkom Indonesia, Jakarta) — about 15,700 km, impossible in 36 minutes. Hannah never left Chicago.` });

  // ---- Look-alike: Elena flies ORD -> LHR on 9 November and works from London for four days.
  // Her stays (lib/world.ts) move all of her activity; two anchor calls bracket the flight out.
  item(Date.UTC(2026, 10, 9, 18, 41, 2), elena, elena.officeIp, zoom, 'activity');
  const heathrow = placeAt(rng, elena, Date.UTC(2026, 10, 10, 8, 57, 40));
  if (heathrow) item(Date.UTC(2026, 10, 10, 8, 57, 40), elena, heathrow.ip, zoom, 'activity');
  catalog.lookalike({ id: 'google-travelling-sales-lead', platform: 'google', entityIds: [zoom.id, zoom.id.replace('.apps.googleusercontent.com', ''), elena.email], mustNotFire: ['impossible-travel', 'concurrent-use'], title: 'Sales lead flies Chicago -> London with a plausible gap', narrative: 'Elena Vasquez used Zoom for Google Workspace from the Chicago office at 12:41 CST on 9 November, then from Heathrow Wi-Fi at 08:57 GMT the next morning (14 h later; the flight is 8 h), worked from a London BT connection for four days and flew back on the 14th. Her Okta, Salesforce and Slack activity moves with her. Nothing here is faster than an airliner.' });

  items.sort((a, b) => ((b.id as { time: string }).time).localeCompare((a.id as { time: string }).time));
  const ps = pages(items, 1000);
  ps.forEach((p, i) => out.text(`google/reports-token-activity-page-${String(i + 1).padStart(3, '0')}.json`, `${JSON.stringify({ kind: 'admin#reports#activities', etag: `"${rng.chars(ALNUM + '-_', 43)}"`, items: p, ...(i + 1 < ps.length ? { nextPageToken: rng.chars(ALNUM, 60) } : {}) })}\n`));
  out.countEvents('google', items.length);

  // GAM CSV: one row per user x client, scopes space-separated (GAM's default delimiter).
  const seen = new Set<string>();
  const rows = ['user,clientId,displayText,anonymous,nativeApp,userKey,scopes'];
  for (const g of grants.sort((a, b) => a.e.email.localeCompare(b.e.email) || a.c.name.localeCompare(b.c.name))) {
    const k = `${g.e.email}|${g.c.id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    rows.push(csvLine([g.e.email, g.c.id, g.c.name, 'False', g.c.native ? 'True' : 'False', g.e.googleProfileId, g.c.scopes.join(' ')]));
  }
  out.text('google/gam-print-tokens.csv', `${rows.join('\n')}\n`);
  catalog.credential('google', 'oauth_grant', seen.size);
  const ravi = person(people, 'Ravi', 'Menon');
  for (const c of clients) catalog.register.push(reg({ credential_id: c.id, platform: 'google', credential_type: 'oauth_grant', display_name: `${c.name} (user grants)`, owner_email: ravi.email, app_name: c.name, app_id: c.id, business_purpose: `${c.name} for staff`, approved_pattern: 'User-delegated, interactive', scopes: c.scopes.join(' '), created_at: '2023-09-01', last_reviewed_at: '2026-03-15', review_interval_days: '365' }));
  return { events: items.length };
}
