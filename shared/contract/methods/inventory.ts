import { z } from 'zod';
import { method } from '../method-spec';
import { ShortText } from '../schemas';

/** Columns of the inventory grid, in display order; sort and the column chooser use these names. */
export const inventoryColumns = [
  'credential_key',
  'display_name',
  'platform',
  'credential_type',
  'owner',
  'owner_hr_status',
  'app_name',
  'scopes',
  'created_at',
  'expires_at',
  'last_used_at',
  'last_reviewed_at',
  'purpose',
  'status',
  'risk',
  'findings',
  'event_count',
  'in_inventory',
] as const;
export type InventoryColumn = (typeof inventoryColumns)[number];

/** Columns with a facet (value → count) next to the grid. */
export const inventoryFacetColumns = ['platform', 'credential_type', 'status', 'risk', 'owner_hr_status', 'in_inventory'] as const;
export type InventoryFacetColumn = (typeof inventoryFacetColumns)[number];

const FacetValues = z.array(z.string().max(200)).max(50);

export const InventoryFilter = z
  .object({
    /** Substring match over key, name, owner, app, purpose and ids (case-insensitive). */
    text: ShortText.optional(),
    /** One credential exactly (links from the graph and findings). */
    credential: z.string().min(1).max(512).optional(),
    platform: FacetValues.optional(),
    credential_type: FacetValues.optional(),
    status: FacetValues.optional(),
    risk: FacetValues.optional(),
    owner_hr_status: FacetValues.optional(),
    in_inventory: FacetValues.optional(),
  })
  .strict();
export type InventoryFilter = z.infer<typeof InventoryFilter>;

const Sort = z.object({ column: z.enum(inventoryColumns), direction: z.enum(['asc', 'desc']) }).strict();

export const inventoryMethods = {
  'inventory.query': method({
    input: z
      .object({
        filter: InventoryFilter.default({}),
        sort: Sort.default({ column: 'risk', direction: 'desc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z
      .object({
        total: z.number().int(),
        offset: z.number().int(),
        /** Arrow IPC stream, base64: one row per credential, columns = inventoryColumns. */
        arrow: z.string(),
        tookMs: z.number(),
      })
      .strict(),
    audience: 'renderer',
    summary: 'One page of the credential inventory, filtered and sorted in DuckDB, as Arrow.',
  }),
  'inventory.facets': method({
    input: z.object({ filter: InventoryFilter.default({}) }).strict(),
    output: z
      .object({
        facets: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number().int() }).strict())),
        total: z.number().int(),
      })
      .strict(),
    audience: 'renderer',
    summary: 'Value counts for the facet columns under the current filter (each facet ignores its own selection).',
  }),
  'inventory.export': method({
    input: z
      .object({
        filter: InventoryFilter.default({}),
        sort: Sort.default({ column: 'risk', direction: 'desc' }),
        columns: z.array(z.enum(inventoryColumns)).min(1).max(inventoryColumns.length),
        format: z.enum(['csv', 'json']),
        maxRows: z.number().int().min(1).max(100_000).default(100_000),
      })
      .strict(),
    output: z.object({ fileName: z.string(), mediaType: z.string(), content: z.string(), rows: z.number().int(), truncated: z.boolean() }).strict(),
    audience: 'renderer',
    summary: 'The current inventory view as CSV (formula cells neutralised) or JSON, for the user to save.',
  }),
};
