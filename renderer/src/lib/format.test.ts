import { describe, expect, it } from 'vitest';
import { formatBytes, formatUtc } from './format';

describe('formatting', () => {
  it('prints sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MiB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('prints times in UTC and passes through what it cannot read', () => {
    expect(formatUtc('2025-08-08T14:03:59.123+02:00')).toBe('2025-08-08 12:03 UTC');
    expect(formatUtc(null)).toBe('—');
    expect(formatUtc('yesterday')).toBe('yesterday');
  });
});
