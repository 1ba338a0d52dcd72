import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CaseDatabase } from '../db/case-db';
import { importEvidence } from '../ingest';
import { diffSnapshots, type Snapshot, type SnapshotCredential, type SnapshotDiff } from './snapshot-diff';

const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
const list = (json: unknown) => (json === null || json === undefined ? [] : (JSON.parse(String(json)) as string[] | null) ?? []);

/**
 * Inventory credentials and grants of a case, read from what each inventory record said
 * (credential_facts), not from the merged identities: a GAM token export has one record per
 * user and client, which identity resolution merges into one grant per client.
 * A record's key is platform|type|identifiers; when the same identifiers belong to several
 * owners in one export (per-user grants of one app), the owner is part of the key too.
 */
export async function readSnapshot(conn: DuckDBConnection): Promise<Snapshot> {
  const sources = (await conn.runAndReadAll(`SELECT DISTINCT source FROM evidence_files ORDER BY 1`)).getRowObjectsJS().map((r) => String(r.source));
  const facts = (
    await conn.runAndReadAll(
      `WITH f AS (
         SELECT platform, credential_type, file_id, record_no, seq, display_name, app_ref, app_name, status, epoch_ms(created_at) AS created, epoch_ms(expires_at) AS expires,
                coalesce(owner_email, owner_ref) AS owner,
                (SELECT string_agg(x.kind || '=' || x.value, ' ' ORDER BY x.kind, x.value)
                   FROM (SELECT unnest(from_json(ids, '[{"kind":"VARCHAR","value":"VARCHAR"}]'), recursive := true)) x) AS id_text,
                CAST(to_json(coalesce(scopes, []::VARCHAR[])) AS VARCHAR) AS scopes
         FROM credential_facts
       ),
       shared AS (SELECT platform, credential_type, id_text FROM f GROUP BY ALL HAVING count(DISTINCT owner) > 1)
       SELECT f.*, s.id_text IS NOT NULL AS per_owner
       FROM f LEFT JOIN shared s USING (platform, credential_type, id_text)
       ORDER BY file_id, record_no, seq`,
    )
  ).getRowObjectsJS();
  const byKey = new Map<string, SnapshotCredential>();
  for (const r of facts) {
    const owner = r.owner === null ? null : String(r.owner);
    const key = `${String(r.platform)}|${String(r.credential_type)}|${String(r.id_text)}${r.per_owner ? `|owner=${owner ?? ''}` : ''}`;
    // Later records of the same credential (a later file in the export folder) win.
    byKey.set(key, {
      key,
      platform: String(r.platform),
      type: String(r.credential_type),
      name: r.display_name === null ? null : String(r.display_name),
      ownerKey: owner,
      appKey: r.app_ref === null ? null : String(r.app_ref),
      appName: r.app_name === null ? null : String(r.app_name),
      status: r.status === null ? 'unknown' : String(r.status),
      createdAt: iso(r.created),
      expiresAt: iso(r.expires),
      scopes: list(r.scopes).slice().sort(),
    });
  }
  const credentials = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
  const grants = (
    await conn.runAndReadAll(
      `SELECT g.grant_key, g.app_ref, a.name AS app_name, g.principal_key, CAST(to_json(coalesce(g.scopes_granted, []::VARCHAR[])) AS VARCHAR) AS scopes
       FROM grants g LEFT JOIN apps a USING (app_key) ORDER BY g.grant_key`,
    )
  )
    .getRowObjectsJS()
    .map((r) => ({
      key: String(r.grant_key),
      appKey: r.app_ref === null ? null : String(r.app_ref),
      appName: r.app_name === null ? null : String(r.app_name),
      principalKey: r.principal_key === null ? null : String(r.principal_key),
      scopes: list(r.scopes),
    }));
  // Apps as the export names them (the raw identifiers credential records point at).
  const apps = new Map<string, string | null>();
  for (const r of (
    await conn.runAndReadAll(
      `SELECT x.value AS ref, any_value(a.name) AS name
       FROM app_facts a, (SELECT unnest(from_json(a.ids, '[{"kind":"VARCHAR","value":"VARCHAR"}]'), recursive := true)) x
       GROUP BY x.value ORDER BY 1`,
    )
  ).getRowObjectsJS()) {
    apps.set(String(r.ref), r.name === null ? null : String(r.name));
  }
  return { sources, credentials, grants, apps };
}

/** Import one export into a scratch case (the real importer) and read its snapshot. */
async function loadExport(path: string, dir: string, label: string): Promise<Snapshot> {
  const db = await CaseDatabase.create(join(dir, `${label}.tokenscope`), label);
  try {
    const result = await importEvidence(db, [resolve(path)]);
    const bad = result.files.filter((f) => f.status === 'failed' || f.status === 'unrecognised');
    if (bad.length) throw new Error(`${bad.map((f) => `${f.path}: ${f.status}${f.reason ? ` (${f.reason})` : ''}`).join('; ')}`);
    const loaded = result.files.filter((f) => f.status === 'imported');
    if (loaded.length === 0) throw new Error(`${path}: no importable export found`);
    const rejected = loaded.reduce((n, f) => n + f.recordsRejected, 0);
    if (rejected > 0) process.emitWarning(`${path}: ${rejected} record(s) rejected by the importer; the diff covers the rest`);
    return await readSnapshot(db.connection);
  } finally {
    await db.close();
  }
}

/**
 * Compare two inventory exports of the same platform (files or folders), e.g. two Entra
 * application exports, two GAM token CSVs or two AWS credential reports.
 */
export async function diffExports(oldPath: string, newPath: string): Promise<SnapshotDiff> {
  for (const p of [oldPath, newPath]) if (!existsSync(p)) throw new Error(`no such file or folder: ${p}`);
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-diff-'));
  try {
    const before = await loadExport(oldPath, dir, 'old');
    const after = await loadExport(newPath, dir, 'new');
    const shared = before.sources.filter((s) => after.sources.includes(s));
    if (shared.length === 0) {
      throw new Error(`${basename(oldPath)} (${before.sources.join(', ')}) and ${basename(newPath)} (${after.sources.join(', ')}) are not exports of the same platform`);
    }
    return diffSnapshots(before, after);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
