/**
 * Keeps cytoscape's layered texture cache whole, so every pan/zoom frame of a large graph is a
 * blit of a cached bitmap instead of a draw of every element.
 *
 * cytoscape 3.34's canvas renderer draws the scene into one cached bitmap per zoom level
 * ("layers"; the level is 2^ceil(log2(zoom)), -4..2) and blits it while the viewport moves. When
 * the level in use is invalid it draws every visible element each frame instead: 0.5-0.6 s a frame
 * at 5,000 nodes / 20,000 edges on this machine (bench:graph). Three things broke the cache:
 *
 * 1. A cytoscape bug: drawNode() calls drawImages() twice (images inside, then over the border),
 *    and with no background image the second call flips the node's internal `backgrounding` flag
 *    to true and the next draw's first call back to false; each flip emits a 'style' event, and
 *    any 'style' event invalidates the whole level. So merely drawing a node (into a layer, or a
 *    node's own texture when the zoom level changes) threw the cache away: wheel zoom measured
 *    0.5-1 s frames. pinBackgrounding() pins the flag (our stylesheet has no background images).
 * 2. A new zoom level costs ~100 ms just to queue 25,000 elements when a wheel gesture first
 *    reaches it, and until built it falls back to direct draws when no other level is whole.
 *    warmLayerCache() builds the current level at once and queues every reachable level, which
 *    cytoscape then draws in its own frame-budgeted background work (<= ~15 ms a frame).
 * 3. Any restyle (highlight, selection, theme) invalidates every level: warm again after it. Pressing
 *    an element is a restyle too (:active): disableActivation() turns the press state off.
 *
 * Touches renderer internals (flushRenderedStyleQueue, getCachedZSortedEles, data.lyrTxrCache);
 * cytoscape is pinned to 3.34.4, and if they are missing this does nothing and cytoscape behaves
 * as stock (slower).
 */
import type { Collection, Core, NodeCollection } from 'cytoscape';

interface Layer {
  context: CanvasRenderingContext2D;
}

interface LayerCache {
  firstGet: boolean;
  skipping: boolean;
  lastInvalidationTime: number;
  getLayers(eles: unknown[], pxRatio: number, lvl?: number): unknown[] | null;
  levelIsComplete(lvl: number, eles: unknown[]): boolean;
}

interface RendererInternals {
  flushRenderedStyleQueue?: () => void;
  redrawHint?: (kind: 'eles' | 'drag', dirty: boolean) => void;
  redraw?: () => void;
  getPixelRatio?: () => number;
  getCachedZSortedEles?: () => { nondrag?: unknown[] };
  data?: { lyrTxrCache?: LayerCache };
}

/** cytoscape 3.34's layer constants (renderer/canvas/layered-texture-cache). */
const MIN_LEVEL = -4;
const MAX_LEVEL = 2;
const MAX_LAYER_ZOOM = 3.99;
const MAX_LAYER_AREA = 4000 * 4000;
const MAX_LAYER_DIM = 32767;
/** After an invalidation the cache refuses to queue a level for this long (its `skipping`). */
const INVALIDATION_QUIET_MS = 250;

/**
 * Chrome records 2D-canvas drawing and rasterises it later, in one go, when the recording grows
 * past a limit or the canvas is read. cytoscape draws elements into a layer in frame-budgeted
 * slices, but its budget only sees the recording: the raster of thousands of slices then landed
 * in one 0.2-1.3 s task (1.3 s for the zoom-1 layer of 5,000 nodes / 20,000 edges; CPU profile:
 * drawImage/stroke). Reading one pixel of the layer every RASTER_EVERY elements rasterises as it
 * goes, inside the budget's own time checks, so background layer building stays within a frame.
 * Measured with software canvases (Chromium --disable-gpu, as here); on a GPU-backed canvas a
 * readback also waits for the GPU, so re-measure there before relying on it. Call once per
 * cytoscape instance.
 */
const RASTER_EVERY = 16;
export function rasteriseLayerSlices(cy: Core): void {
  const cache = internals(cy)?.cache as (LayerCache & { drawEleInLayer?: (layer: Layer, ...rest: unknown[]) => void }) | undefined;
  const draw = cache?.drawEleInLayer;
  if (!cache || !draw) return;
  let drawn = 0;
  cache.drawEleInLayer = function (this: unknown, layer: Layer, ...rest: unknown[]) {
    draw.call(this, layer, ...rest);
    if (++drawn % RASTER_EVERY === 0) layer.context.getImageData(0, 0, 1, 1);
  };
}

/** Stop the no-image node draws from emitting 'style' events (bug 1 above). Call after adding nodes. */
export function pinBackgrounding(nodes: NodeCollection): void {
  nodes.forEach((n) => {
    Object.defineProperty((n as unknown as { _private: object })._private, 'backgrounding', { configurable: true, get: () => false, set: () => undefined });
  });
}

/**
 * Pressing an element (every click, and every drag that starts on a node) toggles its :active
 * state (cytoscape's grey press overlay), and that restyle invalidates the whole level: a drag
 * starting on a node drew every element each frame (0.2-0.4 s at 2,000 nodes / 8,000 edges,
 * bench:graph --organic), and every click cost a rebuild. The renderer presses the single element
 * under the pointer with ele.activate(); shadowing that method on each element (not cytoscape's
 * prototype) makes a press change nothing. Clicks, taps and selection work as before. Call after
 * adding elements.
 */
export function disableActivation(eles: Collection): void {
  const unchanged = function (this: unknown) {
    return this;
  };
  eles.forEach((ele) => {
    Object.defineProperty(ele, 'activate', { configurable: true, value: unchanged });
    Object.defineProperty(ele, 'unactivate', { configurable: true, value: unchanged });
  });
}

function internals(cy: Core): { r: Required<RendererInternals>; cache: LayerCache } | null {
  const r = (cy as unknown as { renderer(): RendererInternals | undefined }).renderer();
  const cache = r?.data?.lyrTxrCache;
  if (!r || !cache || !r.flushRenderedStyleQueue || !r.redrawHint || !r.redraw || !r.getPixelRatio || !r.getCachedZSortedEles || !cache.getLayers) return null;
  return { r: r as Required<RendererInternals>, cache };
}

/** The layer level cytoscape draws a zoom from (getLayers), or null where it draws without layers. */
export function levelFor(zoom: number, pxRatio: number): number | null {
  const level = Math.ceil(Math.log2(zoom * pxRatio));
  if (level < MIN_LEVEL) return MIN_LEVEL;
  return zoom >= MAX_LAYER_ZOOM || level > MAX_LEVEL ? null : level;
}

/** The layer levels the viewport can reach with the current min/max zoom, as cytoscape picks them. */
export function reachableLevels(minZoom: number, maxZoom: number, pxRatio: number): number[] {
  const level = (zoom: number) => Math.ceil(Math.log2(zoom * pxRatio));
  const lo = Math.max(MIN_LEVEL, level(minZoom));
  const hi = Math.min(MAX_LEVEL, level(Math.min(maxZoom, MAX_LAYER_ZOOM - 0.01)));
  const levels: number[] = [];
  for (let l = lo; l <= hi; l++) levels.push(l);
  return levels;
}

/**
 * Build the current level's layers in the next render (one long frame right after a load or a
 * restyle: ~1 s at 5,000 nodes / 20,000 edges, on top of cytoscape's own restyle pass, instead of
 * long frames in every later gesture), then queue every other reachable level for cytoscape's
 * background drawing, one level per task. Returns a cancel function; call it before warming again
 * or destroying the instance.
 */
export function warmLayerCache(cy: Core): () => void {
  const found = internals(cy);
  if (!found) return () => undefined;
  const { r, cache } = found;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const later = (fn: () => void, ms: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      if (!cancelled && !cy.destroyed()) fn();
    }, ms);
  };
  const eles = () => r.getCachedZSortedEles().nondrag ?? [];

  const queueLevels = (pending: number[]) => {
    const lvl = pending[0];
    if (lvl === undefined) return;
    // The cache will not queue a level while it is `skipping` (just after an invalidation).
    const quiet = performance.now() - cache.lastInvalidationTime;
    if (cache.skipping || quiet <= INVALIDATION_QUIET_MS) return later(() => queueLevels(pending), Math.max(20, INVALIDATION_QUIET_MS + 10 - quiet));
    // ~100 ms a level at 25,000 elements: one per task, so input is never held up longer.
    if (!cache.levelIsComplete(lvl, eles())) cache.getLayers(eles(), r.getPixelRatio(), lvl);
    later(() => queueLevels(pending.slice(1)), 0);
  };

  /**
   * Run the restyle's rendered-style pass now, and the bounding boxes it leaves dirty (cytoscape
   * recomputes those lazily, and each recompute emits a 'bounds' event that invalidates the level
   * in the next frame: measured, the fresh layers were thrown away one frame after being built).
   */
  const settleStyles = () => {
    r.flushRenderedStyleQueue();
    cy.elements().boundingBox();
    r.flushRenderedStyleQueue();
  };
  let builds = 0;
  const build = () => {
    builds++;
    settleStyles();
    // firstGet makes the next render draw the current level's layers synchronously.
    cache.firstGet = true;
    r.redrawHint('eles', true);
    r.redraw();
    cy.one('render', onBuilt);
  };
  const check = () => {
    settleStyles();
    const px = r.getPixelRatio();
    const current = levelFor(cy.zoom(), px);
    // Invalidated again after all: once more, then leave it to cytoscape.
    if (current !== null && builds < 2 && !cache.levelIsComplete(current, eles())) return build();
    later(() => queueLevels(reachableLevels(cy.minZoom(), cy.maxZoom(), px).filter((l) => l !== current)), 0);
  };
  const onBuilt = () => later(check, 0);
  build();

  return () => {
    cancelled = true;
    cy.off('render', onBuilt);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * The deepest zoom at which the whole graph still fits one cached layer (the cache renders at
 * 2^ceil(log2(zoom)) scale and gives up above MAX_LAYER_AREA, after which every frame draws every
 * visible element: 0.5 s+ at 20,000 edges). Never below 1, so labels stay readable at full size;
 * a graph so spread out that 1 is over the limit falls back to per-element drawing past that.
 */
export function cacheableMaxZoom(cy: Core): number {
  const bb = cy.elements().boundingBox();
  const w = Math.max(1, bb.w * 1.02);
  const h = Math.max(1, bb.h * 1.02);
  let level = 0;
  while (level < MAX_LEVEL && w * 2 ** (level + 1) <= MAX_LAYER_DIM && h * 2 ** (level + 1) <= MAX_LAYER_DIM && w * h * 4 ** (level + 1) <= MAX_LAYER_AREA) level++;
  // Level 2 covers zooms up to 4, but cytoscape stops using layers at MAX_LAYER_ZOOM.
  return Math.min(2 ** level, MAX_LAYER_ZOOM - 0.01);
}
