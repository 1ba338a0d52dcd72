export interface NoCaseOpenProps {
  /** What this view shows once a case is open, in one or two sentences. */
  purpose: string;
}

/** The empty state every case-bound view shows before a case is open. */
export function NoCaseOpen({ purpose }: NoCaseOpenProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">No case open</p>
      <div className="empty-state-body">
        <p>{purpose}</p>
        <p>Open or create a case first: a case is one file on disk that holds the evidence you import and everything found in it.</p>
      </div>
      <div className="empty-state-action">
        <a className="button" href="#/cases">
          Go to Cases
        </a>
      </div>
    </div>
  );
}
