export { ReportPanel } from './ReportPanel';
