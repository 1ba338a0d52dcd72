/**
 * CSV for spreadsheets, with formula injection neutralised as OWASP advises: a cell that starts
 * with = + - @ TAB CR LF or NUL is prefixed with a single quote so no spreadsheet evaluates it.
 * The number of cells changed is returned so the export manifest can say so.
 */
const dangerousStart = /^[=+\-@\t\r\n\0]/;

export type Cell = string | number | boolean | null | undefined;

export function neutralise(value: string): { text: string; changed: boolean } {
  return dangerousStart.test(value) ? { text: `'${value}`, changed: true } : { text: value, changed: false };
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvResult {
  text: string;
  rows: number;
  neutralisedCells: number;
}

/**
 * RFC 4180 text (CRLF line ends, header row first). Numbers are written as numbers (a negative
 * number is a value, not a formula); every string cell goes through `neutralise`.
 */
export function toCsv(header: string[], rows: Cell[][]): CsvResult {
  let neutralisedCells = 0;
  const line = (cells: Cell[]) =>
    cells
      .map((cell) => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
        const { text, changed } = neutralise(cell);
        if (changed) neutralisedCells++;
        return quote(text);
      })
      .join(',');
  const text = [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
  return { text, rows: rows.length, neutralisedCells };
}
