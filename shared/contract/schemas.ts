import { z } from 'zod';

/** Strings from the UI are bounded: nothing legitimate is longer, and huge ones are a fuzzing vector. */
export const ShortText = z.string().max(512);
export const Empty = z.object({}).strict();

export const CaseId = z.string().regex(/^[a-f0-9]{16}$/, 'case id is 16 hex characters');
export const CaseName = z
  .string()
  .trim()
  .min(1, 'a case needs a name')
  .max(120, 'a case name is at most 120 characters')
  .refine((s) => ![...s].some(isControl), 'a case name cannot contain control characters');

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

export const IsoTime = z.string().max(40);

export const CaseInfo = z
  .object({
    id: CaseId,
    name: z.string(),
    fileName: z.string(),
    createdAt: IsoTime,
    toolVersion: z.string(),
    schemaVersion: z.number().int(),
    sample: z.boolean(),
  })
  .strict();
export type CaseInfo = z.infer<typeof CaseInfo>;

export const CaseSummary = z
  .object({
    id: CaseId,
    name: z.string(),
    fileName: z.string(),
    createdAt: IsoTime.nullable(),
    modifiedAt: IsoTime,
    bytes: z.number().int(),
    /** Why this case cannot be opened, when it cannot. */
    problem: z.string().nullable(),
  })
  .strict();
export type CaseSummary = z.infer<typeof CaseSummary>;

export const AppInfo = z
  .object({
    name: z.literal('Tokenscope'),
    version: z.string(),
    duckdbVersion: z.string(),
    schemaVersion: z.number().int(),
    sampleAvailable: z.boolean(),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfo>;
