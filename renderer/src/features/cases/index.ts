export { CasesView } from './CasesView';
export { TriageControls } from './TriageControls';
