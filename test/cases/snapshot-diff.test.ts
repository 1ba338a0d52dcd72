import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffExports } from '../../electron/core/inventory/snapshot-diff-load';
import { diffSnapshots, type Snapshot } from '../../electron/core/inventory/snapshot-diff';
import { formatDiff } from '../../electron/core/inventory/snapshot-diff-text';
import { resourcePath } from '../../electron/core/paths';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tokenscope-diff-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inventory snapshot diff (real importer on two exports)', () => {
  it('two GAM token exports: tokens that appeared and disappeared, and widened scopes', async () => {
    const old = readFileSync(resourcePath('sample-data', 'google', 'gam-print-tokens.csv'), 'utf8').trimEnd().split('\n');
    const [header, ...rows] = old;
    const gone = rows.slice(0, 2);
    const kept = rows.slice(2);
    const widened = kept[0]!;
    const next = [header, `${widened} https://www.googleapis.com/auth/gmail.modify`, ...kept.slice(1), 'zed.new@northwind-logistics.example,999999999999-newappnewappnewappnewapp.apps.googleusercontent.com,<b>New App</b>,False,False,100000000000000000001,https://mail.google.com/'];
    writeFileSync(join(dir, 'old.csv'), `${old.join('\n')}\n`);
    writeFileSync(join(dir, 'new.csv'), `${next.join('\n')}\n`);

    const d = await diffExports(join(dir, 'old.csv'), join(dir, 'new.csv'));
    expect(d.sources).toEqual({ old: ['google'], new: ['google'] });
    expect(d.appeared.map((c) => [c.name, c.ownerKey, c.scopes])).toEqual([['<b>New App</b>', 'zed.new@northwind-logistics.example', ['https://mail.google.com/']]]);
    expect(d.disappeared.map((c) => c.ownerKey)).toEqual(gone.map((r) => r.split(',')[0]));
    expect(d.widenedScopes).toHaveLength(1);
    expect(d.widenedScopes[0]).toMatchObject({ kind: 'credential', added: ['https://www.googleapis.com/auth/gmail.modify'], removed: [] });
    expect(d.widenedScopes[0]!.key).toContain(widened.split(',')[0]);
    expect(d.ownerChanged).toEqual([]);
    expect(formatDiff(d)).toMatch(/Appeared \(1\)[\s\S]*Disappeared \(2\)[\s\S]*Widened scopes \(1\)/);
  }, 120_000);

  it('two Entra application exports: a new secret on an existing app, and a removed one', async () => {
    const apps = JSON.parse(readFileSync(resourcePath('sample-data', 'entra', 'inventory', 'applications.json'), 'utf8')) as {
      value: Array<{ appId: string; displayName: string; passwordCredentials: Array<Record<string, unknown>>; keyCredentials: unknown[] }>;
    };
    writeFileSync(join(dir, 'applications-old.json'), JSON.stringify(apps));
    const target = apps.value.find((a) => a.passwordCredentials.length > 0)!;
    const other = apps.value.find((a) => a !== target && a.passwordCredentials.length > 0)!;
    const removedKey = other.passwordCredentials[0]!.keyId;
    other.passwordCredentials = other.passwordCredentials.slice(1);
    target.passwordCredentials.push({
      customKeyIdentifier: null,
      displayName: 'added-by-attacker',
      endDateTime: '2028-11-01T00:00:00Z',
      hint: 'xyz',
      keyId: '00000000-0000-4000-8000-00000000beef',
      secretText: null,
      startDateTime: '2026-11-18T00:00:00Z',
    });
    writeFileSync(join(dir, 'applications-new.json'), JSON.stringify(apps));

    const d = await diffExports(join(dir, 'applications-old.json'), join(dir, 'applications-new.json'));
    expect(d.newSecretsOnExistingApps).toHaveLength(1);
    expect(d.newSecretsOnExistingApps[0]).toMatchObject({ appKey: target.appId, appName: target.displayName, credential: { type: 'client_secret' } });
    expect(d.newSecretsOnExistingApps[0]!.credential.key).toContain('00000000-0000-4000-8000-00000000beef');
    expect(d.disappeared.map((c) => c.key)).toEqual([expect.stringContaining(String(removedKey))]);
  }, 120_000);

  it('two AWS credential reports (October and November in the sample data): a new key slot and a disabled key', async () => {
    const d = await diffExports(resourcePath('sample-data', 'aws', 'iam', 'credential-report-2026-10-07.csv'), resourcePath('sample-data', 'aws', 'iam', 'credential-report.csv'));
    expect(d.sources).toEqual({ old: ['aws'], new: ['aws'] });
    expect(d.appeared.map((c) => c.key)).toEqual([expect.stringMatching(/^aws\|access_key\|aws_key_slot=arn:aws:iam::\d+:user\/svc-ops-dashboard#2$/)]);
    expect(d.statusChanged).toEqual([expect.objectContaining({ old: 'active', new: 'disabled', name: 'svc-ops-dashboard access key 1' })]);
  }, 120_000);

  it('refuses to compare exports of different platforms, naming both files', async () => {
    await expect(diffExports(join(dir, 'old.csv'), join(dir, 'applications-old.json'))).rejects.toThrow(/old\.csv \(google\) and applications-old\.json \(entra\) are not exports of the same platform/);
  }, 120_000);
});

describe('snapshot diff rules (pure)', () => {
  const cred = (key: string, over: Partial<Snapshot['credentials'][number]> = {}) => ({
    key, platform: 'aws', type: 'access_key', name: key, ownerKey: 'alice', appKey: null, appName: null, status: 'active', createdAt: null, expiresAt: null, scopes: [], ...over,
  });
  const snap = (credentials: Snapshot['credentials']): Snapshot => ({ sources: ['aws'], credentials, grants: [], apps: new Map() });

  it('reports owner and status changes and narrowed scopes separately from widened ones', () => {
    const d = diffSnapshots(
      snap([cred('k1', { scopes: ['a', 'b'] }), cred('k2'), cred('k3', { scopes: ['a'] })]),
      snap([cred('k1', { scopes: ['a'] }), cred('k2', { ownerKey: 'bob', status: 'disabled' }), cred('k3', { scopes: ['b'] })]),
    );
    expect(d.narrowedScopes.map((c) => c.key)).toEqual(['k1']);
    expect(d.widenedScopes).toEqual([{ kind: 'credential', key: 'k3', name: 'k3', added: ['b'], removed: ['a'] }]);
    expect(d.ownerChanged).toEqual([{ key: 'k2', name: 'k2', old: 'alice', new: 'bob' }]);
    expect(d.statusChanged).toEqual([{ key: 'k2', name: 'k2', old: 'active', new: 'disabled' }]);
    const rotated = diffSnapshots(snap([cred('k1', { createdAt: '2026-01-01T00:00:00.000Z' })]), snap([cred('k1', { createdAt: '2026-06-01T00:00:00.000Z' })]));
    expect(rotated.reissued).toEqual([{ key: 'k1', name: 'k1', old: '2026-01-01T00:00:00.000Z', new: '2026-06-01T00:00:00.000Z' }]);
    expect(d.appeared).toEqual([]);
    expect(formatDiff(diffSnapshots(snap([cred('k1')]), snap([cred('k1')])))).toMatch(/No changes\.$/);
  });

  it('never lets a control character from the data reach the terminal', () => {
    const text = formatDiff(diffSnapshots(snap([]), snap([cred('k1', { name: 'x\u001b]0;owned\u0007y' })])));
    const controls = [...text].filter((ch) => ch !== '\n' && (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f));
    expect(controls).toEqual([]);
    expect(text).toContain('x\uFFFD]0;owned\uFFFDy');
  });
});
