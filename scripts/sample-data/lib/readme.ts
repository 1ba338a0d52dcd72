import type { Catalog, Kind, Story } from './catalog';
import { isoS } from './format';
import type { Output } from './output';
import { ANALYSIS_START, WINDOW_FROM, WINDOW_TO } from './world';

/** Where to look in Tokenscope for each kind (the demo script's "what to click"). */
const LOOK: Record<Kind, string> = {
  'new-network': 'Findings ▸ kind `new-network`: the explanation lists the baseline networks/ASNs and the new one; open the credential timeline to see the first event from it.',
  'impossible-travel': 'Findings ▸ `impossible-travel`: the two consecutive events, their cities, the distance and the implied speed.',
  'volume-spike': 'Findings ▸ `volume-spike`: baseline band vs observed rows/calls on the credential timeline.',
  'off-hours': 'Findings ▸ `off-hours`: the hour-of-day histogram of the credential with the new events outside its usual band.',
  'scope-escalation': 'Findings ▸ `scope-escalation`: previous vs new scopes; Graph ▸ select the app to see the newly reachable systems.',
  'new-user-agent': 'Findings ▸ `new-user-agent`: baseline user agents vs the new one; raw events from the evidence view.',
  'dormant-reactivation': 'Findings ▸ `dormant-reactivation`: last use before the gap (from the older inventory snapshot) and the first use after it.',
  'use-after-revocation': 'Findings ▸ `use-after-revocation`: the revocation record and every later event that still carries the credential id.',
  'use-after-expiry': 'Findings ▸ `use-after-expiry`: the inventory expiry date and the sign-in attempts after it.',
  'new-resource': 'Findings ▸ `new-resource`: objects/APIs touched for the first time, with the baseline set.',
  'ioc-match': 'Findings ▸ `ioc-match`: which watch-list entries matched (IP, user agent) and the events that carry them.',
  'cadence-break': 'Findings ▸ `cadence-break`: the learned rhythm (period, usual hours and weekdays) and the run that left it.',
  'concurrent-use': 'Findings ▸ `concurrent-use`: interleaved events from two distant networks on one credential.',
  'consent-burst': 'Findings ▸ `consent-burst`: the consent events per minute for one app, and the grants in the inventory.',
  'auth-failure-burst': 'Findings ▸ `auth-failure-burst`: failures per minute vs the credential\'s baseline failure rate.',
  'human-use-of-nhi': 'Findings ▸ `human-use-of-nhi`: interactive client and home network on a machine credential; compare with its register entry.',
  'stale-credential': 'Inventory ▸ sort by "last used": valid credential, no activity in the window.',
  'over-scoped': 'Inventory ▸ the credential\'s scopes: granted vs actually used; Graph ▸ blast radius.',
  'long-lived': 'Inventory ▸ "expires" column: missing or decades away.',
  'orphaned-owner': 'Inventory ▸ owner column joined to the HR list: terminated or unknown owner.',
  'review-overdue': 'Inventory ▸ "last reviewed" + review interval from the register.',
  'risky-third-party': 'Graph ▸ the third-party app: unverified publisher, high-risk scopes, who granted them.',
  'shadow-credential': 'Findings ▸ `shadow-credential`: the id seen in logs with no inventory or register record.',
};

const FILES: readonly [string, string][] = [
  ['aws/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz', 'CloudTrail S3 delivery objects: gzip of `{"Records":[...]}` (management and S3 data events). One object per region per 4 hours to keep the repository lean (real trails deliver every ~5 minutes; the key layout and record format are unchanged).'],
  ['aws/iam/credential-report.csv, credential-report-2026-10-07.csv', 'IAM credential report (22 columns, `N/A` / `not_supported` sentinels), pulled at the end of the window and once before it (so "last used" before the window is known).'],
  ['aws/iam/list-access-keys/<user>.json', '`aws iam list-access-keys --user-name <user>` output, so access key ids join to users.'],
  ['github/audit-log-stream/YYYY/MM/DD/HH/<uuid>.json.gz', 'GitHub Enterprise audit-log streaming to S3: gzipped NDJSON, epoch-millisecond `@timestamp`, `hashed_token`, `token_id`, `programmatic_access_type` (IP disclosure is enabled, so `actor_ip` is present).'],
  ['github/org-personal-access-tokens.json', '`GET /orgs/{org}/personal-access-tokens` (fine-grained PATs; `token_id` joins to the audit log).'],
  ['github/org-credential-authorizations.json', '`GET /orgs/{org}/credential-authorizations` (SAML-authorised classic PATs; `authorized_credential_id` = audit-log `token_id`).'],
  ['github/org-installations.json', '`GET /orgs/{org}/installations` (GitHub Apps).'],
  ['okta/system-log/system-log-page-NNN.json', '`GET /api/v1/logs` pages (JSON arrays of up to 1000 events, ascending). API-token use is in `transaction.detail.requestApiTokenId`.'],
  ['okta/api-tokens.json', '`GET /api/v1/api-tokens` (active SSWS tokens only — revoked ones disappear).'],
  ['entra/signins/servicePrincipalSignIns-page-NNN.json', 'Graph beta `auditLogs/signIns` (service principals) `{"value":[...]}` pages, newest first; `servicePrincipalCredentialKeyId` names the secret/certificate.'],
  ['entra/audit/directoryAudits-page-001.json', 'Graph `auditLogs/directoryAudits` (consents, credential management).'],
  ['entra/inventory/{applications,servicePrincipals,oauth2PermissionGrants}.json', 'Graph inventories: password/key credentials, publishers, delegated grants (`clientId` is the service-principal object id).'],
  ['google/reports-token-activity-page-NNN.json', 'Admin SDK Reports API `activities.list` for `applications/token` (`items[]`, `intValue` as strings).'],
  ['google/gam-print-tokens.csv', '`gam all users print tokens` (space-separated scopes, `True`/`False`).'],
  ['salesforce/elf/YYYY-MM-DD_{Login,ApiTotalUsage}.csv', 'EventLogFile CSVs: header row, every value double-quoted, `TIMESTAMP` as `yyyyMMddHHmmss.SSS`, 15-character ids plus `*_DERIVED` 18-character ids, `CLIENT_IP` may be `Salesforce.com IP`.'],
  ['salesforce/ApiEvent/ApiEvent_YYYY-MM-DD.json', 'Real-Time Event Monitoring `ApiEvent` rows as SOQL query responses (`EventDate` with `+0000`, `UserAgent`, `Query`, `RowsProcessed`, `ConnectedAppId`).'],
  ['salesforce/OauthToken.json', '`SELECT Id, AppName, AppMenuItemId, UserId, CreatedDate, LastUsedDate, UseCount FROM OauthToken`.'],
  ['slack/audit-logs-page-NNN.json', 'Slack Audit Logs API pages (`entries`, epoch-second `date_create`, newest first).'],
  ['register/credential-register.csv', 'The organisation\'s credential register (our format; see docs). Deliberately incomplete in one place: the shadow credential.'],
  ['register/hr-owners.csv', 'The HR owner list (our format).'],
  ['answer-key.json', 'Every planted story (kind, entity ids exactly as in the data, platform, window) and every look-alike with the kinds that must not fire.'],
];

const PLATFORM_NAME: Record<string, string> = { aws: 'AWS', github: 'GitHub', salesforce: 'Salesforce', okta: 'Okta', entra: 'Microsoft Entra ID', google: 'Google Workspace', slack: 'Slack' };

/** The demo script, generated from the same catalog as the answer key so the two never drift apart. */
export function writeReadme(out: Output, catalog: Catalog, seed: number, version: string): void {
  const total = [...out.events.values()].reduce((a, b) => a + b, 0);
  const creds = [...catalog.credentialCounts.values()].reduce((a, b) => a + b, 0);
  const lines: string[] = [];
  const story = (s: Story, n: number) => {
    lines.push(`### ${n}. ${s.title}`, '', `- **Kind:** \`${s.kind}\` · **Platform:** ${PLATFORM_NAME[s.platform] ?? s.platform} · **When:** ${s.window.from} → ${s.window.to}`, `- **Entity ids:** ${s.entityIds.map((i) => `\`${i}\``).join(', ')}`, '', s.narrative, '', `**Look for:** ${LOOK[s.kind]}`, '');
  };
  lines.push(
    '# Sample case — Northwind Logistics',
    '',
    'Fictional mid-size logistics company (HQ Chicago, distribution centre Atlanta, EU office Rotterdam; ~160 staff) whose',
    'identity and SaaS exports an analyst has just pulled for an OAuth-token / non-human-identity investigation. Everything',
    'here is generated — no real tenant, person or secret — but every file is in the format the platform really exports',
    '(see `docs` and the design notes on export formats), so the importer reads it exactly as it would read a customer\'s files.',
    '',
    `- **Window:** ${isoS(WINDOW_FROM)} → ${isoS(WINDOW_TO)} (44 days). **Analysis window** starts ${isoS(ANALYSIS_START)}; the earlier 30 days are clean training history for the per-credential baselines.`,
    `- **Volume:** ${total.toLocaleString('en-US')} events (${[...out.events.entries()].map(([p, n]) => `${PLATFORM_NAME[p] ?? p} ${n.toLocaleString('en-US')}`).join(', ')}); ${creds} credentials in the platform inventories; ${catalog.register.length} register rows.`,
    `- **Answer key:** \`answer-key.json\` — ${catalog.stories.length} planted stories covering all 23 detection kinds, ${catalog.lookalikes.length} benign look-alikes.`,
    '- **Networks:** the company\'s own egress uses documentation ranges (HQ `198.51.100.0/24`, Atlanta DC `192.0.2.0/24`, Rotterdam `203.0.113.0/24`, private ASNs 64500-64502) and the domain `northwind-logistics.example`. Home ISPs, clouds, SaaS vendors and attackers use realistic public ranges (Comcast, AT&T, Ziggo, AWS, Azure, GCP, Vultr, Hetzner, Telkom Indonesia, DigitalOcean, Tor).',
    '',
    '## Regenerating',
    '',
    '```',
    'npm run sample-data            # writes sample-data/ (this README included)',
    'npx vitest run scripts/sample-data   # byte-for-byte determinism + structure checks',
    '```',
    '',
    `Seed ${seed}, generator ${version}. The generator uses its own seeded PRNG (sfc32), a fixed "now" and fixed gzip settings (no mtime), so the same seed reproduces every file byte for byte.`,
    '',
    '## Files',
    '',
    '| path | what it is |',
    '|---|---|',
    ...FILES.map(([p, d]) => `| \`${p}\` | ${d} |`),
    '',
    '## Demo script',
    '',
    'Open the sample case (first launch offers it, or `case.openSample`), let the import finish (every file accounted for, zero rejects), then walk the stories below. Each section says what happened, which ids to search for, and where Tokenscope shows it.',
    '',
    '### Start here: the Salesloft-Drift pattern',
    '',
    'The headline story is a third-party chat integration\'s Salesforce connected-app token stolen and replayed from Drift-campaign infrastructure (stories 1-5 below share one credential). Open **Findings**, filter platform = Salesforce: five findings on *ChatPilot for Salesforce*. Open the credential timeline: a steady hourly Lead/Contact sync for five weeks, then a Tor login, `SELECT COUNT()` recon, and a Bulk API export of ~709k rows. In **Graph**, select the connected app to see its blast radius (Account, Contact, Case, Opportunity, User). Then compare with *Northwind DWH Sync*: it exports more rows every night and must raise nothing.',
    '',
  );
  const order = [...catalog.stories].sort((a, b) => (a.platform === 'salesforce' ? 0 : 1) - (b.platform === 'salesforce' ? 0 : 1));
  order.forEach((s, i) => story(s, i + 1));
  lines.push('## Benign look-alikes (must stay quiet)', '', 'A naive detector flags these; a per-credential baseline with the register\'s approved patterns must not.', '');
  for (const l of catalog.lookalikes) {
    lines.push(`### ${l.title}`, '', `- **Platform:** ${PLATFORM_NAME[l.platform] ?? l.platform} · **Entity ids:** ${l.entityIds.map((i) => `\`${i}\``).join(', ')}`, `- **Must not fire:** ${l.mustNotFire.map((k) => `\`${k}\``).join(', ')}`, '', l.narrative, '');
  }
  lines.push(
    '## Known simplifications',
    '',
    '- CloudTrail objects hold 4 hours each (real delivery is every ~5 minutes) and GitHub stream objects 6 hours each, to keep the repository under 30 MB. Record formats and key layouts are unchanged.',
    '- Salesforce Shield is assumed (ApiEvent and 30-day EventLogFile retention). ApiTotalUsage and ApiEvent describe the same calls from two angles; the Login ELF adds the user agent per OAuth login.',
    '- Okta, Entra, Google and Slack volumes are modest (uncompressed JSON); the bulk of the 200k events is in the gzipped CloudTrail and GitHub streams, as in most real cases.',
    '- Some story mechanics are simplified for clarity (for example a revoked Okta token that keeps working, which real Okta would reject): the point is the evidence pattern a responder has to find.',
    '',
  );
  out.text('README.md', lines.join('\n'));
}
