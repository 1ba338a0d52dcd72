/**
 * The renderer's one origin. It is a custom, standard + secure scheme registered by main, so the
 * renderer never runs from file:// (SECURITY.md T1.5).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tokenscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium serialises it for our scheme, or null when the string is not
 * a URL. Node's URL reports origin "null" for schemes it does not know as special (app: is one),
 * so the origin is rebuilt from the parsed protocol and host; a URL carrying credentials never
 * counts as ours.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  if (parsed.protocol === `${APP_SCHEME}:`) return `${parsed.protocol}//${parsed.host}`;
  return parsed.origin;
}

/** True only for URLs of the app itself: exactly app://tokenscope, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
