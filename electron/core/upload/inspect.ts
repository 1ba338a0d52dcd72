import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { guessDelimiter, parseCsvRecord } from '../ingest/csv';
import { recognise } from '../ingest/process-file';
import { sniff } from '../ingest/sniff';

export interface Inspection {
  recognised: boolean;
  /** The recognising parser, or why none did. */
  detail: string;
  container: string | null;
  columns: string[];
  sample: Record<string, string>[];
}

const HEAD = 256 * 1024;

async function head(path: string, gzip: boolean): Promise<string> {
  const stream = gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path, { end: HEAD - 1 });
  let text = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length >= HEAD) break;
  }
  stream.destroy();
  return text.slice(0, HEAD).replace(/^\uFEFF/, '');
}

function flatten(doc: Record<string, unknown>, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(doc)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && prefix.split('.').length < 3) flatten(v as Record<string, unknown>, key, out);
    else out[key] = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/**
 * What the importer would make of an uploaded file, and for an unrecognised CSV or NDJSON file its
 * columns and first rows, so the analyst can map them. Reads only the head of the file.
 */
export async function inspectUpload(path: string, bytes: number): Promise<Inspection> {
  const sniffed = await sniff(path, bytes);
  if (!sniffed.container) return { recognised: false, detail: sniffed.reason ?? 'unknown content', container: null, columns: [], sample: [] };
  const recognition = await recognise(path, bytes, sniffed);
  if (recognition.parser) return { recognised: true, detail: `${recognition.parser.id} ${recognition.parser.version}`, container: sniffed.container, columns: [], sample: [] };
  const text = await head(path, sniffed.gzip);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (sniffed.container === 'csv') {
    const delimiter = guessDelimiter(lines[0] ?? '');
    const header = parseCsvRecord(lines[0] ?? '', delimiter);
    const columns = header.ok ? header.fields.map((f) => f.trim()) : [];
    const sample = lines.slice(1, 6).map((line) => {
      const parsed = parseCsvRecord(line, delimiter);
      return Object.fromEntries(columns.map((c, i) => [c, parsed.ok ? (parsed.fields[i] ?? '') : '']));
    });
    return { recognised: false, detail: recognition.reason, container: 'csv', columns, sample };
  }
  let docs: Record<string, unknown>[] = [];
  if (sniffed.container === 'ndjson') {
    docs = lines.slice(0, 5).flatMap((l) => {
      try {
        const v: unknown = JSON.parse(l);
        return v && typeof v === 'object' && !Array.isArray(v) ? [v as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
  } else {
    try {
      const v: unknown = JSON.parse(text);
      if (Array.isArray(v)) docs = v.slice(0, 5).filter((d): d is Record<string, unknown> => !!d && typeof d === 'object' && !Array.isArray(d));
    } catch {
      // Larger than the head: the columns of the first records are not available without a full parse.
    }
  }
  const sample = docs.map((d) => flatten(d));
  const columns = [...new Set(sample.flatMap((s) => Object.keys(s)))].slice(0, 200);
  return { recognised: false, detail: recognition.reason, container: sniffed.container, columns, sample };
}
