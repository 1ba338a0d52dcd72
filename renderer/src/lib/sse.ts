/**
 * Incremental parser for a text/event-stream body. The HTTP transport reads /api/events with
 * fetch (EventSource cannot send an Authorization header), so it gets arbitrary chunks and must
 * reassemble events itself. Only `data:` fields matter here; comments (`: keep-alive`) are skipped.
 */
export interface SseParser {
  /** Feed decoded text; calls onData once per complete event. */
  push(text: string): void;
}

export function createSseParser(onData: (data: string) => void): SseParser {
  let buffer = '';
  let dataLines: string[] = [];

  function line(raw: string): void {
    if (raw === '') {
      if (dataLines.length) onData(dataLines.join('\n'));
      dataLines = [];
      return;
    }
    if (raw.startsWith(':')) return;
    const colon = raw.indexOf(':');
    const field = colon === -1 ? raw : raw.slice(0, colon);
    let value = colon === -1 ? '' : raw.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') dataLines.push(value);
  }

  return {
    push(text) {
      buffer += text;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        // A lone trailing \r may be the first half of \r\n: wait for the next chunk.
        if (!match || (match[0] === '\r' && match.index === buffer.length - 1)) return;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
  };
}

/** Reconnect delay: doubles per failed attempt, capped, so a stopped host is not hammered. */
export function backoffDelay(attempt: number, baseMs = 250, maxMs = 8_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
