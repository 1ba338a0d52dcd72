/**
 * The page side of bench:graph (scripts/bench/graph.ts bundles this with esbuild and runs it in
 * Chromium; nothing in the app imports it). It mounts the app's own GraphCanvas component (same
 * stylesheet, renderer options, layouts and layer-cache upkeep as the graph view) on a synthetic
 * graph shaped like a company (owners → credentials → apps / scopes → systems, with usage edges
 * and touched objects), so the figures are those of what the app ships.
 */
import type { Core } from 'cytoscape';
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { GraphCanvas, type LayoutMode } from '../GraphCanvas';
import '../graph.css';
import { ORGANIC_MAX_NODES } from '../graph-style';
import { layeredLayout } from '../layered-layout';
import { syntheticView } from './synthetic-graph';

export interface SetupResult {
  nodes: number;
  edges: number;
  /** The banded layout alone, as applyBanded runs it (a pure function of the view); the organic
   * layout runs inside the mount, so for it this is the mount time. */
  layoutMs: number;
  /** From mounting GraphCanvas to elements added and laid out (its effects run synchronously). */
  mountMs: number;
  /** From mounting until frames stay under 50 ms (first paint plus the layer-cache build). */
  readyMs: number;
  zoom: number;
  maxZoom: number;
}

let root: Root | undefined;
let mounted: Core | null = null;
/** Re-renders the mounted GraphCanvas with other highlight / selection props, as GraphView does. */
let rerender: ((highlight: ReadonlySet<string> | null, selected: string | null) => void) | undefined;
let recording: number[] | undefined;

function frame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame((t) => resolve(t)));
}

/** Mount GraphCanvas with a synthetic view and wait until its frames settle. */
async function setup(nodeCount: number, edgeCount: number, seed: number, layout: LayoutMode): Promise<SetupResult> {
  root?.unmount();
  const host = document.getElementById('app')!;
  root = createRoot(host);
  // The view offers the organic layout up to ORGANIC_MAX_NODES: scale the graph down to that.
  const scale = layout === 'organic' ? Math.min(1, ORGANIC_MAX_NODES / nodeCount) : 1;
  const view = syntheticView(Math.round(nodeCount * scale), Math.round(edgeCount * scale), seed);
  const cyRef = createRef<Core | null>() as { current: Core | null };
  const layoutStart = performance.now();
  if (layout === 'banded') layeredLayout(view.nodes.map((n) => ({ id: n.id, kind: n.kind, weight: n.findings * 1000 + n.count })), view.edges, host.clientWidth / host.clientHeight);
  const layoutMs = performance.now() - layoutStart;
  const started = performance.now();
  rerender = (highlight, selected) =>
    root!.render(<GraphCanvas view={view} layout={layout} highlight={highlight} selected={selected} centre={null} onSelect={() => undefined} onExpand={() => undefined} cyRef={cyRef} />);
  flushSync(() => rerender!(null, null));
  // The view's effects (cytoscape instance, elements, layout) run synchronously with the commit.
  const cy = cyRef.current;
  if (!cy || cy.nodes().length !== view.nodes.length) throw new Error('GraphCanvas did not lay the view out synchronously');
  const mountMs = performance.now() - started;
  mounted = cy;
  const { settledAt } = await settle();
  return { nodes: view.nodes.length, edges: view.edges.length, layoutMs: layout === 'banded' ? layoutMs : mountMs, mountMs, readyMs: settledAt - started, zoom: cy.zoom(), maxZoom: cy.maxZoom() };
}

/**
 * Wait until 1 s passes without a frame over 50 ms; returns when the last long one ended and the
 * longest. Wall time after each callback, not the callback's timestamp (the frame's start).
 */
async function settle(): Promise<{ settledAt: number; longest: number }> {
  let last = performance.now();
  let lastLong = last;
  let longest = 0;
  while (last - lastLong < 1000) {
    await frame();
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last > 50) lastLong = now;
    last = now;
  }
  return { settledAt: lastLong, longest };
}

/**
 * A restyle as the graph view makes it: select a node (a click), or highlight a blast radius
 * (a node, its neighbours and theirs). Returns the longest frame and when frames settled.
 */
async function restyle(kind: 'select' | 'highlight'): Promise<{ longestMs: number; settledMs: number }> {
  const cy = mounted;
  if (!cy || !rerender) throw new Error('setup() first');
  const node = cy.nodes('[kind = "app"]').first();
  const reach = node.closedNeighborhood().closedNeighborhood().nodes();
  const started = performance.now();
  rerender(kind === 'highlight' ? new Set(reach.map((n) => n.id())) : null, node.id());
  const { settledAt, longest } = await settle();
  return { longestMs: longest, settledMs: Math.max(0, settledAt - started) };
}

/**
 * Frames are recorded with requestAnimationFrame while the harness drives real mouse gestures: a
 * long frame (a full redraw) shows as a long interval between two callbacks.
 */
function startRecording(): void {
  const times: number[] = [];
  recording = times;
  const tick = (t: number) => {
    if (recording !== times) return;
    times.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** `at[i]` is when frame i ended (the later callback), `dt[i]` how long it took. */
function stopRecording(): { at: number[]; dt: number[] } {
  const times = recording ?? [];
  recording = undefined;
  return { at: times.slice(1), dt: times.slice(1).map((t, i) => t - times[i]!) };
}

Object.assign(window, { graphBench: { setup, restyle, startRecording, stopRecording, now: () => performance.now(), zoom: () => mounted?.zoom() ?? 0 } });
