import { describe, expect, it } from 'vitest';
import { reportFileName } from './save-file';

describe('reportFileName', () => {
  it('keeps only safe characters and dates the file', () => {
    const when = new Date('2026-11-25T10:00:00Z');
    expect(reportFileName('Sample case — Northwind Logistics', when)).toBe('Sample-case-Northwind-Logistics-report-2026-11-25.html');
    expect(reportFileName('../../etc/passwd', when)).toBe('..-..-etc-passwd-report-2026-11-25.html');
    expect(reportFileName('<script>', when)).toBe('script-report-2026-11-25.html');
    expect(reportFileName('———', when)).toBe('case-report-2026-11-25.html');
  });
});
