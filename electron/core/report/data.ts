import type { DuckDBConnection } from '@duckdb/node-api';
import type { CaseInfo } from '../../../shared/contract';
import { listLog, sealLog, verifyLog, type ChainVerdict, type LogEntry } from '../cases/action-log';
import { listTriage, type TriageRecord } from '../cases/triage';
import { datasetDigest, type DatasetDigest } from '../bundle/digest';
import { loadCatalog } from '../detections/engine/catalog';
import { listFindings, type StoredFinding } from '../detections/engine/findings-store';
import { toolVersion } from '../version';
import { frameworkFamily, frameworkTitles } from './frameworks';
import { verifyEvidence, type EvidenceCheck } from './verify-evidence';

export const severityOrder = ['critical', 'high', 'medium', 'low', 'info'] as const;

export interface ReportFinding extends StoredFinding {
  ruleTitle: string;
  triage: TriageRecord | null;
  notes: string[];
  tags: string[];
}

export interface AffectedEntity {
  type: string;
  key: string;
  name: string | null;
  platform: string | null;
  findings: number;
  maxSeverity: string;
  /** What this identity can reach and what it did: label → value, in display order. */
  blastRadius: Array<[string, string]>;
}

export interface FrameworkRow {
  id: string;
  family: string;
  title: string;
  findings: number;
  rules: string[];
}

export interface DetectionRunInfo {
  runId: number;
  asOf: string;
  analysisStart: string;
  rulesVersion: string;
  toolVersion: string;
}

export interface ReportData {
  case: CaseInfo;
  generatedAt: string;
  tool: { name: 'tokenscope'; version: string; duckdb: string };
  run: DetectionRunInfo | null;
  findings: ReportFinding[];
  suppressed: number;
  entities: AffectedEntity[];
  frameworks: FrameworkRow[];
  rules: Array<{ id: string; version: number; title: string }>;
  datasets: string[];
  evidence: EvidenceCheck[];
  log: LogEntry[];
  chain: ChainVerdict;
  digest: DatasetDigest;
}

const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

async function rows(conn: DuckDBConnection, sql: string, params: Record<string, string | number | null> = {}) {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJS();
}

export async function latestRun(conn: DuckDBConnection): Promise<DetectionRunInfo | null> {
  const [r] = await rows(
    conn,
    `SELECT run_id, epoch_ms(as_of) AS as_of, epoch_ms(analysis_start) AS analysis_start, rules_version, tool_version
     FROM detection_runs WHERE finished_at IS NOT NULL ORDER BY run_id DESC LIMIT 1`,
  );
  if (!r) return null;
  return { runId: Number(r.run_id), asOf: iso(r.as_of)!, analysisStart: iso(r.analysis_start)!, rulesVersion: String(r.rules_version), toolVersion: String(r.tool_version) };
}

async function credentialRadius(conn: DuckDBConnection): Promise<Map<string, Array<[string, string]>>> {
  const out = new Map<string, Array<[string, string]>>();
  const list = await rows(
    conn,
    `WITH fc AS (SELECT DISTINCT entity_key FROM findings WHERE suppression_id IS NULL AND entity_type = 'credential'),
     sc AS (
       SELECT c.credential_key, s.scope, coalesce(k.risk_tier, 'unrated') AS tier, k.system_key
       FROM credentials c JOIN fc ON fc.entity_key = c.credential_key
       CROSS JOIN LATERAL (SELECT unnest(coalesce(c.scopes, []::VARCHAR[])) AS scope) s
       LEFT JOIN scope_catalog k ON k.platform = c.platform AND k.scope = s.scope
     ),
     scope_text AS (
       SELECT credential_key, string_agg(scope || ' (' || tier || ')', ', ' ORDER BY scope) AS scopes,
              string_agg(DISTINCT system_key, ', ' ORDER BY system_key) AS reachable
       FROM sc GROUP BY credential_key
     ),
     touched AS (
       SELECT credential_key, string_agg(DISTINCT system_key, ', ' ORDER BY system_key) AS systems, count(DISTINCT resource) AS resources
       FROM events WHERE credential_key IN (SELECT entity_key FROM fc) GROUP BY credential_key
     )
     SELECT v.credential_key, v.credential_type, v.status, v.owner_email, v.owner_hr_status, v.app_name, v.event_count,
            epoch_ms(v.created_at) AS created, epoch_ms(v.expires_at) AS expires, epoch_ms(v.last_seen_at) AS last_seen,
            st.scopes, st.reachable, t.systems, coalesce(t.resources, 0) AS resources
     FROM v_credentials v JOIN fc ON fc.entity_key = v.credential_key
     LEFT JOIN scope_text st ON st.credential_key = v.credential_key
     LEFT JOIN touched t ON t.credential_key = v.credential_key`,
  );
  for (const r of list) {
    const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
    out.set(String(r.credential_key), [
      ['Type', text(r.credential_type)],
      ['Status', text(r.status)],
      ['Owner', r.owner_email ? `${String(r.owner_email)} (HR: ${text(r.owner_hr_status)})` : 'none recorded'],
      ['App', text(r.app_name)],
      ['Created', text(iso(r.created))],
      ['Expires', r.expires === null ? 'never' : text(iso(r.expires))],
      ['Last seen', text(iso(r.last_seen))],
      ['Granted scopes (risk tier)', text(r.scopes)],
      ['Systems its scopes reach', text(r.reachable)],
      ['Systems it touched', text(r.systems)],
      ['Events / distinct resources', `${Number(r.event_count)} / ${Number(r.resources)}`],
    ]);
  }
  return out;
}

async function appRadius(conn: DuckDBConnection): Promise<Map<string, Array<[string, string]>>> {
  const out = new Map<string, Array<[string, string]>>();
  const list = await rows(
    conn,
    `WITH fa AS (SELECT DISTINCT entity_key FROM findings WHERE suppression_id IS NULL AND entity_type = 'app')
     SELECT a.app_key, a.publisher, a.verified, a.third_party,
            (SELECT count(*) FROM grants g WHERE g.app_key = a.app_key) AS grants,
            (SELECT count(DISTINCT principal_key) FROM grants g WHERE g.app_key = a.app_key) AS principals,
            (SELECT string_agg(DISTINCT scope || ' (' || coalesce(risk_tier, 'unrated') || ')', ', ' ORDER BY scope || ' (' || coalesce(risk_tier, 'unrated') || ')')
               FROM v_grant_scopes s WHERE s.app_key = a.app_key) AS scopes,
            (SELECT count(*) FROM credentials c WHERE c.app_key = a.app_key) AS credentials,
            (SELECT count(*) FROM events e WHERE e.app_key = a.app_key) AS events
     FROM apps a JOIN fa ON fa.entity_key = a.app_key`,
  );
  const yesNo = (v: unknown) => (v === null ? 'unknown' : v ? 'yes' : 'no');
  for (const r of list) {
    out.set(String(r.app_key), [
      ['Publisher', r.publisher === null ? '—' : String(r.publisher)],
      ['Publisher verified', yesNo(r.verified)],
      ['Third party', yesNo(r.third_party)],
      ['Grants / consenting principals', `${Number(r.grants)} / ${Number(r.principals)}`],
      ['Granted scopes (risk tier)', r.scopes === null ? '—' : String(r.scopes)],
      ['Credentials / events', `${Number(r.credentials)} / ${Number(r.events)}`],
    ]);
  }
  return out;
}

async function principalRadius(conn: DuckDBConnection): Promise<Map<string, Array<[string, string]>>> {
  const out = new Map<string, Array<[string, string]>>();
  const list = await rows(
    conn,
    `WITH fp AS (SELECT DISTINCT entity_key FROM findings WHERE suppression_id IS NULL AND entity_type = 'principal')
     SELECT p.principal_key, p.kind, p.email, p.hr_status,
            (SELECT count(*) FROM credentials c WHERE c.owner_key = p.principal_key) AS credentials,
            (SELECT count(*) FROM events e WHERE e.principal_key = p.principal_key) AS events
     FROM principals p JOIN fp ON fp.entity_key = p.principal_key`,
  );
  for (const r of list) {
    out.set(String(r.principal_key), [
      ['Kind', String(r.kind)],
      ['Email', r.email === null ? '—' : String(r.email)],
      ['HR status', String(r.hr_status)],
      ['Credentials owned / events', `${Number(r.credentials)} / ${Number(r.events)}`],
    ]);
  }
  return out;
}

function affectedEntities(findings: ReportFinding[], radius: Map<string, Array<[string, string]>>): AffectedEntity[] {
  const byKey = new Map<string, AffectedEntity>();
  for (const f of findings) {
    const e = byKey.get(f.entity.key);
    if (e) {
      e.findings++;
      if (severityOrder.indexOf(f.severity) < severityOrder.indexOf(e.maxSeverity as (typeof severityOrder)[number])) e.maxSeverity = f.severity;
    } else {
      byKey.set(f.entity.key, {
        type: f.entity.type,
        key: f.entity.key,
        name: f.entity.name,
        platform: f.entity.platform,
        findings: 1,
        maxSeverity: f.severity,
        blastRadius: radius.get(f.entity.key) ?? [],
      });
    }
  }
  return [...byKey.values()].sort(
    (a, b) => severityOrder.indexOf(a.maxSeverity as never) - severityOrder.indexOf(b.maxSeverity as never) || b.findings - a.findings || a.key.localeCompare(b.key),
  );
}

function frameworkRows(findings: ReportFinding[]): FrameworkRow[] {
  const map = new Map<string, FrameworkRow>();
  for (const f of findings) {
    for (const id of f.frameworks) {
      const row = map.get(id) ?? { id, family: frameworkFamily(id), title: frameworkTitles[id] ?? '', findings: 0, rules: [] };
      row.findings++;
      if (!row.rules.includes(f.ruleId)) row.rules.push(f.ruleId);
      map.set(id, row);
    }
  }
  for (const row of map.values()) row.rules.sort();
  return [...map.values()].sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/**
 * Everything a report shows, read from the open case in one pass. Re-hashes every reachable
 * evidence file (T9.1) and seals and verifies the action log (T9.4) as part of gathering.
 */
export async function gatherReport(conn: DuckDBConnection, info: CaseInfo, generatedAt = new Date()): Promise<ReportData> {
  const catalog = loadCatalog();
  const titles = new Map(catalog.map((r) => [r.meta.id, { title: r.meta.title, version: r.meta.version }]));
  const run = await latestRun(conn);
  const triage = new Map((await listTriage(conn, generatedAt)).map((t) => [t.findingId, t]));
  const { findings: stored } = await listFindings(conn, { includeSuppressed: false });
  const suppressed = Number((await rows(conn, `SELECT count(*) AS n FROM findings WHERE suppression_id IS NOT NULL`))[0]!.n);
  // Notes and tags for every finding in two queries (one per table), not three per finding.
  const notes = new Map<string, string[]>();
  for (const r of await rows(
    conn,
    `SELECT target_key, body, author, epoch_ms(created_at) AS ms FROM case_notes WHERE target_type = 'finding' ORDER BY target_key, note_id`,
  )) {
    const key = String(r.target_key);
    notes.set(key, [...(notes.get(key) ?? []), `${iso(r.ms)} ${String(r.author)}: ${String(r.body)}`]);
  }
  const tags = new Map<string, string[]>();
  for (const r of await rows(conn, `SELECT target_key, tag FROM case_tags WHERE target_type = 'finding' ORDER BY target_key, tag`)) {
    const key = String(r.target_key);
    tags.set(key, [...(tags.get(key) ?? []), String(r.tag)]);
  }
  const findings: ReportFinding[] = stored.map((f) => ({
    ...f,
    ruleTitle: titles.get(f.ruleId)?.title ?? f.ruleId,
    triage: triage.get(f.id) ?? null,
    notes: notes.get(f.id) ?? [],
    tags: tags.get(f.id) ?? [],
  }));
  const radius = new Map([...(await credentialRadius(conn)), ...(await appRadius(conn)), ...(await principalRadius(conn))]);
  const usedRules = [...new Set(findings.map((f) => f.ruleId))].sort();
  const datasets = (await rows(conn, `SELECT DISTINCT enrichment FROM imports WHERE enrichment IS NOT NULL ORDER BY 1`)).map((r) => String(r.enrichment));
  const duckdb = String((await rows(conn, `SELECT version() AS v`))[0]!.v);
  const evidence = await verifyEvidence(conn);
  await sealLog(conn);
  const chain = await verifyLog(conn);
  const { entries: log } = await listLog(conn, 1_000_000, 0);
  return {
    case: info,
    generatedAt: generatedAt.toISOString(),
    tool: { name: 'tokenscope', version: toolVersion, duckdb },
    run,
    findings,
    suppressed,
    entities: affectedEntities(findings, radius),
    frameworks: frameworkRows(findings),
    rules: usedRules.map((id) => ({ id, version: titles.get(id)?.version ?? 0, title: titles.get(id)?.title ?? id })),
    datasets,
    evidence,
    log: log.reverse(),
    chain,
    digest: await datasetDigest(conn),
  };
}
