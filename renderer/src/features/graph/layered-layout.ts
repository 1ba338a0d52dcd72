/**
 * The default layout: one band per kind, left to right in the order reach flows (owners →
 * credentials → apps → scopes → systems → touched objects), each band ordered by the barycentre of
 * its neighbours so edges run mostly straight. Linear in nodes + edges (a few ms at 5,000 nodes),
 * deterministic, and it reads the way investigators ask the question. Large bands wrap into
 * several columns so the picture keeps a sane aspect ratio. Pure: ids in, positions out.
 */
export interface LayoutNode {
  id: string;
  kind: string;
  /** Tie-break within a band: higher first (findings, members…). */
  weight?: number;
}
export interface LayoutEdge {
  source: string;
  target: string;
}
export interface Position {
  x: number;
  y: number;
}

export const bandOrder = ['owner', 'credential', 'app', 'scope', 'system', 'resource'] as const;

const ROW = 34;
const COLUMN = 70;
const BAND_GAP = 220;

export function layeredLayout(nodes: LayoutNode[], edges: LayoutEdge[], viewAspect = 1.6): Map<string, Position> {
  const bands = bandOrder.map((kind) => nodes.filter((n) => n.kind === kind));
  const other = nodes.filter((n) => !(bandOrder as readonly string[]).includes(n.kind));
  if (other.length) bands.push(other);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  // Rows per column: about the height a square-ish picture needs, never fewer than 12, and at
  // least as many as fill the viewport's height at the width the bands already take, so a small
  // (aggregated) graph uses the whole canvas instead of a thin strip across its middle.
  const bandCount = bands.filter((b) => b.length > 0).length;
  const fillRows = Math.floor(((bandCount - 1) * BAND_GAP) / viewAspect / ROW);
  const rowsPerColumn = Math.max(12, fillRows, Math.ceil(Math.sqrt(nodes.length / viewAspect) * 1.2));
  const rank = new Map<string, number>();
  const order = (band: LayoutNode[], initial: boolean) => {
    const key = new Map<string, number>();
    band.forEach((n, i) => {
      const placed = (neighbours.get(n.id) ?? []).map((m) => rank.get(m)).filter((r): r is number => r !== undefined);
      key.set(n.id, placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : initial ? i / Math.max(1, band.length) : (rank.get(n.id) ?? 0.5));
    });
    band.sort((a, b) => key.get(a.id)! - key.get(b.id)! || (b.weight ?? 0) - (a.weight ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    band.forEach((n, i) => rank.set(n.id, band.length === 1 ? 0.5 : i / (band.length - 1)));
  };
  for (const band of bands) band.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Seed with credentials (the hub band), then sweep outwards twice.
  const hub = bands[1] ?? [];
  hub.forEach((n, i) => rank.set(n.id, hub.length === 1 ? 0.5 : i / (hub.length - 1)));
  for (let pass = 0; pass < 2; pass++) {
    for (let b = 0; b < bands.length; b++) if (b !== 1 || pass > 0) order(bands[b]!, pass === 0);
  }

  const positions = new Map<string, Position>();
  const tallest = Math.min(rowsPerColumn, Math.max(1, ...bands.map((b) => b.length)));
  let x = 0;
  for (const band of bands) {
    if (band.length === 0) continue;
    const columns = Math.ceil(band.length / rowsPerColumn);
    const rows = Math.ceil(band.length / columns);
    const offset = ((tallest - rows) * ROW) / 2;
    band.forEach((n, i) => {
      const column = Math.floor(i / rows);
      const row = i % rows;
      // Alternate columns shift half a row so labels of neighbouring columns do not line up.
      positions.set(n.id, { x: x + column * COLUMN, y: offset + row * ROW + (column % 2 ? ROW / 2 : 0) });
    });
    x += (columns - 1) * COLUMN + BAND_GAP;
  }
  return positions;
}

/**
 * The zoom and pan that fit positions into a viewport, from the positions alone: cytoscape's own
 * fit measures every label for the bounding box, which costs seconds at 5,000 nodes.
 */
export function fitViewport(positions: Iterable<Position>, width: number, height: number, padding = 40): { zoom: number; pan: Position } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (!Number.isFinite(minX)) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  const zoom = Math.min(2, (width - 2 * padding) / Math.max(1, maxX - minX), (height - 2 * padding) / Math.max(1, maxY - minY));
  return { zoom, pan: { x: (width - zoom * (minX + maxX)) / 2, y: (height - zoom * (minY + maxY)) / 2 } };
}
