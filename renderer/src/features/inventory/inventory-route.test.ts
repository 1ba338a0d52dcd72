import { describe, expect, it } from 'vitest';
import { paramsFromState, stateFromParams, toggleFacet } from './inventory-route';

describe('inventory URL state', () => {
  it('round-trips filter, facets and sort through URL params', () => {
    const params = { q: 'deploy', platform: 'github,okta', sort: 'owner', dir: 'asc', credential: 'github:pat:1' };
    const state = stateFromParams(params);
    expect(state).toEqual({ filter: { text: 'deploy', credential: 'github:pat:1', platform: ['github', 'okta'] }, sort: { column: 'owner', direction: 'asc' } });
    expect(paramsFromState(state)).toEqual(params);
  });

  it('falls back to risk, descending, for an unknown sort column', () => {
    expect(stateFromParams({ sort: 'nope; DROP' }).sort).toEqual({ column: 'risk', direction: 'desc' });
    expect(paramsFromState(stateFromParams({}))).toEqual({});
  });

  it('toggles a facet value on and off', () => {
    const on = toggleFacet({}, 'status', 'active');
    expect(on.status).toEqual(['active']);
    expect(toggleFacet(on, 'status', 'active').status).toEqual([]);
  });
});
