import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeBaselines } from '../../baseline/compute';
import { resourcePath } from '../../paths';
import { toolVersion } from '../../version';
import { loadCatalog, rulesVersion, type Rule } from './catalog';
import { ensureBuiltinPacks } from './iocs';
import { baselineParameters, effectiveParameters, readOverrides } from './parameters';
import { bindFor, runSqlFile, type SqlValue } from './sql-params';
import { resolveWindow, type AnalysisWindow } from './window';

const hitsSql = readFileSync(resourcePath('electron', 'core', 'detections', 'engine', 'hits.sql'), 'utf8');
const finalizeSql = readFileSync(resourcePath('electron', 'core', 'detections', 'engine', 'finalize.sql'), 'utf8');

/** Most event records a finding points at; the event count always says how many there were. */
export const MAX_EVENT_REFS = 100;

export interface RunOptions {
  asOf?: string;
  analysisStart?: string;
  /** Run only these rules (tests run one rule against its cases). Default: the whole catalog. */
  rules?: Rule[];
  /** Parameter values that win over the case's saved ones (tests, CLI). */
  parameters?: Record<string, Record<string, unknown>>;
  /** Instant recorded as the run's start (bookkeeping only; rules never see it). */
  startedAt?: string;
}

export interface RunResult extends AnalysisWindow {
  runId: number;
  rulesVersion: string;
  findings: number;
  /** Milliseconds: `baseline:<step>` for each baseline step, then one entry per rule id. */
  timings: Record<string, number>;
}

/** The columns every rule query returns (docs/detections.md "Writing a rule"). */
const hitColumns = 'entity_key, entity_type, first_seen, last_seen, event_count, severity, summary, explanation, event_ids';

/**
 * One detection run: baselines from the training window, every rule over the analysis window,
 * findings enriched with ids and evidence records. Runs in one transaction so a failed run leaves
 * the previous findings in place.
 */
export async function runDetections(conn: DuckDBConnection, options: RunOptions = {}): Promise<RunResult> {
  const rules = options.rules ?? loadCatalog();
  const window = await resolveWindow(conn, options);
  const startedAt = options.startedAt ?? new Date().toISOString();
  const version = rulesVersion(rules);
  const timings: Record<string, number> = {};
  await ensureBuiltinPacks(conn, startedAt);
  const overrides = await readOverrides(conn);

  await conn.run('BEGIN TRANSACTION');
  try {
    const runId = await nextRunId(conn);
    await conn.run(
      `INSERT INTO detection_runs (run_id, as_of, analysis_start, rules_version, tool_version, started_at)
       VALUES ($run_id, $as_of::TIMESTAMPTZ, $analysis_start::TIMESTAMPTZ, $rules_version, $tool_version, $started_at::TIMESTAMPTZ)`,
      { run_id: runId, as_of: window.asOf, analysis_start: window.analysisStart, rules_version: version, tool_version: toolVersion, started_at: startedAt },
    );
    const baselineTimes = await computeBaselines(conn, window, { ...baselineParameters(overrides), ...(options.parameters?.baseline as object) });
    for (const [step, ms] of Object.entries(baselineTimes)) timings[`baseline:${step}`] = ms;

    await runSqlFile(conn, hitsSql, {});
    for (const rule of rules) {
      await conn.run(`INSERT INTO det_rules VALUES ($id, $version, $kind, $severity, CAST(CAST($frameworks AS JSON) AS VARCHAR[]))`, {
        id: rule.meta.id,
        version: rule.meta.version,
        kind: rule.meta.kind,
        severity: rule.meta.severity,
        frameworks: JSON.stringify(rule.meta.frameworks),
      });
      const started = performance.now();
      await runRule(conn, rule, window, effectiveParameters(rule, overrides, options.parameters?.[rule.meta.id]));
      timings[rule.meta.id] = Math.round(performance.now() - started);
    }

    const started = performance.now();
    await runSqlFile(conn, finalizeSql, { run_id: runId, as_of: window.asOf, max_event_refs: MAX_EVENT_REFS });
    timings.finalize = Math.round(performance.now() - started);
    const count = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM findings`)).getRowObjectsJS()[0]?.n ?? 0);
    await conn.run(
      `UPDATE detection_runs SET finished_at = $started_at::TIMESTAMPTZ, findings = $n, timings = CAST($timings AS JSON) WHERE run_id = $run_id`,
      { started_at: startedAt, n: count, timings: JSON.stringify(timings), run_id: runId },
    );
    await conn.run('COMMIT');
    return { ...window, runId, rulesVersion: version, findings: count, timings };
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

/** Run one rule's query and keep its rows as raw hits. Errors name the rule. */
export async function runRule(conn: DuckDBConnection, rule: Rule, window: AnalysisWindow, params: Record<string, SqlValue>): Promise<void> {
  const sql = `INSERT INTO det_hits SELECT $det_rule_id, ${hitColumns} FROM (\n${rule.sql}\n) AS q`;
  const values = { ...params, det_rule_id: rule.meta.id, as_of: window.asOf, analysis_start: window.analysisStart };
  try {
    await conn.run(sql, bindFor(sql, values) as Record<string, never>);
  } catch (error) {
    throw new Error(`rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function nextRunId(conn: DuckDBConnection): Promise<number> {
  const rows = (await conn.runAndReadAll(`SELECT coalesce(max(run_id), 0) + 1 AS id FROM detection_runs`)).getRowObjectsJS();
  return Number(rows[0]?.id ?? 1);
}
