import type { Palette } from './graph-style';

/** The canvas cannot use CSS variables: read the theme's current values from tokens.css. */
export function readPalette(el: Element = document.documentElement): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1b1f24'),
    muted: v('--text-muted', '#5b6470'),
    surface: v('--surface', '#ffffff'),
    border: v('--border', '#d5d9df'),
    accent: v('--accent', '#1f5fbf'),
    danger: v('--danger', '#b4232c'),
    warn: v('--warn', '#9a6200'),
    ok: v('--ok', '#1d7a46'),
  };
}
