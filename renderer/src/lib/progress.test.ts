import { describe, expect, it } from 'vitest';
import { applyProgress, barOf, describeJob, dropSilentJobs, silentJobMs, type JobEntry, type ProgressEvent } from './progress';

const MiB = 1024 * 1024;
const event = (over: Partial<ProgressEvent>): ProgressEvent => ({ jobId: 'j1', label: 'Importing okta.json (1/3)', done: 0, total: null, unit: 'bytes', ...over });

describe('job progress', () => {
  it('merges the units one job reports and describes them together', () => {
    let jobs: Record<string, JobEntry> = {};
    jobs = applyProgress(jobs, event({ done: 12 * MiB, total: 40 * MiB, unit: 'bytes' }), 1);
    jobs = applyProgress(jobs, event({ done: 51200, total: null, unit: 'records' }), 2);
    const job = jobs.j1 as JobEntry;
    expect(describeJob(job)).toBe('Importing okta.json (1/3): 12.0 MiB of 40.0 MiB (30%) · 51,200 records');
    expect(barOf(job)).toEqual({ value: 12 * MiB, max: 40 * MiB });
  });

  it('drops a job once what it counts against a total is done, even if another unit has no total', () => {
    let jobs: Record<string, JobEntry> = {};
    jobs = applyProgress(jobs, event({ done: 10, total: 100 }), 1);
    jobs = applyProgress(jobs, event({ done: 500, unit: 'records' }), 2);
    jobs = applyProgress(jobs, event({ done: 100, total: 100 }), 3);
    expect(jobs).toEqual({});
  });

  it('keeps a job with no total at all, with an indeterminate bar, until it goes silent', () => {
    let jobs = applyProgress({}, event({ jobId: 'scan', label: 'Detections', done: 3, unit: 'steps' }), 1000);
    expect(describeJob(jobs.scan as JobEntry)).toBe('Detections: step 3');
    expect(barOf(jobs.scan as JobEntry)).toBeNull();
    expect(dropSilentJobs(jobs, 1000 + silentJobMs - 1)).toBe(jobs);
    jobs = dropSilentJobs(jobs, 1000 + silentJobMs);
    expect(jobs).toEqual({});
  });

  it('never claims more than 100%', () => {
    const jobs = applyProgress({}, event({ done: 7, total: 7, unit: 'steps' }), 1);
    expect(jobs).toEqual({});
    const running = applyProgress({}, event({ done: 11, total: 10, unit: 'records' }), 1);
    expect(running).toEqual({});
    const job: JobEntry = { jobId: 'x', label: 'x', parts: { records: { done: 11, total: 10 }, bytes: { done: 1, total: 2 } }, updatedAt: 0 };
    expect(describeJob(job)).toBe('x: 1 B of 2 B (50%) · 11 records of 10 records (100%)');
  });
});
