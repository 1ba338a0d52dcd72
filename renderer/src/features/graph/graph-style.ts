/**
 * How the graph looks and lays out, shared by the view and `npm run bench:graph` (so the bench
 * measures exactly what users get). Pure: no DOM, no cytoscape instance.
 */
import type { StylesheetJson } from 'cytoscape';

export interface Palette {
  text: string;
  muted: string;
  surface: string;
  border: string;
  accent: string;
  danger: string;
  warn: string;
  ok: string;
}

/** Node fill per kind: fixed hues that read on both themes (the legend shows the same values). */
export const kindColours = {
  owner: '#7a5cc2',
  credential: '#1f78b4',
  app: '#d9822b',
  scope: '#8c8c8c',
  system: '#2a9d8f',
  resource: '#9c6b4e',
} as const;

/** Plain polygons: cytoscape's round-* shapes cost arcs on every redraw. */
export const kindShapes = {
  owner: 'ellipse',
  credential: 'rectangle',
  app: 'hexagon',
  scope: 'tag',
  system: 'diamond',
  resource: 'triangle',
} as const;

/** Above this many edges, edges stop taking pointer events (see graphStylesheet). */
export const LARGE_GRAPH_EDGES = 3000;

/**
 * Granted reach is drawn thin and dashed; used reach solid, red and heavier, so the two read apart.
 * Haystack edges and no label wrapping: both are what keeps 20,000 edges drawable on a canvas.
 */
export function graphStylesheet(p: Palette, edgeCount = 0): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 10,
        color: p.text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'min-zoomed-font-size': 8,
        width: 'data(size)',
        height: 'data(size)',
        'background-color': p.muted,
        'border-width': 0,
        'border-color': p.border,
      },
    },
    ...Object.entries(kindColours).map(([kind, colour]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': colour, shape: kindShapes[kind as keyof typeof kindShapes] },
    })),
    { selector: 'node[?group]', style: { 'border-width': 2, 'border-color': p.text } },
    { selector: 'node[risk = "high"]', style: { 'border-width': 3, 'border-color': p.warn } },
    { selector: 'node[risk = "critical"]', style: { 'border-width': 4, 'border-color': p.warn } },
    { selector: 'node[findings > 0]', style: { 'border-width': 4, 'border-color': p.danger, 'border-style': 'solid' } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': p.border,
        'curve-style': 'haystack',
        // Hit-testing every edge on each pointer move costs 115-180 ms at 20,000 edges: above
        // LARGE_GRAPH_EDGES edges get no pointer events (no edge tooltip); nodes keep theirs.
        ...(edgeCount > LARGE_GRAPH_EDGES ? { events: 'no' as const } : {}),
      },
    },
    { selector: 'edge[kind = "granted"], edge[kind = "reaches"]', style: { 'line-style': 'dashed', 'line-color': p.muted } },
    {
      selector: 'edge[kind = "used"]',
      style: { width: 'data(weight)', 'line-color': p.danger },
    },
    { selector: '.dim', style: { opacity: 0.15 } },
    { selector: '.focus', style: { 'overlay-color': p.accent, 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  ];
}

/**
 * The optional organic layout: fcose in draft quality (spectral only, no force refinement).
 * It took ~3.7 s at 5,000 nodes / 20,000 edges here (over the 3 s target; ~30 s before labels
 * stopped wrapping), so the default is the banded layout (layered-layout.ts, ~50 ms) and this one
 * is offered up to ORGANIC_MAX_NODES: bench:graph --organic mounts the view with it at that size
 * (2,000 nodes / 8,000 edges) in ~1.5-2 s.
 */
export const ORGANIC_MAX_NODES = 2000;
export const layoutOptions = {
  name: 'fcose',
  quality: 'draft',
  randomize: true,
  animate: false,
  fit: true,
  padding: 24,
  nodeDimensionsIncludeLabels: false,
  packComponents: true,
  samplingType: true,
  sampleSize: 25,
  nodeSeparation: 60,
} as const;

/**
 * Options that keep pan/zoom cheap on the canvas renderer (software WebGL is slower here). Every
 * pan/zoom frame is a blit of cytoscape's cached layer bitmaps, kept whole by layer-cache.ts:
 * bench:graph measures ~17 ms frames at 5,000 nodes / 20,000 edges, gesture start and end included.
 * No viewport texture: it re-renders the scene (nodes only) when a gesture starts, 0.5-0.7 s here.
 * Edges stay drawn while moving, since hiding them would force a full redraw at the gesture's end
 * (~0.3 s here).
 */
export const rendererOptions = {
  textureOnViewport: false,
  hideEdgesOnViewport: false,
  /** A reading tool: positions come from the layout, and a drag anywhere pans. */
  autoungrabify: true,
  motionBlur: false,
  pixelRatio: 1,
  wheelSensitivity: 0.4,
} as const;
