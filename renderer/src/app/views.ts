import type { ComponentType } from 'react';
import { CasesView } from '../features/cases';
import { FindingsView } from '../features/findings';
import { GraphView } from '../features/graph';
import { ImportView } from '../features/import';
import { InventoryView } from '../features/inventory';
import { SqlView } from '../features/sql';
import { TimelineView } from '../features/timeline';
import type { ViewId } from '../lib/route';

export interface ViewEntry {
  id: ViewId;
  label: string;
  component: ComponentType;
}

/** Navigation order; Alt+1..7 follow it (lib/route.ts viewIds has the same order). */
export const views: Record<ViewId, ViewEntry> = {
  import: { id: 'import', label: 'Import', component: ImportView },
  inventory: { id: 'inventory', label: 'Inventory', component: InventoryView },
  graph: { id: 'graph', label: 'Graph', component: GraphView },
  findings: { id: 'findings', label: 'Findings', component: FindingsView },
  timeline: { id: 'timeline', label: 'Timeline', component: TimelineView },
  cases: { id: 'cases', label: 'Cases', component: CasesView },
  sql: { id: 'sql', label: 'SQL', component: SqlView },
};
