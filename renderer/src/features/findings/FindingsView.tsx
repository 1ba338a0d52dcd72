import { useMemo, useState } from 'react';
import { callOrReport, useCall, useSessionStore } from '../../api';
import { navigate, useRoute } from '../../app/use-route';
import { ErrorText } from '../../components/ErrorText';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';
import '../../components/investigation.css';
import { GlobalSearch } from '../inventory/GlobalSearch';
import { FindingDetailPanel } from './FindingDetailPanel';
import { groupFindings, type GroupBy } from './findings-groups';

const purpose = 'Findings lists what the detections found — posture problems and behaviour that moved away from its baseline — with the evidence behind each.';

export function FindingsView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view view-wide" aria-label="Findings">
      <ViewHeader title="Findings" subtitle="What looks wrong, why, and the exact records behind it." actions={currentCase ? <GlobalSearch /> : undefined} />
      {currentCase ? <FindingsBody caseId={currentCase.id} /> : <NoCaseOpen purpose={purpose} />}
    </section>
  );
}

function FindingsBody({ caseId }: { caseId: string }) {
  const { params } = useRoute();
  const group: GroupBy = params.group === 'kind' || params.group === 'entity' ? params.group : 'severity';
  const [runVersion, setRunVersion] = useState(0);
  const [running, setRunning] = useState(false);
  const list = useCall('findings.list', { limit: 1000, ...(params.entity ? { entityKey: params.entity.slice(0, 512) } : {}) }, [caseId, runVersion]);
  const groups = useMemo(() => groupFindings(list.value?.findings ?? [], group), [list.value, group]);
  const set = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...params, ...next })) if (v) merged[k] = v;
    navigate('findings', merged);
  };
  const run = async () => {
    setRunning(true);
    const result = await callOrReport('detections.run', {}, 'Running detections');
    setRunning(false);
    if (result.ok) setRunVersion((v) => v + 1);
  };

  return (
    <div className="inventory-main">
      <div className="toolbar">
        <label>
          Group by{' '}
          <select value={group} onChange={(e) => set({ group: e.target.value })}>
            <option value="severity">severity</option>
            <option value="kind">kind</option>
            <option value="entity">entity</option>
          </select>
        </label>
        {params.entity ? (
          <span className="chip" data-testid="entity-filter">
            entity {params.entity}{' '}
            <button type="button" className="link-button" aria-label="Clear entity filter" onClick={() => set({ entity: undefined })}>
              ✕
            </button>
          </span>
        ) : null}
        <span className="toolbar-count" data-testid="findings-total">
          {list.value ? `${list.value.total.toLocaleString('en-US')} findings` : 'Loading…'}
        </span>
        <button type="button" onClick={() => void run()} disabled={running}>
          {running ? 'Running detections…' : 'Run detections'}
        </button>
      </div>
      {list.error ? <ErrorText code={list.error.code} message={list.error.message} /> : null}
      {list.value && list.value.total === 0 ? <p className="muted">No findings in the latest run. Run detections after importing evidence.</p> : null}
      <div className="split">
        <div className="finding-list" role="list" aria-label="Findings">
          {groups.map((g) => (
            <div key={g.group} role="listitem">
              <p className="group-title">
                {g.label} <span className="muted">({g.findings.length})</span>
              </p>
              {g.findings.map((f) => (
                <button
                  type="button"
                  key={f.id}
                  className="finding-row"
                  aria-current={params.finding === f.id ? 'true' : undefined}
                  onClick={() => set({ finding: f.id })}
                  data-finding-id={f.id}
                >
                  <span className={`sev-${f.severity}`}>{f.severity}</span>
                  <span className="finding-summary">
                    <strong>{f.kind}</strong> · {f.entity.name ?? f.entity.key}
                    <br />
                    <span className="muted">{f.summary}</span>
                  </span>
                </button>
              ))}
            </div>
          ))}
        </div>
        <div>
          {params.finding ? (
            <FindingDetailLoader key={params.finding} findingId={params.finding} version={[caseId, runVersion]} />
          ) : (
            <p className="muted">Pick a finding to see what moved and the evidence behind it.</p>
          )}
        </div>
      </div>
    </div>
  );
}

/** Loads one finding only when the URL names one (no request for an empty selection). */
function FindingDetailLoader({ findingId, version }: { findingId: string; version: unknown }) {
  const detail = useCall('findings.detail', { findingId }, version);
  if (detail.value) return <FindingDetailPanel finding={detail.value} />;
  if (detail.error) return <ErrorText code={detail.error.code} message={detail.error.message} />;
  return <p className="muted">Loading…</p>;
}
