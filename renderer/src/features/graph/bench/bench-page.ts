/**
 * The page side of bench:graph (scripts/bench/graph.ts bundles this with esbuild and runs it in
 * Chromium; nothing in the app imports it): the app's own stylesheet,
 * layout and renderer options on a synthetic graph shaped like a company (owners → credentials →
 * apps / scopes → systems, with usage edges and touched objects).
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphStylesheet, LARGE_GRAPH_EDGES, layoutOptions, rendererOptions } from '../graph-style';
import { cacheableMaxZoom, primeLayerCache } from '../layer-cache';
import { applyBanded } from '../apply-layout';
import { toElements } from '../to-elements';
import { syntheticView } from './synthetic-graph';

cytoscape.use(fcose);

const palette = { text: '#1b1f24', muted: '#5b6470', surface: '#ffffff', border: '#d5d9df', accent: '#1f5fbf', danger: '#b4232c', warn: '#9a6200', ok: '#1d7a46' };

function frame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame((t) => resolve(t)));
}

export interface SetupResult {
  nodes: number;
  edges: number;
  layoutMs: number;
  firstRenderMs: number;
}

let cy: cytoscape.Core | undefined;
let recording: number[] | undefined;

/**
 * Build the graph and lay it out exactly as the view does (positions computed, applied, layoutstop).
 * `layers` is an experiment, not what the app does: no viewport texture, edges kept while moving,
 * and cytoscape's layer cache primed after load with zoom capped where one layer holds the scene
 * (layer-cache.ts).
 */
async function setup(nodeCount: number, edgeCount: number, seed: number, layers: boolean, organic: boolean): Promise<SetupResult> {
  cy?.destroy();
  const container = document.getElementById('cy')!;
  const view = syntheticView(nodeCount, edgeCount, seed);
  cy = cytoscape({ container, style: graphStylesheet(palette, view.edges.length), ...rendererOptions, ...(layers ? { textureOnViewport: false, hideEdgesOnViewport: false } : {}) });
  cy.add(toElements(view));
  const started = performance.now();
  if (organic) {
    await new Promise<void>((resolve) => {
      const layout = cy!.layout(layoutOptions as unknown as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
  } else {
    applyBanded(cy, view, container.clientWidth, container.clientHeight);
  }
  const layoutMs = performance.now() - started;
  if (layers && view.edges.length > LARGE_GRAPH_EDGES) cy.maxZoom(cacheableMaxZoom(cy));
  const renderStart = performance.now();
  // First render includes the experiment's synchronous layer rebuild.
  const primed = layers ? new Promise<void>((resolve) => primeLayerCache(cy!, resolve)) : Promise.resolve();
  await frame();
  await frame();
  await primed;
  await frame();
  const firstRenderMs = performance.now() - renderStart;
  return { nodes: view.nodes.length, edges: view.edges.length, layoutMs, firstRenderMs };
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

Object.assign(window, { graphBench: { setup, startRecording, stopRecording, now: () => performance.now() } });
