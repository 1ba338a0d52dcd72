import { contentChunks, FileError, isGzip, readHead } from './input';
import { envelopeKeys, skipWs } from './json-scan';
import type { Container, Encoding } from './records';

export interface Sniffed {
  gzip: boolean;
  encoding: Encoding;
  container: Container | null;
  /** Why the content is none of NDJSON, JSON or CSV (container null). */
  reason?: string;
  notes: string[];
}

const HEAD_BYTES = 1 << 20;

/**
 * Tell the container from the CONTENT (never the extension): gzip magic, BOM / UTF-16, then the
 * first non-blank byte: '[' JSON array, '{' NDJSON when the first line is one whole object (and
 * not an envelope), else a JSON document; anything else is a CSV candidate when its first line
 * splits into columns.
 */
export async function sniff(path: string, fileBytes: number, signal?: AbortSignal): Promise<Sniffed> {
  const gzip = isGzip(await readHead(path));
  const head = await readContentHead(path, gzip, fileBytes, signal);
  const notes: string[] = [];
  if (gzip) notes.push('gzip: decompressed transparently; byte offsets refer to the decompressed content');
  if (head.length === 0) return { gzip, encoding: 'utf-8', container: null, reason: 'the file is empty', notes };
  let encoding: Encoding = 'utf-8';
  let text = head;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = head.subarray(3);
    notes.push('UTF-8 byte-order mark skipped');
  } else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    encoding = head[0] === 0xff ? 'utf-16le' : 'utf-16be';
  } else if (looksUtf16(head)) {
    encoding = looksUtf16(head) || 'utf-8';
    notes.push('UTF-16 without a byte-order mark detected from the NUL pattern');
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    notes.push(`${encoding.toUpperCase()} transcoded to UTF-8; byte offsets refer to the UTF-8 text`);
    let body = head.subarray(head[0] === 0xff || head[0] === 0xfe ? 2 : 0);
    if (encoding === 'utf-16be') body = Buffer.from(body).swap16();
    text = Buffer.from(body.subarray(0, body.length - (body.length % 2)).toString('utf16le'), 'utf8');
  }
  const start = skipWs(text, 0, text.length);
  if (start >= text.length) return { gzip, encoding, container: null, reason: 'the file holds only whitespace', notes };
  const first = text[start];
  if (first === 0x5b) return { gzip, encoding, container: 'json', notes };
  if (first === 0x7b) {
    const nl = text.indexOf(0x0a, start);
    const line = text.subarray(start, nl < 0 ? text.length : nl).toString('utf8');
    const complete = nl >= 0 || text.length < HEAD_BYTES;
    if (complete) {
      try {
        const value: unknown = JSON.parse(line);
        if (value && typeof value === 'object' && !Array.isArray(value) && !isEnvelope(value as Record<string, unknown>)) {
          return { gzip, encoding, container: 'ndjson', notes };
        }
      } catch {
        // Not one object per line: a pretty-printed document.
      }
    }
    return { gzip, encoding, container: 'json', notes };
  }
  const nl = text.indexOf(0x0a);
  const firstLine = text.subarray(0, nl < 0 ? text.length : nl).toString('utf8');
  if (firstLine.includes('\u0000')) return { gzip, encoding, container: null, reason: 'binary content (NUL bytes in the first line)', notes };
  if (/[,;\t]/.test(firstLine) && firstLine.length < 65536) return { gzip, encoding, container: 'csv', notes };
  return { gzip, encoding, container: null, reason: 'content is not JSON, NDJSON or CSV (no delimiter in the first line)', notes };
}

function isEnvelope(value: Record<string, unknown>): boolean {
  return [...envelopeKeys].some((k) => Array.isArray(value[k]));
}

function looksUtf16(head: Buffer): 'utf-16le' | 'utf-16be' | false {
  const n = Math.min(head.length, 64) & ~1;
  if (n < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  if (oddZero >= n / 2 - 1 && evenZero === 0) return 'utf-16le';
  if (evenZero >= n / 2 - 1 && oddZero === 0) return 'utf-16be';
  return false;
}

async function readContentHead(path: string, gzip: boolean, fileBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of contentChunks(path, { gzip, fileBytes, signal })) {
      parts.push(chunk);
      total += chunk.length;
      if (total >= HEAD_BYTES) break;
    }
  } catch (error) {
    // A damaged or bomb gzip is reported by the full read with its own code; the head we have is enough to sniff.
    if (!(error instanceof FileError) || total === 0) throw error;
  }
  return Buffer.concat(parts, total).subarray(0, HEAD_BYTES);
}
