import { formatBytes } from './format';

export type ProgressUnit = 'bytes' | 'records' | 'steps';

/** One job.progress event, as the contract defines it. */
export interface ProgressEvent {
  jobId: string;
  label: string;
  done: number;
  total: number | null;
  unit: ProgressUnit;
}

/**
 * A running job as the status bar shows it. A job may report several units under one id (an
 * import reports bytes and records), so each unit keeps its own latest figures.
 */
export interface JobEntry {
  jobId: string;
  label: string;
  parts: Partial<Record<ProgressUnit, { done: number; total: number | null }>>;
  /** When the last event for this job arrived (ms), for dropping jobs that went silent. */
  updatedAt: number;
}

/** Jobs that report nothing for this long are assumed over (the contract has no "finished" event). */
export const silentJobMs = 60_000;

const unitOrder: ProgressUnit[] = ['bytes', 'steps', 'records'];

export function applyProgress(jobs: Record<string, JobEntry>, event: ProgressEvent, now: number): Record<string, JobEntry> {
  const previous = jobs[event.jobId];
  const entry: JobEntry = {
    jobId: event.jobId,
    label: event.label,
    parts: { ...previous?.parts, [event.unit]: { done: event.done, total: event.total } },
    updatedAt: now,
  };
  const next = { ...jobs };
  if (isFinished(entry)) delete next[event.jobId];
  else next[event.jobId] = entry;
  return next;
}

export function dropSilentJobs(jobs: Record<string, JobEntry>, now: number): Record<string, JobEntry> {
  const kept = Object.entries(jobs).filter(([, job]) => now - job.updatedAt < silentJobMs);
  return kept.length === Object.keys(jobs).length ? jobs : Object.fromEntries(kept);
}

/** Finished when every unit that has a total reached it, and at least one has a total. */
export function isFinished(job: JobEntry): boolean {
  const withTotal = Object.values(job.parts).filter((p) => p.total !== null);
  return withTotal.length > 0 && withTotal.every((p) => p.total !== null && p.done >= p.total);
}

function amount(value: number, unit: ProgressUnit): string {
  if (unit === 'bytes') return formatBytes(value);
  const n = Math.round(value).toLocaleString('en-US');
  return unit === 'records' ? `${n} records` : n;
}

function percent(done: number, total: number): number {
  return Math.min(100, Math.floor((done / total) * 100));
}

/** "Importing okta.json (1/3): 12.0 MiB of 40.0 MiB (30%) · 51,200 records". */
export function describeJob(job: JobEntry): string {
  const parts = unitOrder.flatMap((unit) => {
    const p = job.parts[unit];
    if (!p) return [];
    if (p.total === null || p.total <= 0) return [unit === 'steps' ? `step ${amount(p.done, unit)}` : amount(p.done, unit)];
    if (unit === 'steps') return [`step ${amount(p.done, unit)} of ${amount(p.total, unit)} (${percent(p.done, p.total)}%)`];
    return [`${amount(p.done, unit)} of ${amount(p.total, unit)} (${percent(p.done, p.total)}%)`];
  });
  return `${job.label}: ${parts.join(' · ')}`;
}

/** The figures for a <progress> bar: the first unit with a total, or none (indeterminate). */
export function barOf(job: JobEntry): { value: number; max: number } | null {
  for (const unit of unitOrder) {
    const p = job.parts[unit];
    if (p && p.total !== null && p.total > 0) return { value: Math.min(p.done, p.total), max: p.total };
  }
  return null;
}
