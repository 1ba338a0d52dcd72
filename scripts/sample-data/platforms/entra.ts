import { createHash } from 'node:crypto';
import { HOUR, isoS, iso7, MINUTE } from '../lib/format';
import { reg } from '../lib/catalog';
import type { GenContext } from '../lib/context';
import { ALNUM } from '../lib/prng';
import { burst, cadenceTimes } from '../lib/rhythm';
import { DOMAIN, ipIn, NET, person, WINDOW_FROM, WINDOW_TO, type Network } from '../lib/world';
import { pages } from '../lib/output';

/**
 * Microsoft Entra ID via Microsoft Graph: applications / servicePrincipals (password and key credentials),
 * oauth2PermissionGrants, service-principal sign-ins (beta signIns pages) and directoryAudits pages.
 * Sign-ins name the credential by servicePrincipalCredentialKeyId = passwordCredentials[].keyId.
 */
const GRAPH_APP = '00000003-0000-0000-c000-000000000000';

interface Cred { keyId: string; kind: 'secret' | 'cert'; displayName: string; start: number; end: number; hint: string; thumb: string }
interface App { id: string; appId: string; spId: string; name: string; created: number; creds: Cred[]; roles: string[] }

export function generateEntra(ctx: GenContext): { events: number } {
  const { rng, catalog, out, people } = ctx;
  const tenant = rng.uuid();
  const graphSpId = rng.uuid();
  const signIns: Record<string, unknown>[] = [];
  const audits: Record<string, unknown>[] = [];
  const ravi = person(people, 'Ravi', 'Menon');
  const marta = person(people, 'Marta', 'Kowalczyk');

  const cred = (kind: 'secret' | 'cert', displayName: string, start: number, end: number): Cred => ({ keyId: rng.uuid(), kind, displayName, start, end, hint: rng.chars(ALNUM, 3), thumb: createHash('sha1').update(rng.uuid()).digest('hex').toUpperCase() });
  const apps: App[] = [];
  const app = (name: string, created: number, creds: Cred[], roles: string[]): App => {
    const a: App = { id: rng.uuid(), appId: rng.uuid(), spId: rng.uuid(), name, created, creds, roles };
    apps.push(a);
    return a;
  };
  const y = (yy: number, m: number, d: number, h = 12) => Date.UTC(yy, m - 1, d, h);

  const signIn = (a: App, c: Cred, t: number, n: Network, ip: string, ok: boolean, resource = 'Microsoft Graph', resourceId = GRAPH_APP) => {
    const id = rng.uuid();
    signIns.push({
      id, createdDateTime: iso7(t, rng.int(0, 9999)), userDisplayName: null, userPrincipalName: null, userId: null,
      appId: a.appId, appDisplayName: a.name, ipAddress: ip, clientAppUsed: null, correlationId: rng.uuid(), conditionalAccessStatus: 'notApplied', isInteractive: false,
      riskDetail: 'none', riskLevelAggregated: 'none', riskLevelDuringSignIn: 'none', riskState: 'none', resourceDisplayName: resource, resourceId, resourceTenantId: tenant, homeTenantId: tenant,
      status: ok ? { errorCode: 0, failureReason: 'Other.', additionalDetails: null } : { errorCode: 7000222, failureReason: `The provided client secret keys for app '${a.appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`, additionalDetails: null },
      location: { city: n.city, state: n.state, countryOrRegion: n.country, geoCoordinates: { altitude: null, latitude: n.lat, longitude: n.lon } },
      servicePrincipalId: a.spId, servicePrincipalName: a.name, servicePrincipalCredentialKeyId: c.keyId, servicePrincipalCredentialThumbprint: c.kind === 'cert' ? c.thumb : '',
      signInEventTypes: ['servicePrincipal'], incomingTokenType: 'none', authenticationProtocol: 'none', uniqueTokenIdentifier: Buffer.from(id).toString('base64url').slice(0, 22), tokenIssuerType: 'AzureAD', crossTenantAccessType: 'none',
      clientCredentialType: c.kind === 'cert' ? 'certificate' : 'clientSecret', managedIdentityType: 'none', autonomousSystemNumber: n.asn,
    });
  };

  // ---- Home-tenant apps with client secrets and certificates, signing in on their own cadences.
  const routeOpt = app('Route Optimizer Batch', y(2024, 11, 4), [cred('secret', 'batch-2024', y(2024, 11, 9), Date.UTC(2026, 10, 9))], ['Sites.Read.All', 'Files.Read.All']);
  const spMigrator = app('Legacy SharePoint Migrator', y(2019, 5, 21), [cred('secret', 'migrator', y(2019, 5, 21), Date.UTC(2299, 11, 31))], ['Sites.FullControl.All', 'Files.ReadWrite.All']);
  const mailer = app('Shipment Notifications Mailer', y(2023, 2, 14), [cred('cert', 'CN=nw-mailer', y(2026, 2, 1), y(2027, 2, 1))], ['Mail.Send']);
  const hrSync = app('HR Directory Sync', y(2022, 8, 30), [cred('secret', 'hr-sync-2026', y(2026, 3, 1), y(2027, 3, 1)), cred('secret', 'hr-sync-2025', y(2025, 3, 1), y(2026, 3, 1))], ['User.ReadWrite.All', 'Group.ReadWrite.All']);
  const teamsBot = app('Dispatch Teams Bot', y(2025, 1, 12), [cred('cert', 'CN=dispatch-bot', y(2025, 1, 12), y(2027, 1, 12))], ['ChannelMessage.Send', 'Chat.ReadWrite.All']);
  const backup = app('M365 Backup Connector', y(2024, 6, 2), [cred('secret', 'backup', y(2026, 6, 2), y(2027, 6, 2))], ['Mail.Read', 'Files.Read.All', 'Sites.Read.All']);
  const jobs: readonly [App, number, Network][] = [[routeOpt, 4 * HOUR, NET.dcAtlanta], [spMigrator, 24 * HOUR, NET.hqChicago], [mailer, 4 * HOUR, NET.awsUsEast1], [hrSync, 6 * HOUR, NET.awsUsEast1b], [teamsBot, 12 * HOUR, NET.awsUsEast1], [backup, 12 * HOUR, NET.awsUsEast1b]];
  let afterExpiry = 0;
  for (const [a, period, n] of jobs) {
    const ip = ipIn(rng, n);
    const c = a.creds[0] as Cred;
    for (const t of cadenceTimes(rng, { anchor: WINDOW_FROM + rng.int(5, 50) * MINUTE, period, jitter: 2 * MINUTE })) {
      if (t >= c.end) {
        // The expired secret is still configured: every run retries three times and fails.
        burst(rng, t, 3, [20_000, 60_000]).forEach((tt) => { signIn(a, c, tt, n, ip, false); afterExpiry = tt; });
      } else signIn(a, c, t, n, ip, true);
    }
  }
  const rc = routeOpt.creds[0] as Cred;
  catalog.story({ id: 'entra-route-optimizer-expired-secret', kind: 'use-after-expiry', platform: 'entra', entityIds: [rc.keyId, routeOpt.appId], from: rc.end, to: afterExpiry + MINUTE, title: 'Route Optimizer keeps presenting a client secret that expired on 9 November', narrative: `The "batch-2024" client secret of Route Optimizer Batch (keyId ${rc.keyId}) expired at 2026-11-09T00:00Z. The batch host in the Atlanta DC still uses it every four hours; each run fails three times with AADSTS7000222 until the end of the window — nobody rotated it, and the route plans are not being refreshed.` });
  const mc = spMigrator.creds[0] as Cred;
  catalog.story({ id: 'entra-sharepoint-migrator-299-year-secret', kind: 'long-lived', platform: 'entra', entityIds: [mc.keyId, spMigrator.appId], from: WINDOW_FROM, to: WINDOW_TO, title: 'Client secret valid until 2299 on an app with Sites.FullControl.All', narrative: `Legacy SharePoint Migrator (created 2019) holds a client secret whose endDateTime is 2299-12-31 — the old "never expires" PowerShell trick — together with Sites.FullControl.All and Files.ReadWrite.All application permissions. It still signs in daily from HQ.` });

  // A few dormant apps with credentials only (inventory).
  for (const name of ['Power BI Embedded POC', 'Intune Reporting', 'Invoice OCR Pilot', 'Yard Camera Uploader', 'Carrier EDI Gateway', 'Freshservice Connector', 'Terraform Deployer', 'Logic Apps Connector', 'Warehouse Kiosk Auth', 'Security Copilot Export']) {
    const start = y(2025, rng.int(1, 12), rng.int(1, 28));
    app(name, start - 30 * 24 * HOUR, rng.chance(0.3) ? [cred('cert', `CN=${name.toLowerCase().replace(/ /g, '-')}`, start, start + 730 * 24 * HOUR)] : [cred('secret', 'default', start, start + (rng.chance(0.5) ? 365 : 730) * 24 * HOUR), ...(rng.chance(0.3) ? [cred('secret', 'rotation', start + 200 * 24 * HOUR, start + 565 * 24 * HOUR)] : [])], [rng.pick(['User.Read.All', 'Reports.Read.All', 'Files.Read.All', 'Application.ReadWrite.OwnedBy'])]);
  }

  // ---- Third-party (multi-tenant) apps with delegated grants.
  const thirdParty = [
    { name: 'Zoom', publisher: 'Zoom Video Communications, Inc.', verified: true, scope: 'openid profile email offline_access User.Read Calendars.ReadWrite', all: true },
    { name: 'Miro', publisher: 'Miro', verified: true, scope: 'openid profile email offline_access User.Read', all: true },
    { name: 'Adobe Acrobat Sign', publisher: 'Adobe Inc.', verified: true, scope: 'openid profile offline_access User.Read Files.Read', all: true },
    { name: 'Calendly', publisher: 'Calendly LLC', verified: true, scope: 'openid profile email offline_access Calendars.ReadWrite', all: false },
    { name: 'Grammarly', publisher: 'Grammarly, Inc.', verified: true, scope: 'openid profile email offline_access User.Read', all: false },
    { name: 'PDF Converter Online', publisher: 'PDFConvert Tools Ltd', verified: false, scope: 'openid profile email offline_access User.Read Mail.Read Files.ReadWrite.All', all: false },
  ].map((p) => ({ ...p, appId: rng.uuid(), spId: rng.uuid(), owner: rng.uuid() }));
  const grants: Record<string, unknown>[] = [];
  const grantId = () => rng.chars(ALNUM + '-_', 43);
  const ws = people.filter((p) => p.status !== 'terminated');
  for (const p of thirdParty) {
    if (p.all) grants.push({ clientId: p.spId, consentType: 'AllPrincipals', id: grantId(), principalId: null, resourceId: graphSpId, scope: p.scope });
    else if (p.name !== 'PDF Converter Online') for (let i = 0; i < rng.int(4, 9); i++) grants.push({ clientId: p.spId, consentType: 'Principal', id: grantId(), principalId: rng.pick(ws).entraId, resourceId: graphSpId, scope: ` ${p.scope}` });
  }
  const pdf = thirdParty[5] as (typeof thirdParty)[number];
  const consentAudit = (t: number, user: { entraId: string; email: string; officeIp: string; browserUa: string }, appName: string, spId: string, appId: string, scope: string, admin: boolean) => audits.push({
    id: `Directory_${rng.uuid()}_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 5)}_${rng.int(10000000, 99999999)}`, category: 'ApplicationManagement', correlationId: rng.uuid(), result: 'success', resultReason: '',
    activityDisplayName: 'Consent to application', activityDateTime: iso7(t, rng.int(0, 9999)), loggedByService: 'Core Directory', operationType: 'Assign',
    initiatedBy: { app: null, user: { id: user.entraId, displayName: null, userPrincipalName: user.email, ipAddress: user.officeIp, userType: null, homeTenantId: null, homeTenantName: null } },
    targetResources: [{ id: spId, displayName: appName, type: 'ServicePrincipal', userPrincipalName: null, groupType: null, modifiedProperties: [
      { displayName: 'ConsentContext.IsAdminConsent', oldValue: null, newValue: `"${admin ? 'True' : 'False'}"` },
      { displayName: 'ConsentContext.IsAppOnly', oldValue: null, newValue: '"False"' },
      { displayName: 'ConsentContext.OnBehalfOfAll', oldValue: null, newValue: `"${admin ? 'True' : 'False'}"` },
      { displayName: 'ConsentAction.Permissions', oldValue: null, newValue: `"[] => [[Id: ${grantId()}, ClientId: ${spId}, PrincipalId: ${user.entraId}, ResourceId: ${graphSpId}, ConsentType: Principal, Scope:  ${scope}, CreatedDateTime: , LastModifiedDateTime ]]; "` },
      { displayName: 'TargetId.ServicePrincipalNames', oldValue: null, newValue: `"${appId}"` },
    ] }],
    additionalDetails: [{ key: 'User-Agent', value: user.browserUa }, { key: 'AppId', value: appId }],
  });
  const burstFrom = Date.UTC(2026, 10, 16, 14, 12, 40);
  const victims = ws.filter((p) => p.department === 'Sales' || p.department === 'Customer Success' || p.department === 'Finance').slice(0, 14);
  let burstEnd = burstFrom;
  burst(rng, burstFrom, victims.length, [90_000, 900_000]).forEach((t, i) => {
    const v = victims[i] as (typeof victims)[number];
    consentAudit(t, v, pdf.name, pdf.spId, pdf.appId, pdf.scope, false);
    grants.push({ clientId: pdf.spId, consentType: 'Principal', id: grantId(), principalId: v.entraId, resourceId: graphSpId, scope: ` ${pdf.scope}` });
    burstEnd = t;
  });
  catalog.story({ id: 'entra-pdf-converter-consent-burst', kind: 'consent-burst', platform: 'entra', entityIds: [pdf.appId, pdf.spId], from: burstFrom, to: burstEnd + MINUTE, title: '14 users consent to "PDF Converter Online" within two hours', narrative: `On 16 November, after a phishing e-mail offering "secure PDF conversion", ${victims.length} Sales, Customer Success and Finance users consented to a multi-tenant app nobody had used before, granting Mail.Read, Files.ReadWrite.All and offline_access (directoryAudits: Consent to application; oauth2PermissionGrants: Principal grants).` });
  catalog.story({ id: 'entra-pdf-converter-risky-app', kind: 'risky-third-party', platform: 'entra', entityIds: [pdf.appId, pdf.spId], from: burstFrom, to: WINDOW_TO, title: 'Unverified publisher holding Mail.Read and Files.ReadWrite.All', narrative: 'PDF Converter Online is published by "PDFConvert Tools Ltd" with no verified publisher, is owned by a foreign tenant, and its delegated grants include Mail.Read, Files.ReadWrite.All and offline_access for 14 users.' });
  // Routine admin consents and credential management earlier in the window.
  consentAudit(Date.UTC(2026, 9, 14, 15, 20, 3), ravi, 'Adobe Acrobat Sign', (thirdParty[2] as (typeof thirdParty)[number]).spId, (thirdParty[2] as (typeof thirdParty)[number]).appId, (thirdParty[2] as (typeof thirdParty)[number]).scope, true);
  for (const [a, t] of [[hrSync, Date.UTC(2026, 9, 21, 16, 2, 11)], [teamsBot, Date.UTC(2026, 10, 3, 14, 40, 52)]] as const) {
    audits.push({ id: `Directory_${rng.uuid()}_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 5)}_${rng.int(10000000, 99999999)}`, category: 'ApplicationManagement', correlationId: rng.uuid(), result: 'success', resultReason: '', activityDisplayName: 'Update application – Certificates and secrets management ', activityDateTime: iso7(t, rng.int(0, 9999)), loggedByService: 'Core Directory', operationType: 'Update', initiatedBy: { app: null, user: { id: marta.entraId, displayName: null, userPrincipalName: marta.email, ipAddress: marta.officeIp, userType: null, homeTenantId: null, homeTenantName: null } }, targetResources: [{ id: a.id, displayName: a.name, type: 'Application', userPrincipalName: null, groupType: null, modifiedProperties: [{ displayName: 'KeyDescription', oldValue: '[]', newValue: `"[KeyIdentifier=${(a.creds[0] as Cred).keyId},KeyType=${(a.creds[0] as Cred).kind === 'cert' ? 'AsymmetricX509Cert' : 'Password'},KeyUsage=${(a.creds[0] as Cred).kind === 'cert' ? 'Verify' : 'Verify'},DisplayName=${(a.creds[0] as Cred).displayName}]"` }, { displayName: 'Included Updated Properties', oldValue: null, newValue: '"KeyDescription"' }] }], additionalDetails: [{ key: 'User-Agent', value: marta.browserUa }] });
  }

  // ---- Write Graph pages.
  const ctxUrl = (what: string) => `https://graph.microsoft.com/v1.0/$metadata#${what}`;
  signIns.sort((a, b) => (b.createdDateTime as string).localeCompare(a.createdDateTime as string)); // Graph default: newest first
  const signPages = pages(signIns, 1000);
  signPages.forEach((p, i) => out.text(`entra/signins/servicePrincipalSignIns-page-${String(i + 1).padStart(3, '0')}.json`, `${JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns', ...(i + 1 < signPages.length ? { '@odata.nextLink': `https://graph.microsoft.com/beta/auditLogs/signIns?$filter=signInEventTypes/any(t:+t+eq+'servicePrincipal')&$skiptoken=${rng.hex(32)}` } : {}), value: p })}\n`));
  audits.sort((a, b) => (b.activityDateTime as string).localeCompare(a.activityDateTime as string));
  out.text('entra/audit/directoryAudits-page-001.json', `${JSON.stringify({ '@odata.context': ctxUrl('auditLogs/directoryAudits'), value: audits })}\n`);
  out.json('entra/inventory/applications.json', { '@odata.context': ctxUrl('applications'), value: apps.map((a) => ({
    id: a.id, appId: a.appId, displayName: a.name, createdDateTime: isoS(a.created), publisherDomain: DOMAIN, signInAudience: 'AzureADMyOrg',
    keyCredentials: a.creds.filter((c) => c.kind === 'cert').map((c) => ({ customKeyIdentifier: c.thumb, displayName: c.displayName, endDateTime: isoS(c.end), key: null, keyId: c.keyId, startDateTime: isoS(c.start), type: 'AsymmetricX509Cert', usage: 'Verify' })),
    passwordCredentials: a.creds.filter((c) => c.kind === 'secret').map((c) => ({ customKeyIdentifier: null, displayName: c.displayName, endDateTime: isoS(c.end), hint: c.hint, keyId: c.keyId, secretText: null, startDateTime: isoS(c.start) })),
    requiredResourceAccess: [{ resourceAppId: GRAPH_APP, resourceAccess: a.roles.map((r) => ({ id: createHash('md5').update(r).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'), type: 'Role' })) }],
  })) });
  out.json('entra/inventory/servicePrincipals.json', { '@odata.context': ctxUrl('servicePrincipals'), value: [
    ...apps.map((a) => ({ id: a.spId, accountEnabled: true, appDisplayName: a.name, appId: a.appId, appOwnerOrganizationId: tenant, displayName: a.name, servicePrincipalType: 'Application', signInAudience: 'AzureADMyOrg', publisherName: 'Northwind Logistics', verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null }, appRoleAssignmentRequired: false, keyCredentials: [], passwordCredentials: [], tags: ['WindowsAzureActiveDirectoryIntegratedApp'] })),
    ...thirdParty.map((p) => ({ id: p.spId, accountEnabled: true, appDisplayName: p.name, appId: p.appId, appOwnerOrganizationId: p.owner, displayName: p.name, servicePrincipalType: 'Application', signInAudience: 'AzureADandPersonalMicrosoftAccount', publisherName: p.publisher, verifiedPublisher: p.verified ? { displayName: p.publisher, verifiedPublisherId: String(rng.int(1000000, 9999999)), addedDateTime: '2021-04-12T17:22:31Z' } : { displayName: null, verifiedPublisherId: null, addedDateTime: null }, appRoleAssignmentRequired: false, keyCredentials: [], passwordCredentials: [], tags: ['WindowsAzureActiveDirectoryIntegratedApp'] })),
    { id: graphSpId, accountEnabled: true, appDisplayName: 'Microsoft Graph', appId: GRAPH_APP, appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a', displayName: 'Microsoft Graph', servicePrincipalType: 'Application', signInAudience: 'AzureADMultipleOrgs', publisherName: 'Microsoft Services', verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null }, appRoleAssignmentRequired: false, keyCredentials: [], passwordCredentials: [], tags: [] },
  ] });
  out.json('entra/inventory/oauth2PermissionGrants.json', { '@odata.context': ctxUrl('oauth2PermissionGrants'), value: grants });
  out.countEvents('entra', signIns.length + audits.length);

  // ---- Register: every app credential by keyId, delegated grants by app id.
  for (const a of apps) for (const c of a.creds) {
    catalog.register.push(reg({ credential_id: c.keyId, platform: 'entra', credential_type: c.kind === 'cert' ? 'certificate' : 'client_secret', display_name: `${a.name} – ${c.displayName}`, owner_email: a === teamsBot || a === mailer ? marta.email : ravi.email, app_name: a.name, app_id: a.appId, business_purpose: a.name, approved_pattern: jobs.find(([j]) => j === a) ? 'Daemon sign-in on a fixed schedule' : '', approved_cadence: (() => { const j = jobs.find(([x]) => x === a); return j ? (j[1] >= 24 * HOUR ? 'P1D' : `PT${j[1] / HOUR}H`) : ''; })(), scopes: a.roles.join(' '), created_at: isoS(c.start), expires_at: isoS(c.end), last_reviewed_at: a === spMigrator ? '2023-03-10' : '2026-06-01', review_interval_days: '365' }));
  }
  for (const p of thirdParty.filter((x) => x.name !== 'PDF Converter Online')) {
    catalog.register.push(reg({ credential_id: p.appId, platform: 'entra', credential_type: 'delegated_grant', display_name: `${p.name} delegated access`, owner_email: ravi.email, app_name: p.name, app_id: p.appId, business_purpose: `${p.name} for staff`, approved_pattern: 'User-delegated', scopes: p.scope, created_at: '2024-01-15', last_reviewed_at: '2026-02-10', review_interval_days: '365' }));
  }
  catalog.credential('entra', 'app_credential', apps.reduce((s, a) => s + a.creds.length, 0));
  catalog.credential('entra', 'delegated_grant', grants.length);
  return { events: signIns.length + audits.length };
}
