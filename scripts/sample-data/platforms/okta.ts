import { DAY, HOUR, isoMs, isoS, MINUTE } from '../lib/format';
import { reg } from '../lib/catalog';
import type { GenContext } from '../lib/context';
import { ALNUM } from '../lib/prng';
import { burst, cadenceTimes, humanTimes } from '../lib/rhythm';
import { DOMAIN, ipIn, NET, person, placeAt, WINDOW_FROM, WINDOW_TO, type Employee, type Network } from '../lib/world';
import { pages } from '../lib/output';

/**
 * Okta: System Log API pages (`GET /api/v1/logs`, JSON arrays of up to 1000 events, ascending) and the
 * API token list (`GET /api/v1/api-tokens`). SSWS API-token use is visible only in
 * transaction.detail.requestApiTokenId; client-credentials grants name the OAuth client as the actor.
 */
const ORG = `https://login.${DOMAIN}`;

interface ApiToken { readonly id: string; readonly name: string; readonly owner: { id: string; login: string; name: string }; readonly created: number; lastUsed: number | null; revoked: boolean }

export function generateOkta(ctx: GenContext): { events: number } {
  const { rng, catalog, out, people } = ctx;
  const events: Record<string, unknown>[] = [];
  const oktaId = (p: string) => `${p}${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 14)}697`;

  const geo = (n: Network) => ({ city: n.city, state: n.state, country: n.countryName, postalCode: null, geolocation: { lat: n.lat, lon: n.lon } });
  const where = (n: Network, ip: string, ua: string, browser: string, os: string) => ({
    client: { userAgent: { rawUserAgent: ua, os, browser }, zone: 'null', device: browser === 'UNKNOWN' ? 'Unknown' : 'Computer', id: null, ipAddress: ip, geographicalContext: geo(n) },
    request: { ipChain: [{ ip, geographicalContext: geo(n), version: 'V4', source: null }] },
    securityContext: { asNumber: n.asn, asOrg: n.asOrg.toLowerCase(), isp: n.isp.toLowerCase(), domain: n.domain, isProxy: n.asn === 208294 },
  });
  const event = (t: number, eventType: string, legacy: string | null, message: string, actor: Record<string, unknown>, n: Network, ip: string, ua: string, extra: { result?: string; reason?: string | null; debug?: Record<string, string>; target?: unknown[]; apiToken?: string; browser?: string; os?: string; credentialType?: string | null } = {}) => {
    const w = where(n, ip, ua, extra.browser ?? 'UNKNOWN', extra.os ?? 'Unknown');
    events.push({
      actor: { detailEntry: null, ...actor },
      client: w.client,
      device: null,
      authenticationContext: { authenticationStep: 0, externalSessionId: extra.apiToken ? 'trs' + rng.chars(ALNUM, 22) : rng.chars(ALNUM, 25), interface: null, authenticationProvider: null, credentialProvider: null, credentialType: extra.credentialType ?? null, issuer: null },
      displayMessage: message,
      eventType,
      outcome: { result: extra.result ?? 'SUCCESS', reason: extra.reason ?? null },
      published: isoMs(t),
      securityContext: w.securityContext,
      severity: extra.result === 'FAILURE' ? 'WARN' : 'INFO',
      debugContext: { debugData: { requestId: rng.chars(ALNUM, 27), requestUri: '/api/v1/users', url: '/api/v1/users?', dtHash: rng.hex(64), ...(extra.debug ?? {}) } },
      legacyEventType: legacy,
      transaction: { type: 'WEB', id: rng.chars(ALNUM, 27), detail: extra.apiToken ? { requestApiTokenId: extra.apiToken } : {} },
      uuid: rng.uuid(),
      version: '0',
      request: w.request,
      target: extra.target ?? null,
    });
  };
  const userActor = (e: { id: string; login: string; name: string }) => ({ id: e.id, type: 'User', alternateId: e.login, displayName: e.name });
  const emp = (e: Employee) => ({ id: e.oktaId, login: e.email, name: e.displayName });
  const tokens: ApiToken[] = [];
  const newToken = (name: string, owner: { id: string; login: string; name: string }, created: number): ApiToken => {
    const t: ApiToken = { id: `00T${rng.chars(ALNUM, 17)}`, name, owner, created, lastUsed: null, revoked: false };
    tokens.push(t);
    return t;
  };
  const ws = people.filter((p) => p.status !== 'terminated');

  // ---- API-token integrations (service accounts).
  const provisioning = { id: oktaId('00u'), login: `svc-okta-provisioning@${DOMAIN}`, name: 'Okta Provisioning Service' };
  const jamfSvc = { id: oktaId('00u'), login: `svc-jamf@${DOMAIN}`, name: 'Jamf Directory Sync' };
  const snowSvc = { id: oktaId('00u'), login: `svc-servicenow@${DOMAIN}`, name: 'ServiceNow Integration' };
  const workday = newToken('Workday HR sync', provisioning, Date.UTC(2025, 6, 14, 15, 3));
  const jamf = newToken('Jamf Connect directory sync', jamfSvc, Date.UTC(2026, 1, 2, 17, 40));
  const snow = newToken('ServiceNow user provisioning', snowSvc, Date.UTC(2025, 10, 20, 9, 12));
  const ravi = person(people, 'Ravi', 'Menon');
  const marta = person(people, 'Marta', 'Kowalczyk');
  const stale = newToken('Jira provisioning (old)', emp(ravi), Date.UTC(2023, 3, 11, 14, 22));
  stale.lastUsed = Date.UTC(2026, 8, 22, 10, 15);
  newToken('Okta Terraform provider', emp(ravi), Date.UTC(2026, 8, 9, 13, 0));

  const target = (e: Employee) => [{ id: e.oktaId, type: 'User', alternateId: e.email, displayName: e.displayName, detailEntry: null }];
  const useToken = (tok: ApiToken, t: number, n: Network, ip: string, ua: string) => {
    const e = rng.pick(ws);
    const [type, legacy, msg] = rng.pick([['user.account.update_profile', 'core.user.config.profile_update.success', 'Update user profile for Okta'], ['group.user_membership.add', 'core.user_group_member.user_add', 'Add user to group membership'], ['user.lifecycle.activate', 'core.user.config.user_activated', 'Activate Okta user'], ['application.user_membership.update', 'app.generic.provision.assign_user_to_app', 'Update user from app']] as const);
    event(t, type, legacy, msg, userActor(tok.owner), n, ip, ua, { apiToken: tok.id, target: target(e), debug: { requestUri: `/api/v1/users/${e.oktaId}` } });
    if (!tok.lastUsed || tok.lastUsed < t) tok.lastUsed = t;
  };
  const wdIp = ipIn(rng, NET.awsUsEast1b);
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + 2 * HOUR, period: 8 * HOUR, jitter: 5 * MINUTE })) burst(rng, start, rng.int(2, 4), [800, 6000]).forEach((t) => useToken(workday, t, NET.awsUsEast1b, wdIp, 'Workday-Okta-Connector/2024.2 (Java/17)'));
  const jamfIp = ipIn(rng, NET.hqChicago);
  const jamfUa = 'JamfPro/11.10.1 okta-sdk-java/8.2.5';
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + 20 * MINUTE, period: 6 * HOUR, jitter: 2 * MINUTE })) burst(rng, start, rng.int(1, 2), [800, 6000]).forEach((t) => useToken(jamf, t, NET.hqChicago, jamfIp, jamfUa));
  const snowIp = ipIn(rng, NET.awsUsEast1);
  const snowUa = 'ServiceNow/Utah okta-spoke/3.1';
  const revokedAt = Date.UTC(2026, 10, 12, 14, 2, 9);
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + 35 * MINUTE, period: 6 * HOUR, jitter: 4 * MINUTE }, WINDOW_FROM, Date.UTC(2026, 10, 13, 10, 50))) burst(rng, start, rng.int(1, 2), [800, 6000]).forEach((t) => useToken(snow, t, NET.awsUsEast1, snowIp, snowUa));
  snow.revoked = true;
  event(revokedAt, 'system.api_token.revoke', 'api.token.revoke', 'Revoke API token', userActor(emp(marta)), NET.hqChicago, marta.officeIp, marta.browserUa, { target: [{ id: snow.id, type: 'Token', alternateId: 'unknown', displayName: snow.name, detailEntry: null }], browser: 'CHROME', os: 'Mac OS X', debug: { requestUri: `/api/v1/api-tokens/${snow.id}` } });
  catalog.story({ id: 'okta-token-use-after-revocation', kind: 'use-after-revocation', platform: 'okta', entityIds: [snow.id], from: revokedAt, to: Date.UTC(2026, 10, 13, 10, 50), title: 'ServiceNow API token keeps provisioning after it was revoked', narrative: `Marta Kowalczyk revoked the "ServiceNow user provisioning" SSWS token at ${isoS(revokedAt)} (system.api_token.revoke). The System Log still shows requests carrying requestApiTokenId ${snow.id} until the next morning — the token is gone from the API-token list, but something kept using it.` });

  // Concurrent use: the Jamf token from HQ and from a Hetzner box in Helsinki at the same time.
  const concFrom = Date.UTC(2026, 10, 17, 15, 4, 30);
  const hetznerIp = ipIn(rng, NET.hetznerHelsinki);
  let concEnd = concFrom;
  burst(rng, concFrom, 46, [60_000, 200_000]).forEach((t) => { useToken(jamf, t, NET.hetznerHelsinki, hetznerIp, 'okta-sdk-python/2.9.8 python/3.12.3 Linux/6.1.0'); concEnd = t; });
  for (let t = concFrom - 10 * MINUTE; t < concEnd + 10 * MINUTE; t += rng.int(3, 9) * MINUTE) useToken(jamf, t, NET.hqChicago, jamfIp, jamfUa);
  catalog.story({ id: 'okta-jamf-token-concurrent', kind: 'concurrent-use', platform: 'okta', entityIds: [jamf.id], from: concFrom - 10 * MINUTE, to: concEnd + 10 * MINUTE, title: 'Jamf directory-sync token used from Chicago and Helsinki at once', narrative: `On 17 November, for about two hours, the Jamf Connect API token made calls from the HQ Jamf server (${jamfIp}) and, interleaved within minutes, from a Hetzner host in Helsinki (${hetznerIp}, AS24940) with a Python SDK — one secret, two places, 7,000 km apart.` });
  catalog.story({ id: 'okta-stale-jira-token', kind: 'stale-credential', platform: 'okta', entityIds: [stale.id], from: WINDOW_FROM, to: WINDOW_TO, title: 'Old Jira provisioning token unused since 22 September', narrative: 'A super-admin SSWS token created in 2023 for the old Jira provisioning (a 90-day token window, so it is still valid until late December) is listed as active but has no activity in the System Log for the whole window; Jira moved to SCIM in September.' });

  // ---- OAuth service apps (client credentials against the custom authorization server).
  const AS = 'aus8k2n3yqTh9mLpQ697';
  const serviceApps = [
    { id: oktaId('0oa'), name: 'warehouse-scanner-sync', scopes: 'inventory.read, inventory.write', period: 3 * HOUR, n: NET.dcAtlanta },
    { id: oktaId('0oa'), name: 'carrier-portal-backend', scopes: 'shipments.read, tracking.write', period: 6 * HOUR, n: NET.awsUsEast1 },
    { id: oktaId('0oa'), name: 'driver-app-bff', scopes: 'drivers.read, routes.read', period: 6 * HOUR, n: NET.awsUsEast1b },
  ];
  for (const a of serviceApps) {
    const ip = ipIn(rng, a.n);
    for (const t of cadenceTimes(rng, { anchor: WINDOW_FROM + rng.int(1, 9) * MINUTE, period: a.period, jitter: 30_000 })) {
      event(t, 'app.oauth2.as.token.grant.access_token', null, 'OAuth2 access token is granted', { id: a.id, type: 'PublicClientApp', alternateId: a.id, displayName: a.name }, a.n, ip, 'okhttp/4.12.0', {
        debug: { requestUri: `/oauth2/${AS}/v1/token`, url: `/oauth2/${AS}/v1/token?`, grantType: 'client_credentials', requestedScopes: a.scopes, grantedScopes: a.scopes, clientAuthType: 'client_secret_basic', threatSuspected: 'false' },
        target: [{ id: AS, type: 'AuthorizationServer', alternateId: 'Northwind API', displayName: 'Northwind API', detailEntry: null }, { id: `AT.${rng.chars(ALNUM + '-_', 43)}`, type: 'access_token', alternateId: null, displayName: 'Access Token', detailEntry: { expires: isoS(t + HOUR), subject: a.id, hash: rng.chars(ALNUM + '-_', 22) } }],
      });
    }
    catalog.register.push(reg({ credential_id: a.id, platform: 'okta', credential_type: 'client_secret', display_name: a.name, owner_email: ravi.email, app_name: a.name, app_id: a.id, business_purpose: `Machine-to-machine access to the Northwind API (${a.scopes})`, approved_pattern: `client_credentials every ${a.period / HOUR} hours`, approved_cadence: `PT${a.period / HOUR}H`, approved_networks: `AS${a.n.asn}`, scopes: a.scopes.replace(/, /g, ' '), created_at: '2025-05-06T12:00:00Z', expires_at: '', last_reviewed_at: '2026-08-20', review_interval_days: '180' }));
  }
  const scanner = serviceApps[0] as (typeof serviceApps)[number];
  const failFrom = Date.UTC(2026, 10, 18, 6, 41, 3);
  const failIp = ipIn(rng, NET.vultrNewJersey);
  let failEnd = failFrom;
  burst(rng, failFrom, 240, [500, 2500]).forEach((t) => {
    event(t, 'app.oauth2.as.token.grant', null, 'OAuth2 access token request', { id: scanner.id, type: 'PublicClientApp', alternateId: scanner.id, displayName: scanner.name }, NET.vultrNewJersey, failIp, 'python-httpx/0.27.2', { result: 'FAILURE', reason: 'invalid_client', debug: { requestUri: `/oauth2/${AS}/v1/token`, url: `/oauth2/${AS}/v1/token?`, grantType: 'client_credentials', requestedScopes: 'inventory.read, inventory.write, admin', clientAuthType: 'client_secret_basic', threatSuspected: 'true' } });
    failEnd = t;
  });
  catalog.story({ id: 'okta-scanner-client-failures', kind: 'auth-failure-burst', platform: 'okta', entityIds: [scanner.id], from: failFrom, to: failEnd + MINUTE, title: '240 failed client-credentials requests for warehouse-scanner-sync in 6 minutes', narrative: `On 18 November at 06:41 UTC a host at ${failIp} (Vultr) made 240 token requests as the warehouse-scanner-sync client with wrong secrets (invalid_client), also asking for an "admin" scope the client was never granted. The real scanners keep getting tokens every three hours from the Atlanta DC.` });

  // ---- People: SSO into apps during their working day.
  const apps = [['0oa1slack', 'Slack'], ['0oa2sfdc', 'Salesforce.com'], ['0oa3gws', 'Google Workspace'], ['0oa4gh', 'GitHub Enterprise Cloud - Organization'], ['0oa5aws', 'AWS IAM Identity Center'], ['0oa6jira', 'Jira Software']].map(([p, name]) => ({ id: `${p}${rng.chars(ALNUM, 11)}697`, name: name as string }));
  for (const e of ws) {
    for (const t of humanTimes(rng, { zone: e.zone, sessionsPerDay: 0.03, eventsPerSession: 1 })) {
      const a = rng.pick(apps);
      const at = placeAt(rng, e, t);
      if (!at) continue;
      event(t, 'user.authentication.sso', 'app.auth.sso', 'User single sign on to app', userActor(emp(e)), at.net, at.ip, e.browserUa, { browser: e.browserUa.includes('Firefox') ? 'FIREFOX' : e.browserUa.includes('Edg') ? 'EDGE' : e.browserUa.includes('Version/') ? 'SAFARI' : 'CHROME', os: e.browserUa.includes('Windows') ? 'Windows 10' : 'Mac OS X', credentialType: null, target: [{ id: a.id, type: 'AppInstance', alternateId: a.name, displayName: a.name, detailEntry: { signOnModeType: 'SAML_2_0' } }], debug: { requestUri: `/app/${a.id}/sso/saml`, url: `/app/${a.id}/sso/saml?` } });
    }
  }

  events.sort((a, b) => (a.published as string).localeCompare(b.published as string));
  pages(events, 1000).forEach((page, i) => out.text(`okta/system-log/system-log-page-${String(i + 1).padStart(3, '0')}.json`, `${JSON.stringify(page)}\n`));
  out.countEvents('okta', events.length);
  out.json('okta/api-tokens.json', tokens.filter((t) => !t.revoked).map((t) => ({
    name: t.name, userId: t.owner.id, tokenWindow: t === stale ? 'P90D' : 'P30D', id: t.id, clientName: 'Okta API', expiresAt: isoMs((t.lastUsed ?? WINDOW_TO - DAY) + (t === stale ? 90 : 30) * DAY),
    created: isoMs(t.created), lastUpdated: isoMs(t.lastUsed ?? t.created), network: { connection: 'ANYWHERE' }, _links: { user: { href: `${ORG}/api/v1/users/${t.owner.id}` } },
  })));
  for (const t of tokens) {
    catalog.register.push(reg({ credential_id: t.id, platform: 'okta', credential_type: 'api_token', display_name: t.name, owner_email: t.owner.login.startsWith('svc-') ? ravi.email : t.owner.login, app_name: t.name.split(' ')[0] as string, app_id: t.owner.id, business_purpose: t.name, approved_pattern: t === workday ? 'Every 8 hours from the Workday connector' : t === jamf ? 'Every 6 hours from the HQ Jamf Pro server' : t === snow ? 'Every 6 hours from the ServiceNow instance' : 'Ad hoc', approved_cadence: t === workday ? 'PT8H' : t === jamf ? 'PT6H' : t === snow ? 'PT6H' : '', approved_networks: t === jamf ? '198.51.100.0/24' : t === workday || t === snow ? 'AS14618' : '', scopes: 'okta.users.manage okta.groups.manage', created_at: isoS(t.created), last_reviewed_at: t === stale ? '2024-02-01' : '2026-07-15', review_interval_days: '180', status: t === snow ? 'revoked' : 'active' }));
  }
  catalog.credential('okta', 'api_token', tokens.length);
  catalog.credential('okta', 'client_secret', serviceApps.length);
  return { events: events.length };
}
