import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../shared/contract';
import { Backend } from '../../electron/core/backend';
import { readLog } from '../../electron/core/cases/action-log';
import { resourcePath } from '../../electron/core/paths';
import { unwrap } from '../../electron/cli/in-process';
import { payloads, writeHostileEvidence } from './hostile-fixtures';

// The design contract's copy kept in the repo (shared/domain), so CI needs nothing outside it.
const schemaPath = resourcePath('shared', 'domain', 'findings.schema.json');
const sections = ['summary', 'charts', 'findings', 'affected', 'timeline', 'frameworks', 'evidence', 'provenance'];

describe('report from a real case (sample GitHub + Salesforce exports and a hostile file)', () => {
  let dir: string;
  let backend: Backend;
  let hostile: string[];
  let out: MethodOutput<'report.write'>;
  let html: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-report-'));
    backend = new Backend({ workspaceDir: join(dir, 'ws') });
    hostile = writeHostileEvidence(dir);
    unwrap(await backend.route('case.createAt', { path: join(dir, 'r.tokenscope'), name: 'Report <b>test</b>' }, 'host'));
    const imported = unwrap(
      await backend.route('evidence.importPaths', { paths: [resourcePath('sample-data', 'github'), resourcePath('sample-data', 'salesforce', 'OauthToken.json'), ...hostile] }, 'host'),
    ) as MethodOutput<'evidence.importPaths'>;
    expect(imported.files.every((f) => f.status === 'imported')).toBe(true);
    unwrap(await backend.route('detections.run', {}, 'renderer'));
    const conn = backend.context.session.require().connection;
    const first = (await conn.runAndReadAll(`SELECT finding_id FROM findings ORDER BY finding_id LIMIT 1`)).getRowObjectsJS()[0]!;
    unwrap(await backend.route('triage.set', { findingId: String(first.finding_id), state: 'confirmed', note: 'seen by <b>analyst</b>' }, 'renderer'));
    out = unwrap(
      await backend.route('report.write', { html: join(dir, 'report.html'), csvDir: join(dir, 'csv'), json: join(dir, 'findings.json') }, 'host'),
    ) as MethodOutput<'report.write'>;
    html = readFileSync(join(dir, 'report.html'), 'utf8');
  }, 300_000);

  afterAll(async () => {
    await backend?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one self-contained document: every section, a CSP that pins the one stylesheet, no script, nothing to load', () => {
    for (const s of sections) expect(html).toContain(`data-section="${s}"`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`,
    );
    expect(html.match(/<style/g)).toHaveLength(1);
    // Every '<' in case data is escaped, so each '<letter' starts a real tag: check them all.
    const tags = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    const tagNames = new Set(tags.map((t) => /^<([a-zA-Z0-9]+)/.exec(t)![1]!.toLowerCase()));
    for (const bad of ['script', 'iframe', 'img', 'link', 'object', 'embed', 'a', 'form', 'image', 'use', 'base']) expect(tagNames.has(bad), bad).toBe(false);
    const withActiveAttrs = tags.filter((t) => /\s(on[a-z]+|src|href|style|action)\s*=/i.test(t));
    expect(withActiveAttrs).toEqual([]);
    // The payloads are there, as text.
    expect(html).toContain('Evil App &lt;script&gt;document.title=');
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toContain('Report &lt;b&gt;test&lt;/b&gt;');
    expect(html).toContain('seen by &lt;b&gt;analyst&lt;/b&gt;');
    expect(out.findings).toBeGreaterThan(0);
    expect(html).toMatch(new RegExp(`1 confirmed, ${out.findings - 1} open\\.`));
    expect(createHash('sha256').update(html).digest('hex')).toBe(out.htmlSha256);
  });

  it('re-verifies every evidence file and records the result; the action log chain is intact', () => {
    expect(out.evidence).toEqual({ verified: out.evidence.verified, mismatch: 0, unreachable: 0 });
    expect(out.evidence.verified).toBeGreaterThan(2);
    expect(out.chainOk).toBe(true);
    expect(html).toMatch(/re-verified/);
  });

  it('writes findings JSON that follows findings.schema.json', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const json = JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as { findings: unknown[] };
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(json.findings).toHaveLength(out.findings);
  });

  it('neutralises formula cells in the CSV tables and says how many in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'csv', 'manifest.json'), 'utf8')) as { neutralisedCells: number; files: Array<{ file: string; neutralisedCells: number; sha256: string }> };
    const findingsCsv = readFileSync(join(dir, 'csv', 'findings.csv'), 'utf8');
    expect(findingsCsv).toContain(`"'${payloads.formulaApp.replaceAll('"', '""')}"`);
    expect(findingsCsv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const perFile = manifest.files.find((f) => f.file === 'findings.csv')!;
    expect(perFile.neutralisedCells).toBeGreaterThanOrEqual(1);
    expect(manifest.neutralisedCells).toBe(manifest.files.reduce((n, f) => n + f.neutralisedCells, 0));
    expect(perFile.sha256).toBe(createHash('sha256').update(findingsCsv).digest('hex'));
  });

  it('detects a changed evidence file (T9.1) and one that is gone, and logs the failure', async () => {
    const sf = hostile[1]!;
    const original = readFileSync(sf);
    appendFileSync(sf, ' ');
    try {
      const changed = unwrap(await backend.route('report.html', {}, 'renderer')) as MethodOutput<'report.html'>;
      expect(changed.evidence.mismatch).toBe(1);
      expect(changed.html).toContain('VERIFICATION FAILED for 1 file(s): OauthToken-hostile.json');
      unlinkSync(sf);
      const gone = unwrap(await backend.route('report.html', {}, 'renderer')) as MethodOutput<'report.html'>;
      expect(gone.evidence).toMatchObject({ mismatch: 0, unreachable: 1 });
    } finally {
      writeFileSync(sf, original);
    }
    const restored = unwrap(await backend.route('report.html', {}, 'renderer')) as MethodOutput<'report.html'>;
    expect(restored.evidence.mismatch + restored.evidence.unreachable).toBe(0);
    const actions = (await readLog(backend.context.session.require().connection)).map((r) => r.action);
    expect(actions.filter((a) => a === 'evidence.verifyFailed')).toHaveLength(1);
    expect(actions.filter((a) => a === 'report.generate').length).toBeGreaterThanOrEqual(4);
    expect(existsSync(sf)).toBe(true);
  });
});
