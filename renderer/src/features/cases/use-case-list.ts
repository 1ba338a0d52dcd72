import type { CaseSummary } from '../../../../shared/contract';
import { useCall, type CallState } from '../../api';

/** The workspace's cases, re-read whenever `version` changes (a case opened, closed or created). */
export function useCaseList(version: string): CallState<{ cases: CaseSummary[] }> {
  return useCall('case.list', {}, version);
}
