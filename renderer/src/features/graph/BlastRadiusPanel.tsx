import type { BlastRadius } from '../../../../shared/contract/methods/graph';
import { navigate } from '../../app/use-route';
import { timelineWindow } from './links';

const n = (x: number) => x.toLocaleString('en-US');
const when = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');

export interface BlastRadiusPanelProps {
  radius: BlastRadius;
  onShowInGraph(): void;
  onClose(): void;
}

/** The one-step answer: what the target exposes and what it did in the window. All values render as text. */
export function BlastRadiusPanel({ radius, onShowInGraph, onClose }: BlastRadiusPanelProps) {
  const t = radius.totals;
  const name = radius.apps[0]?.name ?? radius.target.ref;
  return (
    <section className="panel graph-blast" aria-label="Blast radius" data-testid="blast-radius">
      <div className="graph-blast-head">
        <h2 className="panel-title">
          Blast radius of {radius.target.kind} <span data-testid="blast-target">{radius.target.kind === 'app' ? name : radius.target.ref}</span>
        </h2>
        <div className="inline-form">
          <button type="button" onClick={onShowInGraph}>
            Show in graph
          </button>
          <button type="button" onClick={onClose} aria-label="Close blast radius">
            Close
          </button>
        </div>
      </div>
      <p data-testid="blast-summary">
        {n(radius.credentials.length)} credential(s) · {n(radius.owners.length)} owner(s) · {n(radius.apps.length)} app record(s) · {n(radius.scopes.length)} scope(s) ·{' '}
        {n(radius.systems.length)} system(s). In {when(radius.window.from)} – {when(radius.window.to)}: {n(t.events)} event(s), {n(t.rows)} row(s), {n(t.bytes)} byte(s)
        from {n(t.ips)} IP(s), {when(t.first)} – {when(t.last)}.
      </p>

      <h3 className="group-title">Systems</h3>
      <table className="graph-table" data-testid="blast-systems">
        <thead>
          <tr><th>System</th><th>Granted</th><th>Used</th><th>Events</th><th>Rows</th><th>Bytes</th></tr>
        </thead>
        <tbody>
          {radius.systems.map((s) => (
            <tr key={s.key}>
              <td>{s.name} <span className="muted">{s.key}</span></td>
              <td>{s.granted ? 'yes' : 'no'}</td>
              <td>{s.used ? 'yes' : 'no'}</td>
              <td>{n(s.events)}</td>
              <td>{n(s.rows)}</td>
              <td>{n(s.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="group-title">What it did{radius.activityTruncated ? ' (largest first; more in the timeline)' : ''}</h3>
      <table className="graph-table" data-testid="blast-activity">
        <thead>
          <tr><th>Object</th><th>Action</th><th>System</th><th>Events</th><th>Rows</th><th>Bytes</th><th>IPs</th><th>Failures</th><th>First</th><th>Last</th></tr>
        </thead>
        <tbody>
          {radius.activity.slice(0, 50).map((a, i) => (
            <tr key={i}>
              <td>{a.resource ?? '—'}</td>
              <td>{a.action}</td>
              <td>{a.systemKey ?? '—'}</td>
              <td>{n(a.events)}</td>
              <td>{n(a.rows)}</td>
              <td>{n(a.bytes)}</td>
              <td>{n(a.ips)}</td>
              <td>{n(a.failures)}</td>
              <td>{when(a.first)}</td>
              <td>{when(a.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="group-title">Credentials</h3>
      <table className="graph-table" data-testid="blast-credentials">
        <thead>
          <tr><th>Credential</th><th>Type</th><th>Owner</th><th>Status</th><th>Events in window</th><th>Findings</th><th></th></tr>
        </thead>
        <tbody>
          {radius.credentials.map((c) => (
            <tr key={c.key}>
              <td>{c.name ?? c.key} <span className="muted">{c.key}</span>{c.inInventory ? '' : ' (seen only in logs)'}</td>
              <td>{c.type}</td>
              <td>{c.owner ?? c.ownerKey ?? '—'}</td>
              <td>{c.status}</td>
              <td>{n(c.events)}</td>
              <td>{c.findings ? `${c.findings} (${c.severity ?? '?'})` : '0'}</td>
              <td>
                <button type="button" className="link-button" onClick={() => navigate('timeline', { credential: c.key, ...timelineWindow(radius.window.from, radius.window.to) })}>
                  Timeline
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="graph-blast-columns">
        <div>
          <h3 className="group-title">Owners</h3>
          <ul className="graph-list" data-testid="blast-owners">
            {radius.owners.map((o) => (
              <li key={o.key}>{o.name ?? o.email ?? o.key} <span className="muted">{o.kind}, HR {o.hrStatus}, {o.credentials} credential(s)</span></li>
            ))}
          </ul>
          <h3 className="group-title">Scopes</h3>
          <ul className="graph-list" data-testid="blast-scopes">
            {radius.scopes.length === 0 ? <li className="muted">No granted scopes recorded.</li> : null}
            {radius.scopes.map((s) => (
              <li key={`${s.platform}:${s.scope}`}>{s.scope} <span className="muted">{s.platform}, {s.risk ?? 'not in catalogue'}{s.systemKey ? ` → ${s.systemKey}` : ''}</span></li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="group-title">Networks</h3>
          <ul className="graph-list" data-testid="blast-networks">
            {radius.networks.map((x) => (
              <li key={x.ip}>{x.ip} <span className="muted">{x.asn ? `AS${x.asn} ` : ''}{x.asOrg ?? ''} {x.country ?? ''} · {n(x.events)} event(s)</span></li>
            ))}
          </ul>
          <h3 className="group-title">User agents</h3>
          <ul className="graph-list" data-testid="blast-user-agents">
            {radius.userAgents.map((u) => (
              <li key={u.userAgent}>
                <code>{u.userAgent}</code> <span className="muted">{n(u.events)} event(s)</span>
              </li>
            ))}
          </ul>
          <h3 className="group-title">Open findings</h3>
          <ul className="graph-list" data-testid="blast-findings">
            {radius.findings.length === 0 ? <li className="muted">None (run detections from Findings).</li> : null}
            {radius.findings.map((f) => (
              <li key={f.id}>
                <button type="button" className="link-button" onClick={() => navigate('findings', { entity: f.entityKey, finding: f.id })}>
                  {f.severity} · {f.ruleId}
                </button>{' '}
                {f.summary}
              </li>
            ))}
          </ul>
          <h3 className="group-title">App records matched</h3>
          <ul className="graph-list">
            {radius.apps.map((a) => (
              <li key={a.key}>{a.name ?? a.key} <span className="muted">{a.key} · {a.matchedBy}</span></li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
