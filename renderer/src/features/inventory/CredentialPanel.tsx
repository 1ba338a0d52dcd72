import { cellText, utcMinute, type Row } from '../../components/grid/arrow-rows';

export interface CredentialPanelProps {
  credentialKey: string;
  row: Row;
}

/** The selected credential: its key fields and where to go next (timeline, findings, only this row). */
export function CredentialPanel({ credentialKey, row }: CredentialPanelProps) {
  const q = encodeURIComponent(credentialKey);
  return (
    <section className="panel detail-panel" aria-label="Selected credential">
      <p className="panel-title">{cellText(row.display_name) || credentialKey}</p>
      <dl className="kv">
        <dt>Key</dt>
        <dd className="mono">{credentialKey}</dd>
        <dt>Owner</dt>
        <dd>{cellText(row.owner) || '—'}</dd>
        <dt>App</dt>
        <dd>{cellText(row.app_name) || '—'}</dd>
        <dt>Scopes</dt>
        <dd>{cellText(row.scopes) || '—'}</dd>
        <dt>Created / expires</dt>
        <dd>
          {utcMinute(row.created_at) || '—'} / {utcMinute(row.expires_at) || '—'}
        </dd>
        <dt>Risk</dt>
        <dd className={`risk-${cellText(row.risk)}`}>{cellText(row.risk)}</dd>
      </dl>
      <div className="inline-form">
        <a className="button" href={`#/timeline?credential=${q}`}>
          Timeline
        </a>
        <a className="button" href={`#/findings?entity=${q}`}>
          Findings ({cellText(row.findings) || '0'})
        </a>
        <a className="button" href={`#/inventory?credential=${q}`}>
          Only this credential
        </a>
      </div>
    </section>
  );
}
