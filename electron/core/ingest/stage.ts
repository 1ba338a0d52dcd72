import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const stagedTables = ['records', 'records_plain', 'rejects', 'events', 'credential_facts', 'app_facts', 'principal_facts', 'grants', 'credential_links'] as const;
const BATCH_CHARS = 1 << 20;

export type StagedTable = (typeof stagedTables)[number];

/**
 * NDJSON files of canonical rows for one evidence file, written under the case's staging folder
 * (the only place the locked-down DuckDB may read). Backpressure is honoured so a huge file
 * never buffers in memory.
 */
export class Stage {
  private readonly streams = new Map<StagedTable, WriteStream>();
  /** Rows are batched into ~1 MB writes: one stream.write per row costs more than the row. */
  private readonly pending = new Map<StagedTable, { parts: string[]; size: number }>();
  readonly counts = new Map<StagedTable, number>();
  /** Characters staged so far (decides when the import hands a segment to DuckDB). */
  size = 0;

  private constructor(readonly dir: string) {}

  static async create(dir: string): Promise<Stage> {
    await mkdir(dir, { recursive: true });
    return new Stage(dir);
  }

  path(table: StagedTable): string {
    return join(this.dir, table === 'records_plain' ? 'records_plain.txt' : `${table}.ndjson`);
  }

  /**
   * A raw record as one \x01-separated line with no JSON escaping, for records whose bytes are
   * valid UTF-8 without LF, CR, NUL or \x01 (nearly every NDJSON line): the evidence text is then
   * neither escaped by Node nor unescaped by DuckDB.
   */
  writePlain(fileId: number, recordNo: number, offset: number, length: number, raw: string): Promise<void> | undefined {
    return this.writeLine('records_plain', `${fileId}\u0001${recordNo}\u0001${offset}\u0001${length}\u0001${raw}`);
  }

  /** Write one row; resolves at once unless the OS buffer is full. */
  write(table: StagedTable, row: unknown): Promise<void> | undefined {
    // No replacer on the common path: JSON.stringify with a replacer function loses V8's fast path.
    let line = JSON.stringify(row);
    // A lone UTF-16 surrogate (a record's "\ud800") stringifies as an escape DuckDB's JSON reader
    // rejects, which failed the whole import: such strings are staged with U+FFFD instead (the
    // evidence record keeps the original text).
    if (line.includes('\\ud')) line = JSON.stringify(row, wellFormed);
    return this.writeLine(table, line);
  }

  /** Write a row built from DuckDB results, whose BIGINT values arrive as BigInt. */
  writeFromDb(table: StagedTable, row: unknown): Promise<void> | undefined {
    return this.writeLine(table, JSON.stringify(row, bigintAsNumber));
  }

  private writeLine(table: StagedTable, line: string): Promise<void> | undefined {
    let stream = this.streams.get(table);
    if (!stream) {
      stream = createWriteStream(this.path(table), { flags: 'w', highWaterMark: 1 << 20 });
      this.streams.set(table, stream);
    }
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    let batch = this.pending.get(table);
    if (!batch) {
      batch = { parts: [], size: 0 };
      this.pending.set(table, batch);
    }
    batch.parts.push(line);
    batch.size += line.length + 1;
    this.size += line.length + 1;
    if (batch.size < BATCH_CHARS) return undefined;
    return this.flush(table, stream, batch);
  }

  private flush(table: StagedTable, stream: WriteStream, batch: { parts: string[]; size: number }): Promise<void> | undefined {
    const text = batch.parts.join('\n') + '\n';
    this.pending.set(table, { parts: [], size: 0 });
    if (batch.parts.length === 0 || stream.write(text)) return undefined;
    const s = stream;
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        s.off('drain', onDrain);
        reject(error);
      };
      const onDrain = () => {
        s.off('error', onError);
        resolve();
      };
      s.once('drain', onDrain);
      s.once('error', onError);
    });
  }

  has(table: StagedTable): boolean {
    return (this.counts.get(table) ?? 0) > 0;
  }

  async close(): Promise<void> {
    for (const [table, batch] of this.pending) {
      const stream = this.streams.get(table);
      if (stream && batch.parts.length) await this.flush(table, stream, batch);
    }
    await Promise.all(
      [...this.streams.values()].map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('error', reject);
            s.end(resolve);
          }),
      ),
    );
    this.streams.clear();
  }
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(loneSurrogate, '\ufffd') : value;
}

/** Row values read back from DuckDB may be BigInt (BIGINT columns); ids and counts fit a double. */
function bigintAsNumber(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}
