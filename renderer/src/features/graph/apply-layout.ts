import type { Core } from 'cytoscape';
import type { GraphView } from '../../../../shared/contract/methods/graph';
import { fitViewport, layeredLayout } from './layered-layout';

/** Position every node with the banded layout in one batch and fit the viewport from the positions. */
export function applyBanded(cy: Core, view: Pick<GraphView, 'nodes' | 'edges'>, width: number, height: number): void {
  const weight = new Map(view.nodes.map((n) => [n.id, n.findings * 1000 + n.count]));
  const positions = layeredLayout(
    view.nodes.map((n) => ({ id: n.id, kind: n.kind, weight: weight.get(n.id) ?? 0 })),
    view.edges,
    width / Math.max(1, height),
  );
  cy.batch(() => {
    cy.nodes().positions((node) => positions.get(node.id()) ?? { x: 0, y: 0 });
  });
  const { zoom, pan } = fitViewport(positions.values(), width, height);
  cy.viewport({ zoom, pan });
}
