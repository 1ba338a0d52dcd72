import type { ElementDefinition } from 'cytoscape';
import type { GraphView } from '../../../../shared/contract/methods/graph';

/** Node size grows with the log of its members, so a group of 3,000 is large but not the whole screen. */
export function nodeSize(count: number): number {
  return Math.round(18 + 8 * Math.log10(Math.max(1, count)));
}

/** Edge weight grows with the log of observed events. */
export function edgeWeight(kind: string, count: number): number {
  return kind === 'used' ? Math.min(8, 1.5 + Math.log10(Math.max(1, count))) : 1;
}

/** Long names are cut here rather than by cytoscape's text wrapping, which measures every label. */
export function shortLabel(label: string, max = 48): string {
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}

/**
 * Above this many nodes only landmarks carry a permanent label (groups, systems, apps, anything
 * with findings); the rest show theirs in the tooltip and the side panel. Measuring 5,000 labels
 * costs ~1.4 s of the first paint (bench:graph), and at that density they overlap anyway.
 */
export const LABEL_ALL_MAX_NODES = 1500;

function isLandmark(n: GraphView['nodes'][number]): boolean {
  return n.group || n.kind === 'system' || n.kind === 'app' || n.findings > 0;
}

/** The backend's view → cytoscape elements. Labels stay data: cytoscape draws them as canvas text. */
export function toElements(view: Pick<GraphView, 'nodes' | 'edges'>): ElementDefinition[] {
  const labelAll = view.nodes.length <= LABEL_ALL_MAX_NODES;
  const nodes: ElementDefinition[] = view.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: labelAll || isLandmark(n) ? shortLabel(n.label) : '', kind: n.kind, risk: n.risk ?? 'none', findings: n.findings, severity: n.severity ?? 'none', group: n.group, count: n.count, size: nodeSize(n.count) },
  }));
  const edges: ElementDefinition[] = view.edges.map((e) => ({
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, kind: e.kind, count: e.count, weight: edgeWeight(e.kind, e.count) },
  }));
  return [...nodes, ...edges];
}
