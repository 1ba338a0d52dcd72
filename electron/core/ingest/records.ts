import { createHash } from 'node:crypto';
import { contentChunks, FileError } from './input';
import { splitDocument } from './json-scan';
import { limits } from './limits';

export type Container = 'ndjson' | 'json' | 'csv';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** One record's bytes and where they were, or why it cannot be loaded. */
export interface RawRecord {
  /** 1-based in file order; 0 is a CSV header row. */
  recordNo: number;
  /** Byte offset in the (decompressed) content. */
  offset: number;
  length: number;
  /** The record's bytes; null when it was larger than the cap (then `head`, `sha256` describe it). */
  bytes: Buffer | null;
  head?: Buffer;
  sha256?: string;
  depth?: number;
  reject?: { code: string; reason: string };
}

export interface ReadOptions {
  gzip: boolean;
  fileBytes: number;
  container: Container;
  encoding: Encoding;
  signal?: AbortSignal;
  onRawBytes?: (n: number) => void;
}

/** Records of a file in order, with offsets; caps applied here, before anything parses them. */
export async function* readRecords(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  for await (const batch of readRecordBatches(path, options)) yield* batch;
}

/**
 * The same records, a chunk's worth at a time: the bulk path handles a million lines without
 * paying an async-iterator step per line.
 */
export function readRecordBatches(path: string, options: ReadOptions): AsyncGenerator<RawRecord[]> {
  const chunks = decodedChunks(path, options);
  return options.container === 'json' ? documentRecords(chunks) : lineRecords(chunks, options.container === 'csv');
}

/** Content chunks with a UTF-8 BOM skipped and UTF-16 transcoded to UTF-8 (offsets then refer to the UTF-8 text). */
async function* decodedChunks(path: string, options: ReadOptions): AsyncGenerator<{ buf: Buffer; offset: number }> {
  const source = contentChunks(path, options);
  if (options.encoding === 'utf-16le' || options.encoding === 'utf-16be') {
    const all = await collect(source);
    let body = all;
    if (body.length >= 2 && ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff))) body = body.subarray(2);
    if (options.encoding === 'utf-16be') body = Buffer.from(body).swap16();
    if (body.length % 2 === 1) body = body.subarray(0, body.length - 1);
    yield { buf: Buffer.from(body.toString('utf16le'), 'utf8'), offset: 0 };
    return;
  }
  let offset = 0;
  let first = true;
  for await (let chunk of source) {
    if (first && options.encoding === 'utf-8-bom' && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
      offset = 3;
    }
    first = false;
    yield { buf: chunk, offset };
    offset += chunk.length;
  }
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > limits.maxDocumentBytes) {
      throw new FileError('DOCUMENT_TOO_LARGE', `a single JSON document larger than ${limits.maxDocumentBytes} bytes is not supported; split it or export NDJSON`);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

const DOCUMENT_BATCH = 4096;

async function* documentRecords(chunks: AsyncGenerator<{ buf: Buffer; offset: number }>): AsyncGenerator<RawRecord[]> {
  const parts: Buffer[] = [];
  let base = -1;
  let total = 0;
  for await (const { buf, offset } of chunks) {
    if (base < 0) base = offset;
    total += buf.length;
    if (total > limits.maxDocumentBytes) {
      throw new FileError('DOCUMENT_TOO_LARGE', `a single JSON document larger than ${limits.maxDocumentBytes} bytes is not supported; split it or export NDJSON`);
    }
    parts.push(buf);
  }
  const doc = Buffer.concat(parts, total);
  const split = splitDocument(doc);
  let recordNo = 0;
  let batch: RawRecord[] = [];
  for (const span of split.records) {
    batch.push(sized(++recordNo, base + span.start, doc.subarray(span.start, span.end), span.depth));
    if (batch.length >= DOCUMENT_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (split.failure) {
    const rest = doc.subarray(split.failure.at);
    const rec = sized(recordNo + 1, base + split.failure.at, rest, 0);
    rec.reject = { code: split.failure.code, reason: `${split.failure.message}; the rest of the document (${rest.length} bytes) is kept here` };
    batch.push(rec);
  }
  if (batch.length) yield batch;
}

function sized(recordNo: number, offset: number, bytes: Buffer, depth: number): RawRecord {
  if (bytes.length > limits.maxRecordBytes) {
    return {
      recordNo,
      offset,
      length: bytes.length,
      bytes: null,
      head: bytes.subarray(0, limits.rejectRawCap),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      reject: { code: 'RECORD_TOO_LARGE', reason: `record is ${bytes.length} bytes; the cap is ${limits.maxRecordBytes}` },
    };
  }
  return { recordNo, offset, length: bytes.length, bytes, depth };
}

/**
 * NDJSON lines or CSV records (a CSV record may span lines inside quotes). Over-long records are
 * hashed streaming and quarantined without being held in memory.
 */
async function* lineRecords(chunks: AsyncGenerator<{ buf: Buffer; offset: number }>, csv: boolean): AsyncGenerator<RawRecord[]> {
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  let recordNo = csv ? -1 : 0;
  let inQuotes = false;
  let scanFrom = 0; // position in carry already scanned for quotes (CSV)
  // Over-long record in progress:
  let long: LongRecord | null = null;

  const finish = (bytes: Buffer, offset: number): RawRecord | null => {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    const body = bytes.subarray(0, end);
    if (!csv && isBlank(body)) return null;
    if (csv && body.length === 0) return null;
    recordNo++;
    return { recordNo, offset, length: body.length, bytes: body };
  };

  for await (const { buf, offset } of chunks) {
    const batch: RawRecord[] = [];
    let data: Buffer;
    let dataOffset: number;
    if (long) {
      const nl: { at: number; inQuotes: boolean } = csv ? csvRecordEnd(buf, 0, inQuotes) : { at: buf.indexOf(0x0a), inQuotes };
      if (nl.at < 0) {
        inQuotes = nl.inQuotes;
        long.hash.update(buf);
        long.length += buf.length;
        continue;
      }
      long.hash.update(buf.subarray(0, nl.at));
      long.length += nl.at;
      batch.push(tooLong(++recordNo, long, limits.maxRecordBytes));
      long = null;
      inQuotes = false;
      data = buf.subarray(nl.at + 1);
      dataOffset = offset + nl.at + 1;
      scanFrom = 0;
    } else {
      data = carry.length ? Buffer.concat([carry, buf]) : buf;
      dataOffset = carry.length ? carryOffset : offset;
    }
    let start = 0;
    let pos = scanFrom;
    for (;;) {
      let at: number;
      if (csv) {
        const r = csvRecordEnd(data, pos, inQuotes);
        at = r.at;
        inQuotes = r.inQuotes;
      } else at = data.indexOf(0x0a, pos);
      if (at < 0) break;
      const rec = finish(data.subarray(start, at), dataOffset + start);
      if (rec) batch.push(rec);
      start = at + 1;
      pos = start;
    }
    carry = data.subarray(start);
    carryOffset = dataOffset + start;
    scanFrom = carry.length;
    if (carry.length > limits.maxRecordBytes) {
      long = { offset: carryOffset, length: carry.length, hash: createHash('sha256').update(carry), head: Buffer.from(carry.subarray(0, limits.rejectRawCap)) };
      carry = Buffer.alloc(0);
      scanFrom = 0;
    } else if (carry.length) carry = Buffer.from(carry); // detach from the big chunk
    if (batch.length) yield batch;
  }
  if (long) {
    yield [tooLong(++recordNo, long, limits.maxRecordBytes)];
  } else if (carry.length) {
    const rec = finish(carry, carryOffset);
    if (rec) {
      if (csv && inQuotes) rec.reject = { code: 'UNTERMINATED_QUOTE', reason: 'a quoted field is still open at the end of the file' };
      yield [rec];
    }
  }
}

/** Next record end (LF outside quotes) from `from`; quote state carries across chunks. */
function csvRecordEnd(buf: Buffer, from: number, inQuotes: boolean): { at: number; inQuotes: boolean } {
  let q = inQuotes;
  let i = from;
  for (;;) {
    if (q) {
      const close = buf.indexOf(0x22, i);
      if (close < 0) return { at: -1, inQuotes: true };
      q = false;
      i = close + 1;
      continue;
    }
    const nl = buf.indexOf(0x0a, i);
    const quote = buf.indexOf(0x22, i);
    if (nl < 0 && quote < 0) return { at: -1, inQuotes: false };
    if (quote >= 0 && (nl < 0 || quote < nl)) {
      q = true;
      i = quote + 1;
      continue;
    }
    return { at: nl, inQuotes: false };
  }
}

function isBlank(buf: Buffer): boolean {
  for (const b of buf) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** A record past the size cap, measured and hashed as it streams by but never held in memory. */
interface LongRecord {
  offset: number;
  length: number;
  hash: ReturnType<typeof createHash>;
  head: Buffer;
}

function tooLong(recordNo: number, long: LongRecord, cap: number): RawRecord {
  return {
    recordNo,
    offset: long.offset,
    length: long.length,
    bytes: null,
    head: long.head,
    sha256: long.hash.digest('hex'),
    reject: { code: 'LINE_TOO_LONG', reason: `record is ${long.length} bytes; the cap is ${cap}` },
  };
}
