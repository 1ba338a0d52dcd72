import { z } from 'zod';
import { AppInfo, CaseId, CaseInfo, CaseName, CaseSummary, Empty } from './schemas';

/**
 * The one method table. Every transport (in-process, Electron IPC, HTTP) moves calls to these
 * names and nothing else. `audience` says who may call it:
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

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

const AbsolutePath = z.string().min(1).max(4096);

export const methods = {
  'app.info': method({
    input: Empty,
    output: AppInfo,
    audience: 'renderer',
    summary: 'Versions and capabilities of the backend.',
  }),
  'case.list': method({
    input: Empty,
    output: z.object({ cases: z.array(CaseSummary) }).strict(),
    audience: 'renderer',
    summary: 'Cases in the workspace folder and recently opened cases.',
  }),
  'case.create': method({
    input: z.object({ name: CaseName }).strict(),
    output: CaseInfo,
    audience: 'renderer',
    summary: 'Create a new case file in the workspace folder and open it.',
  }),
  'case.open': method({
    input: z.object({ caseId: CaseId }).strict(),
    output: CaseInfo,
    audience: 'renderer',
    summary: 'Open a case the backend already knows (from case.list).',
  }),
  'case.close': method({
    input: Empty,
    output: Empty,
    audience: 'renderer',
    summary: 'Checkpoint and close the open case.',
  }),
  'case.current': method({
    input: Empty,
    output: CaseInfo.nullable(),
    audience: 'renderer',
    summary: 'The open case, if any.',
  }),
  'case.openPath': method({
    input: z.object({ path: AbsolutePath }).strict(),
    output: CaseInfo,
    audience: 'host',
    summary: 'Open a case file chosen in a native dialog or named on the command line.',
  }),
  'case.createAt': method({
    input: z.object({ path: AbsolutePath, name: CaseName }).strict(),
    output: CaseInfo,
    audience: 'host',
    summary: 'Create a case file at a path chosen in a native save dialog or on the command line.',
  }),
  'dev.sleep': method({
    input: z.object({ ms: z.number().int().min(0).max(60_000) }).strict(),
    output: Empty,
    audience: 'test',
    summary: 'Test hook: a call that takes a while, so tests can kill the backend mid-call.',
  }),
} satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];
export const rendererMethodNames = methodNames.filter((m) => methods[m].audience === 'renderer');

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
