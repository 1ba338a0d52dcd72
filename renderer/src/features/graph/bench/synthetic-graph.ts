/** A synthetic graph shaped like a company for bench:graph: owners → credentials → apps / scopes → systems, usage edges, touched objects. Seeded, so runs compare. */
import type { GraphView } from '../../../../../shared/contract/methods/graph';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticView(nodeCount: number, edgeCount: number, seed: number): GraphView {
  const rand = prng(seed);
  const pick = <T,>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const share = (f: number) => Math.max(1, Math.round(nodeCount * f));
  const counts = { owner: share(0.06), app: share(0.04), scope: share(0.16), system: share(0.008), resource: share(0.132) };
  const credentialCount = nodeCount - Object.values(counts).reduce((a, b) => a + b, 0);
  const nodes: GraphView['nodes'] = [];
  const ids: Record<string, string[]> = {};
  const add = (kind: GraphView['nodes'][number]['kind'], n: number) => {
    ids[kind] = [];
    for (let i = 0; i < n; i++) {
      const id = `${kind}:${i}`;
      ids[kind].push(id);
      const risk = kind === 'credential' || kind === 'scope' ? pick(['low', 'medium', 'high', 'critical', null] as const) : null;
      nodes.push({ id, kind, label: `${kind} ${i} northwind-logistics`, platform: pick(['okta', 'entra', 'google', 'github', 'salesforce', 'aws', 'slack']), risk, findings: rand() < 0.03 ? 1 : 0, severity: null, count: 1, group: false, detail: {} });
    }
  };
  add('owner', counts.owner);
  add('credential', credentialCount);
  add('app', counts.app);
  add('scope', counts.scope);
  add('system', counts.system);
  add('resource', counts.resource);
  const edges: GraphView['edges'] = [];
  const seen = new Set<string>();
  const link = (kind: GraphView['edges'][number]['kind'], source: string, target: string) => {
    const id = `${kind}|${source}|${target}`;
    if (seen.has(id) || edges.length >= edgeCount) return;
    seen.add(id);
    const count = kind === 'used' ? 1 + Math.floor(rand() * 5000) : 1;
    edges.push({ id, kind, source, target, count, rows: null, bytes: null, first: null, last: null });
  };
  const { owner = [], credential = [], app = [], scope = [], system = [], resource = [] } = ids;
  for (const s of scope) link('reaches', s, pick(system));
  for (const r of resource) link('part_of', r, pick(system));
  for (const c of credential) {
    link('owns', pick(owner), c);
    link('issued_to', c, pick(app));
  }
  for (const c of credential) link('used', c, pick(system));
  while (edges.length < edgeCount) {
    const c = pick(credential);
    if (rand() < 0.75) link('granted', c, pick(scope));
    else link('used', c, pick(resource));
  }
  return { nodes, edges, platforms: [], truncated: false, entityCount: nodes.length };
}

