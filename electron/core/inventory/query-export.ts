/**
 * Export of the inventory view. CSV cells that a spreadsheet would run as a formula (starting with
 * = + - @ TAB CR LF or NUL: OWASP "CSV injection") are prefixed with a single quote, so opening the
 * export never executes attacker-controlled text from an app name or scope.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => cellText(v)).join(' ');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map((c) => quote(neutraliseCell(c))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(neutraliseCell(cellText(row[c])))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(columns: string[], rows: Record<string, unknown>[]): string {
  const plain = rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonValue(row[c])])));
  return `${JSON.stringify(plain, null, 1)}\n`;
}

function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonValue);
  return value ?? null;
}
