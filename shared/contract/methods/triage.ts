import { z } from 'zod';
import { method } from '../method-spec';
import { Empty, IsoTime, ShortText } from '../schemas';

const FindingId = z.string().regex(/^[0-9a-f]{32}$/, 'finding ids are 32 hex characters');
export const TriageStateName = z.enum(['open', 'confirmed', 'false_positive', 'accepted_risk']);
const Target = z.object({ type: z.enum(['finding', 'credential', 'event', 'app', 'principal']), key: z.string().min(1).max(512) }).strict();
const Tag = z.string().trim().min(1).max(64).regex(/^[^\p{Cc}]+$/u, 'a tag cannot contain control characters');
const NoteBody = z.string().trim().min(1).max(8000);

export const TriageRecord = z
  .object({
    findingId: z.string(),
    state: TriageStateName,
    effectiveState: TriageStateName,
    expiresAt: IsoTime.nullable(),
    updatedAt: IsoTime,
    updatedBy: z.string(),
  })
  .strict();

const Note = z.object({ id: z.number().int(), target: Target, body: z.string(), author: z.string(), createdAt: IsoTime }).strict();
const Link = z.object({ from: Target, to: Target, relation: z.string(), createdAt: IsoTime }).strict();
const LogEntry = z
  .object({ seq: z.number().int(), actedAt: IsoTime, actor: z.string(), action: z.string(), detail: z.unknown(), rowHash: z.string().nullable() })
  .strict();
const ChainVerdict = z
  .object({
    ok: z.boolean(),
    rows: z.number().int(),
    sealed: z.number().int(),
    head: z.string().optional(),
    brokenAt: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .strict();

export const triageMethods = {
  'triage.set': method({
    input: z
      .object({ findingId: FindingId, state: TriageStateName, expiresAt: z.string().max(40).nullable().optional(), note: NoteBody.optional() })
      .strict(),
    output: TriageRecord,
    audience: 'renderer',
    summary: 'Set a finding’s triage state (accepted_risk needs a future expiry), optionally with a note. Logged.',
  }),
  'triage.list': method({
    input: Empty,
    output: z.object({ triage: z.array(TriageRecord) }).strict(),
    audience: 'renderer',
    summary: 'Every triaged finding with its state and the state in effect now (expired accepted risks are open).',
  }),
  'triage.annotations': method({
    input: z.object({ target: Target }).strict(),
    output: z.object({ notes: z.array(Note), tags: z.array(z.string()), links: z.array(Link) }).strict(),
    audience: 'renderer',
    summary: 'Notes, tags and links on one finding, credential, event, app or principal.',
  }),
  'triage.addNote': method({
    input: z.object({ target: Target, body: NoteBody }).strict(),
    output: Note,
    audience: 'renderer',
    summary: 'Add a note to a case object. Logged.',
  }),
  'triage.tag': method({
    input: z.object({ target: Target, tag: Tag, present: z.boolean().default(true) }).strict(),
    output: Empty,
    audience: 'renderer',
    summary: 'Add (present: true) or remove a tag on a case object. Logged.',
  }),
  'triage.link': method({
    input: z.object({ from: Target, to: Target, relation: ShortText.min(1).default('related') }).strict(),
    output: Link,
    audience: 'renderer',
    summary: 'Link two case objects (e.g. a finding to a credential or an event). Logged.',
  }),
  'actionLog.list': method({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
    output: z.object({ total: z.number().int(), entries: z.array(LogEntry) }).strict(),
    audience: 'renderer',
    summary: 'The case’s analyst action log, newest first.',
  }),
  'actionLog.verify': method({
    input: Empty,
    output: ChainVerdict,
    audience: 'renderer',
    summary: 'Recompute the action log’s hash chain; names the first row that was edited, removed or inserted.',
  }),
};
