import { describe, expect, it } from 'vitest';
import { methodNames, methods, ok, rendererMethodNames, type Envelope } from '../../shared/contract';
import type { Caller } from '../../shared/transport/messages';
import { createInvokeHandler } from './ipc-bridge';
import { createSenderCheck, type SenderEventLike } from './sender-check';


interface Forwarded {
  method: string;
  input: unknown;
  caller: Caller;
}

function setup(forward?: (method: string, input: unknown, caller: Caller) => Promise<Envelope<unknown>>) {
  const calls: Forwarded[] = [];
  const handler = createInvokeHandler({
    forward: async (method, input, caller) => {
      calls.push({ method, input, caller });
      return forward ? forward(method, input, caller) : ok({ echoed: method });
    },
    isTrustedSender: createSenderCheck((id) => (id === 1 ? mainFrame : null)),
  });
  return { handler, calls };
}

const mainFrame = { url: 'app://tokenscope/index.html', parent: null };
const trusted: SenderEventLike = { senderFrame: mainFrame, sender: { id: 1 } };
const iframe: SenderEventLike = { senderFrame: { url: 'about:blank', parent: mainFrame }, sender: { id: 1 } };

describe('createInvokeHandler', () => {
  it('forwards a renderer method from the trusted frame with caller "renderer"', async () => {
    const { handler, calls } = setup();
    const result = await handler(trusted, 'case.list', {});
    expect(result).toEqual({ ok: true, value: { echoed: 'case.list' } });
    expect(calls).toEqual([{ method: 'case.list', input: {}, caller: 'renderer' }]);
  });

  it('refuses an untrusted sender before looking at the method, and forwards nothing', async () => {
    const { handler, calls } = setup();
    const result = await handler(iframe, 'case.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const nullFrame = await handler({ senderFrame: null, sender: { id: 1 } }, 'case.list', {});
    expect(nullFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
  });

  it('never forwards a host- or test-audience method, whatever the input', async () => {
    const { handler, calls } = setup();
    const notForRenderer = methodNames.filter((m) => methods[m].audience !== 'renderer');
    expect(notForRenderer).toContain('case.openPath');
    expect(notForRenderer).toContain('case.createAt');
    for (const method of notForRenderer) {
      const result = await handler(trusted, method, { path: '/etc/passwd', name: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
  });

  it.each([['no.such.method'], [''], ['__proto__'], ['constructor'], [42], [null], [{ toString: () => 'case.list' }]])(
    'answers UNKNOWN_METHOD for %j',
    async (method) => {
      const { handler, calls } = setup();
      const result = await handler(trusted, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(calls).toEqual([]);
    },
  );

  it('accepts every renderer method name', async () => {
    const { handler, calls } = setup();
    for (const method of rendererMethodNames) await handler(trusted, method, {});
    expect(calls.map((c) => c.method)).toEqual(rendererMethodNames);
  });

  it('turns a throwing forwarder or sender check into an envelope instead of a rejection', async () => {
    const { handler } = setup(() => Promise.reject(new Error('port closed')));
    await expect(handler(trusted, 'case.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('port closed') } });
    const throwingCheck = createInvokeHandler({
      forward: async () => ok(null),
      isTrustedSender: () => {
        throw new Error('frame gone');
      },
    });
    await expect(throwingCheck(trusted, 'case.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
