import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import {
  inventoryColumns,
  inventoryFacetColumns,
  type InventoryColumn,
  type InventoryFacetColumn,
  type InventoryFilter,
} from '../../../shared/contract/methods/inventory';
import { resultToArrowBase64 } from '../db/arrow';
import { ensureGrid } from './query-grid';

export interface InventorySort {
  column: InventoryColumn;
  direction: 'asc' | 'desc';
}

interface Where {
  sql: string;
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

/**
 * WHERE clause for a filter. Column names come from the fixed facet list, never from the input's
 * text; every value is bound. `skip` leaves one facet out (a facet's counts ignore its own choice).
 */
export function buildWhere(filter: InventoryFilter, skip?: InventoryFacetColumn): Where {
  const parts: string[] = [];
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  if (filter.text && filter.text.trim()) {
    parts.push(`contains(search_text, $text)`);
    values.text = filter.text.trim().toLowerCase();
    types.text = VARCHAR;
  }
  if (filter.credential) {
    parts.push(`credential_key = $credential`);
    values.credential = filter.credential;
    types.credential = VARCHAR;
  }
  for (const column of inventoryFacetColumns) {
    const chosen = filter[column];
    if (column === skip || !chosen || chosen.length === 0) continue;
    parts.push(`list_contains($f_${column}, coalesce(CAST(${column} AS VARCHAR), '(none)'))`);
    values[`f_${column}`] = listValue(chosen);
    types[`f_${column}`] = LIST(VARCHAR);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values, types };
}

/** ORDER BY from the whitelisted column; risk sorts by rank, scopes by count; ties broken by key so pages are stable. */
export function buildOrder(sort: InventorySort): string {
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  const expr = sort.column === 'risk' ? 'risk_rank' : sort.column === 'scopes' ? 'len(scopes)' : sort.column;
  if (!(inventoryColumns as readonly string[]).includes(sort.column)) throw new Error(`not a column: ${sort.column}`);
  return `ORDER BY ${expr} ${dir} NULLS LAST, credential_key ASC`;
}

const SELECT_COLUMNS = inventoryColumns.join(', ');

export async function queryInventory(
  conn: DuckDBConnection,
  input: { filter: InventoryFilter; sort: InventorySort; offset: number; limit: number },
): Promise<{ total: number; offset: number; arrow: string; tookMs: number }> {
  const started = performance.now();
  const grid = await ensureGrid(conn);
  const where = buildWhere(input.filter);
  const total = Number(
    (await conn.runAndReadAll(`SELECT count(*) AS n FROM ${grid} ${where.sql}`, where.values, where.types)).getRowObjectsJS()[0]?.n ?? 0,
  );
  const page = await conn.runAndReadAll(
    `SELECT ${SELECT_COLUMNS} FROM ${grid} ${where.sql} ${buildOrder(input.sort)} LIMIT $limit OFFSET $offset`,
    { ...where.values, limit: input.limit, offset: input.offset },
    where.types,
  );
  return { total, offset: input.offset, arrow: resultToArrowBase64(page), tookMs: Math.round(performance.now() - started) };
}

export async function inventoryFacets(
  conn: DuckDBConnection,
  filter: InventoryFilter,
): Promise<{ facets: Record<string, { value: string; count: number }[]>; total: number }> {
  const grid = await ensureGrid(conn);
  const facets: Record<string, { value: string; count: number }[]> = {};
  for (const column of inventoryFacetColumns) {
    const where = buildWhere(filter, column);
    const rows = (
      await conn.runAndReadAll(
        `SELECT coalesce(CAST(${column} AS VARCHAR), '(none)') AS value, count(*) AS n FROM ${grid} ${where.sql} GROUP BY 1 ORDER BY n DESC, value LIMIT 50`,
        where.values,
        where.types,
      )
    ).getRowObjectsJS();
    facets[column] = rows.map((r) => ({ value: String(r.value), count: Number(r.n) }));
  }
  const where = buildWhere(filter);
  const total = Number(
    (await conn.runAndReadAll(`SELECT count(*) AS n FROM ${grid} ${where.sql}`, where.values, where.types)).getRowObjectsJS()[0]?.n ?? 0,
  );
  return { facets, total };
}

/** Rows of the current view as plain JS values for export (capped). */
export async function inventoryRows(
  conn: DuckDBConnection,
  input: { filter: InventoryFilter; sort: InventorySort; columns: InventoryColumn[]; maxRows: number },
): Promise<{ rows: Record<string, unknown>[]; truncated: boolean }> {
  const grid = await ensureGrid(conn);
  const where = buildWhere(input.filter);
  const columns = input.columns.filter((c) => (inventoryColumns as readonly string[]).includes(c));
  const select = columns
    .map((c) => (['created_at', 'expires_at', 'last_used_at', 'last_reviewed_at'].includes(c) ? `strftime(${c} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS ${c}` : c))
    .join(', ');
  const rows = (
    await conn.runAndReadAll(`SELECT ${select} FROM ${grid} ${where.sql} ${buildOrder(input.sort)} LIMIT $limit`, { ...where.values, limit: input.maxRows + 1 }, where.types)
  ).getRowObjectsJS();
  const truncated = rows.length > input.maxRows;
  return { rows: truncated ? rows.slice(0, input.maxRows) : rows, truncated };
}
