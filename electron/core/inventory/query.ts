import { BIGINT, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import {
  inventoryColumns,
  inventoryFacetColumns,
  type InventoryColumn,
  type InventoryFacetColumn,
  type InventoryFilter,
} from '../../../shared/contract/methods/inventory';
import { resultToArrowBase64 } from '../db/arrow';
import { ensureGrid, gridGeneration } from './query-grid';

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
  return `ORDER BY ${expr} ${dir} NULLS LAST, key_no ASC`;
}

const SELECT_COLUMNS = inventoryColumns.join(', ');

export async function queryInventory(
  conn: DuckDBConnection,
  input: { filter: InventoryFilter; sort: InventorySort; offset: number; limit: number },
): Promise<{ total: number; offset: number; arrow: string; tookMs: number }> {
  const started = performance.now();
  const grid = await ensureGrid(conn);
  const where = buildWhere(input.filter);
  // Late materialisation: sort and page on row ids only (the top-N then carries no payload), then
  // fetch the page's columns. Carrying 18 columns through a top-N over 1M rows cost ~4x more, and
  // deep pages (OFFSET 500k) 3x more. A new filter's total comes from the same scan (a window count
  // over the narrow row-id set) instead of a second pass over the text.
  const cached = cachedCount(conn, input.filter);
  const idRows = (
    await conn.runAndReadAll(
      `SELECT rowid AS rid${cached === undefined ? ', count(*) OVER () AS total' : ''} FROM ${grid} ${where.sql} ${buildOrder(input.sort)} LIMIT $limit OFFSET $offset`,
      { ...where.values, limit: input.limit, offset: input.offset },
      where.types,
    )
  ).getRowObjectsJS();
  const ids = idRows.map((r) => BigInt(r.rid as bigint | number));
  let total = cached;
  if (total === undefined && idRows.length > 0) total = rememberCount(conn, input.filter, Number(idRows[0]?.total));
  total ??= await countFor(conn, grid, input.filter, where);
  const page = await conn.runAndReadAll(
    `SELECT ${SELECT_COLUMNS.split(', ').map((c) => `g.${c}`).join(', ')}
     FROM (SELECT unnest($rids) AS rid, generate_subscripts($rids, 1) AS n) p JOIN ${grid} g ON g.rowid = p.rid
     ORDER BY p.n`,
    { rids: listValue(ids) },
    { rids: LIST(BIGINT) },
  );
  return { total, offset: input.offset, arrow: resultToArrowBase64(page), tookMs: Math.round(performance.now() - started) };
}

/**
 * The filtered total, remembered per filter: a sort or the next page does not change it, and on a
 * million rows the count is a full scan. Forgotten whenever the grid is rebuilt.
 */
const totals = new WeakMap<DuckDBConnection, { generation: string; byFilter: Map<string, number> }>();

function countCache(conn: DuckDBConnection): Map<string, number> {
  const generation = gridGeneration(conn);
  let cache = totals.get(conn);
  if (!cache || cache.generation !== generation) {
    cache = { generation, byFilter: new Map() };
    totals.set(conn, cache);
  }
  return cache.byFilter;
}

function cachedCount(conn: DuckDBConnection, filter: InventoryFilter): number | undefined {
  return countCache(conn).get(JSON.stringify(filter));
}

function rememberCount(conn: DuckDBConnection, filter: InventoryFilter, n: number): number {
  const cache = countCache(conn);
  if (cache.size > 200) cache.clear();
  cache.set(JSON.stringify(filter), n);
  return n;
}

async function countFor(conn: DuckDBConnection, grid: string, filter: InventoryFilter, where: Where): Promise<number> {
  const known = cachedCount(conn, filter);
  if (known !== undefined) return known;
  const n = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${grid} ${where.sql}`, where.values, where.types)).getRowObjectsJS()[0]?.n ?? 0);
  return rememberCount(conn, filter, n);
}

/**
 * Facet counts in ONE scan: a GROUPING SETS query with one set per facet, where each facet's count
 * is FILTERed by every other facet's selection (a facet ignores its own choice, so the user can add
 * a second value). Text and credential filters apply to all. Seven separate scans took seconds on
 * 1M rows and held the connection while the next page waited.
 */
export async function inventoryFacets(
  conn: DuckDBConnection,
  filter: InventoryFilter,
): Promise<{ facets: Record<string, { value: string; count: number }[]>; total: number }> {
  const grid = await ensureGrid(conn);
  const base = buildWhere({ text: filter.text, credential: filter.credential });
  const values: Record<string, DuckDBValue> = { ...base.values };
  const types: Record<string, DuckDBType> = { ...base.types };
  const facetCondition = (column: InventoryFacetColumn) => {
    const chosen = filter[column];
    if (!chosen?.length) return null;
    values[`f_${column}`] = listValue(chosen);
    types[`f_${column}`] = LIST(VARCHAR);
    return `list_contains($f_${column}, coalesce(CAST(${column} AS VARCHAR), '(none)'))`;
  };
  const conditions = new Map(inventoryFacetColumns.map((c) => [c, facetCondition(c)]));
  const others = (skip: InventoryFacetColumn | null) =>
    [...conditions].filter(([c, cond]) => c !== skip && cond !== null).map(([, cond]) => cond).join(' AND ') || 'true';
  const keyed = inventoryFacetColumns.map((c) => `coalesce(CAST(${c} AS VARCHAR), '(none)') AS v_${c}`).join(', ');
  const groupings = inventoryFacetColumns.map((c) => `GROUPING(v_${c}) AS g_${c}`).join(', ');
  const counts = inventoryFacetColumns.map((c) => `count(*) FILTER (WHERE ${others(c)}) AS c_${c}`).join(', ');
  const rows = (
    await conn.runAndReadAll(
      `WITH g AS (SELECT ${keyed}, ${inventoryFacetColumns.join(', ')} FROM ${grid} ${base.sql})
       SELECT ${inventoryFacetColumns.map((c) => `v_${c}`).join(', ')}, ${groupings}, ${counts}, count(*) FILTER (WHERE ${others(null)}) AS c_all
       FROM g GROUP BY GROUPING SETS (${inventoryFacetColumns.map((c) => `(v_${c})`).join(', ')})`,
      values,
      types,
    )
  ).getRowObjectsJS();
  const facets: Record<string, { value: string; count: number }[]> = Object.fromEntries(inventoryFacetColumns.map((c) => [c, []]));
  let total = 0;
  for (const row of rows) {
    const column = inventoryFacetColumns.find((c) => Number(row[`g_${c}`]) === 0);
    if (!column) continue;
    const count = Number(row[`c_${column}`]);
    if (column === inventoryFacetColumns[0]) total += Number(row.c_all);
    if (count > 0 || filter[column]?.includes(String(row[`v_${column}`]))) facets[column]?.push({ value: String(row[`v_${column}`]), count });
  }
  for (const list of Object.values(facets)) {
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    list.splice(50);
  }
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
