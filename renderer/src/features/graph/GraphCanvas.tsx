import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { GraphEdge, GraphNode, GraphView } from '../../../../shared/contract/methods/graph';
import { applyBanded } from './apply-layout';
import { graphStylesheet, LARGE_GRAPH_EDGES, layoutOptions, ORGANIC_MAX_NODES, rendererOptions } from './graph-style';
import { cacheableMaxZoom, disableActivation, pinBackgrounding, rasteriseLayerSlices, warmLayerCache } from './layer-cache';
import { readPalette } from './palette';
import { toElements } from './to-elements';

cytoscape.use(fcose);


export type LayoutMode = 'banded' | 'organic';

export interface GraphCanvasProps {
  view: GraphView;
  layout: LayoutMode;
  /** Node ids to emphasise (blast radius, search); everything else dims. */
  highlight: ReadonlySet<string> | null;
  selected: string | null;
  /** A node to bring to the middle of the canvas once it is in the view (search, reveal). */
  centre: string | null;
  onSelect(id: string | null): void;
  /** Double-click: expand a group, or reveal an entity's neighbours. */
  onExpand(id: string): void;
  cyRef: RefObject<Core | null>;
}

type Tip = { x: number; y: number } & ({ node: GraphNode; edge?: undefined } | { edge: GraphEdge; node?: undefined });

/**
 * The cytoscape canvas. Labels are canvas text and the tooltip is React text, so names and user
 * agents from evidence are never parsed as HTML.
 */
export function GraphCanvas({ view, layout, highlight, selected, centre, onSelect, onExpand, cyRef }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const ring = useRef<HTMLDivElement>(null);
  const selectedId = useRef(selected);
  const [tip, setTip] = useState<Tip | null>(null);
  const byId = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view]);
  const edgeById = useMemo(() => new Map(view.edges.map((e) => [e.id, e])), [view]);
  const handlers = useRef({ onSelect, onExpand, byId, edgeById });
  /** Edges in the current view: the stylesheet drops edge hit-testing above LARGE_GRAPH_EDGES. */
  const edgeCount = useRef(0);
  /** Cancels the pending layer-cache warm-up (layer-cache.ts); each restyle starts a new one. */
  const cancelWarm = useRef<() => void>(() => undefined);
  useEffect(() => {
    handlers.current = { onSelect, onExpand, byId, edgeById };
    selectedId.current = selected;
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    // Selection is React state drawn as a DOM ring (placeRing), not cytoscape's :selected state:
    // a restyle throws the cached layers away (~2 s to rebuild at 5,000 nodes), a ring moves free.
    const cy = cytoscape({ container: el, style: graphStylesheet(readPalette()), ...rendererOptions, boxSelectionEnabled: false, autounselectify: true });
    cyRef.current = cy;
    rasteriseLayerSlices(cy);
    cy.on('tap', 'node', (e) => handlers.current.onSelect(e.target.id() as string));
    cy.on('tap', (e) => {
      if (e.target === cy) handlers.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (e) => handlers.current.onExpand(e.target.id() as string));
    cy.on('mouseover', 'node', (e) => {
      const node = handlers.current.byId.get(e.target.id() as string);
      const p = e.renderedPosition ?? e.target.renderedPosition();
      if (node) setTip({ x: p.x, y: p.y, node });
    });
    cy.on('mouseover', 'edge', (e) => {
      const edge = handlers.current.edgeById.get(e.target.id() as string);
      const p = e.renderedPosition ?? e.target.renderedMidpoint();
      if (edge) setTip({ x: p.x, y: p.y, edge });
    });
    cy.on('mouseout', 'node, edge', () => setTip(null));
    cy.on('viewport', () => {
      setTip(null);
      placeRing(cy, ring.current, selectedId.current);
    });
    // Theme switches change the CSS variables; the canvas needs the new colours explicitly.
    const observer = new MutationObserver(() => {
      cy.style(graphStylesheet(readPalette(), edgeCount.current));
      cancelWarm.current();
      cancelWarm.current = warmLayerCache(cy);
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    return () => {
      observer.disconnect();
      cancelWarm.current();
      cy.destroy();
      cyRef.current = null;
    };
  }, [cyRef]);

  useEffect(() => {
    const cy = cyRef.current;
    const el = container.current;
    if (!cy || !el) return;
    setTip(null);
    const large = view.edges.length > LARGE_GRAPH_EDGES;
    if (large !== edgeCount.current > LARGE_GRAPH_EDGES) cy.style(graphStylesheet(readPalette(), view.edges.length));
    edgeCount.current = view.edges.length;
    // Zoom limits are lifted while laying out, so a small view after a large one still fits.
    cy.minZoom(1e-50);
    cy.maxZoom(1e50);
    cy.batch(() => {
      cy.elements().remove();
      cy.add(toElements(view));
    });
    pinBackgrounding(cy.nodes());
    disableActivation(cy.elements());
    if (layout === 'organic' && view.nodes.length <= ORGANIC_MAX_NODES) {
      cy.layout(layoutOptions as unknown as LayoutOptions).run();
    } else {
      applyBanded(cy, view, el.clientWidth || 800, el.clientHeight || 600);
    }
    // Large graphs stop zooming in where one cached layer still holds the whole scene (>= 1, so
    // labels read at full size); deeper, every frame would draw every visible element. They stop
    // zooming out a little past the fitted view: further out shows nothing more, and each extra
    // zoom level is one more cached layer to build (~100 ms to queue, then background drawing).
    if (large) {
      cy.maxZoom(cacheableMaxZoom(cy));
      cy.minZoom(Math.min(cy.zoom(), cy.maxZoom()) * 0.75);
    }
    // New positions invalidate the cached layers (a view change warms again after its restyle below).
    cancelWarm.current();
    cancelWarm.current = warmLayerCache(cy);
  }, [view, layout, cyRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('dim focus');
      if (highlight && highlight.size) {
        cy.nodes().forEach((n) => {
          n.addClass(highlight.has(n.id()) ? 'focus' : 'dim');
        });
        cy.edges().forEach((e) => {
          if (!(highlight.has(e.source().id()) && highlight.has(e.target().id()))) e.addClass('dim');
        });
      }
    });
    // Any restyle (and every new view, which also lands here) invalidates the cached layers.
    cancelWarm.current();
    cancelWarm.current = warmLayerCache(cy);
  }, [highlight, view, cyRef]);

  // Declared after the layout effect, so the ring goes where the node now is.
  useEffect(() => {
    const cy = cyRef.current;
    if (cy) placeRing(cy, ring.current, selected);
  }, [selected, view, layout, cyRef]);

  // Declared after the layout effect, so it runs after a new view is positioned.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !centre) return;
    const el = cy.getElementById(centre);
    if (el.nonempty()) cy.viewport({ zoom: 1.5, pan: { x: 0, y: 0 } }).center(el);
  }, [centre, view, cyRef]);

  return (
    <div className="graph-canvas-wrap">
      <div ref={container} className="graph-canvas" data-testid="graph-canvas" role="img" aria-label={`Graph of ${view.nodes.length} nodes and ${view.edges.length} edges`} />
      <div ref={ring} className="graph-selection-ring" data-testid="graph-selection-ring" hidden />
      {tip?.node ? <NodeTip tip={tip} node={tip.node} /> : null}
      {tip?.edge ? <EdgeTip tip={tip} edge={tip.edge} labelOf={(id) => byId.get(id)?.label ?? id} /> : null}
    </div>
  );
}

/**
 * Put the selection ring around the selected node at its rendered position and size, or hide it.
 * React only creates the element (hidden); its visibility and geometry are set here, per viewport
 * event, without a React render.
 */
function placeRing(cy: Core, el: HTMLDivElement | null, id: string | null): void {
  if (!el) return;
  const node = id ? cy.getElementById(id) : null;
  if (!node || node.empty()) {
    el.hidden = true;
    return;
  }
  const p = node.renderedPosition();
  const size = Math.max(node.renderedWidth(), node.renderedHeight()) + 12;
  el.hidden = false;
  el.style.width = `${size}px`;
  el.style.height = `${size}px`;
  el.style.transform = `translate(${p.x - size / 2}px, ${p.y - size / 2}px)`;
}

function NodeTip({ tip, node }: { tip: Tip; node: GraphNode }) {
  return (
    <div className="graph-tooltip" role="tooltip" data-testid="graph-tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
      <div className="graph-tooltip-title">{node.label}</div>
      <div className="muted">
        {node.group ? `group of ${node.count} ${node.kind}s` : node.kind}
        {node.platform ? ` · ${node.platform}` : ''}
        {node.risk ? ` · ${node.risk} risk` : ''}
        {node.findings ? ` · ${node.findings} open finding${node.findings === 1 ? '' : 's'}${node.severity ? ` (worst ${node.severity})` : ''}` : ''}
      </div>
      <dl className="kv">
        {Object.entries(node.detail).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const edgeWords: Record<GraphEdge['kind'], string> = {
  owns: 'owns',
  issued_to: 'issued to',
  granted: 'granted',
  reaches: 'reaches',
  used: 'used (observed in logs)',
  part_of: 'part of',
};

function EdgeTip({ tip, edge, labelOf }: { tip: Tip; edge: GraphEdge; labelOf(id: string): string }) {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <div className="graph-tooltip" role="tooltip" data-testid="graph-tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
      <div className="graph-tooltip-title">
        {labelOf(edge.source)} → {labelOf(edge.target)}
      </div>
      <div className="muted">{edgeWords[edge.kind]}</div>
      {edge.kind === 'used' ? (
        <dl className="kv">
          <div>
            <dt>events</dt>
            <dd>{n(edge.count)}</dd>
          </div>
          {edge.rows !== null ? (
            <div>
              <dt>rows</dt>
              <dd>{n(edge.rows)}</dd>
            </div>
          ) : null}
          {edge.bytes !== null ? (
            <div>
              <dt>bytes</dt>
              <dd>{n(edge.bytes)}</dd>
            </div>
          ) : null}
          <div>
            <dt>first – last</dt>
            <dd>
              {edge.first ?? '?'} – {edge.last ?? '?'}
            </dd>
          </div>
        </dl>
      ) : edge.count > 1 ? (
        <div className="muted">{n(edge.count)} links merged</div>
      ) : null}
    </div>
  );
}
