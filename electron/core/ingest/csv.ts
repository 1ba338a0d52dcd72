/**
 * RFC 4180 fields of one CSV record (the record splitter in records.ts already honoured quoted
 * newlines). Strict where DuckDB was lenient: a quoted field that never closes is an error, not a
 * literal. Pure.
 */
export type CsvFields = { ok: true; fields: string[] } | { ok: false; code: 'UNTERMINATED_QUOTE' | 'BAD_QUOTE'; message: string };

export function parseCsvRecord(text: string, delimiter = ','): CsvFields {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return { ok: false, code: 'UNTERMINATED_QUOTE', message: `quoted field starting at character ${i + 1} never closes` };
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      if (j < n && text[j] !== delimiter) return { ok: false, code: 'BAD_QUOTE', message: `unexpected text after a closing quote at character ${j + 1}` };
      fields.push(value);
      if (j >= n) return { ok: true, fields };
      i = j + 1;
    } else {
      const d = text.indexOf(delimiter, i);
      if (d < 0) {
        fields.push(text.slice(i));
        return { ok: true, fields };
      }
      fields.push(text.slice(i, d));
      i = d + 1;
    }
  }
}

/** Pick the delimiter of a header line: ',' unless ';' or TAB clearly splits it better (European exports). */
export function guessDelimiter(header: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 1 ? counts[0]!.d : ',';
}

/** Header names compared loosely: portals add trailing spaces, double spaces and case drift. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
