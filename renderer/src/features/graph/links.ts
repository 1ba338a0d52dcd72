import type { GraphNode } from '../../../../shared/contract/methods/graph';

export type Target = 'inventory' | 'findings' | 'timeline';

/**
 * Where a node clicks through to, as URL params the other views read: a credential opens its own
 * inventory record, findings and timeline (#/inventory?credential=…, #/findings?entity=…,
 * #/timeline?credential=… with the graph's time window); an app or owner opens the inventory
 * searched for its key (its credentials) and its findings. The timeline is per credential, so apps
 * and owners reach it through the blast radius's credential list. Groups, scopes, systems and
 * objects have no record.
 */
export function clickThrough(
  node: Pick<GraphNode, 'kind' | 'group' | 'detail'>,
  window: { from?: string; to?: string } = {},
): { target: Target; label: string; params: Record<string, string> }[] {
  const key = node.detail.key;
  if (node.group || !key) return [];
  if (node.kind === 'credential') {
    return [
      { target: 'inventory', label: 'Inventory record', params: { credential: key } },
      { target: 'findings', label: 'Findings', params: { entity: key } },
      { target: 'timeline', label: 'Timeline', params: { credential: key, ...timelineWindow(window.from, window.to) } },
    ];
  }
  if (node.kind === 'app' || node.kind === 'owner') {
    return [
      { target: 'inventory', label: 'Credentials in inventory', params: { q: key } },
      { target: 'findings', label: 'Findings', params: { entity: key } },
    ];
  }
  return [];
}

/** Blast radius applies to apps, credentials and owners (entities, not groups). */
export function blastTargetOf(node: Pick<GraphNode, 'kind' | 'group' | 'detail'>): { target: 'app' | 'credential' | 'owner'; ref: string } | null {
  const key = node.detail.key;
  if (node.group || !key) return null;
  return node.kind === 'app' || node.kind === 'credential' || node.kind === 'owner' ? { target: node.kind, ref: key } : null;
}

/**
 * The timeline takes its window as epoch milliseconds (#/timeline?from=<ms>&to=<ms>). A bare date
 * as `to` means the end of that day, as it does for the graph and the blast radius.
 */
export function timelineWindow(from?: string | null, to?: string | null): { from?: string; to?: string } {
  const ms = (text: string | null | undefined, endOfDay: boolean): string | undefined => {
    if (!text) return undefined;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
    const parsed = Date.parse(dateOnly ? `${text.trim()}T00:00:00Z` : text.trim());
    if (!Number.isFinite(parsed)) return undefined;
    return String(dateOnly && endOfDay ? parsed + 86_400_000 - 1 : parsed);
  };
  const out: { from?: string; to?: string } = {};
  const f = ms(from, false);
  const t = ms(to, true);
  if (f !== undefined) out.from = f;
  if (t !== undefined) out.to = t;
  return out;
}
