import { fail, type AnyEvent, type Envelope, type MethodName } from '../../../shared/contract';
import type { Api } from '../../../shared/transport/api';
import { asEnvelope, describeError } from './envelope-guard';
import { asEvent } from './event-guard';

/** What electron/preload exposes on window.tokenscope (contextBridge), and nothing more. */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export function findPreloadBridge(scope: unknown): PreloadBridge | null {
  const bridge = (scope as { tokenscope?: Partial<PreloadBridge> } | null)?.tokenscope;
  return bridge && typeof bridge.invoke === 'function' && typeof bridge.onEvent === 'function' ? (bridge as PreloadBridge) : null;
}

/** The Electron transport: the preload already speaks envelopes; this only guards and types them. */
export function createPreloadApi(bridge: PreloadBridge): Api {
  async function invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    try {
      return asEnvelope(await bridge.invoke(method, input));
    } catch (error) {
      return fail('BACKEND_UNAVAILABLE', `The call could not reach the backend (${describeError(error)}).`);
    }
  }
  return {
    invoke: invoke as Api['invoke'],
    onEvent(listener: (event: AnyEvent) => void) {
      return bridge.onEvent((raw) => {
        const event = asEvent(raw);
        if (event) listener(event);
      });
    },
  };
}
