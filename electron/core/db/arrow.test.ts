import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { resultToArrowBase64 } from './arrow';

describe('DuckDB result → Arrow IPC', () => {
  it('maps numbers, times, lists, structs and duplicate names, and keeps nulls', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const result = await conn.runAndReadAll(
        `SELECT * FROM (VALUES
           (9007199254740991::BIGINT, 1.5::DECIMAL(4,1), TIMESTAMPTZ '2026-11-25 01:02:03+00', ['a', NULL]::VARCHAR[], {'k': 1}, true, 'x', 1),
           (NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2)
         ) t(big, dec, ts, tags, obj, flag, txt, txt)`,
      );
      const table = tableFromIPC(Buffer.from(resultToArrowBase64(result), 'base64'));
      expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
        ['big', 'Float64'],
        ['dec', 'Float64'],
        ['ts', 'Timestamp<MILLISECOND, UTC>'],
        ['tags', 'List<Utf8>'],
        ['obj', 'Utf8'],
        ['flag', 'Bool'],
        ['txt', 'Utf8'],
        ['txt_1', 'Float64'],
      ]);
      const [first, second] = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
      expect(first?.big).toBe(9007199254740991);
      expect(first?.dec).toBe(1.5);
      expect(first?.ts).toBe(Date.parse('2026-11-25T01:02:03Z'));
      expect([...(first?.tags as Iterable<unknown>)]).toEqual(['a', null]);
      expect(first?.obj).toBe('{"k":1}');
      expect(second).toEqual({ big: null, dec: null, ts: null, tags: null, obj: null, flag: null, txt: null, txt_1: 2 });
      // SQL allows duplicate output names; Arrow columns need unique ones.
      const dup = tableFromIPC(Buffer.from(resultToArrowBase64(await conn.runAndReadAll('SELECT 1 AS a, 2 AS a')), 'base64'));
      expect(dup.schema.fields.map((f) => f.name)).toEqual(['a', 'a_2']);
      // A row cap keeps only the first rows.
      expect(tableFromIPC(Buffer.from(resultToArrowBase64(result, 1), 'base64')).numRows).toBe(1);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
