import { z } from 'zod';
import { method } from '../method-spec';
import { AppInfo, Empty } from '../schemas';

export const appMethods = {
  'app.info': method({
    input: Empty,
    output: AppInfo,
    audience: 'renderer',
    summary: 'Versions and capabilities of the backend.',
  }),
  'dev.sleep': method({
    input: z.object({ ms: z.number().int().min(0).max(60_000) }).strict(),
    output: Empty,
    audience: 'test',
    summary: 'Test hook: a call that takes a while, so tests can kill the backend mid-call.',
  }),
};
