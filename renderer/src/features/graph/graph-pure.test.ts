import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GraphView } from '../../../../shared/contract/methods/graph';
import { syntheticView } from './bench/synthetic-graph';
import { fitViewport, layeredLayout, bandOrder } from './layered-layout';
import { graphStylesheet, LARGE_GRAPH_EDGES } from './graph-style';
import { cacheableMaxZoom, disableActivation, pinBackgrounding, reachableLevels } from './layer-cache';
import { blastTargetOf, clickThrough, timelineWindow } from './links';
import { LABEL_ALL_MAX_NODES, shortLabel, toElements } from './to-elements';

const node = (over: Partial<GraphView['nodes'][number]>): GraphView['nodes'][number] => ({
  id: 'cred:x',
  kind: 'credential',
  label: 'x',
  platform: 'github',
  risk: null,
  findings: 0,
  severity: null,
  count: 1,
  group: false,
  detail: { key: 'github:pat:1' },
  ...over,
});

describe('banded layout', () => {
  it('puts every node in its kind band, left to right in reach order, with no two nodes on one spot', () => {
    const view = syntheticView(2000, 8000, 3);
    const positions = layeredLayout(view.nodes, view.edges);
    expect(positions.size).toBe(view.nodes.length);
    const spots = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(view.nodes.length);
    const xs = (kind: string) => view.nodes.filter((n) => n.kind === kind).map((n) => positions.get(n.id)!.x);
    for (let i = 1; i < bandOrder.length; i++) {
      expect(Math.min(...xs(bandOrder[i]!))).toBeGreaterThan(Math.max(...xs(bandOrder[i - 1]!)));
    }
  });

  it('is deterministic, and orders a band by its neighbours (an owner sits level with its only credential)', () => {
    const nodes = [
      { id: 'o1', kind: 'owner' },
      { id: 'o2', kind: 'owner' },
      { id: 'c1', kind: 'credential', weight: 2 },
      { id: 'c2', kind: 'credential', weight: 1 },
    ];
    const edges = [
      { source: 'o2', target: 'c1' },
      { source: 'o1', target: 'c2' },
    ];
    const a = layeredLayout(nodes, edges);
    expect(layeredLayout(nodes, edges)).toEqual(a);
    expect(a.get('o2')!.y).toBe(a.get('c1')!.y);
    expect(a.get('o1')!.y).toBe(a.get('c2')!.y);
  });

  it('fits positions into a viewport without measuring labels', () => {
    const { zoom, pan } = fitViewport([{ x: 0, y: 0 }, { x: 1000, y: 500 }], 1040, 540, 20);
    expect(zoom).toBe(1);
    expect(pan).toEqual({ x: 20, y: 20 });
    expect(fitViewport([], 100, 100)).toEqual({ zoom: 1, pan: { x: 50, y: 50 } });
  });
});

describe('elements and links', () => {
  it('keeps labels as data, shortened by characters not bytes, and only landmarks labelled in big views', () => {
    expect(shortLabel('é'.repeat(60))).toBe(`${'é'.repeat(47)}…`);
    const small = toElements({ nodes: [node({ label: '<b>x</b>' })], edges: [] });
    expect(small[0]!.data.label).toBe('<b>x</b>');
    const many = Array.from({ length: LABEL_ALL_MAX_NODES + 1 }, (_, i) => node({ id: `cred:${i}`, label: `c${i}`, findings: i === 0 ? 1 : 0 }));
    const big = toElements({ nodes: many, edges: [] });
    expect(big[0]!.data.label).toBe('c0');
    expect(big[1]!.data.label).toBe('');
  });

  it('clicks through with the URL params the other views read', () => {
    expect(clickThrough(node({}))).toEqual([
      { target: 'inventory', label: 'Inventory record', params: { credential: 'github:pat:1' } },
      { target: 'findings', label: 'Findings', params: { entity: 'github:pat:1' } },
      { target: 'timeline', label: 'Timeline', params: { credential: 'github:pat:1' } },
    ]);
    expect(clickThrough(node({}), { from: '2026-11-14', to: '2026-11-15' })[2]).toEqual({
      target: 'timeline',
      label: 'Timeline',
      params: { credential: 'github:pat:1', from: String(Date.UTC(2026, 10, 14)), to: String(Date.UTC(2026, 10, 16) - 1) },
    });
    expect(timelineWindow('2026-11-15T04:00:00.000Z', 'not a date')).toEqual({ from: String(Date.UTC(2026, 10, 15, 4)) });
    expect(clickThrough(node({ kind: 'app', detail: { key: 'salesforce:app:1' } }))).toEqual([
      { target: 'inventory', label: 'Credentials in inventory', params: { q: 'salesforce:app:1' } },
      { target: 'findings', label: 'Findings', params: { entity: 'salesforce:app:1' } },
    ]);
    expect(clickThrough(node({ group: true }))).toEqual([]);
    expect(clickThrough(node({ kind: 'system', detail: { key: 'salesforce' } }))).toEqual([]);
    expect(blastTargetOf(node({ kind: 'owner', detail: { key: 'person:a@b' } }))).toEqual({ target: 'owner', ref: 'person:a@b' });
    expect(blastTargetOf(node({ kind: 'scope' }))).toBeNull();
  });
});

describe('graphStylesheet', () => {
  const p = { text: '#000', muted: '#111', surface: '#fff', border: '#222', accent: '#333', danger: '#444', warn: '#555', ok: '#666' };
  const edgeStyle = (edges: number) => (graphStylesheet(p, edges) as { selector: string; style: Record<string, unknown> }[]).find((r) => r.selector === 'edge')!.style;
  it('keeps edge hit-testing (edge tooltips) on small graphs and drops it above LARGE_GRAPH_EDGES', () => {
    expect(edgeStyle(0).events).toBeUndefined();
    expect(edgeStyle(LARGE_GRAPH_EDGES).events).toBeUndefined();
    expect(edgeStyle(LARGE_GRAPH_EDGES + 1).events).toBe('no');
  });
});

describe('layer cache upkeep (layer-cache.ts) on a headless cytoscape', () => {
  const graph = (width: number, height: number) =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      layout: { name: 'preset' },
      elements: [
        { data: { id: 'a' }, position: { x: 0, y: 0 } },
        { data: { id: 'b' }, position: { x: width, y: height } },
        { data: { id: 'a-b', source: 'a', target: 'b' } },
      ],
    });

  it('lists the layer levels cytoscape picks between the zoom limits (2^ceil(log2 zoom), -4..2, none from 3.99)', () => {
    expect(reachableLevels(0.15, 1, 1)).toEqual([-2, -1, 0]);
    expect(reachableLevels(1e-50, 1e50, 1)).toEqual([-4, -3, -2, -1, 0, 1, 2]);
    expect(reachableLevels(0.2, 3.98, 1)).toEqual([-2, -1, 0, 1, 2]);
    expect(reachableLevels(0.2, 1, 2)).toEqual([-1, 0, 1]);
  });

  it('caps zoom where one 4000x4000 layer still holds the scene, never below 1 and below the 3.99 layer cutoff', () => {
    // The fitted 5,000-node banded view spans ~6,100 x 2,300: one layer at scale 1, not at 2.
    expect(cacheableMaxZoom(graph(6100, 2300))).toBe(1);
    expect(cacheableMaxZoom(graph(1500, 900))).toBe(2);
    expect(cacheableMaxZoom(graph(400, 300))).toBeLessThan(3.99);
    expect(cacheableMaxZoom(graph(40000, 40000))).toBe(1);
  });

  it('makes pressing an element change nothing (no :active, no style event) while selection still restyles', () => {
    const cy = graph(100, 100);
    disableActivation(cy.elements());
    const styled: string[] = [];
    cy.on('style', (e) => styled.push(e.target.id() as string));
    const a = cy.getElementById('a');
    a.activate();
    expect(a.active()).toBe(false);
    expect(styled).toEqual([]);
    a.select();
    expect(styled).toEqual(['a']);
  });

  it('pins the node background flag that cytoscape flips (and restyles on) at every node draw', () => {
    const cy = graph(100, 100);
    pinBackgrounding(cy.nodes());
    const p = (cy.getElementById('a') as unknown as { _private: { backgrounding: boolean } })._private;
    p.backgrounding = true;
    expect(p.backgrounding).toBe(false);
  });
});
