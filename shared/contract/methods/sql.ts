import { z } from 'zod';
import { method } from '../method-spec';
import { Empty } from '../schemas';

const SqlText = z.string().min(1).max(20_000);
const SavedQuery = z.object({ id: z.number().int(), name: z.string(), sql: z.string(), savedAt: z.string() }).strict();
const BuiltinQuery = z.object({ id: z.string(), title: z.string(), description: z.string(), sql: z.string() }).strict();

export const sqlMethods = {
  'sql.run': method({
    input: z
      .object({
        sql: SqlText,
        maxRows: z.number().int().min(1).max(10_000).default(1000),
        timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
      })
      .strict(),
    output: z
      .object({
        columns: z.array(z.object({ name: z.string(), type: z.string() }).strict()),
        /** Arrow IPC stream, base64. */
        arrow: z.string(),
        rowCount: z.number().int(),
        truncated: z.boolean(),
        tookMs: z.number(),
      })
      .strict(),
    audience: 'renderer',
    summary: 'Run one read-only SELECT/WITH over the case (validated, row-capped, interrupted at the timeout, rolled back).',
  }),
  'sql.tables': method({
    input: Empty,
    output: z.object({ tables: z.array(z.object({ name: z.string(), kind: z.string(), columns: z.array(z.string()) }).strict()) }).strict(),
    audience: 'renderer',
    summary: 'Tables and views the console may read, with their columns.',
  }),
  'sql.builtins': method({
    input: Empty,
    output: z.object({ queries: z.array(BuiltinQuery) }).strict(),
    audience: 'renderer',
    summary: 'Built-in hunting queries.',
  }),
  'sql.savedList': method({
    input: Empty,
    output: z.object({ queries: z.array(SavedQuery) }).strict(),
    audience: 'renderer',
    summary: 'Queries saved in the open case.',
  }),
  'sql.save': method({
    input: z.object({ name: z.string().trim().min(1).max(120), sql: SqlText }).strict(),
    output: SavedQuery,
    audience: 'renderer',
    summary: 'Save a query in the open case (same name replaces it).',
  }),
  'sql.deleteSaved': method({
    input: z.object({ id: z.number().int() }).strict(),
    output: Empty,
    audience: 'renderer',
    summary: 'Delete a saved query.',
  }),
};
