import { useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route, type ViewId } from '../lib/route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The route is the URL's hash: setting it pushes a history entry, so back/forward just work. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseRoute(hash);
}

export function navigate(view: ViewId, params: Record<string, string> = {}): void {
  const next = formatRoute({ view, params });
  if (window.location.hash !== next) window.location.hash = next;
}
