import { inventoryFacets, inventoryRows, queryInventory } from '../../inventory/query';
import { toCsv, toJson } from '../../inventory/query-export';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type InventoryHandlers = Pick<Handlers, 'inventory.query' | 'inventory.facets' | 'inventory.export'>;

export function inventoryHandlers({ session }: BackendContext): InventoryHandlers {
  const conn = () => session.require().connection;
  return {
    'inventory.query': (input) => queryInventory(conn(), input),
    'inventory.facets': ({ filter }) => inventoryFacets(conn(), filter),
    'inventory.export': async ({ filter, sort, columns, format, maxRows }) => {
      const { rows, truncated } = await inventoryRows(conn(), { filter, sort, columns, maxRows });
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return format === 'csv'
        ? { fileName: `inventory-${stamp}.csv`, mediaType: 'text/csv', content: toCsv(columns, rows), rows: rows.length, truncated }
        : { fileName: `inventory-${stamp}.json`, mediaType: 'application/json', content: toJson(columns, rows), rows: rows.length, truncated };
    },
  };
}
