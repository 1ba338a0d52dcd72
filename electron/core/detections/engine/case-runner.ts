import { DuckDBInstance } from '@duckdb/node-api';
import { migrate } from '../../db/migrations';
import type { Rule } from './catalog';
import { insertGivenRows } from './fixtures';
import type { RuleCase } from './rule-schema';
import { runDetections } from './run';

export interface CaseFinding {
  entity_key: string;
  severity: string;
  event_count: number;
  rule_id: string;
  entity_ids: string[];
  explanation: string;
  event_refs: number;
}

/**
 * Run one named case of a rule: a fresh in-memory DuckDB with every migration applied, the
 * case's rows, baselines and the rule's REAL query.sql through the same engine a case file uses.
 */
export async function runRuleCase(rule: Rule, ruleCase: RuleCase): Promise<CaseFinding[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await migrate(conn);
    await insertGivenRows(conn, ruleCase.given);
    await runDetections(conn, {
      asOf: ruleCase.as_of,
      analysisStart: ruleCase.analysis_start,
      rules: [rule],
      parameters: { [rule.meta.id]: ruleCase.parameters },
      startedAt: '2000-01-01T00:00:00Z',
    });
    const rows = (
      await conn.runAndReadAll(
        `SELECT entity_key, severity, event_count, rule_id, entity_ids, CAST(explanation AS VARCHAR) AS explanation, len(event_refs) AS event_refs
         FROM findings WHERE suppression_id IS NULL ORDER BY entity_key, first_seen`,
      )
    ).getRowObjectsJS();
    return rows.map((r) => ({
      entity_key: String(r.entity_key),
      severity: String(r.severity),
      event_count: Number(r.event_count),
      rule_id: String(r.rule_id),
      entity_ids: (r.entity_ids as string[]).map(String),
      explanation: String(r.explanation),
      event_refs: Number(r.event_refs),
    }));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
