import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodes, methodNames, ok, rendererMethodNames } from '../../shared/contract';
import type { Caller } from '../../shared/transport/messages';
import { createFakeIpcApi, type FakeSender } from '../support/fake-ipc';

/**
 * SECURITY.md T3.3 for the Electron transport itself: whatever a page sends through
 * window.tokenscope (any name, any value, cloneable or not) comes back as an envelope, nothing
 * but a renderer method ever reaches the backend, the caller is always 'renderer', and
 * Object.prototype is untouched. The backend's own input validation is fuzzed in test/contract.
 */
const anyName = fc.oneof(
  fc.constantFrom(...methodNames),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'case.openPath ', 'CASE.LIST', ''),
  fc.string({ maxLength: 40 }),
);
const anyInput = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.constant({ ['__proto__']: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  fc.constant(() => 1),
  fc.constant(Symbol('x')),
);

function spyRoute() {
  const reached: Array<{ method: string; caller: Caller }> = [];
  const route = async (method: string, _input: unknown, caller: Caller) => {
    reached.push({ method, caller });
    return ok(null);
  };
  return { route, reached };
}

const renderer = new Set<string>(rendererMethodNames);
const codes = new Set<string>(errorCodes);

describe('Electron IPC transport under fuzzing', () => {
  it('always answers with an envelope and forwards only renderer methods, as "renderer"', async () => {
    await fc.assert(
      fc.asyncProperty(anyName, anyInput, async (method, input) => {
        const { route, reached } = spyRoute();
        const api = createFakeIpcApi(route);
        const result = (await api.invoke(method as never, input as never)) as unknown as { ok: boolean; error?: { code: string } };
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(codes.has(result.error?.code ?? '')).toBe(true);
        for (const r of reached) {
          expect(renderer.has(r.method)).toBe(true);
          expect(r.caller).toBe('renderer');
        }
        if (!renderer.has(method)) expect(reached).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses every call from a foreign frame, whatever it sends', async () => {
    const senders: FakeSender[] = [{ kind: 'subframe', url: 'about:blank' }, { kind: 'no-frame' }, { kind: 'main-frame', url: 'https://evil.example/' }, { kind: 'other-window' }];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...senders), fc.constantFrom(...rendererMethodNames), fc.jsonValue(), async (sender, method, input) => {
        const { route, reached } = spyRoute();
        const result = await createFakeIpcApi(route, { sender }).invoke(method, input as never);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(reached).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
