import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InventoryColumn, InventoryFacetColumn } from '../../../../shared/contract/methods/inventory';
import type { MethodOutput } from '../../../../shared/contract';
import { api, useSessionStore } from '../../api';
import { navigate, useRoute } from '../../app/use-route';
import { ErrorText } from '../../components/ErrorText';
import { GlobalSearch } from './GlobalSearch';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';
import { cellText, type Row } from '../../components/grid/arrow-rows';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import '../../components/investigation.css';
import { ColumnChooser } from './ColumnChooser';
import { CredentialPanel } from './CredentialPanel';
import { downloadText } from '../../lib/download';
import { FacetPanel } from './FacetPanel';
import { defaultVisibleColumns, inventoryGridColumns } from './inventory-columns';
import { paramsFromState, stateFromParams, toggleFacet, type InventoryState } from './inventory-route';
import { usePagedRows } from './use-paged-rows';

const purpose =
  'Inventory lists every credential found in the evidence — owner, platform, app, scopes, created / expires / last used / last reviewed, purpose, status and risk — in one table.';

const COLUMNS_KEY = 'tokenscope.inventory.columns';

function savedColumns(): InventoryColumn[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(parsed) && parsed.every((c) => typeof c === 'string' && c in inventoryGridColumns) && parsed.length) return parsed as InventoryColumn[];
  } catch {
    // A damaged preference is not worth an error: fall back to the defaults.
  }
  return defaultVisibleColumns;
}

export function InventoryView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view view-wide" aria-label="Inventory">
      <ViewHeader title="Inventory" subtitle="What is present: every credential from every source." actions={currentCase ? <GlobalSearch /> : undefined} />
      {currentCase ? <InventoryBody caseId={currentCase.id} /> : <NoCaseOpen purpose={purpose} />}
    </section>
  );
}

function InventoryBody({ caseId }: { caseId: string }) {
  const { params } = useRoute();
  const state = useMemo(() => stateFromParams(params), [params]);
  const [visible, setVisible] = useState<InventoryColumn[]>(savedColumns);
  const [selected, setSelected] = useState<number | null>(null);
  const [exportError, setExportError] = useState<{ code: string; message: string } | null>(null);

  const setState = (next: InventoryState) => {
    setSelected(null);
    navigate('inventory', paramsFromState(next));
  };
  const key = JSON.stringify([caseId, state]);
  const fetchPage = useCallback((offset: number, limit: number) => api.invoke('inventory.query', { filter: state.filter, sort: state.sort, offset, limit }), [state]);
  const rows = usePagedRows(key, fetchPage);
  // Facet counts scan the whole inventory once per facet: ask only after the first page is on screen,
  // so they never delay it.
  const [facets, setFacets] = useState<MethodOutput<'inventory.facets'> | null>(null);
  const pageReady = rows.loadedKey === key;
  // Keyed by the filter's content: a sort changes the URL but not the counts, so no new facet scan.
  const filterKey = JSON.stringify([caseId, state.filter]);
  const facetsFor = useRef<string | null>(null);
  useEffect(() => {
    if (!pageReady || facetsFor.current === filterKey) return;
    facetsFor.current = filterKey;
    let answered = false;
    const [, filter] = JSON.parse(filterKey) as [string, InventoryState['filter']];
    void api.invoke('inventory.facets', { filter }).then((r) => {
      answered = true;
      // Counts for the filter on screen only (a later filter may have replaced it meanwhile).
      if (r.ok && facetsFor.current === filterKey) setFacets(r.value);
    });
    return () => {
      // Unanswered when the filter changed: let the next effect ask again for whatever is current.
      if (!answered && facetsFor.current === filterKey) facetsFor.current = null;
    };
  }, [pageReady, filterKey]);

  const columns = useMemo(() => visible.map((c) => inventoryGridColumns[c]), [visible]);
  const onSort = (column: string) => {
    const same = state.sort.column === column;
    setState({ ...state, sort: { column: column as InventoryColumn, direction: same && state.sort.direction === 'desc' ? 'asc' : 'desc' } });
  };
  const exportAs = async (format: 'csv' | 'json') => {
    const result = await api.invoke('inventory.export', { filter: state.filter, sort: state.sort, columns: visible, format });
    if (!result.ok) {
      setExportError(result.error);
      return;
    }
    setExportError(null);
    downloadText(result.value.fileName, result.value.mediaType, result.value.content);
  };
  const selectedRow: Row | undefined = selected === null ? undefined : rows.getRow(selected);

  return (
    <div className="inventory-layout">
      <FacetPanel facets={facets?.facets ?? null} filter={state.filter} onToggle={(f: InventoryFacetColumn, v) => setState({ ...state, filter: toggleFacet(state.filter, f, v) })} />
      <div className="inventory-main">
        <div className="toolbar">
          {/* Keyed by the URL's text so back/forward put the box back in step with the grid. */}
          <form
            key={state.filter.text ?? ''}
            className="inline-form"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              const text = String(new FormData(e.currentTarget).get('q') ?? '').trim();
              setState({ ...state, filter: { ...state.filter, text: text || undefined } });
            }}
          >
            <label className="visually-hidden" htmlFor="inventory-filter">
              Filter credentials
            </label>
            <input id="inventory-filter" name="q" type="search" placeholder="Filter: key, name, owner, app, purpose" defaultValue={state.filter.text ?? ''} />
            <button type="submit">Filter</button>
          </form>
          {state.filter.credential ? (
            <span className="chip" data-testid="credential-filter">
              credential {state.filter.credential}{' '}
              <button type="button" className="link-button" onClick={() => setState({ ...state, filter: { ...state.filter, credential: undefined } })} aria-label="Clear credential filter">
                ✕
              </button>
            </span>
          ) : null}
          <span className="toolbar-count" data-testid="inventory-total" aria-live="polite">
            {rows.total === null ? 'Loading…' : `${rows.total.toLocaleString('en-US')} credentials`}
          </span>
          <ColumnChooser
            visible={visible}
            onChange={(next) => {
              setVisible(next);
              localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
            }}
          />
          <button type="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
        </div>
        {rows.error ? <ErrorText code={rows.error.code} message={rows.error.message} /> : null}
        {exportError ? <ErrorText code={exportError.code} message={exportError.message} /> : null}
        <VirtualGrid
          label="Credentials"
          testId="inventory-grid"
          columns={columns}
          rowCount={rows.total ?? 0}
          getRow={rows.getRow}
          onRangeChange={rows.onRangeChange}
          sort={state.sort}
          onSort={onSort}
          selected={selected}
          onSelect={setSelected}
          height="calc(100vh - 260px)"
        />
        <span hidden data-testid="inventory-loaded" data-key={rows.loadedKey ?? ''} />
        {selectedRow ? <CredentialPanel credentialKey={cellText(selectedRow.credential_key)} row={selectedRow} /> : null}
      </div>
    </div>
  );
}
