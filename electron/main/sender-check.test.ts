import { describe, expect, it } from 'vitest';
import { isAppUrl, originOf } from './app-origin';
import { createSenderCheck, type FrameLike, type SenderEventLike } from './sender-check';

const OUR_ID = 7;
// Our window's main frame, as webContents.mainFrame reports it.
const ourMainFrame: FrameLike = { url: 'app://tokenscope/index.html', parent: null, processId: 3, routingId: 1 };
const check = createSenderCheck((id) => (id === OUR_ID ? ourMainFrame : null));

/** Another wrapper object for our main frame (same processId/routingId), showing `url`. */
function top(url: string): FrameLike {
  return { url, parent: null, processId: 3, routingId: 1 };
}
function child(url: string): FrameLike {
  return { url, parent: ourMainFrame, processId: 3, routingId: 9 };
}
function event(senderFrame: FrameLike | null | undefined, id = OUR_ID): SenderEventLike {
  return { senderFrame, sender: { id } };
}

describe('createSenderCheck', () => {
  it('accepts the main frame object itself', () => {
    expect(check(event(ourMainFrame))).toBe(true);
  });

  it('accepts the main frame of our window showing app://tokenscope', () => {
    expect(check(event(top('app://tokenscope/index.html')))).toBe(true);
    expect(check(event(top('app://tokenscope/')))).toBe(true);
    expect(check(event(top('app://tokenscope/findings?id=3#x')))).toBe(true);
  });

  it.each([
    ['no frame (navigated away or destroyed)', event(null)],
    ['undefined frame', event(undefined)],
    ['about:blank iframe', event(child('about:blank'))],
    ['data: iframe', event(child('data:text/html,<script>1</script>'))],
    ['app:// iframe (still not the main frame)', event(child('app://tokenscope/index.html'))],
    ['a second window of ours is not this one', event(top('app://tokenscope/index.html'), 8)],
    ['main frame showing https', event(top('https://tokenscope/index.html'))],
    ['main frame showing file:', event(top('file:///work/out/renderer/index.html'))],
    ['main frame showing data:', event(top('data:text/html,hi'))],
    ['main frame showing about:blank', event(top('about:blank'))],
    ['other app host', event(top('app://evil/index.html'))],
    ['lookalike host', event(top('app://tokenscope.evil/index.html'))],
    ['same host with a port', event(top('app://tokenscope:8080/index.html'))],
    ['credentials in the URL', event(top('app://user:pw@tokenscope/index.html'))],
    ['not a URL', event(top('tokenscope'))],
    ['a detached frame', event({ url: 'app://tokenscope/index.html', parent: null, detached: true, processId: 3, routingId: 1 })],
    ['a parentless frame that is not the main frame (fenced frame)', event({ url: 'app://tokenscope/index.html', parent: null, processId: 3, routingId: 2 })],
    ['a frame without identity that is not the main frame object', event({ url: 'app://tokenscope/index.html', parent: null })],
  ])('refuses %s', (_label, e) => {
    expect(check(e)).toBe(false);
  });
});

describe('originOf / isAppUrl', () => {
  it('rebuilds the app origin that Node reports as "null" for a non-special scheme', () => {
    expect(new URL('app://tokenscope/x').origin).toBe('null');
    expect(originOf('app://tokenscope/x')).toBe('app://tokenscope');
    expect(originOf('https://example.com/a')).toBe('https://example.com');
    expect(originOf('::')).toBeNull();
  });

  it('matches the app origin exactly, not by prefix', () => {
    expect(isAppUrl('app://tokenscope/index.html')).toBe(true);
    // Chromium lower-cases hosts of standard schemes, so our frame never reports this form;
    // Node keeps it as typed for non-special schemes, and refusing it is the safe side.
    expect(isAppUrl('app://TOKENSCOPE/index.html')).toBe(false);
    expect(isAppUrl('app://tokenscope.example/')).toBe(false);
    expect(isAppUrl('app://tokenscopex/')).toBe(false);
    expect(isAppUrl('apps://tokenscope/')).toBe(false);
  });
});
