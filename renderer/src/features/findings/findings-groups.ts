import type { FindingSummary } from '../../../../shared/contract/methods/findings';

export type GroupBy = 'severity' | 'kind' | 'entity';

const severityOrder = ['critical', 'high', 'medium', 'low', 'info'];

/** Findings grouped for the list: by severity (most severe first), by kind, or by entity (most findings first). */
export function groupFindings(findings: FindingSummary[], by: GroupBy): { group: string; label: string; findings: FindingSummary[] }[] {
  const groups = new Map<string, { label: string; findings: FindingSummary[] }>();
  for (const f of findings) {
    const group = by === 'severity' ? f.severity : by === 'kind' ? f.kind : f.entity.key;
    const label = by === 'entity' ? (f.entity.name ?? f.entity.key) : group;
    const entry = groups.get(group) ?? { label, findings: [] };
    entry.findings.push(f);
    groups.set(group, entry);
  }
  const list = [...groups].map(([group, g]) => ({ group, ...g }));
  if (by === 'severity') list.sort((a, b) => severityOrder.indexOf(a.group) - severityOrder.indexOf(b.group));
  else if (by === 'entity') list.sort((a, b) => b.findings.length - a.findings.length || a.group.localeCompare(b.group));
  else list.sort((a, b) => a.group.localeCompare(b.group));
  return list;
}

/** SQL that shows exactly the events behind a finding (for the console link). Ids are integers from the backend. */
export function eventsSql(eventIds: number[]): string {
  const ids = eventIds.filter((id) => Number.isSafeInteger(id)).slice(0, 500);
  return `SELECT * FROM v_events WHERE event_id IN (${ids.join(', ') || 'NULL'}) ORDER BY event_time`;
}

/** SQL for the exact inventory records (file hash + record number). Hashes are validated as hex. */
export function inventorySql(refs: { sha256: string; record: number }[]): string {
  const terms = refs
    .filter((r) => /^[0-9a-f]{64}$/.test(r.sha256) && Number.isSafeInteger(r.record))
    .slice(0, 200)
    .map((r) => `(f.sha256 = '${r.sha256}' AND r.record_no = ${r.record})`);
  return `SELECT f.file_name, f.source, r.record_no, r.raw FROM evidence_records r JOIN evidence_files f USING (file_id)\nWHERE ${terms.join('\n   OR ') || 'false'}`;
}
