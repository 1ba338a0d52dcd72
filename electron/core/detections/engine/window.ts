import type { DuckDBConnection } from '@duckdb/node-api';

export interface AnalysisWindow {
  /** The instant the analysis runs as of (ISO-8601, UTC). */
  asOf: string;
  /** Start of the analysis window; everything before it is training. */
  analysisStart: string;
}

export const DEFAULT_ANALYSIS_DAYS = 14;

function iso(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what} "${value}" is not a date-time (use ISO-8601, e.g. 2025-08-20T00:00:00Z)`);
  return new Date(ms).toISOString();
}

/**
 * as_of defaults to the latest event time in the case (never the wall clock, so the same
 * evidence always gives the same analysis); the analysis window to the 14 days before it.
 */
export async function resolveWindow(conn: DuckDBConnection, requested: { asOf?: string; analysisStart?: string }): Promise<AnalysisWindow> {
  let asOf = requested.asOf ? iso(requested.asOf, 'as-of') : undefined;
  if (!asOf) {
    const rows = (await conn.runAndReadAll(`SELECT CAST(epoch_ms(max(event_time)) AS BIGINT) AS ms FROM events`)).getRowObjectsJS();
    const ms = rows[0]?.ms;
    // A case with inventory but no events still gets posture findings: fall back to the latest inventory date.
    asOf = ms === null || ms === undefined ? await latestInventoryInstant(conn) : new Date(Number(ms)).toISOString();
  }
  const analysisStart = requested.analysisStart
    ? iso(requested.analysisStart, 'analysis-start')
    : new Date(Date.parse(asOf) - DEFAULT_ANALYSIS_DAYS * 86_400_000).toISOString();
  if (Date.parse(analysisStart) > Date.parse(asOf)) {
    throw new Error(`analysis-start ${analysisStart} is after as-of ${asOf}`);
  }
  return { asOf, analysisStart };
}

async function latestInventoryInstant(conn: DuckDBConnection): Promise<string> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT CAST(epoch_ms(greatest(max(created_at), max(last_used_at), max(last_reviewed_at), max(revoked_at))) AS BIGINT) AS ms FROM credentials`,
    )
  ).getRowObjectsJS();
  const ms = rows[0]?.ms;
  if (ms === null || ms === undefined) {
    throw new Error('the case holds no timed events or inventory dates, so there is no instant to analyse as of; pass --as-of');
  }
  return new Date(Number(ms)).toISOString();
}
