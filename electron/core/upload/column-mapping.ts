import { parseTimestamp } from '../ingest/time';
import type { ColumnMapping } from '../../../shared/contract/methods/upload';
import type { Doc, EventFact, ParserSpec } from '../ingest/types';

/**
 * The generic column mapper: for a CSV or JSON export no parser recognises, the analyst names which
 * column holds the time, the action and the other event fields, and the file is read with a parser
 * built from that mapping. It goes through the same import (hash, records, rejects, identity) as any
 * recognised file; the manifest records the parser as `generic.mapped`.
 */
export type { ColumnMapping } from '../../../shared/contract/methods/upload';

/** A column value: top-level key first, then a dotted path into nested JSON. */
export function pick(doc: Doc, column: string | undefined): unknown {
  if (!column) return undefined;
  if (column in doc) return doc[column];
  let cur: unknown = doc;
  for (const part of column.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function count(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

function outcome(value: unknown): EventFact['outcome'] {
  const t = text(value)?.toLowerCase() ?? '';
  if (/^(success|succeeded|ok|true|allow(ed)?|2\d\d)$/.test(t)) return 'success';
  if (/^(fail(ure|ed)?|error|false|den(y|ied)|[45]\d\d)$/.test(t)) return 'failure';
  return 'unknown';
}

export function mappingParser(mapping: ColumnMapping): ParserSpec {
  const c = mapping.columns;
  return {
    id: 'generic.mapped',
    version: '1',
    source: 'generic',
    platform: mapping.platform,
    kind: 'mapped_events',
    map(doc) {
      const action = text(pick(doc, c.action));
      if (!action) return { unmapped: `the action column (${c.action ?? 'not mapped'}) is empty` };
      const credentialId = text(pick(doc, c.credentialId));
      const appId = text(pick(doc, c.appId));
      const event: EventFact = {
        time: parseTimestamp(pick(doc, c.time)),
        action: action.toLowerCase(),
        actionRaw: action,
        category: 'other',
        outcome: outcome(pick(doc, c.outcome)),
        actorName: text(pick(doc, c.actor)),
        actorId: text(pick(doc, c.actor)),
        ip: text(pick(doc, c.ip)),
        userAgent: text(pick(doc, c.userAgent)),
        credential: credentialId ? { kind: 'generic_credential_id', value: credentialId, type: mapping.credentialType } : null,
        app: appId ? { kind: 'generic_app_id', value: appId } : null,
        appName: text(pick(doc, c.appName)),
        resource: text(pick(doc, c.resource)),
        bytes: count(pick(doc, c.bytes)),
        rows: count(pick(doc, c.rows)),
      };
      return { events: [event] };
    },
  };
}
