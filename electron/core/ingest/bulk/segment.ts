import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawRecord } from '../records';
import type { BulkPlan } from './plan';

/**
 * Records staged for one bulk load: one line per record, `seq \x01 file_id \x01 record_no \x01
 * byte_offset \x01 byte_length \x01 raw`, raw copied byte for byte (line-check.ts guarantees it
 * holds no separator, CR, LF or NUL). `seq` numbers the lines of the segment; event ids are
 * reserved per segment from it.
 */
export class BulkSegment {
  readonly path: string;
  lines = 0;
  bytes = 0;
  /** Files with records in this segment, in order. */
  readonly fileIds = new Set<number>();
  private readonly stream: WriteStream;

  private constructor(
    readonly dir: string,
    readonly plan: BulkPlan,
    readonly parserId: string,
    readonly source: string,
    readonly platform: string,
  ) {
    this.path = join(dir, 'bulk.txt');
    this.stream = createWriteStream(this.path, { flags: 'w', highWaterMark: 4 << 20 });
  }

  static async create(dir: string, plan: BulkPlan, parserId: string, source: string, platform: string): Promise<BulkSegment> {
    await mkdir(dir, { recursive: true });
    return new BulkSegment(dir, plan, parserId, source, platform);
  }

  /** Stage the given records (all bulk-ready); resolves when the OS has room for more. */
  write(fileId: number, records: RawRecord[]): Promise<void> | undefined {
    if (records.length === 0) return undefined;
    const prefixes = records.map((rec) => `${this.lines++}\u0001${fileId}\u0001${rec.recordNo}\u0001${rec.offset}\u0001${rec.length}\u0001`);
    let size = 0;
    for (let i = 0; i < records.length; i++) size += prefixes[i]!.length + records[i]!.length + 1;
    const out = Buffer.allocUnsafe(size);
    let pos = 0;
    for (let i = 0; i < records.length; i++) {
      pos += out.write(prefixes[i]!, pos, 'latin1');
      pos += records[i]!.bytes!.copy(out, pos);
      out[pos++] = 0x0a;
    }
    this.bytes += size;
    this.fileIds.add(fileId);
    if (this.stream.write(out)) return undefined;
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        this.stream.off('drain', onDrain);
        reject(error);
      };
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}
