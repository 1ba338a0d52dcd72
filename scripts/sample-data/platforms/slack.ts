import { reg } from '../lib/catalog';
import type { GenContext } from '../lib/context';
import { humanTimes } from '../lib/rhythm';
import { person, placeAt, type Employee } from '../lib/world';
import { pages } from '../lib/output';

/** Slack Enterprise Grid Audit Logs API pages (`{"entries":[...],"response_metadata":{...}}`, newest first, epoch-second dates). */
const TEAM = 'T02NWLOG7QH';

interface SlackApp { id: string; name: string; scopes: string[]; distributed: boolean; owner: Employee; installed: number }

export function generateSlack(ctx: GenContext): { events: number } {
  const { rng, catalog, out, people } = ctx;
  const entries: Record<string, unknown>[] = [];
  const ws = people.filter((p) => p.status !== 'terminated');
  const ravi = person(people, 'Ravi', 'Menon');
  const appId = () => `A0${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 9)}`;
  const location = { type: 'workspace', id: TEAM, name: 'Northwind Logistics', domain: 'northwind-logistics' };
  const userActor = (e: Employee) => ({ type: 'user', user: { id: e.slackId, name: e.displayName, email: e.email, team: TEAM } });
  const entry = (t: number, action: string, actor: Employee, entity: Record<string, unknown>, details?: Record<string, unknown>, officeShare = 1) => {
    const at = placeAt(rng, actor, t, officeShare);
    if (!at) return;
    entries.push({
    id: rng.uuid(), date_create: Math.floor(t / 1000), action, actor: userActor(actor), entity,
    context: { location, ua: actor.browserUa, ip_address: at.ip, session_id: rng.int(1_000_000_000, 9_999_999_999) },
      ...(details ? { details } : {}),
    });
  };
  const appEntity = (a: SlackApp, scopes = a.scopes) => ({ type: 'app', app: { id: a.id, name: a.name, is_distributed: a.distributed, is_directory_approved: true, is_workflow_app: false, scopes } });
  const eng = ws.filter((p) => p.department === 'Engineering');
  const apps: SlackApp[] = [
    ['Jira Cloud', ['commands', 'chat:write', 'links:read', 'links:write', 'users:read'], true],
    ['GitHub', ['commands', 'chat:write', 'links:read', 'links:write', 'channels:read'], true],
    ['PagerDuty', ['commands', 'chat:write', 'channels:read', 'users:read', 'users:read.email'], true],
    ['Google Drive', ['links:read', 'links:write', 'chat:write'], true],
    ['Salesforce', ['commands', 'chat:write', 'links:read', 'users:read.email'], true],
    ['Zoom', ['commands', 'chat:write', 'calls:write'], true],
    ['Dispatch Alerts', ['chat:write', 'chat:write.public', 'incoming-webhook'], false],
    ['Standup Buddy', ['commands', 'chat:write', 'users:read'], true],
    ['Deploy Notifier', ['chat:write', 'chat:write.public'], false],
    ['Polly', ['commands', 'chat:write', 'reactions:read'], true],
    ['Donut', ['chat:write', 'im:write', 'users:read', 'channels:manage'], true],
    ['Loom', ['links:read', 'links:write'], true],
  ].map(([name, scopes, distributed]) => ({ id: appId(), name: name as string, scopes: scopes as string[], distributed: distributed as boolean, owner: rng.pick(eng.length ? eng : ws), installed: Date.UTC(2022 + rng.int(0, 3), rng.int(0, 11), rng.int(1, 28)) }));

  // Logins (the bulk of the audit log) and routine app events.
  for (const e of ws) for (const t of humanTimes(rng, { zone: e.zone, sessionsPerDay: 0.12, eventsPerSession: 1 })) entry(t, 'user_login', e, { type: 'user', user: { id: e.slackId, name: e.displayName, email: e.email, team: TEAM } }, undefined, 0.6);
  const loom = apps[11] as SlackApp;
  loom.installed = Date.UTC(2026, 9, 20, 16, 4, 11);
  entry(loom.installed, 'app_approved', ravi, appEntity(loom));
  entry(loom.installed + 40_000, 'app_installed', loom.owner, appEntity(loom), { is_internal_integration: false, is_token_rotation_enabled_app: false, granular_bot_token: true });

  // ---- Story: Standup Buddy quietly widens its scopes to read every channel, DM and file.
  const buddy = apps[7] as SlackApp;
  const escalateAt = Date.UTC(2026, 10, 13, 17, 22, 48);
  const newScopes = [...buddy.scopes, 'channels:history', 'groups:history', 'im:history', 'mpim:history', 'files:read', 'users:read.email'];
  entry(escalateAt, 'app_scopes_expanded', buddy.owner, appEntity(buddy, newScopes), { granular_bot_token: true, is_internal_integration: false, is_token_rotation_enabled_app: false, new_scopes: newScopes, previous_scopes: buddy.scopes, app_owner_id: buddy.owner.slackId, bot_scopes: newScopes });
  entry(escalateAt + 5_000, 'bot_token_upgraded', buddy.owner, appEntity(buddy, newScopes), { is_internal_integration: false, is_token_rotation_enabled_app: false, granular_bot_token: true });
  entry(escalateAt + 9_000, 'app_resources_granted', buddy.owner, appEntity(buddy, newScopes), { export_start_ts: null, export_end_ts: null, type: 'channel', channel_count: 214 });
  catalog.story({ id: 'slack-standup-buddy-scope-expansion', kind: 'scope-escalation', platform: 'slack', entityIds: [buddy.id], from: escalateAt, to: escalateAt + 10_000, title: 'Standup Buddy asks for the history of every channel, DM and file', narrative: `On 13 November a re-authorisation of the Standup Buddy app (${buddy.id}) expanded its bot scopes from commands/chat:write/users:read to channels:history, groups:history, im:history, mpim:history, files:read and users:read.email — far beyond posting stand-up prompts — and was granted 214 channels.` });

  entries.sort((a, b) => (b.date_create as number) - (a.date_create as number) || (a.id as string).localeCompare(b.id as string));
  const ps = pages(entries, 1000);
  ps.forEach((p, i) => out.text(`slack/audit-logs-page-${String(i + 1).padStart(3, '0')}.json`, `${JSON.stringify({ entries: p, response_metadata: { next_cursor: i + 1 < ps.length ? Buffer.from(`next_ts:${(p[p.length - 1] as { date_create: number }).date_create}`).toString('base64') : '' } })}\n`));
  out.countEvents('slack', entries.length);
  for (const a of apps) {
    const scopes = a === buddy ? newScopes : a.scopes;
    catalog.register.push(reg({ credential_id: a.id, platform: 'slack', credential_type: 'bot_token', display_name: `${a.name} bot token`, owner_email: a.owner.email, app_name: a.name, app_id: a.id, business_purpose: a === buddy ? 'Post daily stand-up prompts and collect answers' : `${a.name} notifications and commands`, approved_pattern: 'Event-driven bot', scopes: a === buddy ? a.scopes.join(' ') : scopes.join(' '), created_at: new Date(a.installed).toISOString().slice(0, 10), last_reviewed_at: '2026-04-01', review_interval_days: '365' }));
  }
  catalog.credential('slack', 'bot_token', apps.length);
  return { events: entries.length };
}
