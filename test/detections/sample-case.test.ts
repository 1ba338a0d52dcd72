import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDatabase } from '../../electron/core/db/case-db';
import { listFindings, type StoredFinding } from '../../electron/core/detections/engine/findings-store';
import { runDetections } from '../../electron/core/detections/engine/run';
import { importEvidence, type ImportResult } from '../../electron/core/ingest';
import { familyOf } from '../../shared/domain';

/**
 * The planted stories of the sample case must all be found (right kind, right entity) and no
 * look-alike may get a forbidden kind. Prints recall and the noise level. SAMPLE_DATA_DIR and
 * SAMPLE_ANSWER_KEY point it at another generated copy.
 */
interface AnswerKey {
  analysisStart: string;
  window: { from: string; to: string };
  stories: { id: string; kind: string; platform: string; entityIds: string[] }[];
  lookalikes: { id: string; entityIds: string[]; mustNotFire: string[] }[];
}

const dataDir = resolve(process.env.SAMPLE_DATA_DIR ?? 'sample-data');
const keyFile = resolve(process.env.SAMPLE_ANSWER_KEY ?? join(dataDir, 'answer-key.json'));
const available = existsSync(keyFile);

const touches = (f: StoredFinding, ids: string[]) => f.entity.ids.some((id) => ids.includes(id)) || ids.includes(f.entity.key);

describe.skipIf(!available)('sample case against its answer key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-sample-'));
  let db: CaseDatabase;
  let imported: ImportResult;

  beforeAll(async () => {
    db = await CaseDatabase.create(join(dir, 'sample.tokenscope'), 'Sample');
    imported = await importEvidence(db, [dataDir]);
  }, 600_000);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports every export in sample-data/ with seen = loaded + rejected and zero rejects (issue 4)', async () => {
    const exports = imported.files.filter((f) => !/(^|\/)(README\.md|answer-key\.json)$/.test(f.path));
    const notImported = exports.filter((f) => f.status !== 'imported').map((f) => `${f.path}: ${f.status} ${f.reason ?? ''}`);
    expect(notImported).toEqual([]);
    for (const file of exports) {
      expect(file.recordsSeen, file.path).toBe(file.recordsLoaded + file.recordsRejected);
      expect(file.recordsRejected, file.path).toBe(0);
      expect(file.recordsLoaded, file.path).toBeGreaterThan(0);
    }
    const manifest = (
      await db.connection.runAndReadAll(
        `SELECT count(*) AS files, sum(records_seen) AS seen, sum(records_loaded) AS loaded, sum(records_rejected) AS rejected FROM evidence_files`,
      )
    ).getRowObjectsJS()[0];
    expect(Number(manifest?.files)).toBe(exports.length);
    expect(Number(manifest?.rejected)).toBe(0);
    expect(Number(manifest?.seen)).toBe(Number(manifest?.loaded));
    console.log(`sample-data: ${exports.length} export files, ${Number(manifest?.loaded).toLocaleString('en-US')} records loaded, 0 rejected`);
  });

  it('finds every planted story and fires no forbidden kind on a look-alike', { timeout: 600_000 }, async () => {
    const key = JSON.parse(readFileSync(keyFile, 'utf8')) as AnswerKey;
    {
      expect(imported.files.filter((f) => f.status === 'failed')).toEqual([]);
      const run = await runDetections(db.connection, { analysisStart: key.analysisStart });
      const { findings } = await listFindings(db.connection);
      const counts = (
        await db.connection.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (WHERE in_inventory) AS listed FROM credentials`)
      ).getRowObjectsJS()[0];
      const credentials = Number(counts?.n ?? 0);
      const listed = Number(counts?.listed ?? 0);
      const runtime = findings.filter((f) => familyOf(f.kind) === 'runtime').length;

      const missed = key.stories.filter((s) => !findings.some((f) => f.kind === s.kind && touches(f, s.entityIds)));
      const falseAlarms = key.lookalikes.flatMap((l) =>
        findings.filter((f) => l.mustNotFire.includes(f.kind) && touches(f, l.entityIds)).map((f) => `${l.id}: ${f.kind} (${f.summary})`),
      );
      const recall = (key.stories.length - missed.length) / key.stories.length;
      const byKind = findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.kind]: (acc[f.kind] ?? 0) + 1 }), {});
      console.log(
        [
          `sample case: as of ${run.asOf}, analysis from ${run.analysisStart}`,
          `recall ${(recall * 100).toFixed(1)}% (${key.stories.length - missed.length}/${key.stories.length} stories)`,
          `findings ${findings.length} (${runtime} runtime, ${findings.length - runtime} posture) on ${credentials} credentials = ` +
            `${((100 * findings.length) / Math.max(1, credentials)).toFixed(1)} per 100 credentials ` +
            `(${((100 * findings.length) / Math.max(1, listed)).toFixed(1)} per 100 of the ${listed} inventoried; ` +
            `runtime ${((100 * runtime) / Math.max(1, credentials)).toFixed(1)} per 100 credentials)`,
          `by kind ${JSON.stringify(byKind)}`,
          `missed: ${missed.map((s) => `${s.id} (${s.kind})`).join(', ') || 'none'}`,
          `look-alike violations: ${falseAlarms.join('; ') || 'none'}`,
          `timings ${JSON.stringify(run.timings)}`,
        ].join('\n'),
      );
      expect(missed.map((s) => s.id)).toEqual([]);
      expect(falseAlarms).toEqual([]);
    }
  });
});
