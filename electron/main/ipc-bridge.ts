import { fail, isMethodName, rendererMethodNames, type Envelope } from '../../shared/contract';
import type { Caller } from '../../shared/transport/messages';
import type { SenderEventLike } from './sender-check';

export type Forward = (method: string, input: unknown, caller: Caller) => Promise<Envelope<unknown>>;

export interface InvokeHandlerOptions {
  forward: Forward;
  isTrustedSender: (event: SenderEventLike) => boolean;
}

const rendererMethods = new Set<string>(rendererMethodNames);

export function isRendererMethod(method: unknown): method is string {
  return typeof method === 'string' && rendererMethods.has(method);
}

/** Same answers as the HTTP host: a name nobody knows is UNKNOWN_METHOD, a host or test method is FORBIDDEN. */
export function methodRefusal(method: unknown): Envelope<never> {
  if (isMethodName(method)) return fail('FORBIDDEN', `${method} cannot be called from the window`);
  return fail('UNKNOWN_METHOD', `Unknown method: ${typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : typeof method}`);
}

/**
 * The body of the one `ipcMain.handle('tokenscope:invoke', …)`. It checks the sender, then that
 * the method is one the renderer may call (host-audience methods take filesystem paths and are
 * only ever called by main itself, after a native dialog), then forwards with caller 'renderer':
 * a renderer can never claim to be the host. It always resolves to an envelope, never throws,
 * so no stack trace or main-process detail reaches the page.
 */
export function createInvokeHandler(options: InvokeHandlerOptions) {
  return async (event: SenderEventLike, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    let trusted: boolean;
    try {
      trusted = options.isTrustedSender(event);
    } catch {
      trusted = false;
    }
    if (!trusted) return fail('FORBIDDEN', 'This frame may not call the Tokenscope backend.');
    if (!isRendererMethod(method)) return methodRefusal(method);
    try {
      return await options.forward(method, input, 'renderer');
    } catch (error) {
      return fail('INTERNAL', `The call could not be forwarded: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
