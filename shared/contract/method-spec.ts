import { z } from 'zod';

/**
 * One contract method. `audience` says who may call it:
 *  - renderer: the UI (and therefore anything that can reach a transport);
 *  - host: only the host process itself (Electron main, the HTTP host, the CLI), because the
 *    input carries a filesystem path that must come from a native dialog or a command line;
 *  - test: only when the backend was started with test hooks enabled.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  audience: 'renderer' | 'host' | 'test';
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** A filesystem path; only host-audience methods take one. */
export const AbsolutePath = z.string().min(1).max(4096);
