import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, createSseParser } from './sse';

function parseAll(chunks: string[]): string[] {
  const out: string[] = [];
  const parser = createSseParser((data) => out.push(data));
  for (const chunk of chunks) parser.push(chunk);
  return out;
}

describe('event-stream parser', () => {
  it('yields one data payload per event and skips comments', () => {
    expect(parseAll([': connected\n\n', 'data: {"a":1}\n\n', ': keep-alive\n\n', 'data: {"b":2}\n\n'])).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('joins multi-line data and accepts CRLF and CR line ends', () => {
    expect(parseAll(['data: one\r\ndata: two\r\n\r\n', 'data:three\r\rdata: four\n\n'])).toEqual(['one\ntwo', 'three', 'four']);
  });

  it('holds an incomplete event until its blank line arrives', () => {
    expect(parseAll(['data: {"x"', ':1}\n'])).toEqual([]);
    expect(parseAll(['data: {"x"', ':1}\n', '\n'])).toEqual(['{"x":1}']);
  });

  it('gives the same events however the stream is chunked', () => {
    const payloads = ['{"event":"case.changed"}', 'plain text', '{"n":"ü→😀"}'];
    const stream = payloads.map((p) => `: c\ndata: ${p}\r\n\r\n`).join('');
    fc.assert(
      fc.property(fc.array(fc.nat(stream.length), { maxLength: 12 }), (cuts) => {
        const points = [...new Set([0, ...cuts, stream.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((end, i) => stream.slice(points[i], end));
        expect(parseAll(chunks)).toEqual(payloads);
      }),
    );
  });

  it('backs off exponentially up to a cap', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n))).toEqual([250, 500, 1000, 2000]);
    expect(backoffDelay(50)).toBe(8000);
  });
});
