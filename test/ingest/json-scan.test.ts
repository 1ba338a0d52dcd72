import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../electron/core/ingest/json-scan';

/** The byte scanner must split exactly where JSON.parse would, whatever the strings hold. */
describe('splitDocument', () => {
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string({ unit: fc.constantFrom('a', '"', '\\\\', '\\\\"', '}', ']', '{', ',', 'é', '\\u0001', ' ') }), fc.integer(), fc.boolean(), fc.constant(null)),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 3 })),
  })).node;

  it('finds every element of a Records envelope, with quotes and backslashes inside strings', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 4 }), { maxLength: 8 }), (records) => {
        const buf = Buffer.from(JSON.stringify({ Records: records }));
        const split = splitDocument(buf);
        expect(split.failure).toBeNull();
        expect(split.records.map((s) => JSON.parse(buf.subarray(s.start, s.end).toString('utf8')) as unknown)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a string that never closes as truncated', () => {
    // `"b\\"` ends after an escaped backslash; `"never closes\"}]` has only an escaped quote.
    const split = splitDocument(Buffer.from('[{"a":"b\\\\"}, {"c":"never closes\\"}]'));
    expect(split.records).toHaveLength(1);
    expect(split.failure?.code).toBe('TRUNCATED');
  });
});
