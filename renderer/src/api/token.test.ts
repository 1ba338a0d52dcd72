import { describe, expect, it } from 'vitest';
import { takeToken, tokenStorageKey, type TokenEnvironment } from './token';

function environment(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[tokenStorageKey, stored]] : []);
  const urls: string[] = [];
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_d, _u, url) => urls.push(url) },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  };
  return { env, storage, urls };
}

describe('launch token', () => {
  const token = 'A'.repeat(43);

  it('takes the token from the fragment once, keeps it for reloads, and scrubs the address bar', () => {
    const { env, storage, urls } = environment(`#t=${token}`);
    expect(takeToken(env)).toBe(token);
    expect(storage.get(tokenStorageKey)).toBe(token);
    expect(urls).toEqual(['/']);
  });

  it('uses the stored token after a reload, and leaves a route hash alone', () => {
    const { env, urls } = environment('#/graph', token);
    expect(takeToken(env)).toBe(token);
    expect(urls).toEqual([]);
  });

  it('ignores a fragment that is not a plausible token', () => {
    for (const hash of ['#t=', '#t=short', `#t=${token}&x=1`, `#t=${token}<script>`]) {
      const { env, storage } = environment(hash);
      expect(takeToken(env)).toBeNull();
      expect(storage.size).toBe(0);
    }
  });
});
