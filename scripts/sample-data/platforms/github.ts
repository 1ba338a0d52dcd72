import { createHash } from 'node:crypto';
import { DAY, HOUR, isoS, MINUTE, toBase64Url } from '../lib/format';
import { reg } from '../lib/catalog';
import type { GenContext } from '../lib/context';
import { ALNUM } from '../lib/prng';
import { burst, cadenceTimes, humanTimes } from '../lib/rhythm';
import { ipIn, NET, ORG_SLUG, person, WINDOW_FROM, WINDOW_TO, type Employee } from '../lib/world';

/**
 * GitHub Enterprise Cloud: audit-log streaming to S3 (gzipped NDJSON, epoch-ms timestamps, sorted keys),
 * the fine-grained PAT list and SAML credential authorizations (classic PATs) as the REST API returns them,
 * and the org's GitHub App installations.
 */
const ORG_ID = 48213907;
const BUSINESS = 'northwind-logistics';
const BUSINESS_ID = 7731;

type Access = 'Personal access token (classic)' | 'Fine-grained personal access token' | 'GitHub App server-to-server token' | 'OAuth access token';

interface Token {
  readonly kind: 'classic' | 'fine';
  readonly tokenId: number; // token_id in the audit log (= authorized_credential_id / token_id in the lists)
  readonly credentialId: number; // SAML credential authorization id (classic) or the request id (fine-grained)
  readonly secret: string;
  readonly hashed: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly owner: { login: string; id: number };
  readonly created: number;
  readonly expires: number | null;
  lastUsed?: number;
}

const hashToken = (secret: string): string => createHash('sha256').update(secret).digest('base64');

export function generateGithub(ctx: GenContext): { events: number } {
  const { rng, catalog, out, people } = ctx;
  const events: Record<string, unknown>[] = [];
  const repos = ['shipment-api', 'route-planner', 'wms-connector', 'label-service', 'carrier-gateway', 'yard-app', 'driver-mobile', 'edi-translator', 'infra-terraform', 'data-pipelines', 'docs-site', 'customs-eu', 'rate-engine', 'billing-close', 'ops-wallboard', 'platform-helm', 'auth-proxy', 'tracking-web', 'fleet-telemetry', 'warehouse-robots', 'design-system', 'sre-runbooks', 'security-policies', 'dbt-models', 'ml-eta-forecast'].map((name, i) => ({ name: `${ORG_SLUG}/${name}`, id: 512000000 + i * 7919 + rng.int(0, 7000) }));
  const tokens: Token[] = [];

  const newToken = (kind: 'classic' | 'fine', name: string, owner: { login: string; id: number }, scopes: readonly string[], created: number, expires: number | null): Token => {
    const secret = kind === 'classic' ? `ghp_${rng.chars(ALNUM, 36)}` : `github_pat_11${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 20)}_${rng.chars(ALNUM, 59)}`;
    const t: Token = { kind, tokenId: rng.int(100_000_000, 260_000_000), credentialId: rng.int(1_000_000, 9_000_000), secret, hashed: hashToken(secret), name, scopes, owner, created, expires };
    tokens.push(t);
    return t;
  };

  const base = (t: number, action: string, actor: { login: string; id: number }, ip: string, country: string, bot = false): Record<string, unknown> => ({
    '@timestamp': t, _document_id: toBase64Url(rng.bytes(16)).slice(0, 22), action, actor: actor.login, actor_id: actor.id, actor_ip: ip, actor_is_bot: bot,
    actor_location: { country_code: country }, business: BUSINESS, business_id: BUSINESS_ID, created_at: t, org: ORG_SLUG, org_id: ORG_ID,
  });
  const access = (tok: Token): Access => (tok.kind === 'classic' ? 'Personal access token (classic)' : 'Fine-grained personal access token');
  const sorted = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const push = (o: Record<string, unknown>) => events.push(sorted(o));

  const git = (tok: Token, t: number, action: 'git.clone' | 'git.fetch' | 'git.push', repo: { name: string; id: number }, ip: string, country: string, ua: string, bot = false) => {
    push({ ...base(t, action, tok.owner, ip, country, bot), hashed_token: tok.hashed, programmatic_access_type: access(tok), repo: repo.name, repository: repo.name, repository_id: repo.id, repository_public: false, token_id: tok.tokenId, ...(tok.kind === 'classic' ? { token_scopes: tok.scopes.join(',') } : {}), transport_protocol: 1, transport_protocol_name: 'http', user_agent: ua, visibility: 'private' });
    if (!tok.lastUsed || tok.lastUsed < t) tok.lastUsed = t;
  };
  const apiReq = (tok: Token, t: number, method: string, route: string, status: number, ip: string, country: string, ua: string, bot = false) => {
    push({ ...base(t, 'api.request', tok.owner, ip, country, bot), hashed_token: tok.hashed, programmatic_access_type: access(tok), request_category: 'api', request_method: method, route, status_code: status, token_id: tok.tokenId, ...(tok.kind === 'classic' ? { token_scopes: tok.scopes.join(',') } : {}), user_agent: ua });
    if (!tok.lastUsed || tok.lastUsed < t) tok.lastUsed = t;
  };
  const gh = (e: Employee) => ({ login: e.githubLogin, id: e.githubId });

  const ravi = person(people, 'Ravi', 'Menon');
  const jonas = person(people, 'Jonas', 'Berg');
  const tyler = person(people, 'Tyler', 'Brooks');

  // ---- Build bot: machine user fetching 14 repositories every 10 minutes from the self-hosted runners.
  const buildBot = { login: 'nw-build-bot', id: 171204551 };
  const buildTok = newToken('fine', 'self-hosted runners fetch', buildBot, [], Date.UTC(2026, 6, 1, 14, 0), Date.UTC(2027, 5, 30));
  const runnerIp = ipIn(rng, NET.dcAtlanta);
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + 3 * MINUTE, period: 10 * MINUTE, jitter: 30_000 })) {
    burst(rng, start, 14, [400, 3000]).forEach((t, i) => git(buildTok, t, 'git.fetch', repos[i] as { name: string; id: number }, runnerIp, 'US', 'git/2.45.2', false));
  }
  catalog.register.push(reg({ credential_id: String(buildTok.tokenId), platform: 'github', credential_type: 'fine_grained_pat', display_name: buildTok.name, owner_email: ravi.email, app_name: 'Self-hosted CI runners', app_id: buildBot.login, business_purpose: 'Poll fourteen service repositories for new commits', approved_pattern: 'git fetch every 10 minutes from the Atlanta runner pool', approved_cadence: 'PT10M', approved_networks: '192.0.2.0/24', scopes: 'contents:read metadata:read', created_at: isoS(buildTok.created), expires_at: isoS(buildTok.expires as number), last_reviewed_at: '2026-07-01', review_interval_days: '180' }));

  // ---- Argo CD polls the Helm repository every 5 minutes (its own fine-grained token).
  const argo = { login: 'nw-argocd', id: 171205310 };
  const argoTok = newToken('fine', 'argocd repo-server', argo, [], Date.UTC(2026, 1, 9, 11, 0), Date.UTC(2027, 1, 9));
  const argoIp = ipIn(rng, NET.awsUsEast1b);
  for (const t of cadenceTimes(rng, { anchor: WINDOW_FROM + MINUTE, period: 5 * MINUTE, jitter: 8_000 })) git(argoTok, t, 'git.fetch', repos[15] as { name: string; id: number }, argoIp, 'US', 'git/2.43.5');
  catalog.register.push(reg({ credential_id: String(argoTok.tokenId), platform: 'github', credential_type: 'fine_grained_pat', display_name: argoTok.name, owner_email: ravi.email, app_name: 'Argo CD', app_id: argo.login, business_purpose: 'GitOps sync of platform-helm to the EKS clusters', approved_pattern: 'git fetch every 5 minutes from the EKS NAT gateway', approved_cadence: 'PT5M', approved_networks: 'AS14618', scopes: 'contents:read metadata:read', created_at: isoS(argoTok.created), expires_at: isoS(argoTok.expires as number), last_reviewed_at: '2026-08-01', review_interval_days: '180' }));

  // ---- Look-alike: release bot with declared odd hours (22-04 UTC).
  const relBot = { login: 'nw-release-bot', id: 171204998 };
  const relTok = newToken('fine', 'nightly release train', relBot, [], Date.UTC(2026, 3, 2, 9, 0), Date.UTC(2027, 3, 2));
  const relIp = ipIn(rng, NET.dcAtlanta);
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + 23 * HOUR + 30 * MINUTE, period: DAY, jitter: 3 * MINUTE })) {
    const rs = [repos[0], repos[1], repos[3], repos[17]] as { name: string; id: number }[];
    let t = start;
    for (const r of rs) {
      git(relTok, t, 'git.clone', r, relIp, 'US', 'git/2.45.2');
      for (const [m, route] of [['GET', '/repos/{owner}/{repo}/releases/latest'], ['POST', '/repos/{owner}/{repo}/git/refs'], ['POST', '/repos/{owner}/{repo}/releases'], ['POST', '/repos/{owner}/{repo}/releases/{release_id}/assets']] as const) {
        t += rng.int(2, 40) * 1000;
        apiReq(relTok, t, m, route, m === 'GET' ? 200 : 201, relIp, 'US', 'nw-release-train/3.2 (octokit-rest.js/21.0.2)');
      }
      t += rng.int(20, 90) * 1000; // the release script walks the repositories back to back
    }
  }
  catalog.register.push(reg({ credential_id: String(relTok.tokenId), platform: 'github', credential_type: 'fine_grained_pat', display_name: relTok.name, owner_email: ravi.email, app_name: 'Release train', app_id: relBot.login, business_purpose: 'Cut nightly releases for four customer-facing services', approved_pattern: 'Nightly release train, cron 23:30 UTC, runs for about an hour', approved_cadence: 'P1D', approved_hours_utc: '22-04', approved_networks: '192.0.2.0/24', scopes: 'contents:write metadata:read', created_at: isoS(relTok.created), expires_at: isoS(relTok.expires as number), last_reviewed_at: '2026-10-01', review_interval_days: '180' }));
  catalog.lookalike({ id: 'github-release-bot-odd-hours', platform: 'github', entityIds: [String(relTok.tokenId), String(relTok.credentialId), relTok.hashed], mustNotFire: ['off-hours', 'human-use-of-nhi', 'cadence-break'], title: 'Release bot that works at night by design', narrative: 'nw-release-bot clones four repositories and publishes releases every night around midnight UTC. The register declares approved_hours_utc 22-04, so night-time activity is its normal pattern, not off-hours use.' });

  // ---- GitHub App (dependency updates), server-to-server tokens rotate hourly.
  const appActor = { login: 'nw-renovate[bot]', id: 189332104 };
  const appIp = ipIn(rng, NET.awsUsEast1);
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + 20 * MINUTE, period: HOUR, jitter: 5 * MINUTE })) {
    const inst = hashToken(`ghs_${rng.chars(ALNUM, 36)}`);
    burst(rng, start, 10, [300, 4000]).forEach((t) => {
      const repo = rng.pick(repos);
      push({ ...base(t, 'api.request', appActor, appIp, 'US', true), hashed_token: inst, integration: 'nw-renovate', programmatic_access_type: 'GitHub App server-to-server token', request_category: 'api', request_method: 'GET', route: rng.pick(['/repos/{owner}/{repo}/contents/{path}', '/repos/{owner}/{repo}/pulls', '/repos/{owner}/{repo}/branches/{branch}']), status_code: 200, user_agent: 'Renovate/38.124.1', repo: repo.name });
    });
  }

  // ---- Engineers: classic PATs for git over HTTPS and the gh CLI, in their own hours.
  const engineers = people.filter((p) => (p.department === 'Engineering' || p.department === 'Data Platform' || p.department === 'IT' || p.department === 'Security') && (p.status !== 'terminated' || p === jonas));
  const humanTok = new Map<Employee, Token>();
  for (const e of engineers) {
    const classic = rng.chance(0.7) || e === tyler || e === jonas;
    const tok = newToken(classic ? 'classic' : 'fine', classic ? `${e.first.toLowerCase()}-laptop` : `${e.first.toLowerCase()} cli`, gh(e), classic ? ['repo', 'read:org', 'workflow'] : [], Date.UTC(2025, rng.int(0, 11), rng.int(1, 28), 15), classic && rng.chance(0.3) ? null : Date.UTC(2027, rng.int(0, 11), rng.int(1, 28)));
    humanTok.set(e, tok);
    const end = e === jonas ? Date.UTC(2026, 9, 30, 23) : WINDOW_TO;
    for (const t of humanTimes(rng, { zone: e.zone, sessionsPerDay: 2.2, eventsPerSession: 3 }, WINDOW_FROM, end)) {
      const ip = rng.chance(0.55) ? e.officeIp : e.homeIp;
      if (rng.chance(0.55)) git(tok, t, rng.pick(['git.fetch', 'git.fetch', 'git.push', 'git.clone'] as const), rng.pick(repos), ip, NET[e.office].country, 'git/2.46.0');
      else apiReq(tok, t, rng.pick(['GET', 'GET', 'GET', 'POST', 'PATCH']), rng.pick(['/repos/{owner}/{repo}/pulls', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', '/repos/{owner}/{repo}/actions/runs', '/repos/{owner}/{repo}/issues', '/graphql']), 200, ip, NET[e.office].country, 'GitHub CLI 2.61.0');
    }
    catalog.register.push(reg({ credential_id: String(tok.tokenId), platform: 'github', credential_type: classic ? 'pat' : 'fine_grained_pat', display_name: tok.name, owner_email: e.email, app_name: classic ? 'git over HTTPS' : 'GitHub CLI', business_purpose: 'Developer access from a managed laptop', approved_pattern: 'Interactive, working hours', scopes: classic ? tok.scopes.join(' ') : 'contents:write pull_requests:write metadata:read', created_at: isoS(tok.created), expires_at: tok.expires ? isoS(tok.expires) : '', last_reviewed_at: '2026-05-12', review_interval_days: '365' }));
  }

  // ---- Story: departed engineer's PAT still cloning (Jonas left on 30 October).
  const jonasTok = humanTok.get(jonas) as Token;
  const jonasIp = jonas.homeIp;
  const jFrom = Date.UTC(2026, 10, 8, 3, 10);
  let jEnd = jFrom;
  for (let d = 0; d < 10; d++) {
    if (d === 3 || d === 7) continue;
    const start = jFrom + d * DAY + rng.int(0, 90) * MINUTE;
    burst(rng, start, rng.int(5, 12), [20_000, 240_000]).forEach((t) => { git(jonasTok, t, 'git.clone', rng.pick(repos), jonasIp, 'US', 'git/2.46.0'); jEnd = t; });
  }
  catalog.story({ id: 'github-departed-engineer-pat', kind: 'orphaned-owner', platform: 'github', entityIds: [String(jonasTok.tokenId), String(jonasTok.credentialId), jonasTok.hashed], from: jFrom, to: jEnd + MINUTE, title: "Departed engineer's PAT is still cloning repositories", narrative: `Jonas Berg left Northwind on 30 October (HR list: terminated). His classic PAT (repo, read:org, workflow) was never revoked and is still SAML-authorised: from 8 November it cloned repositories almost every night from his Denver home connection (${jonasIp}).` });

  // ---- Story: a developer's PAT in the small hours (same laptop, same network).
  const tylerTok = humanTok.get(tyler) as Token;
  const offFrom = Date.UTC(2026, 10, 11, 8, 5); // 02:05 Chicago
  let offEnd = offFrom;
  for (const night of [0, 1, 5]) {
    burst(rng, offFrom + night * DAY + rng.int(0, 30) * MINUTE, rng.int(25, 40), [30_000, 300_000]).forEach((t) => {
      if (rng.chance(0.5)) git(tylerTok, t, rng.pick(['git.clone', 'git.fetch'] as const), rng.pick(repos), tyler.homeIp, 'US', 'git/2.46.0');
      else apiReq(tylerTok, t, 'GET', rng.pick(['/repos/{owner}/{repo}/contents/{path}', '/orgs/{org}/repos', '/repos/{owner}/{repo}/actions/secrets']), 200, tyler.homeIp, 'US', 'GitHub CLI 2.61.0');
      offEnd = Math.max(offEnd, t);
    });
  }
  catalog.story({ id: 'github-pat-off-hours', kind: 'off-hours', platform: 'github', entityIds: [String(tylerTok.tokenId), String(tylerTok.credentialId), tylerTok.hashed], from: offFrom, to: offEnd + MINUTE, title: 'Developer PAT busy between 02:00 and 04:30 Chicago time', narrative: `Tyler Brooks's PAT is used on weekdays between 08:00 and 18:00 Chicago. On 11, 12 and 16 November it listed org repositories, read Actions secrets metadata and cloned repos between 02:00 and 04:30 local time — from his usual home network and client, so only the hour is unusual.` });

  // ---- Story: over-scoped classic PAT used only to clone the docs site.
  const docsOwner = rng.pick(engineers.filter((e) => e !== jonas && e !== tyler));
  const docsTok = newToken('classic', 'docs-site publisher', gh(docsOwner), ['repo', 'admin:org', 'delete_repo', 'workflow', 'admin:repo_hook', 'write:packages', 'admin:enterprise'], Date.UTC(2024, 1, 19, 10, 0), null);
  const docsIp = ipIn(rng, NET.gcpUsCentral);
  for (const start of cadenceTimes(rng, { anchor: WINDOW_FROM + 7 * HOUR, period: DAY, jitter: 10 * MINUTE, weekdays: [1, 2, 3, 4, 5] })) git(docsTok, start, 'git.clone', repos[10] as { name: string; id: number }, docsIp, 'US', 'git/2.39.5');
  catalog.register.push(reg({ credential_id: String(docsTok.tokenId), platform: 'github', credential_type: 'pat', display_name: docsTok.name, owner_email: docsOwner.email, app_name: 'Docs site build (Cloud Build)', business_purpose: 'Clone docs-site for the nightly documentation build', approved_pattern: 'Weekdays 07:00 UTC from Cloud Build', approved_cadence: 'P1D', scopes: docsTok.scopes.join(' '), created_at: isoS(docsTok.created), last_reviewed_at: '2025-02-20', review_interval_days: '365' }));
  catalog.story({ id: 'github-overscoped-docs-pat', kind: 'over-scoped', platform: 'github', entityIds: [String(docsTok.tokenId), String(docsTok.credentialId), docsTok.hashed], from: WINDOW_FROM, to: WINDOW_TO, title: 'Docs build PAT holds admin:org, delete_repo and admin:enterprise', narrative: 'The docs-site publisher PAT only ever clones one repository, yet it carries repo, admin:org, delete_repo, workflow, admin:repo_hook, write:packages and admin:enterprise, and never expires. Granted far beyond used.' });
  catalog.story({ id: 'github-docs-pat-no-expiry', kind: 'long-lived', platform: 'github', entityIds: [String(docsTok.tokenId), String(docsTok.credentialId), docsTok.hashed], from: WINDOW_FROM, to: WINDOW_TO, title: 'Admin-scoped PAT with no expiry (created February 2024)', narrative: 'The same docs publisher PAT was created without an expiry date; it has been valid for almost three years with org-admin scopes.' });

  // ---- Story: shadow credential — a contractor PAT in the logs but in no inventory.
  const contractor = { login: 'qa-vendor-sk', id: 152338817 };
  const shadowSecret = `ghp_${rng.chars(ALNUM, 36)}`;
  const shadow: Token = { kind: 'classic', tokenId: rng.int(100_000_000, 260_000_000), credentialId: 0, secret: shadowSecret, hashed: hashToken(shadowSecret), name: '', scopes: ['repo'], owner: contractor, created: 0, expires: null };
  const shIp = ipIn(rng, NET.singtelSingapore);
  const shFrom = Date.UTC(2026, 10, 9, 1, 40);
  let shEnd = shFrom;
  for (const d of [0, 1, 2, 4, 7, 8]) {
    burst(rng, shFrom + d * DAY + rng.int(0, 180) * MINUTE, rng.int(6, 18), [20_000, 200_000]).forEach((t) => {
      if (rng.chance(0.4)) git(shadow, t, 'git.clone', rng.pick([repos[5], repos[6], repos[17]] as { name: string; id: number }[]), shIp, 'SG', 'git/2.47.0.windows.2');
      else apiReq(shadow, t, 'GET', rng.pick(['/repos/{owner}/{repo}/issues', '/repos/{owner}/{repo}/pulls', '/repos/{owner}/{repo}/contents/{path}']), 200, shIp, 'SG', 'PostmanRuntime/7.42.0');
      shEnd = Math.max(shEnd, t);
    });
  }
  catalog.story({ id: 'github-shadow-contractor-pat', kind: 'shadow-credential', platform: 'github', entityIds: [String(shadow.tokenId), shadow.hashed], from: shFrom, to: shEnd + MINUTE, title: 'Contractor PAT in the audit log, absent from every inventory', narrative: `A classic PAT of outside collaborator ${contractor.login} (token_id ${shadow.tokenId}) clones the yard and driver apps and reads issues from Singapore. It is not in the SAML credential authorizations, not in the fine-grained token list and not in the register.` });

  // ---- A few fine-grained tokens that exist but are idle (inventory only).
  for (let i = 0; i < 6; i++) {
    const e = rng.pick(engineers);
    const t = newToken('fine', rng.pick(['terraform plan', 'backstage catalog', 'sbom export', 'jira sync', 'grafana annotations', 'codeql upload']), gh(e), [], Date.UTC(2026, rng.int(0, 8), rng.int(1, 28), 12), Date.UTC(2027, rng.int(0, 10), rng.int(1, 28)));
    catalog.register.push(reg({ credential_id: String(t.tokenId), platform: 'github', credential_type: 'fine_grained_pat', display_name: t.name, owner_email: e.email, app_name: t.name, business_purpose: 'Automation prototype', approved_pattern: 'Ad hoc', scopes: 'contents:read metadata:read', created_at: isoS(t.created), expires_at: isoS(t.expires as number), last_reviewed_at: '', review_interval_days: '180' }));
  }

  // ---- Write the stream: one object per 6 hours, NDJSON, gzip.
  events.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
  const chunks = new Map<number, string[]>();
  for (const e of events) {
    const slot = Math.floor((e['@timestamp'] as number) / (6 * HOUR)) * 6 * HOUR;
    const lines = chunks.get(slot) ?? [];
    lines.push(JSON.stringify(e));
    chunks.set(slot, lines);
  }
  for (const [slot, lines] of [...chunks.entries()].sort((a, b) => a[0] - b[0])) {
    const s = isoS(slot);
    out.gzip(`github/audit-log-stream/${s.slice(0, 4)}/${s.slice(5, 7)}/${s.slice(8, 10)}/${s.slice(11, 13)}/${rng.uuid()}.json.gz`, `${lines.join('\n')}\n`);
  }
  out.countEvents('github', events.length);

  // ---- Inventories.
  const ghOffset = (t: number) => new Date(t - 8 * HOUR).toISOString().replace(/Z$/, '-08:00');
  const fine = tokens.filter((t) => t.kind === 'fine');
  out.json('github/org-personal-access-tokens.json', fine.map((t) => ({
    id: t.credentialId, owner: { login: t.owner.login, id: t.owner.id, node_id: `U_kgDO${rng.chars(ALNUM, 8)}`, type: 'User', site_admin: false },
    repository_selection: 'subset', repositories_url: `https://api.github.com/organizations/${ORG_ID}/personal-access-token-requests/${t.credentialId}/repositories`,
    permissions: { organization: { members: 'read' }, repository: { metadata: 'read', contents: t.owner.login.includes('release') ? 'write' : 'read' } },
    access_granted_at: ghOffset(t.created + HOUR), token_id: t.tokenId, token_name: t.name, token_expired: (t.expires ?? Infinity) < WINDOW_TO, token_expires_at: t.expires ? ghOffset(t.expires) : null,
    token_last_used_at: t.lastUsed ? ghOffset(Math.floor(t.lastUsed / 1000) * 1000) : null,
  })));
  const classic = tokens.filter((t) => t.kind === 'classic');
  out.json('github/org-credential-authorizations.json', classic.map((t) => ({
    login: t.owner.login, credential_id: t.credentialId, credential_type: 'personal access token', token_last_eight: t.secret.slice(-8),
    credential_authorized_at: isoS(t.created + 2 * HOUR), credential_accessed_at: t.lastUsed ? isoS(Math.floor(t.lastUsed / DAY) * DAY) : null,
    authorized_credential_id: t.tokenId, authorized_credential_title: t.name, authorized_credential_note: t.name, authorized_credential_expires_at: t.expires ? isoS(t.expires) : null,
    scopes: [...t.scopes],
  })));
  out.json('github/org-installations.json', { total_count: 2, installations: [
    { id: 51877320, account: { login: ORG_SLUG, id: ORG_ID, type: 'Organization' }, repository_selection: 'all', app_id: 982214, app_slug: 'nw-renovate', target_id: ORG_ID, target_type: 'Organization', permissions: { contents: 'write', pull_requests: 'write', metadata: 'read', issues: 'write', checks: 'read' }, events: ['pull_request', 'push', 'issues'], created_at: '2025-03-11T16:22:09.000Z', updated_at: '2026-02-04T10:01:44.000Z', single_file_name: null, suspended_at: null },
    { id: 49100412, account: { login: ORG_SLUG, id: ORG_ID, type: 'Organization' }, repository_selection: 'selected', app_id: 15368, app_slug: 'github-actions', target_id: ORG_ID, target_type: 'Organization', permissions: { actions: 'write', contents: 'write', metadata: 'read' }, events: [], created_at: '2021-09-01T12:00:00.000Z', updated_at: '2021-09-01T12:00:00.000Z', single_file_name: null, suspended_at: null },
  ] });
  catalog.credential('github', 'fine_grained_pat', fine.length);
  catalog.credential('github', 'pat', classic.length);
  catalog.credential('github', 'app_installation', 2);
  return { events: events.length };
}
