export { InventoryView } from './InventoryView';
