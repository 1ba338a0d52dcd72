import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShortcutAction } from '../lib/shortcuts';
import { CrashBanner } from './CrashBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { HelpDialog } from './HelpDialog';
import { Nav } from './Nav';
import { NoticeRegion } from './NoticeRegion';
import { StatusBar } from './StatusBar';
import { useThemeStore } from './theme';
import { navigate, useRoute } from './use-route';
import { useShortcuts } from './use-shortcuts';
import { views } from './views';

/** The app frame: header, view navigation, the current view, notices and the status bar. */
export function Shell() {
  const route = useRoute();
  const theme = useThemeStore((s) => s.theme);
  const toggleTheme = useThemeStore((s) => s.toggle);
  const [helpOpen, setHelpOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const entry = views[route.view];
  const View = entry.component;

  const focusMain = useCallback(() => {
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, []);

  // After a view switch, focus its heading so keyboard and screen-reader users land in the new view.
  useEffect(() => {
    document.title = `${entry.label} — Tokenscope`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusMain();
  }, [entry.label, focusMain]);

  const onAction = useCallback(
    (action: ShortcutAction) => {
      if (action.kind === 'view') navigate(action.view);
      else if (action.kind === 'theme') toggleTheme();
      else setHelpOpen(true);
    },
    [toggleTheme],
  );
  useShortcuts(onAction);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={focusMain}>
        Skip to content
      </button>
      <header className="app-header">
        <span className="brand">Tokenscope</span>
        <div className="header-actions">
          <button type="button" onClick={toggleTheme} aria-keyshortcuts="Alt+T" data-testid="theme-toggle">
            {theme === 'dark' ? 'Light theme' : 'Dark theme'}
          </button>
          <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            Shortcuts
          </button>
        </div>
      </header>
      <Nav current={route.view} />
      <div className="workspace">
        <CrashBanner />
        <main id="main" ref={mainRef} tabIndex={-1} data-view={route.view}>
          <ErrorBoundary key={route.view} where={`the ${entry.label} view`}>
            <View />
          </ErrorBoundary>
        </main>
      </div>
      <NoticeRegion />
      <StatusBar />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
