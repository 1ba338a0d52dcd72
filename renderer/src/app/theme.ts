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
