import { useState } from 'react';
import { useCall } from '../../api';
import { ErrorText } from '../../components/ErrorText';

const PAGE = 50;

/** One file's rejected records: reason, byte offset and the raw bytes as escaped text (or base64). */
export function RejectsBrowser({ fileId, caseId }: { fileId: number; caseId: string }) {
  const [offset, setOffset] = useState(0);
  const [showBase64, setShowBase64] = useState(false);
  const rejects = useCall('evidence.rejects', { fileId, offset, limit: PAGE }, caseId);
  const total = rejects.value?.total ?? 0;
  return (
    <section className="panel detail-panel" aria-label="Rejected records" data-testid="rejects">
      <p className="panel-title">
        Rejected records of file {fileId}: {total.toLocaleString('en-US')}
      </p>
      <div className="inline-form">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Previous
        </button>
        <span className="muted">
          {total ? `${offset + 1}–${Math.min(total, offset + PAGE)}` : '0'} of {total}
        </span>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Next
        </button>
        <label>
          <input type="checkbox" checked={showBase64} onChange={(e) => setShowBase64(e.target.checked)} /> raw bytes as base64
        </label>
      </div>
      {rejects.error ? <ErrorText code={rejects.error.code} message={rejects.error.message} /> : null}
      {(rejects.value?.rows ?? []).map((r) => (
        <article key={r.recordNo} className="reject">
          <p>
            Record {r.recordNo}
            {r.byteOffset !== null ? ` at byte ${r.byteOffset}` : ''} · <code>{r.reasonCode}</code> {r.reason} ·{' '}
            <span className="muted">
              {r.rawLength} bytes, sha256 {r.rawSha256.slice(0, 12)}…{r.truncated ? ' (showing the first part)' : ''}
            </span>
          </p>
          <pre className="raw-bytes">{showBase64 ? r.rawBase64 : r.rawText}</pre>
        </article>
      ))}
    </section>
  );
}
