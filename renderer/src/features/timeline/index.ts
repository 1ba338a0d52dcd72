export { TimelineView } from './TimelineView';
