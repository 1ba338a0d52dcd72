import { describe, expect, it } from 'vitest';
import { CASE_EXTENSION } from '../../electron/core/db/case-db';
import { CASE_FILE_EXTENSION } from '../../electron/main/case-actions';
import { APP_ENTRY_URL } from '../../electron/main/app-origin';
import { rendererCsp } from '../../shared/security/csp';

// Electron main may not import the backend, so it keeps its own copies of a few backend facts.
describe('facts main shares with other layers', () => {
  it('uses the backend’s case file extension in its dialogs', () => {
    expect(CASE_FILE_EXTENSION).toBe(CASE_EXTENSION);
  });

  it('serves the renderer from an origin the CSP treats as self (not file:)', () => {
    expect(APP_ENTRY_URL.startsWith('app://tokenscope/')).toBe(true);
    expect(rendererCsp).toContain("script-src 'self'");
  });
});
