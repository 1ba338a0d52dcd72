/**
 * Investigation state in the URL (ARCHITECTURE.md principle 7): `#/<view>?key=value`.
 * Hash routes work the same over the HTTP host, file:// and Electron's app protocol, and the
 * browser's back/forward buttons walk through them for free.
 */
export const viewIds = ['import', 'inventory', 'graph', 'findings', 'timeline', 'cases', 'sql'] as const;
export type ViewId = (typeof viewIds)[number];

export interface Route {
  view: ViewId;
  params: Record<string, string>;
}

export const defaultView: ViewId = 'cases';

export function isViewId(value: string): value is ViewId {
  return (viewIds as readonly string[]).includes(value);
}

/** Anything unrecognised (including an empty hash) lands on the default view rather than a blank page. */
export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  const queryAt = body.indexOf('?');
  const path = queryAt === -1 ? body : body.slice(0, queryAt);
  const query = queryAt === -1 ? '' : body.slice(queryAt + 1);
  const view = isViewId(path) ? path : defaultView;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { view, params };
}

export function formatRoute(route: Route): string {
  const query = new URLSearchParams(Object.entries(route.params).sort(([a], [b]) => a.localeCompare(b))).toString();
  return `#/${route.view}${query ? `?${query}` : ''}`;
}
