import type { Timestamp } from './types';

/**
 * Every timestamp style the exports use (FORMATS.md "Top gotchas" 2) becomes a UTC instant or is
 * kept raw with quality 'unparsed' — never a silent NULL. Pure.
 *
 * exact        the text carried an explicit zone (Z, +00:00, +0000, GMT) or is an epoch number
 * assumed_utc  no zone in the text; the source documents UTC (UAL CreationTime, SIEM re-renders, ELF TIMESTAMP)
 * approximate  a leap second (:60) mapped to :59.999
 * unparsed     anything else; `raw` keeps the text
 */
export function parseTimestamp(value: unknown): Timestamp {
  if (value === null || value === undefined || value === '') return { utc: null, raw: null, quality: 'unparsed' };
  if (typeof value === 'number') return fromEpochNumber(value, String(value));
  if (typeof value !== 'string') return { utc: null, raw: JSON.stringify(value).slice(0, 200), quality: 'unparsed' };
  const raw = value;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text) && !/^\d{14}(\.\d+)?$/.test(text)) return fromEpochNumber(Number(text), raw);
  const sf = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?$/.exec(text);
  if (sf) return build(raw, +sf[1]!, +sf[2]!, +sf[3]!, +sf[4]!, +sf[5]!, +sf[6]!, sf[7] ?? '', null);
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/.exec(text);
  if (iso) {
    return build(raw, +iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), iso[7] ?? '', iso[8] ?? null);
  }
  // RFC 1123 / RFC 2822 ("Tue, 15 Nov 1994 08:12:31 GMT"): only with an explicit zone.
  const rfc = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})$/.exec(text);
  if (rfc) {
    const month = months.indexOf(rfc[2]!.toLowerCase()) + 1;
    if (month > 0) return build(raw, +rfc[3]!, month, +rfc[1]!, +rfc[4]!, +rfc[5]!, +(rfc[6] ?? 0), '', rfc[7]!);
  }
  return { utc: null, raw, quality: 'unparsed' };
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Epoch numbers by magnitude (years 1970..~2500): seconds, ms, µs, Windows FILETIME (100 ns since 1601), ns. */
function fromEpochNumber(n: number, raw: string): Timestamp {
  if (!Number.isFinite(n) || n <= 0) return { utc: null, raw, quality: 'unparsed' };
  let ms: number;
  if (n < 1e11) ms = n * 1000;
  else if (n < 1e14) ms = n;
  else if (n < 1e16) ms = n / 1000;
  else if (n < 1e18 && n >= 1.16e17) ms = n / 1e4 - 11644473600000;
  else if (n >= 1e18 && n < 1e20) ms = n / 1e6;
  else return { utc: null, raw, quality: 'unparsed' };
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return { utc: null, raw, quality: 'unparsed' };
  return { utc: d.toISOString(), raw, quality: 'exact' };
}

function build(raw: string, y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string, zone: string | null): Timestamp {
  let quality: Timestamp['quality'] = zone ? 'exact' : 'assumed_utc';
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 60) return { utc: null, raw, quality: 'unparsed' };
  let micros = Number((frac + '000000').slice(0, 6));
  if (s === 60) {
    // A leap second has no POSIX instant: keep it in the same minute, flagged.
    s = 59;
    micros = 999999;
    quality = 'approximate';
  }
  let offsetMin = 0;
  if (zone && !/^(Z|z|UTC|GMT)$/.test(zone)) {
    const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    offsetMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000;
  const base = new Date(ms);
  if (y < 100) base.setUTCFullYear(y);
  if (Number.isNaN(base.getTime()) || base.getUTCFullYear() > 9999 || base.getUTCFullYear() < 1) return { utc: null, raw, quality: 'unparsed' };
  const iso = base.toISOString().replace(/\.\d{3}Z$/, `.${String(micros).padStart(6, '0')}Z`);
  return { utc: iso, raw, quality };
}

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Date-only or date-time values of inventories (register, HR, credential report): ISO UTC or null. */
export function parseDateLoose(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (!text || /^(N\/A|not_supported|no_information|never|null|none)$/i.test(text)) return null;
  return parseTimestamp(text).utc;
}
