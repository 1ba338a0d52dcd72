import { useState } from 'react';
import { mappingTargets, type ColumnMapping } from '../../../../shared/contract/methods/upload';
import type { Inspection, SentFile } from './upload-files';

const labels: Record<(typeof mappingTargets)[number], string> = {
  time: 'Time *',
  action: 'Action *',
  outcome: 'Outcome',
  actor: 'Actor',
  ip: 'IP address',
  userAgent: 'User agent',
  credentialId: 'Credential id',
  appId: 'App id',
  appName: 'App name',
  resource: 'Resource',
  bytes: 'Bytes',
  rows: 'Rows',
};

/** Guess a column for each field from common header names; the analyst confirms or changes it. */
function guess(columns: string[]): ColumnMapping['columns'] {
  const find = (re: RegExp) => columns.find((c) => re.test(c));
  const guessed: ColumnMapping['columns'] = {
    time: find(/^(time|timestamp|date|when|event_?time|created_?at|@timestamp)$/i),
    action: find(/^(action|event|event_?type|operation|what|activity)$/i),
    outcome: find(/^(outcome|result|status)$/i),
    actor: find(/^(actor|user|who|principal|username|email)$/i),
    ip: find(/(^ip$|ip_?addr|source_?ip|client_?ip|^from$)/i),
    userAgent: find(/(user_?agent|^agent$|^ua$)/i),
    credentialId: find(/(token|key|credential)/i),
  };
  return Object.fromEntries(Object.entries(guessed).filter(([, v]) => v)) as ColumnMapping['columns'];
}

/** The mapping a file starts with: guessed columns, platform 'other', API tokens. */
export function initialMapping(inspection: Inspection): ColumnMapping {
  return { platform: 'other', credentialType: 'api_token', columns: guess(inspection.columns) };
}

/** A mapping the backend accepts: at least time and action. */
export function usable(mapping: ColumnMapping): boolean {
  return !!mapping.columns.time && !!mapping.columns.action;
}

export interface ColumnMapperProps {
  file: SentFile;
  inspection: Inspection;
  onChange(mapping: ColumnMapping | null): void;
}

/** Map an unrecognised export's columns to event fields; the first rows show what each column holds. */
export function ColumnMapper({ file, inspection, onChange }: ColumnMapperProps) {
  const [mapping, setMapping] = useState<ColumnMapping>(() => initialMapping(inspection));
  const [enabled, setEnabled] = useState(true);
  const update = (next: ColumnMapping, on = enabled) => {
    setMapping(next);
    onChange(on && usable(next) ? next : null);
  };
  return (
    <section className="panel detail-panel" aria-label={`Column mapping for ${file.name}`} data-testid="column-mapper">
      <p className="panel-title">{file.name}: not a known export</p>
      <p className="muted">{inspection.detail}</p>
      <label>
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
            update(mapping, e.target.checked);
          }}
        />{' '}
        Import it as events with this column mapping
      </label>
      <div className="mapper-grid">
        {mappingTargets.map((t) => (
          <label key={t}>
            <span>{labels[t]}</span>
            <select
              value={mapping.columns[t] ?? ''}
              onChange={(e) => update({ ...mapping, columns: { ...mapping.columns, [t]: e.target.value || undefined } })}
              disabled={!enabled}
            >
              <option value="">—</option>
              {inspection.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          <span>Platform</span>
          <input value={mapping.platform} onChange={(e) => update({ ...mapping, platform: e.target.value.toLowerCase() })} disabled={!enabled} />
        </label>
        <label>
          <span>Credential type</span>
          <input value={mapping.credentialType} onChange={(e) => update({ ...mapping, credentialType: e.target.value.toLowerCase() })} disabled={!enabled} />
        </label>
      </div>
      <div className="mapper-sample">
        <table className="data-table" aria-label={`First rows of ${file.name}`}>
          <thead>
            <tr>
              {inspection.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inspection.sample.map((row, i) => (
              <tr key={i}>
                {inspection.columns.map((c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
