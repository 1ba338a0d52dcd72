import {
  inventoryColumns,
  inventoryFacetColumns,
  type InventoryColumn,
  type InventoryFacetColumn,
  type InventoryFilter,
} from '../../../../shared/contract/methods/inventory';

export interface InventoryState {
  filter: InventoryFilter;
  sort: { column: InventoryColumn; direction: 'asc' | 'desc' };
}

/** URL params ↔ inventory state: `#/inventory?q=…&sort=owner&dir=asc&platform=github,okta&credential=<key>`. */
export function stateFromParams(params: Record<string, string>): InventoryState {
  const filter: InventoryFilter = {};
  if (params.q) filter.text = params.q.slice(0, 512);
  if (params.credential) filter.credential = params.credential.slice(0, 512);
  for (const facet of inventoryFacetColumns) {
    const raw = params[facet];
    if (raw) filter[facet] = raw.split(',').filter(Boolean).slice(0, 50);
  }
  const column = (inventoryColumns as readonly string[]).includes(params.sort ?? '') ? (params.sort as InventoryColumn) : 'risk';
  const direction = params.dir === 'asc' ? 'asc' : 'desc';
  return { filter, sort: { column, direction } };
}

export function paramsFromState(state: InventoryState): Record<string, string> {
  const params: Record<string, string> = {};
  if (state.filter.text) params.q = state.filter.text;
  if (state.filter.credential) params.credential = state.filter.credential;
  for (const facet of inventoryFacetColumns) {
    const values = state.filter[facet];
    if (values?.length) params[facet] = values.join(',');
  }
  if (state.sort.column !== 'risk' || state.sort.direction !== 'desc') {
    params.sort = state.sort.column;
    params.dir = state.sort.direction;
  }
  return params;
}

export function toggleFacet(filter: InventoryFilter, facet: InventoryFacetColumn, value: string): InventoryFilter {
  const chosen = new Set(filter[facet] ?? []);
  if (chosen.has(value)) chosen.delete(value);
  else chosen.add(value);
  return { ...filter, [facet]: [...chosen] };
}
