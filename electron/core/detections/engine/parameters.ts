import type { DuckDBConnection } from '@duckdb/node-api';
import { BASELINE_RULE_ID, baselineDefaults, type BaselineParameters } from '../../baseline/parameters';
import type { Rule } from './catalog';
import type { RuleParameter } from './rule-schema';
import type { SqlValue } from './sql-params';

export type ParameterOverrides = Map<string, Map<string, unknown>>;

/** The per-case overrides analysts saved (rule_parameters), grouped by rule id. */
export async function readOverrides(conn: DuckDBConnection): Promise<ParameterOverrides> {
  const rows = (await conn.runAndReadAll(`SELECT rule_id, name, CAST(value AS VARCHAR) AS value FROM rule_parameters`)).getRowObjectsJS();
  const byRule: ParameterOverrides = new Map();
  for (const row of rows) {
    const rule = String(row.rule_id);
    if (!byRule.has(rule)) byRule.set(rule, new Map());
    byRule.get(rule)!.set(String(row.name), JSON.parse(String(row.value)));
  }
  return byRule;
}

/** Check a value against a declared parameter; returns an error message or undefined. */
export function checkParameter(name: string, spec: RuleParameter, value: unknown): string | undefined {
  const ok =
    spec.type === 'integer'
      ? typeof value === 'number' && Number.isInteger(value)
      : spec.type === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === spec.type;
  if (!ok) return `parameter ${name} must be ${spec.type === 'integer' ? 'an integer' : `a ${spec.type}`}`;
  if (typeof value === 'number' && spec.min !== undefined && value < spec.min) return `parameter ${name} must be at least ${spec.min}`;
  if (typeof value === 'number' && spec.max !== undefined && value > spec.max) return `parameter ${name} must be at most ${spec.max}`;
  return undefined;
}

/** Declared defaults overlaid with the case's valid overrides (an invalid stored value falls back to the default). */
export function effectiveParameters(rule: Rule, overrides: ParameterOverrides, extra: Record<string, unknown> = {}): Record<string, SqlValue> {
  const saved = overrides.get(rule.meta.id) ?? new Map<string, unknown>();
  const values: Record<string, SqlValue> = {};
  for (const [name, spec] of Object.entries(rule.meta.parameters)) {
    const candidate = name in extra ? extra[name] : saved.get(name);
    values[name] = candidate !== undefined && checkParameter(name, spec, candidate) === undefined ? (candidate as SqlValue) : spec.default;
  }
  return values;
}

export function baselineParameters(overrides: ParameterOverrides): BaselineParameters {
  const saved = overrides.get(BASELINE_RULE_ID) ?? new Map<string, unknown>();
  const values = { ...baselineDefaults } as BaselineParameters;
  for (const name of Object.keys(baselineDefaults) as (keyof BaselineParameters)[]) {
    const v = saved.get(name);
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) values[name] = v;
  }
  return values;
}
