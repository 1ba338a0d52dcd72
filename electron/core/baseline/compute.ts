import { readdirSync, readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { resourcePath } from '../paths';
import { runSqlFile } from '../detections/engine/sql-params';
import type { BaselineParameters } from './parameters';

export interface BaselineStep {
  name: string;
  sql: string;
}

/** The baseline SQL files (baseline/sql/NN-name.sql), in order. Loaded once. */
export function loadBaselineSteps(dir = resourcePath('electron', 'core', 'baseline', 'sql')): BaselineStep[] {
  return readdirSync(dir)
    .filter((f) => /^\d{2}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/^\d{2}-|\.sql$/g, ''), sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}

export interface BaselineWindow {
  asOf: string;
  analysisStart: string;
}

/**
 * Rebuild every baseline table from the canonical events, learning from the training window
 * (everything before analysisStart). All work is SQL inside DuckDB; returns per-step times in ms.
 */
export async function computeBaselines(
  conn: DuckDBConnection,
  window: BaselineWindow,
  params: BaselineParameters,
  steps: BaselineStep[] = loadBaselineSteps(),
): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  const values = { ...params, as_of: window.asOf, analysis_start: window.analysisStart };
  for (const step of steps) {
    const started = performance.now();
    try {
      await runSqlFile(conn, step.sql, values);
    } catch (error) {
      throw new Error(`baseline step ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    timings[step.name] = Math.round(performance.now() - started);
  }
  return timings;
}
