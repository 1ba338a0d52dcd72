import { isAppUrl } from './app-origin';
import { externalLinkTarget } from './external-links';

/** What main does when the page tries to go somewhere. `external` is an https: URL the user may choose to open in their browser. */
export type NavigationDecision = { allow: true } | { allow: false; external: string | null };

/**
 * will-navigate / will-redirect / will-frame-navigate: the window may only ever show the app
 * itself (a reload or an in-app link). Anything else — file:, javascript:, data:, http(s):,
 * another custom scheme — is stopped; an https: link may be offered to the system browser.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, external: externalLinkTarget(url) };
}

/**
 * setWindowOpenHandler: never a new Electron window (window.open, target=_blank, middle-click).
 * An https: target may be offered to the system browser instead.
 */
export function decideWindowOpen(url: string): { action: 'deny'; external: string | null } {
  return { action: 'deny', external: externalLinkTarget(url) };
}
