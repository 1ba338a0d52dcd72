import type { GraphNode } from '../../../../shared/contract/methods/graph';

export type Target = 'inventory' | 'findings' | 'timeline';

/**
 * Where a node clicks through to, as URL params the other views read. Credentials use the keys the
 * brief fixed (#/inventory?credential=…, #/findings?entity=…, #/timeline?credential=…); apps and
 * owners use app= / owner= the same way. Groups, scopes, systems and objects have no record.
 */
export function clickThrough(node: Pick<GraphNode, 'kind' | 'group' | 'detail'>): { target: Target; label: string; params: Record<string, string> }[] {
  const key = node.detail.key;
  if (node.group || !key) return [];
  const param = node.kind === 'credential' ? 'credential' : node.kind === 'app' ? 'app' : node.kind === 'owner' ? 'owner' : null;
  if (!param) return [];
  return [
    { target: 'inventory', label: 'Inventory record', params: { [param]: key } },
    { target: 'findings', label: 'Findings', params: { entity: key } },
    { target: 'timeline', label: 'Timeline', params: { [param]: key } },
  ];
}

/** Blast radius applies to apps, credentials and owners (entities, not groups). */
export function blastTargetOf(node: Pick<GraphNode, 'kind' | 'group' | 'detail'>): { target: 'app' | 'credential' | 'owner'; ref: string } | null {
  const key = node.detail.key;
  if (node.group || !key) return null;
  return node.kind === 'app' || node.kind === 'credential' || node.kind === 'owner' ? { target: node.kind, ref: key } : null;
}
