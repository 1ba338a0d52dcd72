import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { decodeArrowRows, type Row } from '../../components/grid/arrow-rows';

export interface PageAnswer {
  total: number;
  arrow: string;
}

export interface PagedRows {
  total: number | null;
  getRow(index: number): Row | undefined;
  onRangeChange(start: number, end: number): void;
  /** The query key whose first page has arrived (for tests and the benchmark). */
  loadedKey: string | null;
  error: { code: string; message: string } | null;
}

const PAGE = 200;
const SETTLE_MS = 40;

/**
 * Rows of a large server-side result, fetched page by page as the grid scrolls. `key` identifies
 * the query (filter + sort): a new key drops the cache, and answers for an old key are ignored.
 */
export function usePagedRows(key: string, fetchPage: (offset: number, limit: number) => Promise<{ ok: true; value: PageAnswer } | { ok: false; error: { code: string; message: string } }>): PagedRows {
  const pages = useRef(new Map<number, Row[] | 'loading'>());
  const current = useRef(key);
  const [, setTick] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  }, [fetchPage]);

  const load = useCallback((page: number) => {
    if (pages.current.has(page)) return;
    pages.current.set(page, 'loading');
    const forKey = current.current;
    void fetchRef.current(page * PAGE, PAGE).then((result) => {
      if (current.current !== forKey) return;
      if (!result.ok) {
        pages.current.delete(page);
        setError(result.error);
        return;
      }
      pages.current.set(page, decodeArrowRows(result.value.arrow).rows);
      setTotal(result.value.total);
      setError(null);
      if (page === 0) setLoadedKey(forKey);
      setTick((t) => t + 1);
    });
  }, []);

  useEffect(() => {
    current.current = key;
    pages.current = new Map();
    load(0);
  }, [key, load]);

  const getRow = useCallback((index: number) => {
    const page = pages.current.get(Math.floor(index / PAGE));
    return Array.isArray(page) ? page[index % PAGE] : undefined;
  }, []);

  // While the user flings through a million rows, every frame shows a different range: only fetch
  // the range the grid settles on, so the backend is not busy sorting pages nobody will see.
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onRangeChange = useCallback(
    (start: number, end: number) => {
      if (settle.current) clearTimeout(settle.current);
      settle.current = setTimeout(() => {
        for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p += 1) load(p);
      }, SETTLE_MS);
    },
    [load],
  );
  useEffect(() => () => {
    if (settle.current) clearTimeout(settle.current);
  }, []);

  return { total: loadedKey === key ? total : null, getRow, onRangeChange, loadedKey, error };
}
