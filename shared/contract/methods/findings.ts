import { z } from 'zod';
import { detectionKinds, entityTypes, severities } from '../../domain';
import { method } from '../method-spec';
import { Empty, IsoTime, ShortText } from '../schemas';

const Kind = z.enum(detectionKinds);
const Severity = z.enum(severities);
const EntityType = z.enum(entityTypes);
const RuleId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'rule ids are kebab-case');
const EntityKey = z.string().min(1).max(512);
const FindingId = z.string().regex(/^[0-9a-f]{32}$/, 'finding ids are 32 hex characters');
/** A date-time the user typed or picked; validated again (and normalised to UTC) by the backend. */
const Instant = z.string().min(1).max(40);

export const EvidenceRef = z.object({ sha256: z.string(), record: z.number().int(), eventId: z.number().int().optional() }).strict();

export const FindingSummary = z
  .object({
    id: FindingId,
    ruleId: z.string(),
    ruleVersion: z.number().int(),
    kind: Kind,
    severity: Severity,
    entity: z
      .object({ type: EntityType, key: z.string(), ids: z.array(z.string()), name: z.string().nullable(), platform: z.string().nullable() })
      .strict(),
    firstSeen: IsoTime.nullable(),
    lastSeen: IsoTime.nullable(),
    eventCount: z.number().int(),
    summary: z.string(),
    frameworks: z.array(z.string()),
    suppressionId: z.number().int().nullable(),
  })
  .strict();
export type FindingSummary = z.infer<typeof FindingSummary>;

export const FindingDetail = FindingSummary.extend({
  /** Baseline vs observed, feature by feature. */
  explanation: z.record(z.string(), z.unknown()),
  eventRefs: z.array(EvidenceRef),
  inventoryRefs: z.array(EvidenceRef),
  runId: z.number().int(),
}).strict();
export type FindingDetail = z.infer<typeof FindingDetail>;

const ParameterValue = z.union([z.number(), z.string().max(512), z.boolean()]);

export const RuleInfo = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: Kind,
    severity: Severity,
    entity: EntityType,
    version: z.number().int(),
    description: z.string(),
    rationale: z.string(),
    frameworks: z.array(z.string()),
    references: z.array(z.string()),
    parameters: z.array(
      z
        .object({
          name: z.string(),
          type: z.enum(['integer', 'number', 'string', 'boolean']),
          description: z.string(),
          default: ParameterValue,
          value: ParameterValue,
          min: z.number().nullable(),
          max: z.number().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const DetectionRun = z
  .object({
    runId: z.number().int(),
    asOf: IsoTime,
    analysisStart: IsoTime,
    rulesVersion: z.string(),
    findings: z.number().int(),
    timings: z.record(z.string(), z.number()),
  })
  .strict();

const Suppression = z
  .object({
    id: z.number().int(),
    entityKey: z.string(),
    ruleId: z.string().nullable(),
    reason: z.string(),
    expiresAt: IsoTime,
    createdAt: IsoTime,
  })
  .strict();

const AllowlistName = z.enum(['network', 'user_agent']);
const AllowlistEntry = z.object({ id: z.number().int(), list: AllowlistName, entry: z.string(), note: z.string().nullable() }).strict();

const IocType = z.enum(['ip', 'cidr', 'user_agent', 'github_oauth_app_id', 'app_id', 'asn']);
const IocPackInfo = z
  .object({ id: z.string(), version: z.string(), title: z.string(), source: z.string().nullable(), builtin: z.boolean(), indicators: z.number().int() })
  .strict();

export const findingsMethods = {
  'detections.run': method({
    input: z.object({ asOf: Instant.optional(), analysisStart: Instant.optional() }).strict(),
    output: DetectionRun,
    audience: 'renderer',
    summary: 'Compute baselines and run every rule as of an instant (default: the latest event; analysis window: 14 days before it).',
  }),
  'detections.rules': method({
    input: Empty,
    output: z.object({ rules: z.array(RuleInfo) }).strict(),
    audience: 'renderer',
    summary: 'The rule catalog with each parameter’s default and its value in the open case.',
  }),
  'detections.setParameter': method({
    input: z.object({ ruleId: z.union([RuleId, z.literal('baseline')]), name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), value: ParameterValue.nullable() }).strict(),
    output: Empty,
    audience: 'renderer',
    summary: 'Set a rule parameter for the open case (null restores the default). Takes effect on the next run.',
  }),
  'findings.list': method({
    input: z
      .object({
        kind: Kind.optional(),
        severity: Severity.optional(),
        ruleId: RuleId.optional(),
        entityKey: EntityKey.optional(),
        includeSuppressed: z.boolean().default(false),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ total: z.number().int(), findings: z.array(FindingSummary) }).strict(),
    audience: 'renderer',
    summary: 'Findings of the latest run, most severe first, filtered and paged.',
  }),
  'findings.detail': method({
    input: z.object({ findingId: FindingId }).strict(),
    output: FindingDetail,
    audience: 'renderer',
    summary: 'One finding with its explanation and the exact inventory and event records behind it.',
  }),
  'suppressions.list': method({
    input: Empty,
    output: z.object({ suppressions: z.array(Suppression) }).strict(),
    audience: 'renderer',
    summary: 'Suppressions in the open case.',
  }),
  'suppressions.add': method({
    input: z
      .object({ entityKey: EntityKey, ruleId: RuleId.nullable().default(null), reason: ShortText.min(1), expiresAt: Instant })
      .strict(),
    output: Suppression,
    audience: 'renderer',
    summary: 'Suppress findings on one entity (for one rule or all) with a reason, until an expiry.',
  }),
  'suppressions.remove': method({
    input: z.object({ suppressionId: z.number().int() }).strict(),
    output: Empty,
    audience: 'renderer',
    summary: 'Remove a suppression.',
  }),
  'allowlists.list': method({
    input: Empty,
    output: z.object({ entries: z.array(AllowlistEntry) }).strict(),
    audience: 'renderer',
    summary: 'Allowlisted networks (CIDR, IP, AS<number>) and user agents (LIKE patterns).',
  }),
  'allowlists.add': method({
    input: z.object({ list: AllowlistName, entry: ShortText.min(1), note: ShortText.optional() }).strict(),
    output: AllowlistEntry,
    audience: 'renderer',
    summary: 'Add a network or user-agent allowlist entry.',
  }),
  'allowlists.remove': method({
    input: z.object({ list: AllowlistName, id: z.number().int() }).strict(),
    output: Empty,
    audience: 'renderer',
    summary: 'Remove an allowlist entry.',
  }),
  'iocs.packs': method({
    input: Empty,
    output: z.object({ packs: z.array(IocPackInfo) }).strict(),
    audience: 'renderer',
    summary: 'IOC packs in the open case (shipped and user-added) with indicator counts.',
  }),
  'iocs.addIndicators': method({
    input: z
      .object({
        packId: z.string().regex(/^[a-z0-9-]{1,64}$/),
        title: ShortText.optional(),
        indicators: z
          .array(z.object({ type: IocType, value: ShortText.min(1), incident: ShortText.optional(), note: ShortText.optional() }).strict())
          .min(1)
          .max(10_000),
      })
      .strict(),
    output: IocPackInfo,
    audience: 'renderer',
    summary: 'Add indicators to a user IOC pack (created if needed). Shipped packs cannot be edited.',
  }),
};
