import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const storageKey = 'tokenscope.theme';

/** The saved choice wins; otherwise follow the system (prefers-color-scheme). */
export function initialTheme(): Theme {
  const saved = safeGet();
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme is an attribute on <html>; the CSS variables in styles/tokens.css do the rest. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

interface ThemeState {
  theme: Theme;
  toggle(): void;
}

export const useThemeStore = create<ThemeState>((set, get) => ({
  theme: initialTheme(),
  toggle: () => {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    try {
      window.localStorage.setItem(storageKey, theme);
    } catch {
      // Storage can be disabled; the toggle still works for this session.
    }
    applyTheme(theme);
    set({ theme });
  },
}));

function safeGet(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * Until the user picks a theme, follow the system live (e.g. the OS switching to dark at dusk).
 * Once they toggle, their choice is saved and wins.
 */
export function followSystemTheme(): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => {
    if (safeGet()) return;
    const theme: Theme = query.matches ? 'dark' : 'light';
    applyTheme(theme);
    useThemeStore.setState({ theme });
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
