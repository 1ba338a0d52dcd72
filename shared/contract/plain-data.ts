const MAX_DEPTH = 64;

/**
 * True when `value` is plain data as JSON would carry it: primitives, arrays and objects whose
 * prototype is Object.prototype or null, nested at most MAX_DEPTH deep. Structured clone (Electron
 * IPC) can also deliver Date, Map, RegExp or typed arrays, which schemas may mistake for `{}`; the
 * router refuses them before any schema runs. Iterative, so hostile depth cannot blow the stack.
 */
export function isPlainData(value: unknown): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: current, depth } = stack.pop()!;
    if (current === null) continue;
    const type = typeof current;
    if (type === 'string' || type === 'boolean' || type === 'undefined') continue;
    if (type === 'number') {
      if (!Number.isFinite(current as number)) return false;
      continue;
    }
    if (type !== 'object') return false; // bigint, symbol, function
    if (depth >= MAX_DEPTH) return false;
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(current) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key of Object.keys(current as object)) stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
  }
  return true;
}
