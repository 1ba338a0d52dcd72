/**
 * Inventory snapshot diff (pure): what changed between two exports of the same platform's
 * inventory. Credentials and grants are compared by their canonical keys, which are built from
 * the platform's own identifiers, so the same token in two exports has the same key.
 */

export interface SnapshotCredential {
  key: string;
  platform: string;
  type: string;
  name: string | null;
  ownerKey: string | null;
  appKey: string | null;
  appName: string | null;
  status: string;
  /** When this secret was issued (created or last rotated), when the export says. */
  createdAt: string | null;
  expiresAt: string | null;
  scopes: string[];
}

export interface SnapshotGrant {
  key: string;
  appKey: string | null;
  appName: string | null;
  principalKey: string | null;
  scopes: string[];
}

export interface Snapshot {
  sources: string[];
  credentials: SnapshotCredential[];
  grants: SnapshotGrant[];
  /** app_key → name, for apps in the inventory. */
  apps: Map<string, string | null>;
}

export interface ScopeChange {
  key: string;
  name: string | null;
  kind: 'credential' | 'grant';
  added: string[];
  removed: string[];
}

export interface SnapshotDiff {
  sources: { old: string[]; new: string[] };
  counts: { old: number; new: number; oldGrants: number; newGrants: number };
  appeared: SnapshotCredential[];
  disappeared: SnapshotCredential[];
  /** Scopes added (possibly with some removed) on a credential or grant present in both. */
  widenedScopes: ScopeChange[];
  narrowedScopes: ScopeChange[];
  ownerChanged: Array<{ key: string; name: string | null; old: string | null; new: string | null }>;
  statusChanged: Array<{ key: string; name: string | null; old: string; new: string }>;
  /** Same credential slot, issued again (rotated or replaced): a new secret under an old name. */
  reissued: Array<{ key: string; name: string | null; old: string | null; new: string | null }>;
  /** New credentials (secrets, certificates, keys, tokens) on an app that was already in the old export. */
  newSecretsOnExistingApps: Array<{ appKey: string; appName: string | null; credential: SnapshotCredential }>;
  grantsAppeared: SnapshotGrant[];
  grantsDisappeared: SnapshotGrant[];
}

const byKey = <T extends { key: string }>(list: T[]) => new Map(list.map((x) => [x.key, x]));
const sortByKey = <T extends { key: string }>(list: T[]) => list.sort((a, b) => a.key.localeCompare(b.key));

function scopeChange(kind: 'credential' | 'grant', key: string, name: string | null, oldScopes: string[], newScopes: string[]): ScopeChange | null {
  const before = new Set(oldScopes);
  const after = new Set(newScopes);
  const added = [...after].filter((s) => !before.has(s)).sort();
  const removed = [...before].filter((s) => !after.has(s)).sort();
  return added.length || removed.length ? { kind, key, name, added, removed } : null;
}

export function diffSnapshots(oldSnap: Snapshot, newSnap: Snapshot): SnapshotDiff {
  const oldCreds = byKey(oldSnap.credentials);
  const newCreds = byKey(newSnap.credentials);
  const appeared = sortByKey(newSnap.credentials.filter((c) => !oldCreds.has(c.key)));
  const disappeared = sortByKey(oldSnap.credentials.filter((c) => !newCreds.has(c.key)));
  const widenedScopes: ScopeChange[] = [];
  const narrowedScopes: ScopeChange[] = [];
  const ownerChanged: SnapshotDiff['ownerChanged'] = [];
  const statusChanged: SnapshotDiff['statusChanged'] = [];
  const reissued: SnapshotDiff['reissued'] = [];
  for (const c of sortByKey([...newSnap.credentials])) {
    const before = oldCreds.get(c.key);
    if (!before) continue;
    const change = scopeChange('credential', c.key, c.name, before.scopes, c.scopes);
    if (change) (change.added.length ? widenedScopes : narrowedScopes).push(change);
    if (before.ownerKey !== c.ownerKey) ownerChanged.push({ key: c.key, name: c.name, old: before.ownerKey, new: c.ownerKey });
    if (before.status !== c.status) statusChanged.push({ key: c.key, name: c.name, old: before.status, new: c.status });
    if (before.createdAt !== null && c.createdAt !== null && before.createdAt !== c.createdAt) reissued.push({ key: c.key, name: c.name, old: before.createdAt, new: c.createdAt });
  }
  const oldGrants = byKey(oldSnap.grants);
  const newGrants = byKey(newSnap.grants);
  for (const g of sortByKey([...newSnap.grants])) {
    const before = oldGrants.get(g.key);
    if (!before) continue;
    const change = scopeChange('grant', g.key, g.appName, before.scopes, g.scopes);
    if (change) (change.added.length ? widenedScopes : narrowedScopes).push(change);
  }
  const oldApps = new Set([...oldSnap.apps.keys(), ...oldSnap.credentials.map((c) => c.appKey).filter((k): k is string => k !== null)]);
  const newSecretsOnExistingApps = appeared
    .filter((c) => c.appKey !== null && oldApps.has(c.appKey))
    .map((c) => ({ appKey: c.appKey!, appName: c.appName ?? oldSnap.apps.get(c.appKey!) ?? null, credential: c }));
  return {
    sources: { old: oldSnap.sources, new: newSnap.sources },
    counts: { old: oldSnap.credentials.length, new: newSnap.credentials.length, oldGrants: oldSnap.grants.length, newGrants: newSnap.grants.length },
    appeared,
    disappeared,
    widenedScopes,
    narrowedScopes,
    ownerChanged,
    statusChanged,
    reissued,
    newSecretsOnExistingApps,
    grantsAppeared: sortByKey(newSnap.grants.filter((g) => !oldGrants.has(g.key))),
    grantsDisappeared: sortByKey(oldSnap.grants.filter((g) => !newGrants.has(g.key))),
  };
}
