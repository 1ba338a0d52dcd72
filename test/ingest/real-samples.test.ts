import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence, type ImportResult } from '../../electron/core/ingest';
import { count, tempCase } from './helpers';

/**
 * Conformance: every file in the real-samples folder is recognised with the right source and
 * accounted for exactly. The folder lives outside the repository (licences); CI sets
 * TOKENSCOPE_REAL_SAMPLES, and with CI=true its absence is a failure, not a skip.
 */
const folder = resolve(process.env.TOKENSCOPE_REAL_SAMPLES ?? resolve(__dirname, '../../../shared/real-samples'));
const present = existsSync(folder);
if (!present) {
  const message = `REAL SAMPLES MISSING: ${folder} does not exist; the importer conformance test cannot run (set TOKENSCOPE_REAL_SAMPLES).`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n*** ${message} ***\n`);
}

/** Expected source per top-level folder (every file in it). */
const sourceByFolder: Record<string, string> = {
  okta: 'okta',
  entra: 'entra',
  m365: 'm365',
  gworkspace: 'google',
  github: 'github',
  salesforce: 'salesforce',
  aws: 'aws',
  slack: 'slack',
  gcp: 'gcp',
};

/** Exact record counts of the multi-record files (PROVENANCE.md); every appomni file is one record. */
const expectedRecords: Record<string, number> = {
  'aws/_derived/123456789012_CloudTrail_us-east-1_DERIVED.json.gz': 5,
  'aws/panther_AWS_CloudTrail.ndjson': 445,
  'entra/elastic_ManagedIdentitySignInLogs_subset.ndjson': 2,
  'entra/elastic_MicrosoftGraphActivityLogs_subset.ndjson': 2,
  'entra/elastic_ServicePrincipalSignInLogs_subset.ndjson': 2,
  'entra/graph_docs/application_addPassword_response.json': 1,
  'entra/graph_docs/oauth2PermissionGrants_list_response.json': 2,
  'entra/panther_Azure_Audit.ndjson': 37,
  'gcp/panther_GCP_AuditLog.ndjson': 159,
  'github/elastic_test-api-request-events.ndjson': 2,
  'github/panther_GitHub_Audit.ndjson': 92,
  'gworkspace/elastic_test-token.ndjson': 1,
  'gworkspace/panther_GSuite_ActivityEvent.ndjson': 123,
  'm365/panther_Microsoft365_Audit_AzureActiveDirectory.ndjson': 4,
  'm365/panther_Microsoft365_Audit_SharePoint.ndjson': 5,
  'okta/panther_Okta_SystemLog.ndjson': 23,
  'salesforce/elastic_test-login-eventlogfile.json': 1,
  'salesforce/elf_Login_beats_fixture.csv': 1,
  'salesforce/eventlogfile_soql_response_beats_fixture.json': 1,
  'salesforce/loginevent_object_soql_response_beats_fixture.json': 1,
  'salesforce/panther_Salesforce_LoginAs.ndjson': 2,
  'slack/panther_Slack_AuditLogs.ndjson': 44,
};

/** Byte-identical copies in the folder: the second is recognised by hash and not loaded twice. */
const duplicates: Record<string, string> = {
  'salesforce/appomni/setup_audit_trail_authorization_remove_fom_group.json': 'salesforce/appomni/setup_audit_trail_authorization_add_to_group.json',
};

describe.runIf(present)('real-format samples', () => {
  let result: ImportResult;
  let ctx: Awaited<ReturnType<typeof tempCase>>;

  beforeAll(async () => {
    ctx = await tempCase();
    result = await importEvidence(ctx.db, [folder]);
  });
  afterAll(async () => ctx?.done());

  it('recognises every file with the source of its folder, and lists PROVENANCE.md as unrecognised', () => {
    for (const f of result.files) {
      const rel = relative(folder, f.path);
      if (rel === 'PROVENANCE.md') {
        expect(f.status, rel).toBe('unrecognised');
        expect(f.reason).toBeTruthy();
        continue;
      }
      if (duplicates[rel]) {
        expect(f.status, rel).toBe('duplicate');
        continue;
      }
      expect(f.status, `${rel}: ${f.reason ?? ''}`).toBe('imported');
      expect(f.source, rel).toBe(sourceByFolder[rel.split('/')[0]!]);
    }
    expect(result.files.length).toBe(278); // every file in the folder (find -type f | wc -l)
  });

  it('accounts for every record exactly: seen = loaded + rejected, matching the known counts and the case tables', async () => {
    for (const f of result.files.filter((x) => x.status === 'imported')) {
      const rel = relative(folder, f.path);
      const expected = expectedRecords[rel] ?? (rel.includes('/appomni/') ? 1 : undefined);
      expect(expected, `no expected count listed for ${rel}`).toBeDefined();
      expect(f.recordsSeen, rel).toBe(expected);
      expect(f.recordsLoaded + f.recordsRejected, rel).toBe(f.recordsSeen);
      expect(f.recordsRejected, rel).toBe(0);
      expect(await count(ctx.db, `SELECT count(*) FROM evidence_records WHERE file_id = $id`, { id: f.fileId! }), rel).toBe(f.recordsLoaded);
    }
    const manifest = await count(ctx.db, `SELECT count(*) FROM evidence_files WHERE records_seen <> records_loaded + records_rejected`);
    expect(manifest).toBe(0);
  });

  it('turns the samples into canonical events with UTC times or an explicit unparsed flag', async () => {
    const bySource = await count(ctx.db, `SELECT count(DISTINCT source) FROM events`);
    expect(bySource).toBe(9);
    expect(await count(ctx.db, `SELECT count(*) FROM events WHERE event_time IS NULL AND time_quality <> 'unparsed'`)).toBe(0);
    // Panther re-rendered times ("2022-03-22 14:21:53.225") are kept as assumed-UTC, not guessed.
    expect(await count(ctx.db, `SELECT count(*) FROM events WHERE source = 'okta' AND time_quality = 'assumed_utc'`)).toBeGreaterThan(0);
    // GitHub epoch-ms @timestamp becomes an exact instant.
    expect(await count(ctx.db, `SELECT count(*) FROM events WHERE time_raw = '1741611465102' AND event_time = '2025-03-10 12:57:45.102+00'`)).toBe(1);
  });

  it('links GitHub token_id and hashed_token to one credential, and resolves CloudTrail access keys', async () => {
    const key = await count(
      ctx.db,
      `SELECT count(DISTINCT credential_key) FROM credential_ids WHERE (id_kind = 'github_token_id' AND id_value = '555555') OR (id_kind = 'github_hashed_token' AND id_value = 'E8Fzcgs3TQXqhrKKC/qNR+2XZnaK3ykQBSAt1kPMiJs=')`,
    );
    expect(key).toBe(1);
    expect(await count(ctx.db, `SELECT count(*) FROM events WHERE source = 'aws' AND credential_key LIKE 'aws:access_key:AKIA%'`)).toBeGreaterThan(0);
    expect(await count(ctx.db, `SELECT count(*) FROM v_credentials WHERE event_count > 0`)).toBeGreaterThan(10);
  });
});
