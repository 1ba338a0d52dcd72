export { buildView, type Grouping, type ViewOptions } from './aggregate';
export { blastRadius, type BlastTarget } from './blast-radius';
export { entityGraph } from './cache';
export { loadEntityGraph, nodeId, type EntityGraph } from './load-graph';
export { searchGraph } from './search';
export { parseWindow, type TimeWindow } from './window';
