import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectionKinds } from '../../shared/domain';

/**
 * `tokenscope scan` end to end through the real CLI, importer and DuckDB: output valid against
 * findings.schema.json (a copy of the design contract in shared/domain), deterministic, record
 * accounting intact, clear exit codes.
 */
const schema = JSON.parse(readFileSync(new URL('../../shared/domain/findings.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'tokenscope-scan-test-'));
const evidence = join(dir, 'evidence');
const HOUR = 3_600_000;
const analysisStart = Date.UTC(2025, 7, 10);

function tokenscope(...args: string[]) {
  return spawnSync(process.execPath, ['bin/tokenscope.js', ...args], { encoding: 'utf8', timeout: 240_000 });
}

/** A GitHub enterprise audit-log stream (NDJSON, the real field names): a CI token's steady history, then abuse. */
function githubAudit(): string {
  const lines: string[] = [];
  const event = (ms: number, extra: Record<string, unknown>) =>
    JSON.stringify({
      '@timestamp': ms,
      created_at: ms,
      action: 'git.clone',
      actor: 'ci-bot',
      actor_id: 4242,
      actor_is_bot: false,
      actor_location: { country_code: 'US' },
      actor_ip: '52.1.2.3',
      org: 'acme',
      repo: 'acme/api',
      hashed_token: 'E8Fzcgs3TQXqhrKKC/qNR+2XZnaK3ykQBSAt1kPMiJs=',
      token_id: 555555,
      programmatic_access_type: 'Personal access token (classic)',
      token_scopes: 'repo',
      user_agent: 'git/2.43.0',
      ...extra,
    });
  for (let t = analysisStart - 20 * 24 * HOUR; t < analysisStart + 5 * 24 * HOUR; t += 6 * HOUR) lines.push(event(t, {}));
  lines.push(event(analysisStart + 6 * 24 * HOUR, { actor_ip: '208.68.36.90', actor_location: { country_code: 'NL' }, user_agent: 'python-requests/2.32.4' }));
  lines.push('{"this line": is not json');
  return `${lines.join('\n')}\n`;
}

beforeAll(() => {
  mkdirSync(evidence);
  writeFileSync(join(evidence, 'github-audit.ndjson'), githubAudit());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tokenscope scan', () => {
  it('writes schema-valid, deterministic findings with every record accounted for', { timeout: 300_000 }, () => {
    const first = tokenscope('scan', evidence, '--json', join(dir, 'a.json'));
    expect(first.stderr).toContain('finding(s)');
    expect(first.status).toBe(0);
    const second = tokenscope('scan', evidence, '--json', join(dir, 'b.json'));
    expect(second.status).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as Record<string, unknown> & {
      evidence: { recordsSeen: number; recordsLoaded: number; recordsRejected: number; sha256: string }[];
      findings: { kind: string; entity: { ids: string[] }; evidenceRefs: { sha256: string }[] }[];
    };
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as Record<string, unknown>;

    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(a), JSON.stringify(validate.errors)).toBe(true);

    // Same evidence, same version: identical except generatedAt.
    expect({ ...a, generatedAt: 'x' }).toEqual({ ...b, generatedAt: 'x' });

    expect(a.evidence).toHaveLength(1);
    const file = a.evidence[0]!;
    expect(file.recordsSeen).toBe(file.recordsLoaded + file.recordsRejected);
    expect(file.recordsRejected).toBe(1);

    const kinds = a.findings.map((f) => f.kind);
    expect(kinds).toContain('ioc-match');
    expect(kinds).toContain('new-user-agent');
    for (const f of a.findings) {
      expect(detectionKinds).toContain(f.kind);
      // the token is named by its ids exactly as the audit log wrote them
      if (f.kind === 'ioc-match') expect(f.entity.ids).toEqual(expect.arrayContaining(['555555']));
      for (const ref of f.evidenceRefs) expect(ref.sha256).toBe(file.sha256);
    }
  });

  it('keeps its findings in a named case file', { timeout: 300_000 }, () => {
    const casePath = join(dir, 'kept.tokenscope');
    const r = tokenscope('scan', evidence, '--case', casePath, '--json', join(dir, 'c.json'), '--analysis-start', new Date(analysisStart).toISOString());
    expect(r.status).toBe(0);
    const info = tokenscope('case', 'info', casePath);
    expect(info.status).toBe(0);
  });

  it('fails clearly on usage errors and missing input', () => {
    const noJson = tokenscope('scan', evidence);
    expect(noJson.status).toBe(2);
    expect(noJson.stderr).toContain('usage: tokenscope scan');
    const missing = tokenscope('scan', join(dir, 'nope'), '--json', join(dir, 'x.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file or folder');
    const badTime = tokenscope('scan', evidence, '--json', join(dir, 'y.json'), '--as-of', 'yesterday');
    expect(badTime.status).toBe(1);
    expect(badTime.stderr).toContain('not a date-time');
  });
});
