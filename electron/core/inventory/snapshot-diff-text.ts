import type { SnapshotDiff } from './snapshot-diff';

/** The diff as plain text for a terminal: one line per change, sections only when non-empty. */
export function formatDiff(d: SnapshotDiff): string {
  const out: string[] = [
    `old: ${d.counts.old} credential record(s), ${d.counts.oldGrants} grant(s) [${d.sources.old.join(', ')}]`,
    `new: ${d.counts.new} credential record(s), ${d.counts.newGrants} grant(s) [${d.sources.new.join(', ')}]`,
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', `${title} (${lines.length})`, ...lines.map((l) => `  ${l}`));
  };
  const who = (name: string | null, key: string) => (name ? `${name}  [${key}]` : key);
  section('Appeared', d.appeared.map((c) => `+ ${who(c.name, c.key)} owner=${c.ownerKey ?? '—'} scopes=${c.scopes.join(' ') || '—'}`));
  section('Disappeared', d.disappeared.map((c) => `- ${who(c.name, c.key)} owner=${c.ownerKey ?? '—'}`));
  section('Widened scopes', d.widenedScopes.map((c) => `${who(c.name, c.key)}: +${c.added.join(' +')}${c.removed.length ? ` -${c.removed.join(' -')}` : ''}`));
  section('Narrowed scopes', d.narrowedScopes.map((c) => `${who(c.name, c.key)}: -${c.removed.join(' -')}`));
  section('Owner changed', d.ownerChanged.map((c) => `${who(c.name, c.key)}: ${c.old ?? '—'} -> ${c.new ?? '—'}`));
  section('Re-issued (rotated or replaced)', d.reissued.map((c) => `${who(c.name, c.key)}: issued ${c.old ?? '—'} -> ${c.new ?? '—'}`));
  section('Status changed', d.statusChanged.map((c) => `${who(c.name, c.key)}: ${c.old} -> ${c.new}`));
  section('New secrets on existing apps', d.newSecretsOnExistingApps.map((s) => `${s.appName ?? s.appKey}: new ${s.credential.type} ${s.credential.key}`));
  section('Grants appeared', d.grantsAppeared.map((g) => `+ ${who(g.appName, g.key)} scopes=${g.scopes.join(' ')}`));
  section('Grants disappeared', d.grantsDisappeared.map((g) => `- ${who(g.appName, g.key)}`));
  const changes = d.appeared.length + d.disappeared.length + d.widenedScopes.length + d.narrowedScopes.length + d.ownerChanged.length + d.statusChanged.length + d.reissued.length + d.grantsAppeared.length + d.grantsDisappeared.length;
  if (changes === 0) out.push('', 'No changes.');
  // Names come from the exports: no control character may reach the terminal (escape sequences).
  // eslint-disable-next-line no-control-regex
  return out.map((l) => l.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD')).join('\n');
}
