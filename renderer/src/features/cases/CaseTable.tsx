import type { CaseSummary } from '../../../../shared/contract';
import { formatBytes, formatUtc } from '../../lib/format';

export interface CaseTableProps {
  cases: CaseSummary[];
  currentId: string | null;
  busy: boolean;
  onOpen(caseId: string): void;
  onClose(): void;
}

export function CaseTable({ cases, currentId, busy, onOpen, onClose }: CaseTableProps) {
  return (
    <table className="data-table" aria-label="Cases in the workspace">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">File</th>
          <th scope="col">Created</th>
          <th scope="col">Modified</th>
          <th scope="col" className="numeric">
            Size
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const isOpen = c.id === currentId;
          return (
            <tr key={c.id} aria-current={isOpen ? 'true' : undefined} className={isOpen ? 'is-current' : undefined} data-case-id={c.id}>
              <th scope="row" className="case-name">
                {c.name}
                {isOpen ? <span className="badge">open</span> : null}
                {c.problem ? <div className="row-problem">{c.problem}</div> : null}
              </th>
              <td className="mono">{c.fileName}</td>
              <td>{formatUtc(c.createdAt)}</td>
              <td>{formatUtc(c.modifiedAt)}</td>
              <td className="numeric">{formatBytes(c.bytes)}</td>
              <td className="row-actions">
                {isOpen ? (
                  <button type="button" onClick={onClose} disabled={busy} aria-label={`Close case ${c.name}`}>
                    Close
                  </button>
                ) : (
                  <button type="button" onClick={() => onOpen(c.id)} disabled={busy || c.problem !== null} aria-label={`Open case ${c.name}`}>
                    Open
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
