import { describe, expect, it } from 'vitest';
import { describeProgress, isFinished } from './progress';

describe('job progress text', () => {
  it('says how far a job got, in its own unit', () => {
    expect(describeProgress({ label: 'Importing okta.json', done: 12 * 1024 * 1024, total: 40 * 1024 * 1024, unit: 'bytes' })).toBe(
      'Importing okta.json: 12.0 MiB of 40.0 MiB (30%)',
    );
    expect(describeProgress({ label: 'Loading', done: 1234567, total: null, unit: 'records' })).toBe('Loading: 1,234,567 records');
    expect(describeProgress({ label: 'Detections', done: 3, total: 7, unit: 'steps' })).toBe('Detections: step 3 of 7 (42%)');
  });

  it('never claims more than 100% and knows when a job is done', () => {
    expect(describeProgress({ label: 'x', done: 11, total: 10, unit: 'records' })).toBe('x: 11 records of 10 records (100%)');
    expect(isFinished({ label: 'x', done: 10, total: 10, unit: 'steps' })).toBe(true);
    expect(isFinished({ label: 'x', done: 10, total: null, unit: 'steps' })).toBe(false);
  });
});
