import { createHash } from 'node:crypto';
import { barChart, columnChart } from './charts';
import { severityOrder, type ReportData, type ReportFinding } from './data';
import { escapeAttr, escapeText, fragment, h, toHtml, type Child, type Markup } from './markup';

/** The report's only stylesheet. Its SHA-256 goes in the CSP, so no other style can apply. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 4px; }
.muted { color: var(--muted); } code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--panel); } nav ol { columns: 2; }
.finding { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; border: 1px solid var(--line); }
.sev-critical { fill: #8b0000; background: #8b0000; color: #fff; } .sev-high { fill: #cf222e; background: #cf222e; color: #fff; }
.sev-medium { fill: #bf8700; background: #bf8700; color: #fff; } .sev-low { fill: #0969da; background: #0969da; color: #fff; }
.sev-info { fill: #57606a; background: #57606a; color: #fff; } .bar { fill: #0969da; }
.ok { color: #1a7f37; font-weight: 600; } .bad { color: #cf222e; font-weight: 700; } .warn { color: #9a6700; font-weight: 600; }
.chart { display: block; margin: 8px 0; max-width: 100%; height: auto; } .chart-label, .chart-value { font-size: 11px; fill: var(--fg); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; } .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 130px; }
.card strong { display: block; font-size: 22px; } dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dt { color: var(--muted); } dd { margin: 0; word-break: break-word; }
@media print { body { max-width: none; } h2 { break-after: avoid; } }
`;

export const REPORT_CSP = (css: string) =>
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; img-src data:; base-uri 'none'; form-action 'none'`;

const sections = [
  ['summary', 'Executive summary'],
  ['charts', 'Charts'],
  ['findings', 'Findings by severity'],
  ['affected', 'Affected credentials and blast radius'],
  ['timeline', 'Timeline'],
  ['frameworks', 'Framework mapping'],
  ['evidence', 'Evidence manifest'],
  ['provenance', 'Tool, rules, datasets and action log'],
] as const;

const sevBadge = (s: string) => h('span', { class: `badge sev-${s}` }, s);
const triageLabel = (f: ReportFinding) =>
  f.triage ? `${f.triage.effectiveState.replace('_', ' ')}${f.triage.expiresAt ? ` until ${f.triage.expiresAt}` : ''}` : 'open (untriaged)';
const value = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function table(header: string[], rows: Child[][]): Markup {
  return h('table', null, h('thead', null, h('tr', null, header.map((c) => h('th', null, c)))), h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c))))));
}

function section(id: (typeof sections)[number][0], ...children: Child[]): Markup {
  const title = sections.find(([s]) => s === id)![1];
  return h('section', { id, 'data-section': id }, h('h2', null, title), children);
}

function summary(d: ReportData): Markup {
  const bySev = severityOrder.map((s) => [s, d.findings.filter((f) => f.severity === s).length] as const);
  const inState = (state: string) => d.findings.filter((f) => (f.triage?.effectiveState ?? 'open') === state).length;
  const confirmed = inState('confirmed');
  const untriaged = inState('open');
  const triageNote = [
    inState('false_positive') ? `${inState('false_positive')} false positive(s)` : '',
    inState('accepted_risk') ? `${inState('accepted_risk')} accepted risk(s) with an expiry` : '',
  ].filter(Boolean);
  const mismatched = d.evidence.filter((e) => e.status === 'mismatch');
  const unreachable = d.evidence.filter((e) => e.status === 'unreachable').length;
  const top = d.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').slice(0, 8);
  return section(
    'summary',
    h(
      'p',
      null,
      d.run
        ? `Analysis of ${d.evidence.length} evidence file(s) as of ${d.run.asOf} (analysis window from ${d.run.analysisStart}) found ${d.findings.length} finding(s) on ${d.entities.length} identit${d.entities.length === 1 ? 'y' : 'ies'}` +
            `${d.suppressed ? `; ${d.suppressed} more are suppressed by the analyst` : ''}. ${confirmed} confirmed, ${untriaged} open` +
            `${triageNote.length ? `, ${triageNote.join(', ')}` : ''}.`
        : `No detection run in this case yet: ${d.evidence.length} evidence file(s) imported, no findings computed.`,
    ),
    h('div', { class: 'cards' }, bySev.map(([s, n]) => h('div', { class: 'card' }, h('strong', null, n), sevBadge(s)))),
    h(
      'p',
      null,
      'Evidence integrity: ',
      mismatched.length
        ? h('span', { class: 'bad' }, `VERIFICATION FAILED for ${mismatched.length} file(s): ${mismatched.map((e) => e.fileName).join(', ')}`)
        : h('span', { class: 'ok' }, `${d.evidence.length - unreachable} file(s) re-verified`),
      unreachable ? h('span', { class: 'warn' }, ` (${unreachable} no longer at their import path, not re-verified)`) : null,
      '. Action log: ',
      d.chain.ok ? h('span', { class: 'ok' }, `hash chain intact (${d.chain.rows} entries)`) : h('span', { class: 'bad' }, `HASH CHAIN BROKEN at entry ${d.chain.brokenAt}: ${d.chain.reason}`),
      '.',
    ),
    top.length ? fragment(h('h3', null, 'Most severe'), h('ul', null, top.map((f) => h('li', null, sevBadge(f.severity), ' ', f.summary, ' — ', h('span', { class: 'mono' }, f.entity.name ?? f.entity.key))))) : null,
  );
}

function charts(d: ReportData): Markup {
  const bySev = severityOrder.map((s) => ({ label: s, value: d.findings.filter((f) => f.severity === s).length, className: `sev-${s}` }));
  const kinds = new Map<string, number>();
  for (const f of d.findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  const byKind = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, value]) => ({ label, value }));
  return section('charts', columnChart('Findings by severity', bySev), byKind.length ? barChart('Findings by kind', byKind) : h('p', { class: 'muted' }, 'No findings.'));
}

function findingBlock(f: ReportFinding): Markup {
  return h(
    'article',
    { class: 'finding', id: `f-${f.id}` },
    h('h3', null, sevBadge(f.severity), ' ', f.summary),
    h(
      'dl',
      null,
      h('dt', null, 'Rule'), h('dd', null, `${f.ruleTitle} (${f.ruleId} v${f.ruleVersion})`),
      h('dt', null, 'Entity'), h('dd', null, `${f.entity.type} `, h('span', { class: 'mono' }, f.entity.key), f.entity.name ? ` — ${f.entity.name}` : ''),
      h('dt', null, 'Identifiers'), h('dd', { class: 'mono' }, f.entity.ids.join(', ')),
      h('dt', null, 'Window'), h('dd', null, `${f.firstSeen ?? '—'} → ${f.lastSeen ?? '—'} (${f.eventCount} event(s))`),
      h('dt', null, 'Triage'), h('dd', null, triageLabel(f), f.tags.length ? ` · tags: ${f.tags.join(', ')}` : ''),
      h('dt', null, 'Frameworks'), h('dd', null, f.frameworks.join(', ')),
      h('dt', null, 'Evidence records'), h('dd', { class: 'mono' }, [...f.inventoryRefs, ...f.eventRefs].slice(0, 10).map((r) => `${r.sha256.slice(0, 12)}…#${r.record}`).join(', ') || '—'),
    ),
    h('h4', null, 'Why (baseline vs observed)'),
    h('dl', null, Object.entries(f.explanation).map(([k, v]) => fragment(h('dt', null, k), h('dd', { class: typeof v === 'object' ? 'mono' : null }, value(v))))),
    f.notes.length ? fragment(h('h4', null, 'Analyst notes'), h('ul', null, f.notes.map((n) => h('li', null, n)))) : null,
  );
}

function findings(d: ReportData): Markup {
  return section(
    'findings',
    d.findings.length === 0 ? h('p', { class: 'muted' }, 'No findings.') : null,
    severityOrder.map((s) => {
      const list = d.findings.filter((f) => f.severity === s);
      return list.length ? fragment(h('h3', null, `${s[0]!.toUpperCase()}${s.slice(1)} (${list.length})`), list.map(findingBlock)) : null;
    }),
  );
}

function affected(d: ReportData): Markup {
  return section(
    'affected',
    d.entities.length === 0 ? h('p', { class: 'muted' }, 'No identity has an open finding.') : null,
    d.entities.map((e) =>
      h(
        'div',
        { class: 'finding' },
        h('h3', null, sevBadge(e.maxSeverity), ' ', e.name ?? e.key),
        h('dl', null,
          h('dt', null, 'Key'), h('dd', { class: 'mono' }, e.key),
          h('dt', null, 'Kind / platform'), h('dd', null, `${e.type} / ${e.platform ?? '—'}`),
          h('dt', null, 'Findings'), h('dd', null, e.findings),
          e.blastRadius.map(([label, v]) => fragment(h('dt', null, label), h('dd', null, v))),
        ),
      ),
    ),
  );
}

function timeline(d: ReportData): Markup {
  const dated = d.findings.filter((f) => f.firstSeen).sort((a, b) => a.firstSeen!.localeCompare(b.firstSeen!) || a.id.localeCompare(b.id));
  const perDay = new Map<string, number>();
  for (const f of dated) perDay.set(f.firstSeen!.slice(0, 10), (perDay.get(f.firstSeen!.slice(0, 10)) ?? 0) + 1);
  const days = [...perDay].sort((a, b) => a[0].localeCompare(b[0]));
  return section(
    'timeline',
    days.length ? columnChart('Findings by first-seen day (UTC)', days.map(([label, value]) => ({ label: label.slice(5), value })), Math.max(420, days.length * 48)) : null,
    table(
      ['First seen', 'Last seen', 'Severity', 'Finding', 'Entity'],
      dated.map((f) => [f.firstSeen, f.lastSeen ?? '—', sevBadge(f.severity), f.summary, h('span', { class: 'mono' }, f.entity.name ?? f.entity.key)]),
    ),
  );
}

function frameworks(d: ReportData): Markup {
  return section(
    'frameworks',
    table(
      ['Framework', 'Control', 'Title', 'Findings', 'Rules'],
      d.frameworks.map((r) => [r.family, h('span', { class: 'mono' }, r.id.split(':').slice(1).join(':')), r.title || '—', r.findings, r.rules.join(', ')]),
    ),
  );
}

function evidence(d: ReportData): Markup {
  const status = (s: string) => h('span', { class: s === 'verified' ? 'ok' : s === 'mismatch' ? 'bad' : 'warn' }, s === 'mismatch' ? 'MISMATCH' : s);
  return section(
    'evidence',
    h('p', null, 'Every file was hashed (SHA-256) when it was imported and again when this report was generated, if it was still at its import path.'),
    table(
      ['File', 'SHA-256 at import', 'Verification', 'Bytes', 'Source / shape', 'Records seen / loaded / rejected'],
      d.evidence.map((e) => [
        fragment(e.fileName, h('br', null), h('span', { class: 'mono muted' }, e.path)),
        h('span', { class: 'mono' }, e.sha256),
        fragment(status(e.status), e.status === 'mismatch' ? fragment(h('br', null), h('span', { class: 'mono' }, `now ${e.actualSha256}`)) : null),
        e.bytes,
        `${e.source} / ${e.shape}`,
        `${e.recordsSeen} / ${e.recordsLoaded} / ${e.recordsRejected}`,
      ]),
    ),
  );
}

function provenance(d: ReportData): Markup {
  return section(
    'provenance',
    h(
      'dl',
      null,
      h('dt', null, 'Tool'), h('dd', null, `${d.tool.name} ${d.tool.version} (DuckDB ${d.tool.duckdb})`),
      h('dt', null, 'Case'), h('dd', null, `${d.case.name} — ${d.case.fileName} (schema ${d.case.schemaVersion}, created ${d.case.createdAt})`),
      h('dt', null, 'Detection run'), h('dd', null, d.run ? `#${d.run.runId} as of ${d.run.asOf}, analysis from ${d.run.analysisStart}, by ${d.run.toolVersion}` : 'none'),
      h('dt', null, 'Rules version'), h('dd', { class: 'mono' }, d.run?.rulesVersion ?? '—'),
      h('dt', null, 'Rules with findings'), h('dd', null, d.rules.map((r) => `${r.id} v${r.version}`).join(', ') || '—'),
      h('dt', null, 'Datasets'), h('dd', null, d.datasets.join('; ') || '—'),
      h('dt', null, `Dataset digest (v${d.digest.version})`), h('dd', { class: 'mono' }, d.digest.digest),
      h('dt', null, 'Action log head'), h('dd', { class: 'mono' }, d.chain.ok ? d.chain.head : `broken at ${d.chain.brokenAt}`),
    ),
    h('h3', null, 'Dataset digest by table'),
    table(['Table', 'Rows', 'SHA-256'], d.digest.tables.map((t) => [t.name, t.rows, h('span', { class: 'mono' }, t.sha256)])),
    h('h3', null, 'Analyst action log'),
    table(
      ['#', 'When (UTC)', 'Who', 'What', 'Detail', 'Row hash'],
      d.log.map((e) => [e.seq, e.actedAt, e.actor, e.action, h('span', { class: 'mono' }, value(e.detail)), h('span', { class: 'mono' }, e.rowHash ? `${e.rowHash.slice(0, 16)}…` : '—')]),
    ),
  );
}

/** The whole report: one self-contained HTML document, no script, nothing loaded from anywhere. */
export function renderReportHtml(d: ReportData): string {
  const title = `Tokenscope report — ${d.case.name}`;
  const body = fragment(
    h('header', null, h('h1', null, title), h('p', { class: 'muted' }, `Generated ${d.generatedAt} by ${d.tool.name} ${d.tool.version}.`)),
    h('nav', { 'aria-label': 'Contents' }, h('ol', null, sections.map(([, t]) => h('li', null, t)))),
    h('main', null, summary(d), charts(d), findings(d), affected(d), timeline(d), frameworks(d), evidence(d), provenance(d)),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(REPORT_CSP(REPORT_CSS))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    toHtml(body),
    '</body></html>',
    '',
  ].join('\n');
}
