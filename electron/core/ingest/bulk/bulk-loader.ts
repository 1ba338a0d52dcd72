import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IpEnricher } from '../../enrich/dataset';
import type { RawRecord } from '../records';
import type { ParserSpec } from '../types';
import { loadBulkSegment } from './load';
import { BulkSegment } from './segment';

export interface BulkLoaderOptions {
  conn: DuckDBConnection;
  /** Folder for this import's segments (under the case's staging folder). */
  dir: string;
  enricher: IpEnricher;
  failedFileIds: number[];
  /** Reserve `n` consecutive event ids; returns the first. */
  reserveEventIds(n: number): number;
  /** Run a step on the import's connection after every step queued before it. */
  enqueue(step: () => Promise<void>): void;
  /** Staged bytes per segment handed to DuckDB. */
  segmentBytes: number;
}

interface FileEntry {
  /** The per-record path of this file, for records DuckDB hands back. */
  handleMisfit(rec: RawRecord): Promise<void>;
  loaded: number;
}

/**
 * Collects bulk-ready records of one import into segments and loads each into DuckDB on the
 * import's connection while Node scans on (the two cores overlap). A file is finished — counts
 * final, manifest row written — only once every segment holding its records has been loaded.
 */
export class BulkLoader {
  private segment: BulkSegment | null = null;
  private count = 0;
  private readonly files = new Map<number, FileEntry>();
  private finishers: (() => Promise<void>)[] = [];

  constructor(private readonly options: BulkLoaderOptions) {}

  /** Register a file before its records are staged; `handleMisfit` is its per-record path. */
  openFile(fileId: number, handleMisfit: (rec: RawRecord) => Promise<void>): void {
    this.files.set(fileId, { handleMisfit, loaded: 0 });
  }

  async write(parser: ParserSpec, fileId: number, records: RawRecord[]): Promise<void> {
    if (records.length === 0) return;
    if (this.segment && this.segment.parserId !== parser.id) this.seal();
    if (!this.segment) this.segment = await BulkSegment.create(join(this.options.dir, `bulk-${this.count++}`), parser.bulk!, parser.id, parser.source, parser.platform);
    await this.segment.write(fileId, records);
    if (this.segment.bytes >= this.options.segmentBytes) this.seal();
  }

  /** Run `finish(loadedInBulk)` once every record of the file staged so far has been loaded. */
  closeFile(fileId: number, finish: (loadedInBulk: number) => Promise<void>): void {
    const run = async () => {
      const entry = this.files.get(fileId);
      this.files.delete(fileId);
      await finish(entry?.loaded ?? 0);
    };
    if (this.segment) this.finishers.push(run);
    else this.options.enqueue(run);
  }

  /** Hand the current segment to DuckDB (queued behind earlier steps). */
  seal(): void {
    const segment = this.segment;
    const finishers = this.finishers;
    this.segment = null;
    this.finishers = [];
    if (!segment) return;
    this.options.enqueue(async () => {
      await segment.close();
      const loaded = await loadBulkSegment({
        conn: this.options.conn,
        segment,
        firstEventId: this.options.reserveEventIds(segment.lines),
        failedFileIds: this.options.failedFileIds,
        enricher: this.options.enricher,
        onMisfit: async (fileId, rec) => {
          await this.files.get(fileId)?.handleMisfit(rec);
        },
      });
      for (const [fileId, n] of loaded) {
        const entry = this.files.get(fileId);
        if (entry) entry.loaded += n;
      }
      await rm(segment.dir, { recursive: true, force: true });
      for (const finish of finishers) await finish();
    });
  }

  /** Abandon staged segments (the import failed; its transaction rolls back). */
  async discard(): Promise<void> {
    const segment = this.segment;
    this.segment = null;
    this.finishers = [];
    await segment?.close().catch(() => undefined);
  }
}
