import type { DuckDBConnection } from '@duckdb/node-api';
import type { DetectionKind, EntityType, Severity } from '../../../../shared/domain';

export interface EvidenceRef {
  sha256: string;
  record: number;
  eventId?: number;
}

export interface StoredFinding {
  id: string;
  ruleId: string;
  ruleVersion: number;
  kind: DetectionKind;
  severity: Severity;
  entity: { type: EntityType; key: string; ids: string[]; name: string | null; platform: string | null };
  firstSeen: string | null;
  lastSeen: string | null;
  eventCount: number;
  summary: string;
  frameworks: string[];
  suppressionId: number | null;
  explanation: Record<string, unknown>;
  eventRefs: EvidenceRef[];
  inventoryRefs: EvidenceRef[];
  runId: number;
}

export interface FindingFilter {
  kind?: string;
  severity?: string;
  ruleId?: string;
  entityKey?: string;
  includeSuppressed?: boolean;
  limit?: number;
  offset?: number;
}

/** Stable order: most severe first, then kind, entity, time, id — identical across runs of the same evidence. */
const ORDER = `CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
  kind, entity_key, first_seen NULLS FIRST, finding_id`;

const COLUMNS = `finding_id, rule_id, rule_version, kind, severity, entity_type, entity_key, entity_name, platform,
  CAST(to_json(entity_ids) AS VARCHAR) AS entity_ids, epoch_ms(first_seen) AS first_ms, epoch_ms(last_seen) AS last_ms,
  event_count, summary, CAST(to_json(frameworks) AS VARCHAR) AS frameworks, suppression_id, CAST(explanation AS VARCHAR) AS explanation,
  CAST(to_json(event_refs) AS VARCHAR) AS event_refs, CAST(to_json(inventory_refs) AS VARCHAR) AS inventory_refs, run_id`;

const WHERE = `($kind IS NULL OR kind = $kind) AND ($severity IS NULL OR severity = $severity) AND ($rule_id IS NULL OR rule_id = $rule_id)
  AND ($entity_key IS NULL OR entity_key = $entity_key) AND ($include_suppressed OR suppression_id IS NULL)`;

function iso(ms: unknown): string | null {
  return ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();
}

function toFinding(row: Record<string, unknown>): StoredFinding {
  const refs = (text: unknown): EvidenceRef[] =>
    (JSON.parse(String(text ?? '[]')) as { sha256: string; record: number; event_id?: number }[]).map((r) =>
      r.event_id === undefined ? { sha256: r.sha256, record: Number(r.record) } : { sha256: r.sha256, record: Number(r.record), eventId: Number(r.event_id) },
    );
  return {
    id: String(row.finding_id),
    ruleId: String(row.rule_id),
    ruleVersion: Number(row.rule_version),
    kind: String(row.kind) as DetectionKind,
    severity: String(row.severity) as Severity,
    entity: {
      type: String(row.entity_type) as EntityType,
      key: String(row.entity_key),
      ids: JSON.parse(String(row.entity_ids)) as string[],
      name: row.entity_name === null ? null : String(row.entity_name),
      platform: row.platform === null ? null : String(row.platform),
    },
    firstSeen: iso(row.first_ms),
    lastSeen: iso(row.last_ms),
    eventCount: Number(row.event_count),
    summary: String(row.summary),
    frameworks: JSON.parse(String(row.frameworks)) as string[],
    suppressionId: row.suppression_id === null ? null : Number(row.suppression_id),
    explanation: JSON.parse(String(row.explanation)) as Record<string, unknown>,
    eventRefs: refs(row.event_refs),
    inventoryRefs: refs(row.inventory_refs),
    runId: Number(row.run_id),
  };
}

export async function listFindings(conn: DuckDBConnection, filter: FindingFilter = {}): Promise<{ total: number; findings: StoredFinding[] }> {
  const params = {
    kind: filter.kind ?? null,
    severity: filter.severity ?? null,
    rule_id: filter.ruleId ?? null,
    entity_key: filter.entityKey ?? null,
    include_suppressed: filter.includeSuppressed ?? false,
  };
  const total = Number(
    (await conn.runAndReadAll(`SELECT count(*) AS n FROM findings WHERE ${WHERE}`, params)).getRowObjectsJS()[0]?.n ?? 0,
  );
  const rows = (
    await conn.runAndReadAll(`SELECT ${COLUMNS} FROM findings WHERE ${WHERE} ORDER BY ${ORDER} LIMIT $limit OFFSET $offset`, {
      ...params,
      limit: filter.limit ?? 1_000_000,
      offset: filter.offset ?? 0,
    })
  ).getRowObjectsJS();
  return { total, findings: rows.map(toFinding) };
}

export async function getFinding(conn: DuckDBConnection, id: string): Promise<StoredFinding | undefined> {
  const rows = (await conn.runAndReadAll(`SELECT ${COLUMNS} FROM findings WHERE finding_id = $id`, { id })).getRowObjectsJS();
  return rows[0] ? toFinding(rows[0]) : undefined;
}
