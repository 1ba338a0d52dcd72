import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from './shortcuts';

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  inEditable: false,
  ...over,
});

describe('keyboard shortcuts', () => {
  it('maps Alt+1..7 to the views in navigation order, by physical key', () => {
    expect(shortcutFor(key({ altKey: true, code: 'Digit1', key: '¡' }))).toEqual({ kind: 'view', view: 'import' });
    expect(shortcutFor(key({ altKey: true, code: 'Digit6', key: '6' }))).toEqual({ kind: 'view', view: 'cases' });
    expect(shortcutFor(key({ altKey: true, code: 'Digit7', key: '7' }))).toEqual({ kind: 'view', view: 'sql' });
    expect(shortcutFor(key({ altKey: true, code: 'Digit8', key: '8' }))).toBeNull();
  });

  it('works in text fields for Alt combinations, but leaves "?" to the typist', () => {
    expect(shortcutFor(key({ altKey: true, code: 'KeyT', key: 't', inEditable: true }))).toEqual({ kind: 'theme' });
    expect(shortcutFor(key({ key: '?', shiftKey: true }))).toEqual({ kind: 'help' });
    expect(shortcutFor(key({ key: '?', shiftKey: true, inEditable: true }))).toBeNull();
  });

  it('never takes Ctrl or Meta combinations (copy, paste, browser shortcuts)', () => {
    expect(shortcutFor(key({ altKey: true, ctrlKey: true, code: 'Digit1' }))).toBeNull();
    expect(shortcutFor(key({ metaKey: true, key: '?' }))).toBeNull();
  });
});
