import { z } from 'zod';
import { detectionKinds, entityTypes, isFrameworkRef, severities } from '../../../../shared/domain';

/** Parameters every rule query may use without declaring them: the run's explicit instants. */
export const reservedParameters = ['as_of', 'analysis_start'] as const;

const ParameterName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'parameter names are snake_case');

export const RuleParameter = z
  .object({
    type: z.enum(['integer', 'number', 'string', 'boolean']),
    default: z.union([z.number(), z.string(), z.boolean()]),
    description: z.string().min(1),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .refine((p) => (p.type === 'integer' ? Number.isInteger(p.default) : p.type === 'number' ? typeof p.default === 'number' : typeof p.default === p.type), {
    message: 'default does not match the declared type',
  });
export type RuleParameter = z.infer<typeof RuleParameter>;

export const RuleMeta = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'rule ids are kebab-case'),
    title: z.string().min(1),
    kind: z.enum(detectionKinds),
    severity: z.enum(severities),
    entity: z.enum(entityTypes),
    version: z.number().int().positive(),
    description: z.string().min(1),
    rationale: z.string().min(1),
    parameters: z.record(ParameterName, RuleParameter).default({}),
    frameworks: z
      .array(z.string().refine(isFrameworkRef, 'framework ids look like OWASP-NHI:NHI7 or NIST-CSF-2.0:DE.CM-01'))
      .min(1),
    references: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type RuleMeta = z.infer<typeof RuleMeta>;

const Row = z.record(z.string(), z.unknown());

/** A row generator: one template repeated every `every` (ISO-8601 duration) from event_time until `until`. */
export const RowTemplate = Row;

export const ExpectedFinding = z
  .object({
    entity_key: z.string(),
    severity: z.enum(severities).optional(),
    event_count: z.number().int().nonnegative().optional(),
    min_event_count: z.number().int().nonnegative().optional(),
  })
  .strict();

export const RuleCase = z
  .object({
    name: z.string().min(1),
    expect: z.enum(['positive', 'negative']),
    as_of: z.string(),
    analysis_start: z.string(),
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
    given: z.record(z.string(), z.array(Row)),
    expected: z.array(ExpectedFinding).default([]),
  })
  .strict()
  .refine((c) => (c.expect === 'positive' ? c.expected.length > 0 : c.expected.length === 0), {
    message: 'a positive case lists expected findings; a negative case lists none',
  });
export type RuleCase = z.infer<typeof RuleCase>;

export const RuleCases = z.object({ cases: z.array(RuleCase).min(2) }).strict();
