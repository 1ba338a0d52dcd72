import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultView, formatRoute, parseRoute, viewIds } from './route';

describe('hash routes', () => {
  it('reads the view and its parameters', () => {
    expect(parseRoute('#/findings?kind=new-network&severity=high')).toEqual({
      view: 'findings',
      params: { kind: 'new-network', severity: 'high' },
    });
  });

  it('lands on the default view for an empty, unknown or token hash', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#t=abc', '#/__proto__']) expect(parseRoute(hash)).toEqual({ view: defaultView, params: {} });
  });

  it('round-trips any view and parameters through the URL', () => {
    fc.assert(
      // '__proto__' is never a parameter (see the test below), so it is not generated here.
      fc.property(fc.constantFrom(...viewIds), fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'), fc.string()), (view, params) => {
        const route = { view, params: { ...params } };
        expect(parseRoute(formatRoute(route))).toEqual(route);
      }),
    );
  });

  it('drops a __proto__ parameter instead of touching any prototype', () => {
    const route = parseRoute('#/findings?__proto__=x&kind=ioc-match');
    expect(route).toEqual({ view: 'findings', params: { kind: 'ioc-match' } });
    expect(Object.getPrototypeOf(route.params)).not.toHaveProperty('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('writes parameters in a stable order, so equal states give equal URLs', () => {
    expect(formatRoute({ view: 'graph', params: { b: '2', a: '1' } })).toBe('#/graph?a=1&b=2');
    expect(formatRoute({ view: 'cases', params: {} })).toBe('#/cases');
  });
});
