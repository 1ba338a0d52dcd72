import { useCallback, useMemo, useState } from 'react';
import { api, useCall, useSessionStore } from '../../api';
import { navigate, useRoute } from '../../app/use-route';
import { ErrorText } from '../../components/ErrorText';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';
import { Heatmap } from '../../components/charts/Heatmap';
import { LifecycleAxis, lifecycleGlyphs } from '../../components/charts/LifecycleAxis';
import { VolumeChart } from '../../components/charts/VolumeChart';
import { cellText, decodeArrowRows, utcSecond, type Row } from '../../components/grid/arrow-rows';
import { VirtualGrid, type GridColumn } from '../../components/grid/VirtualGrid';
import '../../components/investigation.css';
import { GlobalSearch } from '../inventory/GlobalSearch';
import { usePagedRows } from '../inventory/use-paged-rows';

const purpose = 'The credential timeline shows one credential’s lifecycle, when it is active, its volume against its baseline, and its raw events.';

export function TimelineView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  const { params } = useRoute();
  return (
    <section className="view view-wide" aria-label="Timeline">
      <ViewHeader title="Timeline" subtitle="One credential’s life: issue, scopes, activity, expiry, revocation." actions={currentCase ? <GlobalSearch /> : undefined} />
      {!currentCase ? (
        <NoCaseOpen purpose={purpose} />
      ) : params.credential ? (
        <CredentialTimeline key={params.credential} caseId={currentCase.id} credential={params.credential} params={params} />
      ) : (
        <Picker caseId={currentCase.id} />
      )}
    </section>
  );
}

/** Without a credential in the URL: the busiest credentials, one click from their timeline. */
function Picker({ caseId }: { caseId: string }) {
  const busiest = useCall('inventory.query', { filter: {}, sort: { column: 'event_count', direction: 'desc' }, offset: 0, limit: 25 }, caseId);
  const rows = useMemo(() => (busiest.value ? decodeArrowRows(busiest.value.arrow).rows : []), [busiest.value]);
  return (
    <div className="panel">
      <p className="panel-title">Pick a credential</p>
      <p className="muted">Open a timeline from the inventory, a finding or the search, or start with the most active credentials:</p>
      {busiest.error ? <ErrorText code={busiest.error.code} message={busiest.error.message} /> : null}
      <ul>
        {rows.map((r) => (
          <li key={cellText(r.credential_key)}>
            <a href={`#/timeline?credential=${encodeURIComponent(cellText(r.credential_key))}`}>{cellText(r.display_name) || cellText(r.credential_key)}</a>{' '}
            <span className="muted">
              {cellText(r.platform)} · {cellText(r.event_count)} events
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const eventColumns: GridColumn<Row>[] = [
  { id: 'event_time', label: 'Time (UTC)', width: 150, render: (r) => utcSecond(r.event_time) },
  { id: 'action', label: 'Action', width: 130, render: (r) => cellText(r.action), title: (r) => cellText(r.action_raw) },
  { id: 'outcome', label: 'Outcome', width: 70, render: (r) => cellText(r.outcome) },
  { id: 'ip', label: 'IP', width: 120, render: (r) => <span className="mono">{cellText(r.ip)}</span> },
  { id: 'as_org', label: 'Network', width: 150, render: (r) => `${cellText(r.asn) ? `AS${cellText(r.asn)} ` : ''}${cellText(r.as_org)}`, title: (r) => cellText(r.as_org) },
  { id: 'country', label: 'Country', width: 60, render: (r) => cellText(r.country) },
  { id: 'user_agent', label: 'User agent', width: 220, render: (r) => cellText(r.user_agent), title: (r) => cellText(r.user_agent) },
  { id: 'resource', label: 'Resource', width: 200, render: (r) => cellText(r.resource) || cellText(r.operation), title: (r) => cellText(r.resource) },
  { id: 'rows', label: 'Rows', width: 70, numeric: true, render: (r) => cellText(r.rows) },
  { id: 'bytes', label: 'Bytes', width: 80, numeric: true, render: (r) => cellText(r.bytes) },
  { id: 'scopes', label: 'Scopes', width: 200, render: (r) => cellText(r.scopes), title: (r) => cellText(r.scopes) },
  { id: 'source', label: 'Evidence', width: 140, render: (r) => `${cellText(r.source)} #${cellText(r.record_no)}` },
];

const DAY = 86_400_000;

function CredentialTimeline({ caseId, credential, params }: { caseId: string; credential: string; params: Record<string, string> }) {
  const from = params.from ? Number(params.from) : undefined;
  const to = params.to ? Number(params.to) : undefined;
  const windowInput = { credential, ...(from !== undefined && Number.isFinite(from) ? { from } : {}), ...(to !== undefined && Number.isFinite(to) ? { to } : {}) };
  const timeline = useCall('timeline.credential', windowInput, caseId);
  const key = JSON.stringify([caseId, windowInput]);
  const fetchPage = useCallback((offset: number, limit: number) => api.invoke('timeline.events', { ...windowInput, offset, limit }), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const events = usePagedRows(key, fetchPage);
  const [selected, setSelected] = useState<number | null>(null);

  const t = timeline.value;
  const extentFrom = t?.extent.from ?? null;
  const extentTo = t?.extent.to ?? null;
  const lifeFrom = Math.min(...(t?.lifecycle.map((m) => m.at) ?? []), extentFrom ?? Infinity);
  const lifeTo = Math.max(...(t?.lifecycle.map((m) => m.at) ?? []), extentTo ?? -Infinity);
  const viewFrom = from ?? extentFrom ?? 0;
  // The default window ends one bucket after the last event so its bar fits inside the chart.
  const viewTo = to ?? (extentTo === null ? viewFrom + DAY : extentTo + (t?.volume.grain === 'day' ? DAY : DAY / 24));
  const setWindow = (a: number | null, b: number | null) => {
    const next: Record<string, string> = { credential };
    if (a !== null) next.from = String(Math.floor(a));
    if (b !== null) next.to = String(Math.ceil(b));
    navigate('timeline', next);
  };
  const zoom = (factor: number) => {
    const mid = (viewFrom + viewTo) / 2;
    const half = ((viewTo - viewFrom) * factor) / 2;
    setWindow(mid - half, mid + half);
  };
  const selectedRow = selected === null ? undefined : events.getRow(selected);

  if (timeline.error && !t) return <ErrorText code={timeline.error.code} message={timeline.error.message} />;
  if (!t) return <p className="muted">Loading…</p>;
  return (
    <div className="inventory-main">
      <section className="panel detail-panel" aria-label="Credential">
        <p className="panel-title">{t.credential.name ?? t.credential.key}</p>
        <dl className="kv">
          <dt>Key</dt>
          <dd className="mono">{t.credential.key}</dd>
          <dt>Platform / type</dt>
          <dd>
            {t.credential.platform} / {t.credential.type}
          </dd>
          <dt>Owner</dt>
          <dd>{t.credential.owner ?? '—'}</dd>
          <dt>App</dt>
          <dd>{t.credential.app ?? '—'}</dd>
          <dt>Status</dt>
          <dd>{t.credential.status}</dd>
          <dt>Scopes</dt>
          <dd>{t.credential.scopes.join(' ') || '—'}</dd>
        </dl>
        <div className="inline-form">
          <a className="button" href={`#/inventory?credential=${encodeURIComponent(credential)}`}>
            Inventory record
          </a>
          <a className="button" href={`#/findings?entity=${encodeURIComponent(credential)}`}>
            Findings
          </a>
        </div>
      </section>
      <p className="group-title">Lifecycle</p>
      {Number.isFinite(lifeFrom) && Number.isFinite(lifeTo) ? <LifecycleAxis marks={t.lifecycle} from={lifeFrom - DAY} to={lifeTo + DAY} /> : <p className="muted">No dated lifecycle facts.</p>}
      <ul className="lifecycle-legend" data-testid="lifecycle">
        {t.lifecycle.map((m, i) => (
          <li key={i}>
            <span aria-hidden="true">{lifecycleGlyphs[m.kind] ?? '•'}</span> {utcSecond(m.at)} — {m.label}
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <span className="group-title">
          Window {utcSecond(viewFrom)} → {utcSecond(viewTo)} UTC · {t.eventCount.toLocaleString('en-US')} events
        </span>
        <button type="button" onClick={() => zoom(0.5)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(2)}>
          Zoom out
        </button>
        <button type="button" onClick={() => setWindow(null, null)} disabled={from === undefined && to === undefined}>
          Whole history
        </button>
        <span className="muted">Drag across the volume chart to zoom.</span>
      </div>
      <p className="group-title">
        Volume per {t.volume.grain}
        {t.volume.baseline ? ` — band: normal range from the ${t.volume.baseline.source === 'detections' ? 'detection baseline' : 'credential’s own history'}` : ''}
      </p>
      <VolumeChart points={t.volume.points} grain={t.volume.grain} baseline={t.volume.baseline} from={viewFrom} to={viewTo} onZoom={(a, b) => setWindow(a, b)} />
      <p className="group-title">Activity by day and UTC hour</p>
      <Heatmap cells={t.heatmap} />
      <p className="group-title">Raw events</p>
      {events.error ? <ErrorText code={events.error.code} message={events.error.message} /> : null}
      <VirtualGrid
        label="Events"
        testId="timeline-events"
        columns={eventColumns}
        rowCount={events.total ?? 0}
        getRow={events.getRow}
        onRangeChange={events.onRangeChange}
        selected={selected}
        onSelect={setSelected}
        height={360}
      />
      {selectedRow ? (
        <section className="panel detail-panel" aria-label="Selected event">
          <p className="panel-title">Event {cellText(selectedRow.event_id)}</p>
          <dl className="kv">
            {Object.entries(selectedRow).map(([k, v]) => (
              <div key={k} className="kv-row">
                <dt>{k}</dt>
                <dd>{k === 'event_time' ? utcSecond(v) : cellText(v) || '—'}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
