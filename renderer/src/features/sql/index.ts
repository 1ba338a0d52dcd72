export { SqlView } from './SqlView';
