import type { GraphEdge, GraphNode, GraphView } from '../../../shared/contract/methods/graph';
import type { EntityGraph, EntityNode } from './load-graph';

export type Grouping = 'platform' | 'app' | 'system' | 'none';

export interface ViewOptions {
  grouping: Grouping;
  platforms?: string[];
  kinds?: GraphNode['kind'][];
  minSeverity?: NonNullable<GraphNode['severity']>;
  expand?: string[];
  reveal?: string[];
  maxNodes?: number;
}

const SEVERITY_RANK: Record<string, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
const RISK_RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
export const DEFAULT_MAX_NODES = 3000;

interface Group {
  id: string;
  label: string;
}

/** Which group an entity folds into under a grouping; null = always shown on its own. */
export function groupOf(node: EntityNode, grouping: Grouping, appLabel: (appKey: string) => string): Group | null {
  if (grouping === 'none') return null;
  const f = node.facets;
  switch (node.kind) {
    case 'system':
      return null;
    case 'owner':
      return { id: `g:owner:${f.type ?? 'unknown'}`, label: `${(f.type ?? 'unknown').replace(/_/g, ' ')} owners` };
    case 'resource':
      return { id: `g:res:${f.systemKey ?? f.platform}`, label: `objects in ${f.systemKey ?? f.platform}` };
    case 'app':
      return grouping === 'app' ? null : { id: `g:app:${f.platform}`, label: `${f.platform} apps` };
    case 'scope':
      return grouping === 'system'
        ? { id: `g:scope:sys:${f.systemKey ?? f.platform}`, label: `scopes reaching ${f.systemKey ?? f.platform}` }
        : { id: `g:scope:${f.platform}:${f.risk ?? 'uncatalogued'}`, label: `${f.platform} ${f.risk ?? 'uncatalogued'} scopes` };
    case 'credential':
      if (grouping === 'app') {
        return f.appKey
          ? { id: `g:cred:app:${f.appKey}`, label: `credentials for ${appLabel(f.appKey)}` }
          : { id: `g:cred:${f.platform}:no-app`, label: `${f.platform} credentials without an app` };
      }
      if (grouping === 'system') return { id: `g:cred:${f.platform}`, label: `${f.platform} credentials` };
      return { id: `g:cred:${f.platform}:${f.type ?? 'unknown'}`, label: `${f.platform} ${(f.type ?? 'unknown').replace(/_/g, ' ')}` };
  }
}

/** Filters, then folds entities into groups (except expanded groups and revealed nodes with their neighbours). */
export function buildView(graph: EntityGraph, options: ViewOptions): GraphView {
  const platforms = [...new Set(graph.nodes.map((n) => n.platform).filter((p): p is string => p !== null))].sort();
  let nodes = graph.nodes;
  if (options.platforms?.length) {
    const keep = new Set(options.platforms);
    nodes = nodes.filter((n) => n.platform === null || keep.has(n.platform));
  }
  if (options.kinds?.length) {
    const keep = new Set(options.kinds);
    nodes = nodes.filter((n) => keep.has(n.kind));
  }
  let ids = new Set(nodes.map((n) => n.id));
  let edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));

  if (options.minSeverity) {
    const threshold = SEVERITY_RANK[options.minSeverity] ?? 0;
    const seeds = nodes.filter((n) => n.severity !== null && (SEVERITY_RANK[n.severity] ?? -1) >= threshold).map((n) => n.id);
    const keep = within(seeds, edges, 2);
    nodes = nodes.filter((n) => keep.has(n.id));
    ids = new Set(nodes.map((n) => n.id));
    edges = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }
  // Owners have no platform: after a platform filter, drop the ones left holding nothing.
  if (options.platforms?.length) {
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    nodes = nodes.filter((n) => n.platform !== null || linked.has(n.id));
    ids = new Set(nodes.map((n) => n.id));
  }

  const revealed = within((options.reveal ?? []).filter((id) => ids.has(id)), edges, 1);
  const expanded = new Set(options.expand ?? []);
  const appLabels = new Map(graph.nodes.filter((n) => n.kind === 'app').map((n) => [n.facets.appKey ?? n.id, n.label]));
  const appLabel = (key: string) => appLabels.get(key) ?? key;

  const members = new Map<string, { group: Group; nodes: EntityNode[] }>();
  const placement = new Map<string, string>();
  for (const n of nodes) {
    const g = revealed.has(n.id) ? null : groupOf(n, options.grouping, appLabel);
    if (!g || expanded.has(g.id)) {
      placement.set(n.id, n.id);
      continue;
    }
    const entry = members.get(g.id) ?? { group: g, nodes: [] };
    entry.nodes.push(n);
    members.set(g.id, entry);
  }
  const out = new Map<string, GraphNode>();
  for (const n of nodes) if (placement.get(n.id) === n.id) out.set(n.id, publicNode(n));
  for (const { group, nodes: list } of members.values()) {
    if (list.length === 1) {
      const only = list[0]!;
      placement.set(only.id, only.id);
      out.set(only.id, publicNode(only));
      continue;
    }
    for (const n of list) placement.set(n.id, group.id);
    out.set(group.id, groupNode(group, list));
  }

  const merged = new Map<string, GraphEdge>();
  for (const e of edges) {
    const source = placement.get(e.source);
    const target = placement.get(e.target);
    if (!source || !target || source === target) continue;
    const id = `${e.kind}|${source}|${target}`;
    const m = merged.get(id);
    merged.set(id, m ? mergeEdge(m, e) : { ...e, id, source, target });
  }

  let viewNodes = [...out.values()];
  let viewEdges = [...merged.values()];
  const max = options.maxNodes ?? DEFAULT_MAX_NODES;
  const truncated = viewNodes.length > max;
  if (truncated) {
    const degree = new Map<string, number>();
    for (const e of viewEdges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const score = (n: GraphNode) => (revealed.has(n.id) ? 1e12 : 0) + (n.kind === 'system' ? 1e11 : 0) + n.findings * 1e6 + (degree.get(n.id) ?? 0);
    viewNodes = [...viewNodes].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id)).slice(0, max);
    const kept = new Set(viewNodes.map((n) => n.id));
    viewEdges = viewEdges.filter((e) => kept.has(e.source) && kept.has(e.target));
  }
  return { nodes: viewNodes, edges: viewEdges, platforms, truncated, entityCount: nodes.length };
}

/** Every node within `hops` undirected steps of the seeds (the seeds included). */
export function within(seeds: string[], edges: GraphEdge[], hops: number): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push(e.target);
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push(e.source);
  }
  const seen = new Set(seeds);
  let frontier = [...seen];
  for (let i = 0; i < hops; i++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adjacent.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return seen;
}

function publicNode(n: EntityNode): GraphNode {
  return { id: n.id, kind: n.kind, label: n.label, platform: n.platform, risk: n.risk, findings: n.findings, severity: n.severity, count: n.count, group: false, detail: n.detail };
}

function groupNode(group: Group, list: EntityNode[]): GraphNode {
  const first = list[0]!;
  const platforms = new Set(list.map((n) => n.platform));
  let risk: GraphNode['risk'] = null;
  let severity: GraphNode['severity'] = null;
  let findings = 0;
  for (const n of list) {
    if (n.risk && (RISK_RANK[n.risk] ?? 0) > (risk ? (RISK_RANK[risk] ?? 0) : 0)) risk = n.risk;
    if (n.severity && (SEVERITY_RANK[n.severity] ?? -1) > (severity ? (SEVERITY_RANK[severity] ?? -1) : -1)) severity = n.severity;
    findings += n.findings;
  }
  return {
    id: group.id,
    kind: first.kind,
    label: `${group.label} ×${list.length.toLocaleString('en-US')}`,
    platform: platforms.size === 1 ? first.platform : null,
    risk,
    findings,
    severity,
    count: list.length,
    group: true,
    detail: { key: group.id, members: String(list.length), 'with findings': String(list.filter((n) => n.findings > 0).length) },
  };
}

function mergeEdge(a: GraphEdge, b: GraphEdge): GraphEdge {
  const sum = (x: number | null, y: number | null) => (x === null && y === null ? null : (x ?? 0) + (y ?? 0));
  return {
    ...a,
    count: a.count + b.count,
    rows: sum(a.rows, b.rows),
    bytes: sum(a.bytes, b.bytes),
    first: a.first === null ? b.first : b.first === null ? a.first : a.first < b.first ? a.first : b.first,
    last: a.last === null ? b.last : b.last === null ? a.last : a.last > b.last ? a.last : b.last,
  };
}
