import { z } from 'zod';
import { method } from '../method-spec';

const CredentialKey = z.string().min(1).max(512);
/** Epoch milliseconds (UTC). */
const Ms = z.number().int().min(0).max(8_640_000_000_000);

export const LifecycleMark = z
  .object({
    at: z.number(),
    kind: z.enum(['created', 'consented', 'scope_change', 'activity_start', 'activity_end', 'reviewed', 'expires', 'revoked']),
    label: z.string(),
    eventId: z.number().nullable(),
  })
  .strict();
export type LifecycleMark = z.infer<typeof LifecycleMark>;

export const timelineMethods = {
  'timeline.credential': method({
    input: z.object({ credential: CredentialKey, from: Ms.optional(), to: Ms.optional() }).strict(),
    output: z
      .object({
        credential: z
          .object({
            key: z.string(),
            name: z.string().nullable(),
            platform: z.string(),
            type: z.string(),
            owner: z.string().nullable(),
            app: z.string().nullable(),
            status: z.string(),
            scopes: z.array(z.string()),
          })
          .strict(),
        /** The whole history's extent, so the zoom control knows its limits. */
        extent: z.object({ from: z.number().nullable(), to: z.number().nullable() }).strict(),
        lifecycle: z.array(LifecycleMark),
        /** Events in the window by day of week (0 = Monday) and UTC hour. */
        heatmap: z.array(z.object({ dow: z.number().int(), hour: z.number().int(), count: z.number().int() }).strict()),
        volume: z
          .object({
            grain: z.enum(['hour', 'day']),
            points: z.array(z.object({ at: z.number(), count: z.number().int() }).strict()),
            /** From the detection baseline (training window) when a run exists, else from the whole history. */
            baseline: z.object({ source: z.enum(['detections', 'history']), median: z.number(), low: z.number(), high: z.number() }).strict().nullable(),
          })
          .strict(),
        eventCount: z.number().int(),
      })
      .strict(),
    audience: 'renderer',
    summary: 'One credential’s lifecycle, activity heatmap and volume against its baseline in a time window.',
  }),
  'timeline.events': method({
    input: z
      .object({
        credential: CredentialKey,
        from: Ms.optional(),
        to: Ms.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ total: z.number().int(), offset: z.number().int(), arrow: z.string() }).strict(),
    audience: 'renderer',
    summary: 'A page of one credential’s raw events in the window, oldest first, as Arrow.',
  }),
};
