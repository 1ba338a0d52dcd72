import { isUtf8 } from 'node:buffer';
import { depthExceeds } from '../json-scan';
import { limits } from '../limits';
import type { RawRecord } from '../records';

/**
 * Which records DuckDB may read in bulk: a JSON object on one line of valid UTF-8 with no NUL,
 * \x01 (the staging separator) or CR, nested no deeper than the cap. Everything else — rejects,
 * odd bytes, deep or suspicious records — takes the per-record path, which reports it exactly.
 * The depth cap is applied here, before DuckDB sees a record (DuckDB's JSON reader crashes on
 * extreme nesting): depth can never exceed the count of '{' and '[' bytes, so only records with
 * more of them than the cap pay for an exact scan.
 */
export function bulkReadyFlags(records: RawRecord[]): boolean[] {
  const plainSpan = spanIsPlain(records);
  return records.map((rec) => {
    const bytes = rec.bytes;
    if (rec.reject || !bytes || bytes.length === 0 || bytes[0] !== 0x7b) return false;
    if (!plainSpan && !bytesArePlain(bytes)) return false;
    if (rec.depth !== undefined) return rec.depth <= limits.maxDepth;
    return openBrackets(bytes, limits.maxDepth + 1) <= limits.maxDepth || !depthExceeds(bytes, 0, bytes.length, limits.maxDepth);
  });
}

/** No record needs a per-record byte check when the whole stretch of buffer they lie in is plain. */
function spanIsPlain(records: RawRecord[]): boolean {
  const first = records[0]?.bytes;
  const last = records[records.length - 1]?.bytes;
  if (!first || !last || first.buffer !== last.buffer || last.byteOffset < first.byteOffset) return false;
  const span = Buffer.from(first.buffer, first.byteOffset, last.byteOffset + last.length - first.byteOffset);
  // Between records there is only the newline that ended each (NDJSON) or array punctuation;
  // a newline inside an array element would break the one-line staging format, so JSON arrays
  // (records with a known depth) check each element instead.
  if (records[0]!.depth !== undefined) return false;
  return bytesArePlain(span, true);
}

function bytesArePlain(bytes: Buffer, newlinesAllowed = false): boolean {
  return bytes.indexOf(0x00) < 0 && bytes.indexOf(0x01) < 0 && bytes.indexOf(0x0d) < 0 && (newlinesAllowed || bytes.indexOf(0x0a) < 0) && isUtf8(bytes);
}

/**
 * How many '{' and '[' bytes a record holds, counting stops past `limit`. Reads four bytes at a
 * time and looks closer only at words holding one (twice as fast as a byte loop: ~0.4 s/GB here).
 */
export function openBrackets(bytes: Buffer, limit: number): number {
  let n = 0;
  let i = 0;
  const end = bytes.length;
  while (i < end && (bytes.byteOffset + i) % 4 !== 0) {
    const c = bytes[i++]!;
    if (c === 0x7b || c === 0x5b) n++;
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (end - i) >> 2);
  for (let k = 0; k < words.length; k++) {
    const v = words[k]!;
    const a = v ^ 0x7b7b7b7b;
    const b = v ^ 0x5b5b5b5b;
    // Classic "word has a zero byte" test, on the word XOR-ed with each bracket.
    if ((((a - 0x01010101) & ~a) | ((b - 0x01010101) & ~b)) & 0x80808080) {
      const at = i + (k << 2);
      for (let j = at; j < at + 4; j++) {
        const c = bytes[j]!;
        if (c === 0x7b || c === 0x5b) n++;
      }
      if (n > limit) return n;
    }
  }
  for (let j = i + (words.length << 2); j < end; j++) {
    const c = bytes[j]!;
    if (c === 0x7b || c === 0x5b) n++;
  }
  return n;
}
