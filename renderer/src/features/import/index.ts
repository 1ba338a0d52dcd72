export { ImportView } from './ImportView';
