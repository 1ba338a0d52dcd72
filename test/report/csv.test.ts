import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../electron/core/report/csv';

/** A minimal RFC 4180 reader, to check what a spreadsheet would see in each cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV formula neutralisation (OWASP CSV injection)', () => {
  it('prefixes every dangerous leading character with a single quote and counts the cells', () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rline', '\nline', '\0nul', '=cmd|\' /C calc\'!A0'];
    for (const value of hostile) expect(neutralise(value)).toEqual({ text: `'${value}`, changed: true });
    for (const value of ['plain', ' =space first', "'already", '1-2', 'a=b', '']) expect(neutralise(value).changed).toBe(false);

    const csv = toCsv(['name', 'count'], [...hostile.map((h) => [h, -5]), ['ok', 3], [null, 0]]);
    expect(csv.neutralisedCells).toBe(hostile.length);
    expect(csv.rows).toBe(hostile.length + 2);
    const parsed = parseCsv(csv.text);
    expect(parsed[0]).toEqual(['name', 'count']);
    expect(parsed.slice(1, -2).map((r) => r[0])).toEqual(hostile.map((h) => `'${h}`));
    // Numbers stay numbers: a negative count is a value, not a formula.
    expect(parsed[1]![1]).toBe('-5');
    expect(parsed.at(-1)).toEqual(['', '0']);
  });

  it('no string cell of any CSV starts with a formula character, and round-trips apart from the quote', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 4 }), { maxLength: 8 }), (rows) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('x')]);
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const csv = toCsv(header, padded);
        const parsed = parseCsv(csv.text).slice(1);
        let changed = 0;
        parsed.forEach((r, i) =>
          r.forEach((cell, j) => {
            expect(cell).not.toMatch(/^[=+\-@\t\r\n\0]/);
            const original = padded[i]![j]!;
            if (cell !== original) {
              expect(cell).toBe(`'${original}`);
              changed++;
            }
          }),
        );
        expect(csv.neutralisedCells).toBe(changed);
      }),
      { numRuns: 300 },
    );
  });
});
