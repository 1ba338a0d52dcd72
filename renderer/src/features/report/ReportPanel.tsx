import { useState } from 'react';
import type { ErrorInfo, MethodOutput } from '../../../../shared/contract';
import { api } from '../../api';
import { ErrorText } from '../../components/ErrorText';
import { downloadText } from '../../lib/download';
import { reportFileName } from './save-file';

type Summary = Omit<MethodOutput<'report.html'>, 'html'> & { fileName: string };

/**
 * Generate the case report (one self-contained HTML file, no script) and save it. The backend
 * re-hashes every evidence file while generating; the result is shown here so a changed file
 * is never missed.
 */
export function ReportPanel({ caseName }: { caseName: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);

  async function generate() {
    setBusy(true);
    setError(null);
    const result = await api.invoke('report.html', {});
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { html, ...rest } = result.value;
    const fileName = reportFileName(caseName, new Date());
    downloadText(fileName, 'text/html', html);
    setSummary({ ...rest, fileName });
  }

  const e = summary?.evidence;
  return (
    <div className="panel" aria-label="Report">
      <p className="panel-title">Report</p>
      <p>
        One HTML file for someone else to read and check: summary, findings with explanations, affected credentials, timeline, framework mapping,
        and the evidence manifest with hashes. It opens offline and runs no script.
      </p>
      <button type="button" onClick={() => void generate()} disabled={busy}>
        {busy ? 'Generating…' : 'Generate report'}
      </button>
      {busy ? (
        <p className="muted" role="status">
          Re-verifying every evidence file and building the report…
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          <ErrorText code={error.code} message={error.message} />
        </p>
      ) : null}
      {summary && e ? (
        <dl className="report-summary" data-testid="report-summary">
          <dt>Saved</dt>
          <dd>{summary.fileName}</dd>
          <dt>Findings</dt>
          <dd>{summary.findings}</dd>
          <dt>Evidence</dt>
          <dd role={e.mismatch > 0 ? 'alert' : undefined}>
            {e.verified} verified
            {e.mismatch > 0 ? `, ${e.mismatch} CHANGED since import` : ''}
            {e.unreachable > 0 ? `, ${e.unreachable} no longer at their import path` : ''}
          </dd>
          <dt>Action log</dt>
          <dd>{summary.chainOk ? 'hash chain intact' : 'HASH CHAIN BROKEN'}</dd>
          <dt>Dataset digest</dt>
          <dd className="mono">{summary.datasetDigest}</dd>
          <dt>Report SHA-256</dt>
          <dd className="mono">{summary.htmlSha256}</dd>
        </dl>
      ) : null}
    </div>
  );
}
