import { useState } from 'react';
import type { ErrorInfo, MethodOutput } from '../../../../shared/contract';
import { api, useCall } from '../../api';
import { ErrorText } from '../../components/ErrorText';

/** The case's analyst action log (newest first) and a check of its hash chain. */
export function ActionLogPanel({ caseId }: { caseId: string }) {
  const [version, setVersion] = useState(0);
  const log = useCall('actionLog.list', { limit: 20, offset: 0 }, `${caseId}:${version}`);
  const [verdict, setVerdict] = useState<MethodOutput<'actionLog.verify'> | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function verify() {
    const result = await api.invoke('actionLog.verify', {});
    setVerdict(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
    setVersion((v) => v + 1);
  }

  return (
    <div className="panel" aria-label="Action log">
      <p className="panel-title">Action log</p>
      <p className="muted">Every analyst action in this case, hash-chained: editing any past entry breaks the chain.</p>
      <button type="button" onClick={() => void verify()}>
        Verify chain
      </button>
      {verdict ? (
        <p role="status" data-testid="chain-verdict">
          {verdict.ok
            ? `Chain intact: ${verdict.rows} entr${verdict.rows === 1 ? 'y' : 'ies'}.`
            : `Chain BROKEN at entry ${verdict.brokenAt ?? '?'}: ${verdict.reason ?? ''}`}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          <ErrorText code={error.code} message={error.message} />
        </p>
      ) : null}
      {log.error ? (
        <p className="field-error" role="alert">
          <ErrorText code={log.error.code} message={log.error.message} />
        </p>
      ) : null}
      {log.value && log.value.entries.length > 0 ? (
        <table className="data-table">
          <caption className="muted">
            Latest {log.value.entries.length} of {log.value.total}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {log.value.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{e.actedAt.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
