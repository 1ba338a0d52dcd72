import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { appendAction } from '../cases/action-log';
import { ContractError } from '../../../shared/contract';
import { caseWorkDir, type CaseDatabase } from '../db/case-db';
import { offlineEnricher } from '../enrich/dataset';
import { rebuildIdentity } from '../inventory/rebuild';
import { toolVersion } from '../version';
import { FileError, hashFile } from './input';
import { loadStage } from './load';
import { BulkLoader } from './bulk/bulk-loader';
import { parseFile, recognise, recordHandler, scanFileBulk, type FileCounts, type ParseJob } from './process-file';
import { sniff } from './sniff';
import { Stage } from './stage';
import type { ParserSpec } from './types';

export interface ImportProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
  recordsDone: number;
}
export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** A parser the user chose for a file (the generic column mapper); skips recognition for that file. */
  parserFor?: (path: string) => ParserSpec | undefined;
  /** Staged characters per segment handed to DuckDB; tests lower it to exercise many segments. */
  segmentChars?: number;
  /** false: every record takes the per-record path, even for sources with a bulk plan (tests compare the two). */
  bulk?: boolean;
}
export interface ImportedFile {
  fileId: number | null;
  path: string;
  sha256: string;
  bytes: number;
  source: string;
  shape: string;
  recordsSeen: number;
  recordsLoaded: number;
  recordsRejected: number;
  warnings: string[];
  status: 'imported' | 'duplicate' | 'unrecognised' | 'failed';
  reason?: string;
}
export interface ImportResult {
  importId: number | null;
  files: ImportedFile[];
}

/** Files under the given paths (folders recursively, in name order); hidden files and folders skipped. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else if (st.isFile()) out.push(p);
  };
  for (const p of paths) walk(resolve(p));
  return out;
}

/**
 * Import evidence files into the open case as ONE transaction: a crash or cancel leaves
 * nothing half-visible. Every file is hashed before parsing; a hash already in the case is a
 * duplicate and is not loaded again; every record is loaded or rejected with a reason.
 */
export function importEvidence(db: CaseDatabase, paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  // Imports into one case run one after another (they share the staging folder and the id
  // sequences), each on its own connection so its transaction never swallows, or is swallowed
  // by, writes the rest of the backend makes meanwhile (triage, detections, saved queries).
  const previous = importQueue.get(db) ?? Promise.resolve();
  const run = previous.then(
    () => importOnOwnConnection(db, paths, options),
    () => importOnOwnConnection(db, paths, options),
  );
  importQueue.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

const importQueue = new WeakMap<CaseDatabase, Promise<unknown>>();

async function importOnOwnConnection(db: CaseDatabase, paths: string[], options: ImportOptions): Promise<ImportResult> {
  const conn = await db.engine.instance.connect();
  let result: ImportResult;
  try {
    result = await importWith(conn, db, paths, options);
  } finally {
    conn.closeSync();
  }
  // Logged after the commit on the case's own connection, where the hash-chained log is written
  // in order; the imports table already records the import itself.
  await appendAction(db.connection, 'evidence.import', {
    importId: result.importId,
    files: result.files.map((r) => ({ path: r.path, sha256: r.sha256, status: r.status, loaded: r.recordsLoaded, rejected: r.recordsRejected })),
  });
  return result;
}

async function importWith(conn: CaseDatabase['connection'], db: CaseDatabase, paths: string[], options: ImportOptions): Promise<ImportResult> {
  const { signal } = options;
  let files: string[];
  try {
    files = collectFiles(paths);
  } catch (error) {
    throw new ContractError('NOT_FOUND', `Cannot read ${error instanceof Error ? error.message : String(error)}`);
  }
  const sizes = files.map((f) => statSync(f).size);
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const stagingRoot = join(caseWorkDir(db.path), 'staging');
  // Leftovers of an import that was killed are never needed: its transaction never committed.
  await rm(stagingRoot, { recursive: true, force: true });
  const importDir = join(stagingRoot, `import-${randomUUID()}`);
  await mkdir(importDir, { recursive: true });
  const enricher = offlineEnricher();
  // Staged rows go to DuckDB in segments: while DuckDB loads one (on its own threads), Node
  // parses the next, so the two cores overlap. The connection is used by one step at a time:
  // everything else that queries awaits `loading` first.
  let segment = 0;
  let stage = await Stage.create(join(importDir, `rows-${segment}`));
  let loading: Promise<void> = Promise.resolve();
  const failedFileIds: number[] = [];
  const enqueueLoad = (full: Stage) => {
    const next = loading.then(async () => {
      await full.close();
      await loadStage(conn, full, failedFileIds);
      await rm(full.dir, { recursive: true, force: true });
    });
    next.catch(() => undefined); // awaited later; never an unhandled rejection meanwhile
    loading = next;
  };
  const rotate = async () => {
    const full = stage;
    stage = await Stage.create(join(importDir, `rows-${++segment}`));
    enqueueLoad(full);
  };
  const settled = async () => {
    await loading;
  };
  const enqueue = (step: () => Promise<void>) => {
    const next = loading.then(step);
    next.catch(() => undefined);
    loading = next;
  };
  const results: ImportedFile[] = [];
  const importedHere = new Map<string, { file_id: number | null; path: string }>();
  let bytesDone = 0;
  let recordsDone = 0;
  let lastReport = 0;
  let committed = false;
  const report = (file: string, fileIndex: number, force = false) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    // Every byte can be read while DuckDB still loads the last segments: the job shows complete
    // only once the import has committed.
    const done = committed ? bytesTotal : Math.min(bytesDone, Math.max(0, bytesTotal - 1));
    options.onProgress({ file, fileIndex, fileCount: files.length, bytesDone: done, bytesTotal, recordsDone });
  };
  const checkCancel = () => {
    if (signal?.aborted) throw new ContractError('CANCELLED', 'The import was cancelled; nothing from it was kept.');
  };

  let fileId = 0;
  let eventId = 0;
  // Records of sources with a bulk plan are read by DuckDB itself (bulk/).
  const bulk = new BulkLoader({
    conn,
    dir: importDir,
    enricher,
    failedFileIds,
    enqueue,
    segmentBytes: options.segmentChars ?? BULK_SEGMENT_BYTES,
    reserveEventIds: (n) => {
      const first = eventId + 1;
      eventId += n;
      return first;
    },
  });
  // The import's transaction runs on `conn`, one step at a time; reads of what earlier imports
  // committed (duplicate hashes) use their own connection so they need not wait for it.
  let reader: CaseDatabase['connection'] | undefined;
  // A cancel also stops the statement DuckDB is running (a bulk segment takes seconds).
  const interrupt = () => conn.interrupt();
  signal?.addEventListener('abort', interrupt);
  await conn.run('BEGIN TRANSACTION');
  try {
    reader = await db.engine.instance.connect();
    const ids = (await conn.runAndReadAll(`SELECT (SELECT coalesce(max(import_id), 0) FROM imports) AS i, (SELECT coalesce(max(file_id), 0) FROM evidence_files) AS f,
        (SELECT coalesce(max(event_id), 0) FROM events) AS e`)).getRowObjectsJS()[0]!;
    const importId = Number(ids.i) + 1;
    const skip = async (file: ImportedFile, code: string) => {
      await settled();
      return skipped(conn, importId, file, code);
    };
    fileId = Number(ids.f);
    eventId = Number(ids.e);
    await conn.run(`INSERT INTO imports (import_id, started_at, tool_version, options, enrichment, state) VALUES ($id, now(), $v, $o, $e, 'committed')`, {
      id: importId,
      v: toolVersion,
      o: JSON.stringify({ paths }),
      e: enricher.description,
    });
    for (const [index, path] of files.entries()) {
      // No waiting for DuckDB here: while it loads earlier segments, Node hashes and scans on.
      checkCancel();
      const bytes = sizes[index]!;
      report(path, index, true);
      const base: ImportedFile = { fileId: null, path, sha256: '', bytes, source: 'unknown', shape: 'unknown', recordsSeen: 0, recordsLoaded: 0, recordsRejected: 0, warnings: [], status: 'failed' };
      try {
        base.sha256 = await hashFile(path, signal);
      } catch (error) {
        checkCancel();
        results.push(await skip({ ...base, reason: `cannot read the file: ${message(error)}` }, 'UNREADABLE'));
        bytesDone += bytes;
        continue;
      }
      // Files of this import whose manifest row waits for their bulk load count as imported too.
      const dup =
        importedHere.get(base.sha256) ?? (await reader.runAndReadAll(`SELECT file_id, path FROM evidence_files WHERE sha256 = $h`, { h: base.sha256 })).getRowObjectsJS()[0];
      if (dup) {
        results.push({ ...base, status: 'duplicate', fileId: Number(dup.file_id), reason: `already imported as file ${String(dup.file_id)} (${String(dup.path)}); same SHA-256` });
        bytesDone += bytes;
        continue;
      }
      const outcome = await importOne(path, bytes, base);
      if (outcome.status === 'imported') importedHere.set(base.sha256, { file_id: outcome.fileId, path });
      results.push(outcome);
      if (outcome.status !== 'imported') bytesDone += bytes;
      report(path, index, true);
    }
    checkCancel();
    bulk.seal();
    enqueueLoad(stage);
    await settled();
    checkCancel();
    await rebuildIdentity(conn, join(importDir, 'identity'));
    checkCancel();
    await conn.run(`UPDATE imports SET finished_at = now() WHERE import_id = $id`, { id: importId });
    await conn.run('COMMIT');
    committed = true;
    report(files[files.length - 1] ?? '', Math.max(0, files.length - 1), true);
    return { importId, files: results };

    async function importOne(path: string, bytes: number, base: ImportedFile): Promise<ImportedFile> {
      let sniffed;
      try {
        sniffed = await sniff(path, bytes, signal);
      } catch (error) {
        checkCancel();
        return skip({ ...base, reason: message(error) }, error instanceof FileError ? error.code : 'UNREADABLE');
      }
      if (!sniffed.container) return skip({ ...base, status: 'unrecognised', reason: sniffed.reason ?? 'unknown content' }, 'UNRECOGNISED');
      let recognition;
      try {
        recognition = await recognise(path, bytes, sniffed, signal, options.parserFor?.(path));
      } catch (error) {
        checkCancel();
        return skip({ ...base, reason: message(error) }, error instanceof FileError ? error.code : 'UNREADABLE');
      }
      if (!recognition.parser) return skip({ ...base, status: 'unrecognised', reason: recognition.reason }, 'UNRECOGNISED');
      const parser = recognition.parser;
      const shape = `${parser.source}.${parser.kind}.${sniffed.container}${sniffed.gzip ? '.gz' : ''}`;
      const id = ++fileId;
      const warnings = [...sniffed.notes];
      let fileBytesDone = 0;
      const job: ParseJob = {
        path,
        fileId: id,
        fileBytes: bytes,
        sniffed,
        get stage() {
          return stage;
        },
        maybeRotate: () => (stage.size > (options.segmentChars ?? SEGMENT_CHARS) ? rotate() : undefined),
        enricher,
        signal,
        nextEventId: () => ++eventId,
        onRawBytes: (n) => {
          fileBytesDone += n;
          bytesDone += n;
          report(path, files.indexOf(path));
        },
        onRecord: () => {
          recordsDone++;
        },
      };
      const inBulk = Boolean(parser.bulk) && options.bulk !== false && !options.parserFor?.(path) && sniffed.container !== 'csv';
      const imported = (counts: FileCounts): ImportedFile => ({
        ...base,
        fileId: id,
        source: parser.source,
        shape,
        recordsSeen: counts.seen,
        recordsLoaded: counts.loaded,
        recordsRejected: counts.rejected,
        warnings,
        status: 'imported',
      });
      const recordFile = (counts: FileCounts) =>
        conn.run(
          `INSERT INTO evidence_files (file_id, import_id, sha256, path, file_name, bytes, modified_at, source, shape, parser, parser_version, encoding, compression,
             records_seen, records_loaded, records_rejected, records_unmapped, events_loaded, warnings, imported_at)
           VALUES ($id, $import, $sha, $path, $name, $bytes, $mtime, $source, $shape, $parser, $pv, $enc, $comp, $seen, $loaded, $rejected, $unmapped, $events, $warnings, now())`,
          {
            id,
            import: importId,
            sha: base.sha256,
            path,
            name: basename(path),
            bytes,
            mtime: statSync(path).mtime.toISOString(),
            source: parser.source,
            shape,
            parser: parser.id,
            pv: parser.version,
            enc: sniffed.encoding,
            comp: sniffed.gzip ? 'gzip' : null,
            seen: counts.seen,
            loaded: counts.loaded,
            rejected: counts.rejected,
            unmapped: counts.unmapped,
            events: counts.events,
            warnings: JSON.stringify(warnings),
          },
        );
      try {
        if (inBulk) {
          const handler = recordHandler(job, parser, {});
          bulk.openFile(id, (rec) => handler.handle(rec));
          await scanFileBulk(job, handler, (records) => bulk.write(parser, id, records));
          // Counted and written to the manifest once DuckDB has loaded the file's last segment.
          const result = imported(handler.counts);
          bulk.closeFile(id, async (loadedInBulk) => {
            const counts = handler.counts;
            counts.seen += loadedInBulk;
            counts.loaded += loadedInBulk;
            counts.events += loadedInBulk;
            handler.finish(warnings);
            await recordFile(counts);
            Object.assign(result, imported(counts));
          });
          return result;
        }
        const counts = await parseFile(job, parser, { delimiter: recognition.delimiter, header: recognition.header }, warnings);
        await settled();
        await recordFile(counts);
        return imported(counts);
      } catch (error) {
        // Rows of this file still staged are skipped at load time by file_id; rows already
        // loaded with an earlier segment are deleted (inside the same transaction).
        failedFileIds.push(id);
        checkCancel();
        await settled();
        await deleteFileRows(conn, id);
        bytesDone -= fileBytesDone;
        return skipped(conn, importId, { ...base, source: parser.source, shape, reason: message(error) }, error instanceof FileError ? error.code : 'FAILED');
      }
    }
  } catch (error) {
    await loading.catch(() => undefined);
    await conn.run('ROLLBACK').catch(() => undefined);
    if ((error instanceof Error && error.name === 'AbortError') || signal?.aborted) throw new ContractError('CANCELLED', 'The import was cancelled; nothing from it was kept.');
    throw error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    reader?.closeSync();
    await bulk.discard();
    await stage.close().catch(() => undefined);
    await rm(importDir, { recursive: true, force: true });
  }
}

/** Staged characters per segment handed to DuckDB (~64 MB). */
const SEGMENT_CHARS = 64 * 1024 * 1024;
/**
 * Staged bytes per bulk segment (bulk/). Measured on 1M Okta events (854 MB): 128 MB segments
 * 14.9 s, 256 MB 9.8 s, 512 MB 9.3-9.5 s, one segment 9.6 s; peak RSS about the same (1.4-1.5 GB).
 */
const BULK_SEGMENT_BYTES = 512 * 1024 * 1024;

const fileTables = ['evidence_records', 'evidence_rejects', 'events', 'credential_facts', 'app_facts', 'principal_facts', 'grants', 'credential_links'];

async function deleteFileRows(conn: CaseDatabase['connection'], fileId: number): Promise<void> {
  for (const table of fileTables) await conn.run(`DELETE FROM ${table} WHERE file_id = $id`, { id: fileId });
}

async function skipped(conn: CaseDatabase['connection'], importId: number, file: ImportedFile, code: string): Promise<ImportedFile> {
  await conn.run(
    `INSERT INTO evidence_skipped (import_id, path, sha256, bytes, status, reason_code, reason, seen_at) VALUES ($i, $p, $s, $b, $st, $c, $r, now())`,
    { i: importId, p: file.path, s: file.sha256 || null, b: file.bytes, st: file.status === 'unrecognised' ? 'unrecognised' : 'failed', c: code, r: file.reason ?? '' },
  );
  return { ...file, reason: file.status === 'failed' ? `${code}: ${file.reason ?? ''}` : file.reason };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
