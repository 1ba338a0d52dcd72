import type { z } from 'zod';
import type { MethodSpec } from './method-spec';
import { appMethods } from './methods/app';
import { caseMethods } from './methods/case';
import { evidenceMethods } from './methods/evidence';
import { findingsMethods } from './methods/findings';
import { inventoryMethods } from './methods/inventory';
import { searchMethods } from './methods/search';
import { sqlMethods } from './methods/sql';
import { timelineMethods } from './methods/timeline';
import { uploadMethods } from './methods/upload';
import { graphMethods } from './methods/graph';
import { triageMethods } from './methods/triage';
import { reportMethods } from './methods/report';
import { bundleMethods } from './methods/bundle';

/**
 * The one method table. Every transport (in-process, Electron IPC, HTTP) moves calls to these
 * names and nothing else. Each domain keeps its methods in methods/<domain>.ts; add a domain
 * here with one spread.
 */
export const methods = {
  ...appMethods,
  ...caseMethods,
  ...evidenceMethods,
  ...findingsMethods,
  ...inventoryMethods,
  ...timelineMethods,
  ...sqlMethods,
  ...searchMethods,
  ...uploadMethods,
  ...graphMethods,
  ...triageMethods,
  ...reportMethods,
  ...bundleMethods,
} satisfies Record<string, MethodSpec>;

export type { MethodSpec } from './method-spec';
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
