import { fail, type AnyEvent, type Envelope, type MethodName } from '../../../shared/contract';
import { Listeners, type Api } from '../../../shared/transport/api';
import { backoffDelay, createSseParser } from '../lib/sse';
import { asEnvelope, describeError } from './envelope-guard';
import { asEvent } from './event-guard';

export interface HttpTransportOptions {
  token: string;
  /** Origin of the host; '' (same origin) in the page, absolute when used from Node in tests. */
  baseUrl?: string;
  /** Injected for tests; the page's fetch otherwise. */
  fetch?: typeof fetch;
  /** Told when the event stream connects or drops, so the status bar can say the host is gone. */
  onConnection?: (connected: boolean) => void;
}

export interface HttpApi extends Api {
  close(): void;
}

/**
 * The browser transport for the HTTP host (`npm run web`, browser tests). Every failure,
 * including the host being unreachable, comes back as an envelope: callers never see a throw.
 */
export function createHttpApi(options: HttpTransportOptions): HttpApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const authorization = `Bearer ${options.token}`;
  const base = options.baseUrl ?? '';
  const listeners = new Listeners<AnyEvent>();
  let stream: AbortController | undefined;

  async function invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/invoke`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
    } catch (error) {
      return fail('BACKEND_UNAVAILABLE', `The Tokenscope host cannot be reached (${describeError(error)}). Is \`npm run web\` still running?`);
    }
    if (response.status === 401) {
      return fail('UNAUTHORIZED', 'The host refused the access token. Open the URL printed by `npm run web` again.');
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      return fail('BACKEND_UNAVAILABLE', `The host answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}.`);
    }
    try {
      return asEnvelope(await response.json());
    } catch (error) {
      return fail('BACKEND_UNAVAILABLE', `The host's answer could not be read (${describeError(error)}).`);
    }
  }

  async function readEvents(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const response = await doFetch(`${base}/api/events`, { headers: { Authorization: authorization }, signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        attempt = 0;
        options.onConnection?.(true);
        const parser = createSseParser((data) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(data);
          } catch {
            console.error('Tokenscope: dropped an event that is not JSON');
            return;
          }
          const event = asEvent(parsed);
          if (event) listeners.emit(event);
          else console.error('Tokenscope: dropped an event that does not match the contract');
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value);
        }
      } catch {
        // Dropped or refused: fall through to the backoff and try again.
      }
      if (signal.aborted) return;
      options.onConnection?.(false);
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt++)));
    }
  }

  return {
    invoke: invoke as Api['invoke'],
    onEvent(listener) {
      const remove = listeners.add(listener);
      if (!stream) {
        stream = new AbortController();
        void readEvents(stream.signal);
      }
      return remove;
    },
    close() {
      stream?.abort();
      stream = undefined;
    },
  };
}
