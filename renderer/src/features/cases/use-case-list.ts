import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary, ErrorInfo } from '../../../../shared/contract';
import { api } from '../../api';

export interface CaseListState {
  /** The last list that loaded; kept when a refresh fails, so the user still sees their cases. */
  cases: CaseSummary[] | null;
  /** Why the latest refresh failed, if it did. */
  error: ErrorInfo | null;
}

/** The workspace's cases, re-read whenever `version` changes (a case opened, closed or created). */
export function useCaseList(version: string): { state: CaseListState; reload: () => void } {
  const [state, setState] = useState<CaseListState>({ cases: null, error: null });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    void api.invoke('case.list', {}).then((result) => {
      if (!live) return;
      setState((previous) => (result.ok ? { cases: result.value.cases, error: null } : { cases: previous.cases, error: result.error }));
    });
    return () => {
      live = false;
    };
  }, [version, nonce]);

  return { state, reload };
}
