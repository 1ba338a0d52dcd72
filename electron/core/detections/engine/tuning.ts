import type { DuckDBConnection } from '@duckdb/node-api';
import { BASELINE_RULE_ID, baselineDefaults } from '../../baseline/parameters';
import type { Rule } from './catalog';
import { checkParameter, readOverrides } from './parameters';

/**
 * The tuning an analyst controls, stored in the case: rule parameters, suppressions, allowlists
 * and user IOC packs. Every function validates before writing and throws a message that says
 * what is wrong; the router turns it into an envelope.
 */
export class TuningError extends Error {}

function isoOrThrow(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TuningError(`${what} "${value}" is not a date-time`);
  return new Date(ms).toISOString();
}

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

export async function setParameter(conn: DuckDBConnection, rules: Rule[], ruleId: string, name: string, value: unknown, at: string): Promise<void> {
  if (ruleId === BASELINE_RULE_ID) {
    if (!(name in baselineDefaults)) throw new TuningError(`baseline has no parameter ${name}`);
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      throw new TuningError(`baseline parameter ${name} must be a non-negative number`);
    }
  } else {
    const rule = rules.find((r) => r.meta.id === ruleId);
    if (!rule) throw new TuningError(`no rule ${ruleId}`);
    const spec = rule.meta.parameters[name];
    if (!spec) throw new TuningError(`rule ${ruleId} has no parameter ${name}`);
    const problem = value === null ? undefined : checkParameter(name, spec, value);
    if (problem) throw new TuningError(problem);
  }
  if (value === null) {
    await conn.run(`DELETE FROM rule_parameters WHERE rule_id = $rule AND name = $name`, { rule: ruleId, name });
    return;
  }
  await conn.run(
    `INSERT OR REPLACE INTO rule_parameters (rule_id, name, value, updated_at) VALUES ($rule, $name, CAST($value AS JSON), $at::TIMESTAMPTZ)`,
    { rule: ruleId, name, value: JSON.stringify(value), at },
  );
}

export async function ruleInfos(conn: DuckDBConnection, rules: Rule[]) {
  const overrides = await readOverrides(conn);
  return rules.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    kind: r.meta.kind,
    severity: r.meta.severity,
    entity: r.meta.entity,
    version: r.meta.version,
    description: r.meta.description,
    rationale: r.meta.rationale,
    frameworks: r.meta.frameworks,
    references: r.meta.references,
    parameters: Object.entries(r.meta.parameters).map(([name, spec]) => {
      const saved = overrides.get(r.meta.id)?.get(name);
      const value = saved !== undefined && checkParameter(name, spec, saved) === undefined ? (saved as number | string | boolean) : spec.default;
      return { name, type: spec.type, description: spec.description, default: spec.default, value, min: spec.min ?? null, max: spec.max ?? null };
    }),
  }));
}

export interface SuppressionRow {
  id: number;
  entityKey: string;
  ruleId: string | null;
  reason: string;
  expiresAt: string;
  createdAt: string;
}

export async function listSuppressions(conn: DuckDBConnection): Promise<SuppressionRow[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT suppression_id, entity_key, rule_id, reason, epoch_ms(expires_at) AS exp, epoch_ms(created_at) AS cre FROM suppressions ORDER BY suppression_id`,
    )
  ).getRowObjectsJS();
  return rows.map((r) => ({
    id: Number(r.suppression_id),
    entityKey: String(r.entity_key),
    ruleId: r.rule_id === null ? null : String(r.rule_id),
    reason: String(r.reason),
    expiresAt: iso(r.exp),
    createdAt: iso(r.cre),
  }));
}

export async function addSuppression(
  conn: DuckDBConnection,
  rules: Rule[],
  input: { entityKey: string; ruleId: string | null; reason: string; expiresAt: string },
  at: string,
): Promise<SuppressionRow> {
  if (input.ruleId !== null && !rules.some((r) => r.meta.id === input.ruleId)) throw new TuningError(`no rule ${input.ruleId}`);
  if (!input.reason.trim()) throw new TuningError('a suppression needs a reason');
  const expiresAt = isoOrThrow(input.expiresAt, 'expiry');
  const rows = (
    await conn.runAndReadAll(
      `INSERT INTO suppressions (entity_key, rule_id, reason, expires_at, created_at)
       VALUES ($entity, $rule, $reason, $expires::TIMESTAMPTZ, $at::TIMESTAMPTZ) RETURNING suppression_id`,
      { entity: input.entityKey, rule: input.ruleId, reason: input.reason.trim(), expires: expiresAt, at },
    )
  ).getRowObjectsJS();
  return { id: Number(rows[0]!.suppression_id), entityKey: input.entityKey, ruleId: input.ruleId, reason: input.reason.trim(), expiresAt, createdAt: at };
}

export async function removeSuppression(conn: DuckDBConnection, id: number): Promise<boolean> {
  const rows = (await conn.runAndReadAll(`DELETE FROM suppressions WHERE suppression_id = $id RETURNING suppression_id`, { id })).getRowObjectsJS();
  return rows.length > 0;
}

export type AllowlistName = 'network' | 'user_agent';

const networkEntry = /^(AS\d{1,10}|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-f:]+(\/\d{1,3})?)$/i;

export async function listAllowlists(conn: DuckDBConnection) {
  const rows = (
    await conn.runAndReadAll(
      `SELECT allowlist_id, 'network' AS list, entry, note FROM allowlist_networks
       UNION ALL SELECT allowlist_id, 'user_agent', pattern, note FROM allowlist_user_agents
       ORDER BY allowlist_id`,
    )
  ).getRowObjectsJS();
  return rows.map((r) => ({ id: Number(r.allowlist_id), list: String(r.list) as AllowlistName, entry: String(r.entry), note: r.note === null ? null : String(r.note) }));
}

export async function addAllowlist(conn: DuckDBConnection, list: AllowlistName, entry: string, note: string | undefined, at: string) {
  const value = entry.trim();
  if (list === 'network' && !networkEntry.test(value)) throw new TuningError(`"${value}" is not a CIDR, IP address or AS<number>`);
  const sql =
    list === 'network'
      ? `INSERT INTO allowlist_networks (entry, note, created_at) VALUES ($entry, $note, $at::TIMESTAMPTZ) RETURNING allowlist_id`
      : `INSERT INTO allowlist_user_agents (pattern, note, created_at) VALUES ($entry, $note, $at::TIMESTAMPTZ) RETURNING allowlist_id`;
  try {
    const rows = (await conn.runAndReadAll(sql, { entry: value, note: note ?? null, at })).getRowObjectsJS();
    return { id: Number(rows[0]!.allowlist_id), list, entry: value, note: note ?? null };
  } catch (error) {
    if (String(error).includes('Duplicate key')) throw new TuningError(`"${value}" is already on the ${list} allowlist`);
    throw error;
  }
}

export async function removeAllowlist(conn: DuckDBConnection, list: AllowlistName, id: number): Promise<boolean> {
  const sql =
    list === 'network'
      ? `DELETE FROM allowlist_networks WHERE allowlist_id = $id RETURNING allowlist_id`
      : `DELETE FROM allowlist_user_agents WHERE allowlist_id = $id RETURNING allowlist_id`;
  return (await conn.runAndReadAll(sql, { id })).getRowObjectsJS().length > 0;
}

export async function listIocPacks(conn: DuckDBConnection) {
  const rows = (
    await conn.runAndReadAll(
      `SELECT p.pack_id, p.version, p.title, p.source, p.builtin, count(i.value) AS n
       FROM ioc_packs p LEFT JOIN ioc_indicators i ON i.pack_id = p.pack_id
       GROUP BY ALL ORDER BY p.builtin DESC, p.pack_id`,
    )
  ).getRowObjectsJS();
  return rows.map((r) => ({
    id: String(r.pack_id),
    version: String(r.version),
    title: String(r.title),
    source: r.source === null ? null : String(r.source),
    builtin: Boolean(r.builtin),
    indicators: Number(r.n),
  }));
}

/** Add indicators to a user pack (its version counts the edits). Shipped packs are read-only. */
export async function addIocIndicators(
  conn: DuckDBConnection,
  input: { packId: string; title?: string; indicators: { type: string; value: string; incident?: string; note?: string }[] },
  at: string,
) {
  const existing = (await conn.runAndReadAll(`SELECT builtin, version FROM ioc_packs WHERE pack_id = $id`, { id: input.packId })).getRowObjectsJS()[0];
  if (existing?.builtin) throw new TuningError(`${input.packId} is a shipped pack; add indicators to a pack of your own`);
  await conn.run('BEGIN TRANSACTION');
  try {
    const version = existing ? String(Number(existing.version) + 1) : '1';
    await conn.run(
      `INSERT OR REPLACE INTO ioc_packs (pack_id, version, title, source, builtin, loaded_at) VALUES ($id, $version, $title, 'analyst', false, $at::TIMESTAMPTZ)`,
      { id: input.packId, version, title: input.title ?? input.packId, at },
    );
    for (const ind of input.indicators) {
      await conn.run(
        `INSERT OR IGNORE INTO ioc_indicators (pack_id, type, value, incident, note) VALUES ($id, $type, $value, $incident, $note)`,
        { id: input.packId, type: ind.type, value: ind.value.trim(), incident: ind.incident ?? input.packId, note: ind.note ?? null },
      );
    }
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
  return (await listIocPacks(conn)).find((p) => p.id === input.packId)!;
}
