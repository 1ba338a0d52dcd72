/**
 * A cheap byte scanner for JSON structure: finds where values end and how deep they nest,
 * without building them. It is what lets the importer cap nesting depth before JSON.parse or
 * DuckDB sees a record (DuckDB read_json segfaults around 17,500 levels). It does not validate
 * JSON fully; the parser that follows does. Iterative, so hostile depth cannot overflow a stack.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

export function isWs(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function skipWs(buf: Uint8Array, i: number, end: number): number {
  while (i < end && isWs(buf[i])) i++;
  return i;
}

export type ValueScan = { ok: true; end: number; depth: number } | { ok: false; at: number; code: 'TRUNCATED' | 'INVALID_JSON' };

/** Scan the one JSON value starting at `i`; `end` is exclusive. */
export function scanValue(buf: Uint8Array, i: number, end: number): ValueScan {
  const c = buf[i];
  if (c === QUOTE) {
    const e = stringEnd(buf, i, end);
    return e < 0 ? { ok: false, at: i, code: 'TRUNCATED' } : { ok: true, end: e, depth: 0 };
  }
  if (c !== OPEN_OBJ && c !== OPEN_ARR) {
    let j = i;
    while (j < end) {
      const b = buf[j]!;
      if (isWs(b) || b === COMMA || b === CLOSE_ARR || b === CLOSE_OBJ || b === COLON) break;
      j++;
    }
    return j === i ? { ok: false, at: i, code: 'INVALID_JSON' } : { ok: true, end: j, depth: 0 };
  }
  let depth = 0;
  let max = 0;
  for (let j = i; j < end; j++) {
    const b = buf[j]!;
    if (b === QUOTE) {
      const e = stringEnd(buf, j, end);
      if (e < 0) return { ok: false, at: i, code: 'TRUNCATED' };
      j = e - 1;
    } else if (b === OPEN_OBJ || b === OPEN_ARR) {
      if (++depth > max) max = depth;
    } else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
      if (--depth === 0) return { ok: true, end: j + 1, depth: max };
    }
  }
  return { ok: false, at: i, code: 'TRUNCATED' };
}

/**
 * Index just past the closing quote of the string starting at `i`, or -1 if it never closes.
 * Jumps from quote to quote with the native indexOf (strings are most of a record's bytes); a
 * quote preceded by an odd run of backslashes is escaped.
 */
function stringEnd(buf: Uint8Array, i: number, end: number): number {
  let from = i + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, from);
    if (q < 0 || q >= end) return -1;
    let backslashes = 0;
    for (let k = q - 1; k > i && buf[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/**
 * Maximum nesting depth of one line, quickly: a line with at most `cap` opening brackets in
 * total cannot nest deeper than `cap`, so only suspicious lines get the full string-aware scan.
 */
export function depthExceeds(buf: Uint8Array, start: number, end: number, cap: number): boolean {
  let opens = 0;
  for (const ch of [OPEN_OBJ, OPEN_ARR]) {
    let p = start;
    const b = buf as Buffer;
    while (p < end) {
      p = b.indexOf(ch, p);
      if (p < 0 || p >= end) break;
      if (++opens > cap) return fullDepth(buf, start, end) > cap;
      p++;
    }
  }
  return false;
}

function fullDepth(buf: Uint8Array, start: number, end: number): number {
  let depth = 0;
  let max = 0;
  for (let j = start; j < end; j++) {
    const b = buf[j]!;
    if (b === QUOTE) {
      const e = stringEnd(buf, j, end);
      if (e < 0) return max;
      j = e - 1;
    } else if (b === OPEN_OBJ || b === OPEN_ARR) {
      if (++depth > max) max = depth;
    } else if (b === CLOSE_OBJ || b === CLOSE_ARR) depth--;
  }
  return max;
}

export interface Span {
  start: number;
  end: number;
  depth: number;
}

export interface DocumentSplit {
  records: Span[];
  /** Key of the envelope array the records came from (Records, value, items…), if any. */
  envelope: string | null;
  /** Structural failure: bytes from `at` to the end could not be split into values. */
  failure: { at: number; code: 'TRUNCATED' | 'INVALID_JSON'; message: string } | null;
}

// Only wrappers real exports use; a record's own arrays (Google `events`, Okta `target`) are not envelopes.
export const envelopeKeys = new Set(['Records', 'records', 'value', 'items', 'entries', 'Events', 'AccessKeyMetadata', 'installations']);

/**
 * Split a whole JSON document into records: a top-level array's elements, an envelope object's
 * array (`{"Records":[…]}`, `{"value":[…]}`, `{"items":[…]}`, `{"entries":[…]}`…), or the object
 * itself. Several top-level values in a row (pretty-printed NDJSON) are each split the same way.
 */
export function splitDocument(buf: Uint8Array, from = 0): DocumentSplit {
  const end = buf.length;
  const records: Span[] = [];
  let envelope: string | null = null;
  let i = skipWs(buf, from, end);
  const fail = (at: number, code: 'TRUNCATED' | 'INVALID_JSON', message: string): DocumentSplit => ({
    records,
    envelope,
    failure: { at, code, message },
  });
  while (i < end) {
    const top = buf[i];
    if (top === OPEN_ARR) {
      const r = splitArray(buf, i, end, records);
      if (!r.ok) return fail(r.at, r.code, r.message);
      i = r.end;
    } else if (top === OPEN_OBJ) {
      const mark = records.length;
      let j = skipWs(buf, i + 1, end);
      let found: string | null = null;
      if (buf[j] === CLOSE_OBJ) j++;
      else {
        for (;;) {
          if (buf[j] !== QUOTE) return fail(i, j >= end ? 'TRUNCATED' : 'INVALID_JSON', `expected a key at byte ${j}`);
          const keyEnd = stringEnd(buf, j, end);
          if (keyEnd < 0) return fail(i, 'TRUNCATED', `key never closes (from byte ${j})`);
          const key = Buffer.from(buf.buffer, buf.byteOffset + j + 1, keyEnd - j - 2).toString('utf8');
          j = skipWs(buf, keyEnd, end);
          if (buf[j] !== COLON) return fail(i, j >= end ? 'TRUNCATED' : 'INVALID_JSON', `expected ':' at byte ${j}`);
          j = skipWs(buf, j + 1, end);
          if (buf[j] === OPEN_ARR && envelopeKeys.has(key) && found === null && startsObjectList(buf, j, end)) {
            const r = splitArray(buf, j, end, records);
            if (!r.ok) return fail(r.at, r.code, r.message);
            found = key;
            j = r.end;
          } else {
            if (j >= end) return fail(i, 'TRUNCATED', 'document ends inside an object');
            const v = scanValue(buf, j, end);
            if (!v.ok) return fail(i, v.code, `value at byte ${j} ${v.code === 'TRUNCATED' ? 'never ends' : 'is not JSON'}`);
            j = v.end;
          }
          j = skipWs(buf, j, end);
          if (buf[j] === COMMA) {
            j = skipWs(buf, j + 1, end);
            continue;
          }
          if (buf[j] === CLOSE_OBJ) {
            j++;
            break;
          }
          return fail(i, j >= end ? 'TRUNCATED' : 'INVALID_JSON', `expected ',' or '}' at byte ${j}`);
        }
      }
      if (found === null) {
        records.length = mark;
        const whole = scanValue(buf, i, j);
        records.push({ start: i, end: j, depth: whole.ok ? whole.depth : Number.MAX_SAFE_INTEGER });
      } else envelope = found;
      i = j;
    } else {
      return fail(i, 'INVALID_JSON', `byte ${i} starts neither an object nor an array`);
    }
    i = skipWs(buf, i, end);
  }
  return { records, envelope, failure: null };
}

type ArrayScan = { ok: true; end: number } | { ok: false; at: number; code: 'TRUNCATED' | 'INVALID_JSON'; message: string };

function splitArray(buf: Uint8Array, i: number, end: number, out: Span[]): ArrayScan {
  let j = skipWs(buf, i + 1, end);
  if (buf[j] === CLOSE_ARR) return { ok: true, end: j + 1 };
  for (;;) {
    if (j >= end) return { ok: false, at: j, code: 'TRUNCATED', message: 'array never closes' };
    const v = scanValue(buf, j, end);
    if (!v.ok) return { ok: false, at: j, code: v.code, message: `element at byte ${j} ${v.code === 'TRUNCATED' ? 'is truncated' : 'is not JSON'}` };
    out.push({ start: j, end: v.end, depth: v.depth });
    j = skipWs(buf, v.end, end);
    if (buf[j] === COMMA) {
      j = skipWs(buf, j + 1, end);
      continue;
    }
    if (buf[j] === CLOSE_ARR) return { ok: true, end: j + 1 };
    return { ok: false, at: j, code: j >= end ? 'TRUNCATED' : 'INVALID_JSON', message: `expected ',' or ']' at byte ${j}` };
  }
}

/** An envelope array holds records (objects), or nothing. */
function startsObjectList(buf: Uint8Array, i: number, end: number): boolean {
  const j = skipWs(buf, i + 1, end);
  return buf[j] === OPEN_OBJ || buf[j] === CLOSE_ARR;
}
