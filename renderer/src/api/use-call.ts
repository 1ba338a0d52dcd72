import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { api } from './client-instance';

export interface CallState<T> {
  /** The last value that loaded; kept when a refresh fails, so the view does not go blank. */
  value: T | null;
  /** Why the latest call failed, if it did. */
  error: ErrorInfo | null;
  loading: boolean;
  reload(): void;
}

/**
 * Read data for a view: calls `method` on mount and whenever the input (compared as JSON) or
 * `version` changes, ignores answers that arrive after a newer call started, and never throws.
 */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>, version: unknown = null): CallState<MethodOutput<M>> {
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const key = JSON.stringify([method, input, version]);
  const request = `${nonce}:${key}`;
  // `settled` names the request the value/error answer; loading is derived, not a second state.
  const [state, setState] = useState<{ value: MethodOutput<M> | null; error: ErrorInfo | null; settled: string | null }>({
    value: null,
    error: null,
    settled: null,
  });

  useEffect(() => {
    let live = true;
    const [m, i] = JSON.parse(key) as [M, MethodInput<M>];
    void api.invoke(m, i).then((result) => {
      if (!live) return;
      setState((previous) =>
        result.ok
          ? { value: result.value, error: null, settled: request }
          : { value: previous.value, error: result.error, settled: request },
      );
    });
    return () => {
      live = false;
    };
  }, [key, request]);

  return { value: state.value, error: state.error, loading: state.settled !== request, reload };
}
