/**
 * An experiment measured by bench:graph, not used by the app yet: keep cytoscape's layered texture
 * cache whole, so pan/zoom frames are a few image blits. With it (and no viewport texture) a pan
 * stays at ~17 ms a frame including its end at 5,000 nodes / 20,000 edges, but during wheel zoom
 * 'style' events on a few nodes under the pointer (cause not found yet) invalidate the single
 * layer and frames go back to full draws (0.5 s+), worse than the default settings.
 *
 * cytoscape 3.34's canvas renderer draws the scene into cached layer bitmaps (one per zoom level)
 * and blits them while the viewport moves. When that cache is invalid it draws every element each
 * frame instead: ~0.5 s a frame at 5,000 nodes / 20,000 edges here, and it only rebuilds the layers
 * a little per redraw, so the next gesture (and its final redraw) stutters for seconds. Two things
 * invalidate the whole cache behind our back: the renderer recomputes every element's rendered
 * style a tick after the first render (style events are emitted late), and any restyle (theme,
 * highlight classes). After each of those, prime() redraws once with the cache's "first get" path,
 * which builds the current level's layers synchronously: one long frame right after the change
 * (a load or a click), and none during the gestures that follow.
 *
 * Touches renderer internals (flushRenderedStyleQueue, data.lyrTxrCache.firstGet); cytoscape is
 * pinned, and if they are missing this does nothing and cytoscape behaves as before.
 */
import type { Core } from 'cytoscape';

interface RendererInternals {
  flushRenderedStyleQueue?: () => void;
  redrawHint?: (kind: 'eles' | 'drag', dirty: boolean) => void;
  redraw?: () => void;
  data?: { lyrTxrCache?: { firstGet: boolean } };
}

/** Rebuild the layer cache once the pending render has happened; returns a cancel function. */
export function primeLayerCache(cy: Core, onPrimed?: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    if (cy.destroyed()) return;
    const r = (cy as unknown as { renderer(): RendererInternals | undefined }).renderer();
    const cache = r?.data?.lyrTxrCache;
    if (r && cache && r.flushRenderedStyleQueue && r.redrawHint && r.redraw) {
      r.flushRenderedStyleQueue();
      cache.firstGet = true;
      r.redrawHint('eles', true);
      r.redraw();
    }
    onPrimed?.();
  };
  // After the next render, a macrotask later: the late rendered-style pass has been queued by then.
  const onRender = () => {
    timer = setTimeout(run, 0);
  };
  cy.one('render', onRender);
  return () => {
    cy.off('render', onRender);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** cytoscape 3.34's limits for one layer bitmap (renderer/canvas/ele-layer-texture-cache). */
const MAX_LAYER_AREA = 4000 * 4000;
const MAX_LAYER_DIM = 32767;

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
  while (level < 2 && w * 2 ** (level + 1) <= MAX_LAYER_DIM && h * 2 ** (level + 1) <= MAX_LAYER_DIM && w * h * 4 ** (level + 1) <= MAX_LAYER_AREA) level++;
  return 2 ** level;
}
