import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './grid.css';

export interface GridColumn<R> {
  id: string;
  label: string;
  width: number;
  numeric?: boolean;
  sortable?: boolean;
  render(row: R): ReactNode;
  /** Plain text for the cell's tooltip (long values are cut off visually). */
  title?(row: R): string;
}

export interface GridSort {
  column: string;
  direction: 'asc' | 'desc';
}

export interface VirtualGridProps<R> {
  label: string;
  columns: GridColumn<R>[];
  rowCount: number;
  /** The row at an index, or undefined while its page is loading. */
  getRow(index: number): R | undefined;
  /** Called with the rendered index range so the owner can fetch missing pages. */
  onRangeChange?(start: number, end: number): void;
  sort?: GridSort;
  onSort?(column: string): void;
  selected?: number | null;
  onSelect?(index: number): void;
  height?: number | string;
  rowHeight?: number;
  testId?: string;
}

/**
 * A dense, virtualised grid in the spirit of Timeline Explorer: only the rows in view exist in the
 * DOM, so a million-row result scrolls as smoothly as a hundred. Cells render as React text nodes,
 * never HTML. Keyboard: arrows / PageUp / PageDown / Home / End move the selection.
 */
export function VirtualGrid<R>({
  label,
  columns,
  rowCount,
  getRow,
  onRangeChange,
  sort,
  onSort,
  selected = null,
  onSelect,
  height = 480,
  rowHeight = 24,
  testId,
}: VirtualGridProps<R>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual re-renders through its own state; the React Compiler simply skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);

  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const move = (to: number) => {
    if (rowCount === 0) return;
    const index = Math.max(0, Math.min(rowCount - 1, to));
    onSelect?.(index);
    virtualizer.scrollToIndex(index);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 480) / rowHeight) - 1);
    const at = selected ?? -1;
    const keys: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: rowCount - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key] ?? 0);
    }
  };

  return (
    <div
      className="vgrid"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      data-testid={testId}
      data-rows={rowCount}
      ref={scrollRef}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ height }}
    >
      <div className="vgrid-head" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
        {columns.map((c) => {
          const sorted = sort?.column === c.id ? sort.direction : null;
          return (
            <div
              key={c.id}
              role="columnheader"
              className={`vgrid-cell${c.numeric ? ' numeric' : ''}`}
              style={{ width: c.width }}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            >
              {onSort && c.sortable !== false ? (
                <button type="button" className="vgrid-sort" onClick={() => onSort(c.id)} title={`Sort by ${c.label}`}>
                  {c.label}
                  <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                </button>
              ) : (
                c.label
              )}
            </div>
          );
        })}
      </div>
      <div className="vgrid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((item) => (
          <GridRow
            key={item.key}
            index={item.index}
            start={item.start}
            height={rowHeight}
            row={getRow(item.index)}
            columns={columns}
            selected={selected === item.index}
            onSelect={onSelect}
          />
        ))}
      </div>
    </div>
  );
}

interface GridRowProps<R> {
  index: number;
  start: number;
  height: number;
  row: R | undefined;
  columns: GridColumn<R>[];
  selected: boolean;
  onSelect?(index: number): void;
}

/**
 * One row, memoised: while scrolling only rows that enter the window render; rows already on
 * screen keep their DOM (the virtualiser moves them with a transform).
 */
const GridRow = memo(function GridRow<R>({ index, start, height, row, columns, selected, onSelect }: GridRowProps<R>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`vgrid-row${selected ? ' is-selected' : ''}${index % 2 ? ' is-odd' : ''}`}
      style={{ transform: `translateY(${start}px)`, height }}
      onClick={() => onSelect?.(index)}
    >
      {columns.map((c) => (
        <div key={c.id} role="gridcell" className={`vgrid-cell${c.numeric ? ' numeric' : ''}`} style={{ width: c.width }} title={row && c.title ? c.title(row) : undefined}>
          {row ? c.render(row) : <span className="vgrid-loading">…</span>}
        </div>
      ))}
    </div>
  );
}) as <R>(props: GridRowProps<R>) => ReactNode;
