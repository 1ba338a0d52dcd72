import type { CaseDatabase } from '../../electron/core/db/case-db';

export { tempCase } from '../support/temp-case';

/** Insert a minimal finding row (the shape the detection engine writes) so triage has a target. */
export async function insertFinding(db: CaseDatabase, id: string, severity = 'high'): Promise<void> {
  await db.connection.run(
    `INSERT INTO findings (finding_id, run_id, rule_id, rule_version, kind, severity, entity_type, entity_key, entity_ids, entity_name,
       platform, first_seen, last_seen, event_count, summary, explanation, frameworks, event_refs, inventory_refs, suppression_id)
     VALUES ($id, 1, 'new-network', 1, 'new-network', $severity, 'credential', 'github:pat:1', ['1'], 'ci token', 'github',
       '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 3, 'Token used from a new network', '{}', ['OWASP-NHI:NHI7'], [], [], NULL)`,
    { id, severity },
  );
}
