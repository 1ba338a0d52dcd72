import { viewIds, type ViewId } from './route';

/** What a key press means to the shell; null when the shell should leave it alone. */
export type ShortcutAction = { kind: 'view'; view: ViewId } | { kind: 'help' } | { kind: 'theme' };

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** True when focus is in a text field, where plain keys belong to the user's typing. */
  inEditable: boolean;
}

/**
 * Alt+1..7 switch views (by physical key, so Alt+digit works on layouts where it types a symbol),
 * Alt+T toggles the theme, "?" opens the shortcut help outside text fields.
 */
export function shortcutFor(key: KeyLike): ShortcutAction | null {
  if (key.ctrlKey || key.metaKey) return null;
  if (key.altKey && !key.shiftKey) {
    const digit = /^Digit([1-9])$/.exec(key.code);
    if (digit) {
      const view = viewIds[Number(digit[1]) - 1];
      return view ? { kind: 'view', view } : null;
    }
    if (key.code === 'KeyT') return { kind: 'theme' };
    return null;
  }
  if (!key.altKey && !key.inEditable && key.key === '?') return { kind: 'help' };
  return null;
}

export const shortcutHelp: { keys: string; action: string }[] = [
  ...viewIds.map((view, i) => ({ keys: `Alt+${i + 1}`, action: `Go to ${view === 'sql' ? 'SQL' : view[0]?.toUpperCase() + view.slice(1)}` })),
  { keys: 'Alt+T', action: 'Switch between light and dark theme' },
  { keys: '?', action: 'Show this help (outside text fields)' },
  { keys: 'Up / Down, Home / End', action: 'Move between views in the sidebar (Enter opens)' },
  { keys: 'Esc', action: 'Close a dialog' },
  { keys: 'Tab / Shift+Tab', action: 'Move between controls; the first Tab reaches "Skip to content"' },
];
