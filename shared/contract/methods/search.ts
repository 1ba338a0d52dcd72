import { z } from 'zod';
import { method } from '../method-spec';

export const SearchHit = z
  .object({
    kind: z.enum(['credential', 'app', 'principal', 'ip', 'user_agent']),
    /** What matched, exactly as stored. */
    value: z.string(),
    label: z.string(),
    detail: z.string(),
    /** A credential to open (inventory / timeline), when the hit leads to one. */
    credential: z.string().nullable(),
    /** The entity key for findings, when there is one. */
    entity: z.string().nullable(),
  })
  .strict();
export type SearchHit = z.infer<typeof SearchHit>;

export const searchMethods = {
  'search.global': method({
    input: z.object({ q: z.string().trim().min(2).max(200), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.object({ hits: z.array(SearchHit) }).strict(),
    audience: 'renderer',
    summary: 'Search ids, names, IPs and user agents across credentials, apps, principals and events.',
  }),
};
