import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv, toJson } from './query-export';

describe('inventory export', () => {
  it('neutralises every formula-leading character and leaves other text alone', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '\n', '\0']) expect(neutraliseCell(`${lead}HYPERLINK("x")`)).toBe(`'${lead}HYPERLINK("x")`);
    expect(neutraliseCell('github:pat:1')).toBe('github:pat:1');
    expect(neutraliseCell('')).toBe('');
  });

  it('writes RFC 4180 CSV with quoted separators and neutralised cells, lists joined by spaces', () => {
    const csv = toCsv(['app_name', 'scopes', 'n'], [
      { app_name: '=cmd|"/c calc"!A1', scopes: ['repo', 'admin:org'], n: 3n },
      { app_name: 'a,b', scopes: [], n: null },
    ]);
    expect(csv).toBe(`app_name,scopes,n\r\n"'=cmd|""/c calc""!A1",repo admin:org,3\r\n"a,b",,\r\n`);
  });

  it('writes JSON with numbers for bigints and only the chosen columns', () => {
    expect(JSON.parse(toJson(['a'], [{ a: 2n, b: 'x' }]))).toEqual([{ a: 2 }]);
  });
});
