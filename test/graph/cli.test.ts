import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourcePath } from '../../electron/core/paths';
import { ids, salesforceCase } from './fixture';

let dir = '';
let casePath = '';

beforeAll(async () => {
  const made = await salesforceCase();
  dir = made.dir;
  casePath = made.db.path;
  await made.db.close();
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return spawnSync(process.execPath, [resourcePath('bin', 'tokenscope.js'), ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, TOKENSCOPE_WORKSPACE: dir } });
}

describe('tokenscope blast-radius', () => {
  it('writes the blast radius of an app in a window as JSON and summarises it on stderr', () => {
    const out = join(dir, 'radius.json');
    const run = cli('blast-radius', casePath, '--app', ids.chatApp, '--from', '2026-11-14', '--to', '2026-11-15', '--json', out);
    expect(run.stderr).toMatch(/2 event\(s\), 436613 row\(s\) from 1 IP\(s\)/);
    expect(run.status).toBe(0);
    const radius = JSON.parse(readFileSync(out, 'utf8')) as { target: unknown; totals: { events: number; rows: number }; activity: { resource: string }[] };
    expect(radius.target).toEqual({ kind: 'app', ref: ids.chatApp });
    expect(radius.totals).toMatchObject({ events: 2, rows: 48211 + 388402 });
    expect(radius.activity.map((a) => a.resource)).toEqual(['Case', 'Account']);
  }, 120_000);

  it('exits 2 on a usage error and 1 with the contract error for an unknown app', () => {
    expect(cli('blast-radius', casePath, '--json', '-').status).toBe(2);
    expect(cli('blast-radius', casePath, '--app', 'x', '--owner', 'y', '--json', '-').status).toBe(2);
    const missing = cli('blast-radius', casePath, '--app', 'No Such Vendor', '--json', '-');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/NOT_FOUND/);
  }, 120_000);
});
