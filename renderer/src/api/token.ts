/** Where the HTTP host's token lives after the first load: this tab only, gone when the tab closes. */
export const tokenStorageKey = 'tokenscope.token';

export interface TokenEnvironment {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/**
 * The launch URL carries the token in the fragment (`#t=<token>`), which browsers never send to a
 * server. Read it once, keep it in sessionStorage so a reload still works, and remove it from the
 * address bar (and history) so it is not shoulder-surfed, bookmarked or copied into a report.
 */
export function takeToken(env: TokenEnvironment): string | null {
  const match = /^#t=([A-Za-z0-9_-]{16,256})$/.exec(env.location.hash);
  if (match?.[1]) {
    env.storage.setItem(tokenStorageKey, match[1]);
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
    return match[1];
  }
  return env.storage.getItem(tokenStorageKey);
}
