import { z } from 'zod';
import { severities } from '../../domain';
import { method } from '../method-spec';
import { IsoTime, ShortText } from '../schemas';

export const graphNodeKinds = ['owner', 'credential', 'app', 'scope', 'system', 'resource'] as const;
export const graphEdgeKinds = ['owns', 'issued_to', 'granted', 'reaches', 'used', 'part_of'] as const;
export const graphGroupings = ['platform', 'app', 'system', 'none'] as const;
export const riskTiers = ['low', 'medium', 'high', 'critical'] as const;

const NodeKind = z.enum(graphNodeKinds);
const Severity = z.enum(severities);
const Risk = z.enum(riskTiers);
const Key = z.string().min(1).max(1024);
/** A date-time the user typed or picked; parsed again (and normalised to UTC) by the backend. */
const Instant = z.string().min(1).max(40);

export const GraphNode = z
  .object({
    id: z.string(),
    kind: NodeKind,
    label: z.string(),
    platform: z.string().nullable(),
    risk: Risk.nullable(),
    findings: z.number().int(),
    severity: Severity.nullable(),
    /** Members of a group node (1 for an entity). */
    count: z.number().int(),
    group: z.boolean(),
    /** Entity kind-specific facts for the tooltip (type, status, owner…): strings shown as text. */
    detail: z.record(z.string(), z.string()),
  })
  .strict();
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z
  .object({
    id: z.string(),
    kind: z.enum(graphEdgeKinds),
    source: z.string(),
    target: z.string(),
    /** Observed-usage edges: events, rows, bytes and the time range in the window. Other edges: how many links merged. */
    count: z.number().int(),
    rows: z.number().int().nullable(),
    bytes: z.number().int().nullable(),
    first: IsoTime.nullable(),
    last: IsoTime.nullable(),
  })
  .strict();
export type GraphEdge = z.infer<typeof GraphEdge>;

export const GraphFilter = z
  .object({
    grouping: z.enum(graphGroupings).default('platform'),
    platforms: z.array(ShortText).max(32).optional(),
    kinds: z.array(NodeKind).max(graphNodeKinds.length).optional(),
    /** Keep only entities with an open finding at least this severe, and what they connect to. */
    minSeverity: Severity.optional(),
    from: Instant.optional(),
    to: Instant.optional(),
    /** Group ids to show member by member. */
    expand: z.array(Key).max(200).optional(),
    /** Entity ids to pull out of their groups, with their neighbours (search, blast radius, expand). */
    reveal: z.array(Key).max(2000).optional(),
    maxNodes: z.number().int().min(10).max(20_000).optional(),
  })
  .strict();

export const GraphView = z
  .object({
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
    platforms: z.array(z.string()),
    truncated: z.boolean(),
    /** Entity nodes behind the view before grouping. */
    entityCount: z.number().int(),
  })
  .strict();
export type GraphView = z.infer<typeof GraphView>;

export const blastTargets = ['app', 'credential', 'owner'] as const;

const BlastCredential = z
  .object({
    key: z.string(),
    platform: z.string(),
    type: z.string(),
    name: z.string().nullable(),
    ownerKey: z.string().nullable(),
    owner: z.string().nullable(),
    appKey: z.string().nullable(),
    app: z.string().nullable(),
    status: z.string(),
    createdAt: IsoTime.nullable(),
    expiresAt: IsoTime.nullable(),
    scopes: z.array(z.string()),
    inInventory: z.boolean(),
    findings: z.number().int(),
    severity: Severity.nullable(),
    events: z.number().int(),
  })
  .strict();

export const BlastRadius = z
  .object({
    target: z.object({ kind: z.enum(blastTargets), ref: z.string() }).strict(),
    window: z.object({ from: IsoTime.nullable(), to: IsoTime.nullable() }).strict(),
    apps: z.array(z.object({ key: z.string(), name: z.string().nullable(), platform: z.string(), publisher: z.string().nullable(), matchedBy: z.string() }).strict()),
    owners: z.array(
      z.object({ key: z.string(), name: z.string().nullable(), email: z.string().nullable(), kind: z.string(), hrStatus: z.string(), credentials: z.number().int() }).strict(),
    ),
    credentials: z.array(BlastCredential),
    scopes: z.array(z.object({ platform: z.string(), scope: z.string(), risk: z.string().nullable(), systemKey: z.string().nullable(), credentials: z.number().int() }).strict()),
    systems: z.array(
      z
        .object({
          key: z.string(),
          name: z.string(),
          granted: z.boolean(),
          used: z.boolean(),
          events: z.number().int(),
          rows: z.number().int(),
          bytes: z.number().int(),
        })
        .strict(),
    ),
    activity: z.array(
      z
        .object({
          credentialKey: z.string().nullable(),
          appKey: z.string().nullable(),
          systemKey: z.string().nullable(),
          resource: z.string().nullable(),
          action: z.string(),
          events: z.number().int(),
          failures: z.number().int(),
          rows: z.number().int(),
          bytes: z.number().int(),
          ips: z.number().int(),
          first: IsoTime.nullable(),
          last: IsoTime.nullable(),
        })
        .strict(),
    ),
    networks: z.array(
      z.object({ ip: z.string(), asn: z.number().int().nullable(), asOrg: z.string().nullable(), country: z.string().nullable(), events: z.number().int() }).strict(),
    ),
    userAgents: z.array(z.object({ userAgent: z.string(), events: z.number().int() }).strict()),
    findings: z.array(z.object({ id: z.string(), ruleId: z.string(), severity: Severity, entityKey: z.string(), summary: z.string() }).strict()),
    totals: z
      .object({ events: z.number().int(), rows: z.number().int(), bytes: z.number().int(), ips: z.number().int(), first: IsoTime.nullable(), last: IsoTime.nullable() })
      .strict(),
    /** Activity rows left out (the list keeps the largest by rows, then events). */
    activityTruncated: z.boolean(),
  })
  .strict();
export type BlastRadius = z.infer<typeof BlastRadius>;

export const graphMethods = {
  'graph.view': method({
    input: GraphFilter,
    output: GraphView,
    audience: 'renderer',
    summary: 'Owners, credentials, apps, scopes, systems and observed usage as a graph, grouped and filtered for reading at scale.',
  }),
  'graph.search': method({
    input: z.object({ query: z.string().trim().min(1).max(256), limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: z.object({ matches: z.array(z.object({ id: z.string(), kind: NodeKind, label: z.string(), platform: z.string().nullable() }).strict()) }).strict(),
    audience: 'renderer',
    summary: 'Find owners, credentials, apps and systems by key, any identifier, or name.',
  }),
  'graph.blastRadius': method({
    input: z.object({ target: z.enum(blastTargets), ref: z.string().trim().min(1).max(1024), from: Instant.optional(), to: Instant.optional() }).strict(),
    output: BlastRadius,
    audience: 'renderer',
    summary: 'Everything exposed through an app, credential or owner across all loaded sources, and what it did in a time window.',
  }),
};
