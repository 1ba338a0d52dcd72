import { formatBytes } from './format';

export interface ProgressLike {
  label: string;
  done: number;
  total: number | null;
  unit: 'bytes' | 'records' | 'steps';
}

function amount(value: number, unit: ProgressLike['unit']): string {
  if (unit === 'bytes') return formatBytes(value);
  return `${Math.round(value).toLocaleString('en-US')}${unit === 'records' ? ' records' : ''}`;
}

/** "Importing okta.json: 12.0 MiB of 40.0 MiB (30%)"; without a total, just how far it got. */
export function describeProgress(p: ProgressLike): string {
  if (p.total === null || p.total <= 0) return `${p.label}: ${amount(p.done, p.unit)}`;
  const percent = Math.min(100, Math.floor((p.done / p.total) * 100));
  if (p.unit === 'steps') return `${p.label}: step ${Math.round(p.done)} of ${Math.round(p.total)} (${percent}%)`;
  return `${p.label}: ${amount(p.done, p.unit)} of ${amount(p.total, p.unit)} (${percent}%)`;
}

/** A job is finished when it has a total and reached it. */
export function isFinished(p: ProgressLike): boolean {
  return p.total !== null && p.done >= p.total;
}
