import type { Session, WebContents } from 'electron';
import { decideNavigation, decideWindowOpen } from './navigation';

/** SECURITY.md T1.4: the app needs no browser permission, so every request and every check says no. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * SECURITY.md T1.3 for every webContents ever created: no <webview>, no new windows, no
 * navigation away from app://tokenscope. An https: link may go to the system browser, but only
 * through `openExternal`, which asks the user first.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.external) openExternal(decision.external);
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }): void => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.external) openExternal(decision.external);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
}
