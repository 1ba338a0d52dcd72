import { tableFromIPC } from 'apache-arrow';

/** A decoded row: Arrow values turned into plain JS (numbers, strings, booleans, string arrays, null). */
export type Row = Record<string, unknown>;

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object' && value !== null && 'toArray' in value && typeof (value as { toArray: unknown }).toArray === 'function') {
    return Array.from((value as { toArray(): ArrayLike<unknown> }).toArray(), plain);
  }
  return value;
}

function decodeBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Arrow IPC (base64, as the backend sends it) → column names and plain rows. */
export function decodeArrowRows(b64: string): { columns: string[]; rows: Row[] } {
  const table = tableFromIPC(decodeBase64(b64));
  const columns = table.schema.fields.map((f) => f.name);
  const vectors = columns.map((c) => table.getChild(c));
  const rows: Row[] = [];
  for (let i = 0; i < table.numRows; i += 1) {
    const row: Row = {};
    columns.forEach((c, j) => {
      row[c] = plain(vectors[j]?.get(i));
    });
    rows.push(row);
  }
  return { columns, rows };
}

/** Any cell value as display text; timestamps stay numbers here and are formatted by the column. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(' ');
  return String(value);
}

/** UTC "YYYY-MM-DD HH:MM" for epoch milliseconds. */
export function utcMinute(ms: unknown): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** UTC "YYYY-MM-DD HH:MM:SS" for epoch milliseconds. */
export function utcSecond(ms: unknown): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
