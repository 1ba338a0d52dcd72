import type { FindingDetail } from '../../../../shared/contract/methods/findings';
import { BaselineChart } from '../../components/charts/BaselineChart';
import { asList, explanationFeatures, numericComparison } from '../../components/charts/explanation';
import { TriageControls } from '../cases';
import { eventsSql, inventorySql } from './findings-groups';

/** One finding: what moved (baseline vs observed per feature), the exact evidence, and its triage (the cases feature's controls). */
export function FindingDetailPanel({ finding }: { finding: FindingDetail }) {
  const features = explanationFeatures(finding.explanation);
  const eventIds = finding.eventRefs.map((r) => r.eventId).filter((id): id is number => id !== undefined);
  const key = encodeURIComponent(finding.entity.key);
  const windowParams = finding.firstSeen && finding.lastSeen ? `&from=${Date.parse(finding.firstSeen) - 86_400_000}&to=${Date.parse(finding.lastSeen) + 86_400_000}` : '';

  return (
    <section className="panel detail-panel" aria-label="Finding detail" data-testid="finding-detail">
      <p className="panel-title">
        <span className={`sev-${finding.severity}`}>{finding.severity}</span> · {finding.kind} · {finding.entity.name ?? finding.entity.key}
      </p>
      <p>{finding.summary}</p>
      <dl className="kv">
        <dt>Entity</dt>
        <dd className="mono">
          {finding.entity.type} {finding.entity.key}
        </dd>
        <dt>Seen</dt>
        <dd>
          {finding.firstSeen ?? '—'} → {finding.lastSeen ?? '—'} · {finding.eventCount} events
        </dd>
        <dt>Rule</dt>
        <dd>
          {finding.ruleId} v{finding.ruleVersion} {finding.frameworks.length ? `· ${finding.frameworks.join(', ')}` : ''}
        </dd>
      </dl>
      <p className="group-title">What moved</p>
      {features.length === 0 ? <p className="muted">This rule explains itself in the summary (posture finding).</p> : null}
      {features.map((f, i) => {
        const numeric = numericComparison(f);
        return (
          <div key={i} className="feature">
            <p>
              <strong>{f.feature}</strong> <span className="muted">{f.unusual}</span>
            </p>
            {numeric ? (
              <BaselineChart label={f.feature} value={numeric} />
            ) : (
              <dl className="kv">
                <dt>baseline</dt>
                <dd>{asList(f.baseline).map((v, j) => <span key={j} className="chip">{v}</span>)}</dd>
                <dt>observed</dt>
                <dd>{asList(f.observed).map((v, j) => <span key={j} className="chip risk-high">{v}</span>)}</dd>
              </dl>
            )}
          </div>
        );
      })}
      <p className="group-title">Evidence</p>
      <div className="inline-form">
        {finding.entity.type === 'credential' ? (
          <>
            <a className="button" href={`#/inventory?credential=${key}`}>
              Inventory record
            </a>
            <a className="button" href={`#/timeline?credential=${key}${windowParams}`}>
              Timeline around it
            </a>
          </>
        ) : null}
        <a className="button" href={`#/sql?q=${encodeURIComponent(eventsSql(eventIds))}`}>
          The {eventIds.length} events (SQL)
        </a>
        {finding.inventoryRefs.length ? (
          <a className="button" href={`#/sql?q=${encodeURIComponent(inventorySql(finding.inventoryRefs))}`}>
            The {finding.inventoryRefs.length} inventory records (SQL)
          </a>
        ) : null}
      </div>
      <p className="group-title">Triage</p>
      <TriageControls findingId={finding.id} />
    </section>
  );
}
