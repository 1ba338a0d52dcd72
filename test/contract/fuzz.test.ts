import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methodNames, methods, type MethodName } from '../../shared/contract';
import { createRouter, type Handlers } from '../../electron/core/rpc/router';

const RUNS_PER_METHOD = Number(process.env.FUZZ_RUNS ?? 1_000);

/** Handlers that only count: if any runs on malformed input, the router let it through. */
function spyHandlers(): { handlers: Handlers; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const handlers = Object.fromEntries(
    methodNames.map((name) => [
      name,
      () => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        throw new Error(`handler body of ${name} ran`);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

function shapeKeys(name: MethodName): string[] {
  const schema = methods[name].input;
  if (!(schema instanceof z.ZodObject)) throw new Error(`${name}: input schema must be a z.object`);
  return Object.keys(schema.shape);
}

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

/** Values that are never a valid object input: wrong JSON types, hostile structures, huge strings. */
const nonObject = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, Number.NaN, Infinity, -Infinity, 0, -0, ''),
  fc.bigInt(),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.date(),
  fc.constantFrom(new Map(), new Set(), /regex/, new Uint8Array(4), () => 1, Symbol('s')),
);

/** Oversized and over-deep payloads, tried once each per method (shrinking them would be slow). */
const hostileOnce = [
  'x'.repeat(10 * 1024 * 1024),
  deep(10_000),
  { nested: deep(10_000) },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
];

/** Objects that carry at least one key the strict schema does not know (incl. prototype-pollution keys). */
function withForeignKey(known: string[]) {
  const foreignKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'caseId ', 'NAME', ''), fc.string({ maxLength: 20 })).filter((k) => !known.includes(k));
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...(known.length ? known : ['_'])), fc.anything()), foreignKey, fc.anything())
    .map(([base, key, value]) => {
      // JSON.parse makes '__proto__' an own property, as a hostile wire payload would.
      const object = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
      return object;
    });
}

/** Objects whose known keys hold wrong-typed or oversized values. */
function withBadValues(name: MethodName, known: string[]) {
  const schema = methods[name].input;
  return fc
    .record(Object.fromEntries(known.map((k) => [k, fc.oneof(nonObject, fc.object())])))
    .filter((candidate) => !schema.safeParse(candidate).success);
}

function malformed(name: MethodName, known: string[]): fc.Arbitrary<unknown> {
  return known.length ? fc.oneof(nonObject, withForeignKey(known), withBadValues(name, known)) : fc.oneof(nonObject, withForeignKey(known));
}

describe('router input validation (SECURITY.md T3.3)', () => {
  for (const name of methodNames) {
    it(`${name}: ${RUNS_PER_METHOD} malformed inputs never reach the handler`, async () => {
      const { handlers, calls } = spyHandlers();
      const route = createRouter(handlers, { testHooks: true });
      const known = shapeKeys(name);
      const caller = methods[name].audience === 'host' ? 'host' : 'renderer';
      const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
      let runs = 0;
      // Every generated input is malformed by construction (wrong type, unknown key, bad value,
      // or not plain data); the router must refuse each before the handler runs.
      await fc.assert(
        fc.asyncProperty(malformed(name, known), async (input) => {
          runs += 1;
          const started = performance.now();
          const envelope = await route(name, input, caller);
          expect(envelope.ok).toBe(false);
          if (!envelope.ok) expect(envelope.error.code).toBe('BAD_REQUEST');
          expect(performance.now() - started).toBeLessThan(5_000);
        }),
        { numRuns: RUNS_PER_METHOD, seed: 20261125 },
      );
      for (const input of hostileOnce) {
        runs += 1;
        const envelope = await route(name, input, caller);
        expect(envelope.ok ? 'ok' : envelope.error.code).toBe('BAD_REQUEST');
      }
      expect(runs).toBeGreaterThanOrEqual(RUNS_PER_METHOD);
      expect(calls.get(name) ?? 0).toBe(0);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses unknown method names of any type', async () => {
    const { handlers, calls } = spyHandlers();
    const route = createRouter(handlers, { testHooks: true });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')).filter((m) => !(typeof m === 'string' && m in methods)),
        async (method) => {
          const envelope = await route(method, {}, 'host');
          expect(envelope.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
    expect([...calls.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });
});
