import { ContractError } from '../../../shared/contract';

export interface TimeWindow {
  from: string | null;
  to: string | null;
}

/**
 * The user's from/to, normalised to UTC ISO. A bare date means the whole day (from = its start,
 * to = its end), because "breached on 14 November" should include the 14th.
 */
export function parseWindow(from: string | undefined, to: string | undefined): TimeWindow {
  const window = { from: instant(from, 'from', false), to: instant(to, 'to', true) };
  if (window.from && window.to && window.from > window.to) throw new ContractError('BAD_REQUEST', `from (${window.from}) is after to (${window.to})`);
  return window;
}

function instant(value: string | undefined, field: string, endOfDay: boolean): string | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(ms)) throw new ContractError('BAD_REQUEST', `${field} is not a date-time: ${JSON.stringify(text.slice(0, 40))}`);
  return new Date(dateOnly && endOfDay ? ms + 86_400_000 - 1 : ms).toISOString();
}

/** TIMESTAMPTZ read as epoch_ms(...) → ISO text. */
export function isoFromMs(ms: unknown): string | null {
  return ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();
}

/** DuckDB BIGINT / HUGEINT / DOUBLE → a JS integer (0 for NULL). */
export function int(value: unknown): number {
  return value === null || value === undefined ? 0 : Math.round(Number(value));
}

export function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

const SEVERITY = ['info', 'low', 'medium', 'high', 'critical'] as const;
const RISK = ['low', 'medium', 'high', 'critical'] as const;

/** SQL ranks (see RANK_* below) back to names. */
export function severityName(rank: unknown): (typeof SEVERITY)[number] | null {
  const r = rank === null || rank === undefined ? -1 : Number(rank);
  return r >= 0 && r < SEVERITY.length ? SEVERITY[r]! : null;
}

export function riskName(rank: unknown): (typeof RISK)[number] | null {
  const r = rank === null || rank === undefined ? 0 : Number(rank);
  return r >= 1 && r <= RISK.length ? RISK[r - 1]! : null;
}

export const SEVERITY_RANK_SQL = (column: string) =>
  `CASE ${column} WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 WHEN 'info' THEN 0 END`;
export const RISK_RANK_SQL = (column: string) => `CASE ${column} WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`;
