import { describe, expect, it } from 'vitest';
import { createExternalLinkOpener, externalLinkTarget } from './external-links';
import { decideNavigation, decideWindowOpen } from './navigation';

describe('decideNavigation', () => {
  it('allows only the app itself', () => {
    expect(decideNavigation('app://tokenscope/index.html')).toEqual({ allow: true });
    expect(decideNavigation('app://tokenscope/findings?x=1')).toEqual({ allow: true });
  });

  it.each([
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['about:blank', null],
    ['http://example.invalid/', null],
    ['app://other/index.html', null],
    ['chrome://settings', null],
    ['smb://host/share', null],
    ['https://example.invalid/docs', 'https://example.invalid/docs'],
  ])('stops %s (external: %s)', (url, external) => {
    expect(decideNavigation(url)).toEqual({ allow: false, external });
  });
});

describe('decideWindowOpen', () => {
  it('never opens an Electron window, even for the app origin', () => {
    expect(decideWindowOpen('app://tokenscope/index.html')).toEqual({ action: 'deny', external: null });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny', external: null });
    expect(decideWindowOpen('https://attack.example/')).toEqual({ action: 'deny', external: 'https://attack.example/' });
  });
});

describe('externalLinkTarget', () => {
  it.each(['http://example.com', 'file:///C:/Windows/calc.exe', 'ms-msdt:/id', 'search-ms:query=x', 'https://user:pw@example.com/', 'https://', 'not a url', `https://example.com/${'a'.repeat(3000)}`])(
    'refuses %s',
    (url) => {
      expect(externalLinkTarget(url)).toBeNull();
    },
  );

  it('normalises an https URL', () => {
    expect(externalLinkTarget('https://Example.com/a b')).toBe('https://example.com/a%20b');
  });
});

describe('createExternalLinkOpener', () => {
  function setup(answer: boolean, openFails = false) {
    const asked: string[] = [];
    const opened: string[] = [];
    const open = createExternalLinkOpener({
      confirm: async (url) => {
        asked.push(url);
        return answer;
      },
      open: async (url) => {
        if (openFails) throw new Error('no browser');
        opened.push(url);
      },
    });
    return { open, asked, opened };
  }

  it('opens an https link only after the user confirmed that exact URL', async () => {
    const { open, asked, opened } = setup(true);
    expect(await open('https://docs.example/x')).toBe('opened');
    expect(asked).toEqual(['https://docs.example/x']);
    expect(opened).toEqual(['https://docs.example/x']);
  });

  it('does nothing when the user says no', async () => {
    const { open, opened } = setup(false);
    expect(await open('https://docs.example/x')).toBe('cancelled');
    expect(opened).toEqual([]);
  });

  it('never asks about, nor opens, a non-https URL', async () => {
    const { open, asked, opened } = setup(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://x.example', 'smb://x/y']) expect(await open(url)).toBe('refused');
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('reports a failing shell without throwing', async () => {
    const { open } = setup(true, true);
    expect(await open('https://docs.example/x')).toBe('failed');
  });
});
