import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary, ErrorInfo } from '../../../../shared/contract';
import { api } from '../../api';

export type CaseListState =
  | { status: 'loading' }
  | { status: 'error'; error: ErrorInfo }
  | { status: 'ready'; cases: CaseSummary[] };

/** The workspace's cases, re-read whenever `version` changes (a case opened, closed or created). */
export function useCaseList(version: string): { state: CaseListState; reload: () => void } {
  const [state, setState] = useState<CaseListState>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    void api.invoke('case.list', {}).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', cases: result.value.cases } : { status: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [version, nonce]);

  return { state, reload };
}
