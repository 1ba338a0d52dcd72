/** Value formatting shared by the platform writers: timestamps in each vendor's style, CSV cells. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `2026-11-12T14:02:03.123Z` (Okta, Google, GitHub lists). */
export const isoMs = (t: number): string => new Date(t).toISOString();

/** `2026-11-12T14:02:03Z` (CloudTrail, Graph dates, register). */
export const isoS = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `2026-11-12T14:02:03.1234567Z` (Entra: 7 fractional digits). */
export const iso7 = (t: number, extra: number): string =>
  new Date(t).toISOString().replace(/Z$/, `${String(extra % 10000).padStart(4, '0')}Z`);

/** `2026-11-12T14:02:03+00:00` (AWS credential report, IAM JSON). */
export const isoOffset = (t: number): string => isoS(t).replace(/Z$/, '+00:00');

/** `2026-11-12T14:02:03.123+0000` (Salesforce sObject datetimes). */
export const sfDate = (t: number): string => isoMs(t).replace(/Z$/, '+0000');

/** `20261112140203.123` (Salesforce EventLogFile TIMESTAMP). */
export const elfStamp = (t: number): string => {
  const s = isoMs(t);
  return `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}.${s.slice(20, 23)}`;
};

export const ymd = (t: number): string => isoS(t).slice(0, 10);

/** RFC 4180 cell: quote only when needed (our own CSVs, GAM, AWS report). */
export const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',');

/** Salesforce EventLogFile style: every value double-quoted. */
export const elfLine = (cells: readonly string[]): string => cells.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export const toBase64Url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
