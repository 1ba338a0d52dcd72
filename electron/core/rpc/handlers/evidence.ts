import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../../shared/contract';
import { importEvidence } from '../../ingest';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type EvidenceHandlers = Pick<Handlers, 'evidence.importPaths' | 'evidence.list' | 'evidence.rejects' | 'evidence.cancel'>;

const RAW_TEXT_CAP = 4096;

export function evidenceHandlers({ session, events }: BackendContext): EvidenceHandlers {
  let running: AbortController | null = null;
  return {
    'evidence.importPaths': async ({ paths }) => {
      const db = session.require();
      if (running) throw new ContractError('CONFLICT', 'An import is already running; cancel it or wait for it to finish.');
      const controller = new AbortController();
      running = controller;
      const jobId = `import-${randomUUID()}`;
      try {
        return await importEvidence(db, paths, {
          signal: controller.signal,
          onProgress: (p) => {
            const label = `Importing ${p.file.split(/[\\/]/).pop() ?? p.file} (${p.fileIndex + 1}/${p.fileCount})`;
            events.emit({ event: 'job.progress', payload: { jobId, label, done: p.bytesDone, total: p.bytesTotal, unit: 'bytes' } });
            events.emit({ event: 'job.progress', payload: { jobId, label, done: p.recordsDone, total: null, unit: 'records' } });
          },
        });
      } finally {
        running = null;
      }
    },
    'evidence.cancel': () => {
      if (!running) return { cancelled: false };
      running.abort();
      return { cancelled: true };
    },
    'evidence.list': async () => {
      const conn = session.require().connection;
      const files = (
        await conn.runAndReadAll(`SELECT file_id, import_id, sha256, path, file_name, bytes, source, shape, parser, parser_version, encoding, compression,
          records_seen, records_loaded, records_rejected, records_unmapped, events_loaded, CAST(warnings AS VARCHAR) AS warnings,
          strftime(imported_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS imported_at FROM evidence_files ORDER BY file_id`)
      ).getRowObjectsJS();
      const skipped = (
        await conn.runAndReadAll(`SELECT import_id, path, sha256, bytes, status, reason_code, reason,
          strftime(seen_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS seen_at FROM evidence_skipped ORDER BY import_id, path`)
      ).getRowObjectsJS();
      const enrichment = (await conn.runAndReadAll(`SELECT DISTINCT enrichment FROM imports WHERE enrichment IS NOT NULL ORDER BY 1`)).getRowObjectsJS();
      return {
        files: files.map((r) => ({
          fileId: Number(r.file_id),
          importId: Number(r.import_id),
          sha256: String(r.sha256),
          path: String(r.path),
          fileName: String(r.file_name),
          bytes: Number(r.bytes),
          source: String(r.source),
          shape: String(r.shape),
          parser: String(r.parser),
          parserVersion: String(r.parser_version),
          encoding: r.encoding === null ? null : String(r.encoding),
          compression: r.compression === null ? null : String(r.compression),
          recordsSeen: Number(r.records_seen),
          recordsLoaded: Number(r.records_loaded),
          recordsRejected: Number(r.records_rejected),
          recordsUnmapped: Number(r.records_unmapped),
          eventsLoaded: Number(r.events_loaded),
          warnings: r.warnings ? (JSON.parse(String(r.warnings)) as string[]) : [],
          importedAt: String(r.imported_at),
        })),
        skipped: skipped.map((r) => ({
          importId: Number(r.import_id),
          path: String(r.path),
          sha256: r.sha256 === null ? null : String(r.sha256),
          bytes: r.bytes === null ? null : Number(r.bytes),
          status: String(r.status),
          reasonCode: String(r.reason_code),
          reason: String(r.reason),
          seenAt: String(r.seen_at),
        })),
        enrichment: enrichment.map((r) => String(r.enrichment)),
      };
    },
    'evidence.rejects': async ({ fileId, offset, limit }) => {
      const conn = session.require().connection;
      const total = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM evidence_rejects WHERE file_id = $f`, { f: fileId })).getRowObjectsJS()[0]?.n ?? 0);
      const rows = (
        await conn.runAndReadAll(
          `SELECT record_no, byte_offset, reason_code, reason, raw_length, raw_sha256, to_base64(raw[1:${RAW_TEXT_CAP}]) AS raw_b64
           FROM evidence_rejects WHERE file_id = $f ORDER BY record_no LIMIT $limit OFFSET $offset`,
          { f: fileId, limit, offset },
        )
      ).getRowObjectsJS();
      return {
        total,
        rows: rows.map((r) => {
          const raw = Buffer.from(String(r.raw_b64 ?? ''), 'base64');
          return {
            recordNo: Number(r.record_no),
            byteOffset: r.byte_offset === null ? null : Number(r.byte_offset),
            reasonCode: String(r.reason_code),
            reason: String(r.reason),
            rawLength: Number(r.raw_length),
            rawSha256: String(r.raw_sha256),
            rawText: escapeControls(raw.toString('utf8')),
            rawBase64: raw.toString('base64'),
            truncated: Number(r.raw_length) > raw.length,
          };
        }),
      };
    },
  };
}

/** Control characters (NUL, ESC, CR…) shown as \xNN so a viewer never interprets them. */
function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
