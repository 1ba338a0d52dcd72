import {
  ContractError,
  fail,
  isMethodName,
  methods,
  ok,
  type Envelope,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from '../../../shared/contract';
import { isPlainData } from '../../../shared/contract/plain-data';
import type { Caller } from '../../../shared/transport/messages';

export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export interface RouterOptions {
  /** Allow `audience: 'test'` methods (only when the backend was started for tests). */
  testHooks?: boolean;
}

export type Route = (method: unknown, input: unknown, caller: Caller) => Promise<Envelope<unknown>>;

/**
 * Contract → handlers. Validates the method name, the caller's right to it, and the input,
 * before any handler code runs; validates the output before it leaves. Never throws.
 */
export function createRouter(handlers: Handlers, options: RouterOptions = {}): Route {
  return async (method, input, caller) => {
    try {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `Unknown method: ${describeName(method)}`);
      const spec = methods[method];
      if (spec.audience === 'host' && caller !== 'host') return fail('FORBIDDEN', `${method} can only be called by the host`);
      if (spec.audience === 'test' && !options.testHooks) return fail('FORBIDDEN', `${method} is a test hook and is disabled`);
      if (!isPlainData(input)) return fail('BAD_REQUEST', `Invalid input for ${method}: not plain JSON data, or nested too deeply`);
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return fail('BAD_REQUEST', `Invalid input for ${method}: ${parsed.error.issues.map(issueText).join('; ')}`.slice(0, 2000));
      }
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        return fail('INTERNAL', `${method} produced an invalid result: ${checked.error.issues.map(issueText).join('; ')}`.slice(0, 2000));
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof ContractError) return fail(error.code, error.message, error.details);
      return fail('INTERNAL', error instanceof Error ? error.message : String(error));
    }
  };
}

function issueText(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : 'input';
  return `${where}: ${issue.message}`;
}

function describeName(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : typeof name;
}
