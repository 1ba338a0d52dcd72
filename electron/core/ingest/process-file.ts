import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { normaliseId } from '../inventory/identity';
import { normaliseIp } from '../enrich/ip';
import type { IpEnricher } from '../enrich/dataset';
import { guessDelimiter, normaliseHeader, parseCsvRecord } from './csv';
import { FileError } from './input';
import { depthExceeds } from './json-scan';
import { limits } from './limits';
import { recogniseDocs, recogniseHeader, type Recognition } from './parsers/registry';
import { bulkReadyFlags } from './bulk/line-check';
import { readRecordBatches, readRecords, type RawRecord, type ReadOptions } from './records';
import type { Sniffed } from './sniff';
import type { Stage } from './stage';
import type { Doc, EventFact, IdRef, Mapped, ParserSpec } from './types';

export interface FileCounts {
  seen: number;
  loaded: number;
  rejected: number;
  unmapped: number;
  events: number;
}

export interface ParseJob {
  path: string;
  fileId: number;
  fileBytes: number;
  sniffed: Sniffed;
  stage: Stage;
  enricher: IpEnricher;
  nextEventId: () => number;
  signal?: AbortSignal;
  onRawBytes: (n: number) => void;
  onRecord: () => void;
  /** Called between records: hands a full staging segment to DuckDB so loading overlaps parsing. */
  maybeRotate?: () => Promise<void> | undefined;
}

const SAMPLE = 200;

/** Which parser reads this file, from a sample of its content (CSV: its header). */
export async function recognise(
  path: string,
  fileBytes: number,
  sniffed: Sniffed,
  signal?: AbortSignal,
  /** A parser chosen by the user (column mapping): used as is; CSV still needs its header and delimiter. */
  chosen?: ParserSpec,
): Promise<Recognition & { delimiter?: string; header?: string[] }> {
  const options = readOptions(fileBytes, sniffed, signal);
  if (sniffed.container === 'csv') {
    for await (const rec of readRecords(path, options)) {
      if (!rec.bytes) return { parser: null, reason: 'the CSV header row is too long' };
      const text = rec.bytes.toString('utf8');
      const delimiter = guessDelimiter(text);
      const parsed = parseCsvRecord(text, delimiter);
      if (!parsed.ok || parsed.fields.length < 2 || parsed.fields.length > limits.maxCsvColumns) {
        return { parser: null, reason: parsed.ok ? 'the first line does not look like a CSV header' : `the CSV header is malformed: ${parsed.message}` };
      }
      const header = parsed.fields.map((h) => h.replace(/^\uFEFF/, '').trim());
      return { ...(chosen ? { parser: chosen, matched: 1, sampled: 1 } : recogniseHeader(header.map(normaliseHeader))), delimiter, header };
    }
    return { parser: null, reason: 'the file has no rows' };
  }
  if (chosen) return { parser: chosen, matched: 1, sampled: 1 };
  const sample: Doc[] = [];
  for await (const rec of readRecords(path, options)) {
    if (rec.bytes && !rec.reject && (rec.depth ?? 0) <= limits.maxDepth) {
      try {
        const value: unknown = JSON.parse(rec.bytes.toString('utf8'));
        if (value && typeof value === 'object' && !Array.isArray(value)) sample.push(value as Doc);
      } catch {
        // Counted as a reject in the full pass.
      }
    }
    if (sample.length >= SAMPLE || rec.recordNo >= SAMPLE * 5) break;
  }
  return recogniseDocs(sample);
}

function readOptions(fileBytes: number, sniffed: Sniffed, signal?: AbortSignal, onRawBytes?: (n: number) => void): ReadOptions {
  return { gzip: sniffed.gzip, fileBytes, container: sniffed.container!, encoding: sniffed.encoding, signal, onRawBytes };
}

/**
 * The full pass over one file: every record is loaded (raw text + canonical rows) or rejected
 * (reason, offset, capped raw bytes), so records_seen = loaded + rejected by construction.
 */
export async function parseFile(job: ParseJob, parser: ParserSpec, csv: { delimiter?: string; header?: string[] }, warnings: string[]): Promise<FileCounts> {
  const handler = recordHandler(job, parser, csv);
  for await (const rec of readRecords(job.path, readOptions(job.fileBytes, job.sniffed, job.signal, job.onRawBytes))) {
    if (csv.header && rec.recordNo === 0) continue;
    const rotation = job.maybeRotate?.();
    if (rotation) await rotation;
    await handler.handle(rec);
  }
  handler.finish(warnings);
  return handler.counts;
}

/**
 * The bulk pass over a JSON file whose parser has a bulk plan: records DuckDB can read as they
 * are go to `stageBulk` untouched; the rest take the per-record path now. The handler's counts
 * cover only the per-record ones until the bulk loader adds its share (bulk-loader.ts).
 */
export async function scanFileBulk(job: ParseJob, handler: RecordHandler, stageBulk: (records: RawRecord[]) => Promise<void>): Promise<void> {
  for await (const batch of readRecordBatches(job.path, readOptions(job.fileBytes, job.sniffed, job.signal, job.onRawBytes))) {
    const rotation = job.maybeRotate?.();
    if (rotation) await rotation;
    const ready = bulkReadyFlags(batch);
    const bulk: RawRecord[] = [];
    for (const [i, rec] of batch.entries()) {
      if (ready[i]) {
        bulk.push(rec);
        job.onRecord();
      } else await handler.handle(rec);
    }
    await stageBulk(bulk);
  }
}

export interface RecordHandler {
  counts: FileCounts;
  /** Load or reject one record (counted as seen). */
  handle(rec: RawRecord): Promise<void>;
  /** Warnings about the records handled so far (invalid UTF-8, unmapped). */
  finish(warnings: string[]): void;
}

/** The per-record path: JSON.parse or CSV split, the parser's map, staged rows. */
export function recordHandler(job: ParseJob, parser: ParserSpec, csv: { delimiter?: string; header?: string[] }): RecordHandler {
  const counts: FileCounts = { seen: 0, loaded: 0, rejected: 0, unmapped: 0, events: 0 };
  const { fileId } = job;
  const ctx = { platform: parser.platform, fileName: basename(job.path) };
  const header = csv.header;
  const headerKey = header ? header.join('\u0001') : '';
  let invalidUtf8 = 0;
  const unmappedReasons = new Map<string, number>();

  const reject = async (rec: RawRecord, code: string, reason: string) => {
    counts.rejected++;
    const raw = rec.bytes ?? rec.head ?? Buffer.alloc(0);
    const sha = rec.sha256 ?? createHash('sha256').update(raw).digest('hex');
    await job.stage.write('rejects', {
      file_id: fileId,
      record_no: rec.recordNo,
      byte_offset: rec.offset,
      reason_code: code,
      reason,
      raw_b64: raw.subarray(0, limits.rejectRawCap).toString('base64'),
      raw_length: rec.length,
      raw_sha256: sha,
    });
  };

  const handle = async (rec: RawRecord): Promise<void> => {
    counts.seen++;
    job.onRecord();
    if (rec.reject || !rec.bytes) {
      await reject(rec, rec.reject?.code ?? 'RECORD_TOO_LARGE', rec.reject?.reason ?? 'record over the size cap');
      return;
    }
    const bytes = rec.bytes;
    const deep = job.sniffed.container === 'json' ? (rec.depth ?? 0) > limits.maxDepth : job.sniffed.container === 'ndjson' && depthExceeds(bytes, 0, bytes.length, limits.maxDepth);
    if (deep) {
      await reject(rec, 'DEPTH_EXCEEDED', `nesting deeper than ${limits.maxDepth} levels`);
      return;
    }
    const exact = isUtf8(bytes);
    const text = bytes.toString('utf8');
    let doc: Doc;
    if (header) {
      const parsed = parseCsvRecord(text, csv.delimiter);
      if (!parsed.ok) {
        await reject(rec, parsed.code, parsed.message);
        return;
      }
      if (parsed.fields.join('\u0001') === headerKey) {
        await reject(rec, 'REPEATED_HEADER', 'the header row appears again inside the file');
        return;
      }
      if (parsed.fields.length !== header.length) {
        await reject(rec, 'RAGGED_ROW', `row has ${parsed.fields.length} fields; the header has ${header.length}`);
        return;
      }
      doc = csvDoc(header, parsed.fields);
    } else {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        await reject(rec, 'INVALID_JSON', error instanceof Error ? error.message : String(error));
        return;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        await reject(rec, 'NOT_AN_OBJECT', `record is a JSON ${Array.isArray(value) ? 'array' : typeof value}, not an object`);
        return;
      }
      doc = value as Doc;
    }
    let mapped: Mapped;
    try {
      mapped = parser.map(doc, ctx);
    } catch (error) {
      await reject(rec, 'MAPPING_FAILED', `${parser.id} could not read this record: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    counts.loaded++;
    if (!exact) invalidUtf8++;
    if (exact && bytes.indexOf(0x0a) < 0 && bytes.indexOf(0x0d) < 0 && bytes.indexOf(0x01) < 0 && bytes.indexOf(0x00) < 0) {
      await job.stage.writePlain(fileId, rec.recordNo, rec.offset, rec.length, text);
    } else {
      await job.stage.write('records', {
        file_id: fileId,
        record_no: rec.recordNo,
        byte_offset: rec.offset,
        byte_length: rec.length,
        raw: text,
        raw_b64: exact ? null : bytes.toString('base64'),
      });
    }
    const produced = await writeMapped(job, parser, rec.recordNo, mapped);
    counts.events += produced.events;
    if (!produced.any) {
      counts.unmapped++;
      const why = mapped.unmapped ?? 'no canonical fields';
      unmappedReasons.set(why, (unmappedReasons.get(why) ?? 0) + 1);
    }
  };

  const finish = (warnings: string[]) => {
    if (invalidUtf8) warnings.push(`${invalidUtf8} record(s) contained invalid UTF-8: shown with U+FFFD, exact bytes kept (evidence_records.raw_bytes)`);
    for (const [why, n] of unmappedReasons) warnings.push(`${n} record(s) loaded as evidence without canonical rows: ${why}`);
    if (counts.seen === 0) warnings.push('no records');
  };
  return { counts, handle, finish };
}

/** CSV row → object keyed by the header as written, by its normalised form, and un-flattened dotted paths. */
function csvDoc(header: string[], fields: string[]): Doc {
  const doc: Doc = {};
  header.forEach((h, i) => {
    const value = fields[i] ?? '';
    doc[normaliseHeader(h)] = value;
    if (!(h in doc)) doc[h] = value;
    if (h.includes('.')) {
      let cur = doc;
      const parts = h.split('.');
      parts.forEach((p, j) => {
        if (j === parts.length - 1) {
          if (value !== '') cur[p] = value;
        } else {
          const next = cur[p];
          if (!next || typeof next !== 'object') cur[p] = {};
          cur = cur[p] as Doc;
        }
      });
    }
  });
  return doc;
}

function ref(kind: string | undefined, value: string | null | undefined): { kind: string; value: string } | null {
  if (!kind || !value) return null;
  return { kind, value: normaliseId(kind, value) };
}

function normIds(ids: IdRef[]): IdRef[] {
  return ids.filter((i) => i.value).map((i) => ({ kind: i.kind, value: normaliseId(i.kind, String(i.value)) }));
}

async function writeMapped(job: ParseJob, parser: ParserSpec, recordNo: number, m: Mapped): Promise<{ any: boolean; events: number }> {
  const { stage, fileId } = job; // the segment cannot change inside one record
  let any = false;
  let events = 0;
  for (const e of m.events ?? []) {
    await stage.write('events', eventRow(job, parser, recordNo, e));
    events++;
    any = true;
  }
  let seq = 0;
  for (const c of m.credentials ?? []) {
    const owner = c.ownerRef ? ref(c.ownerRef.kind, c.ownerRef.value) : null;
    const app = c.app ? ref(c.app.kind, c.app.value) : null;
    await stage.write('credential_facts', {
      file_id: fileId,
      record_no: recordNo,
      seq: seq++,
      origin: c.origin,
      source: parser.source,
      platform: parser.platform === 'org' ? platformFromIds(c.ids) : parser.platform,
      credential_type: c.type,
      ids: normIds(c.ids),
      display_name: c.displayName ?? null,
      owner_email: c.ownerEmail?.toLowerCase() ?? null,
      owner_ref_kind: owner?.kind ?? null,
      owner_ref: owner?.value ?? null,
      app_ref_kind: app?.kind ?? null,
      app_ref: app?.value ?? null,
      app_name: c.appName ?? null,
      created_at: c.createdAt ?? null,
      expires_at: c.expiresAt ?? null,
      last_used_at: c.lastUsedAt ?? null,
      last_reviewed_at: c.lastReviewedAt ?? null,
      review_interval_days: int32(c.reviewIntervalDays),
      purpose: c.purpose ?? null,
      approved_pattern: c.approvedPattern ?? null,
      approved_cadence: c.approvedCadence ?? null,
      approved_hours_utc: c.approvedHoursUtc ?? null,
      approved_networks: c.approvedNetworks ?? null,
      status: c.status ?? null,
      scopes: c.scopes ?? null,
    });
    any = true;
  }
  seq = 0;
  for (const a of m.apps ?? []) {
    await stage.write('app_facts', {
      file_id: fileId,
      record_no: recordNo,
      seq: seq++,
      platform: parser.platform === 'org' ? platformFromIds(a.ids) : parser.platform,
      ids: normIds(a.ids),
      name: a.name ?? null,
      publisher: a.publisher ?? null,
      verified: a.verified ?? null,
      third_party: a.thirdParty ?? null,
    });
    any = true;
  }
  seq = 0;
  for (const p of m.principals ?? []) {
    await stage.write('principal_facts', {
      file_id: fileId,
      record_no: recordNo,
      seq: seq++,
      source: parser.source,
      kind: p.kind,
      email: p.email?.toLowerCase() ?? null,
      ids: normIds(p.ids),
      display_name: p.displayName ?? null,
      department: p.department ?? null,
      manager_email: p.managerEmail ?? null,
      hr_status: p.hrStatus ?? null,
      start_date: p.startDate ?? null,
      end_date: p.endDate ?? null,
    });
    any = true;
  }
  for (const g of m.grants ?? []) {
    const app = g.app ? ref(g.app.kind, g.app.value) : null;
    const principal = g.principalRef ? ref(g.principalRef.kind, g.principalRef.value) : null;
    await stage.write('grants', {
      grant_key: `${parser.platform}:grant:${g.grantId ?? `${fileId}:${recordNo}`}`,
      platform: parser.platform,
      principal_key: g.principalEmail ? `person:${g.principalEmail.toLowerCase()}` : null,
      consent_type: g.consentType ?? null,
      scopes_requested: g.scopesRequested ?? null,
      scopes_granted: g.scopesGranted ?? null,
      granted_at: g.grantedAt ?? null,
      revoked_at: g.revokedAt ?? null,
      app_ref_kind: app?.kind ?? null,
      app_ref: app?.value ?? null,
      principal_ref_kind: principal?.kind ?? null,
      principal_ref: principal?.value ?? null,
      file_id: fileId,
      record_no: recordNo,
    });
    any = true;
  }
  for (const [a, b] of m.credentialLinks ?? []) {
    await stage.write('credential_links', {
      file_id: fileId,
      record_no: recordNo,
      kind_a: a.kind,
      value_a: normaliseId(a.kind, a.value),
      kind_b: b.kind,
      value_b: normaliseId(b.kind, b.value),
    });
  }
  return { any, events };
}

function platformFromIds(ids: IdRef[]): string {
  const p = ids[0]?.kind.split('_')[0] ?? 'other';
  return ['okta', 'entra', 'google', 'github', 'salesforce', 'aws', 'slack', 'gcp'].includes(p) ? p : 'other';
}

/**
 * Numbers from a record as their INTEGER / BIGINT columns can hold them; anything else (1e30,
 * 7922.5, -1) is absent rather than a conversion error that would fail the whole import.
 */
function int32(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : null;
}
const validAsn = int32;
function count(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function eventRow(job: ParseJob, parser: ParserSpec, recordNo: number, e: EventFact) {
  const ipRaw = e.ip ?? null;
  const ip = normaliseIp(ipRaw);
  const found = ip ? job.enricher.lookup(ip) : null;
  const geo = e.geo ?? {};
  const cred = e.credential ? ref(e.credential.kind, e.credential.value) : null;
  const app = e.app ? ref(e.app.kind, e.app.value) : null;
  const email = e.actorEmail && /^[^@\s]+@[^@\s]+$/.test(e.actorEmail) ? e.actorEmail.toLowerCase() : null;
  const platform = parser.platform;
  return {
    event_id: job.nextEventId(),
    file_id: job.fileId,
    record_no: recordNo,
    sub_no: e.subNo ?? 0,
    source: parser.source,
    platform,
    event_time: e.time.utc,
    time_raw: e.time.raw,
    time_quality: e.time.quality,
    action: e.action,
    action_raw: e.actionRaw,
    category: e.category,
    outcome: e.outcome,
    failure_reason: e.failureReason ?? null,
    actor_id: e.actorId ?? null,
    actor_name: e.actorName ?? null,
    actor_type: e.actorType ?? 'unknown',
    principal_key: email ? `person:${email}` : e.actorId ? `${platform}:${e.actorType ?? 'unknown'}:${e.actorId}` : null,
    credential_ref: cred?.value ?? null,
    credential_ref_kind: cred?.kind ?? null,
    credential_ref_type: e.credential?.type ?? null,
    app_ref: app?.value ?? null,
    app_ref_kind: app?.kind ?? null,
    app_name: e.appName ?? null,
    ip,
    ip_raw: ipRaw,
    asn: validAsn(geo.asn ?? found?.asn),
    as_org: geo.asOrg ?? found?.asOrg ?? null,
    country: geo.country ?? found?.country ?? null,
    city: geo.city ?? found?.city ?? null,
    lat: geo.lat ?? found?.lat ?? null,
    lon: geo.lon ?? found?.lon ?? null,
    user_agent: e.userAgent ?? null,
    system_key: e.systemKey ?? null,
    resource: e.resource ?? null,
    operation: e.operation ?? null,
    bytes: count(e.bytes),
    rows: count(e.rows),
    scopes: e.scopes ?? null,
    scopes_requested: e.scopesRequested ?? null,
    session_id: e.sessionId ?? null,
  };
}

export { FileError };
