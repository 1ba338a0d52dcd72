import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const stagedTables = ['records', 'rejects', 'events', 'credential_facts', 'app_facts', 'principal_facts', 'grants', 'credential_links'] as const;
export type StagedTable = (typeof stagedTables)[number];

/**
 * NDJSON files of canonical rows for one evidence file, written under the case's staging folder
 * (the only place the locked-down DuckDB may read). Backpressure is honoured so a huge file
 * never buffers in memory.
 */
export class Stage {
  private readonly streams = new Map<StagedTable, WriteStream>();
  readonly counts = new Map<StagedTable, number>();

  private constructor(readonly dir: string) {}

  static async create(dir: string): Promise<Stage> {
    await mkdir(dir, { recursive: true });
    return new Stage(dir);
  }

  path(table: StagedTable): string {
    return join(this.dir, `${table}.ndjson`);
  }

  /** Write one row; resolves at once unless the OS buffer is full. */
  write(table: StagedTable, row: unknown): Promise<void> | undefined {
    let stream = this.streams.get(table);
    if (!stream) {
      stream = createWriteStream(this.path(table), { flags: 'w', highWaterMark: 1 << 20 });
      this.streams.set(table, stream);
    }
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (stream.write(JSON.stringify(row, bigintAsNumber) + '\n')) return undefined;
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

/** Row values read back from DuckDB may be BigInt (BIGINT columns); ids and counts fit a double. */
function bigintAsNumber(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}
