import { inventoryColumns, type InventoryColumn } from '../../../../shared/contract/methods/inventory';
import { inventoryGridColumns } from './inventory-columns';

export interface ColumnChooserProps {
  visible: InventoryColumn[];
  onChange(columns: InventoryColumn[]): void;
}

/** Which columns the grid (and the export) shows; order follows the schema. */
export function ColumnChooser({ visible, onChange }: ColumnChooserProps) {
  return (
    <details className="column-chooser">
      <summary>Columns ({visible.length})</summary>
      <div className="column-chooser-list" role="group" aria-label="Visible columns">
        {inventoryColumns.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={visible.includes(c)}
              onChange={(e) => {
                const next = e.target.checked ? inventoryColumns.filter((x) => x === c || visible.includes(x)) : visible.filter((x) => x !== c);
                if (next.length) onChange(next);
              }}
            />
            {inventoryGridColumns[c].label}
          </label>
        ))}
      </div>
    </details>
  );
}
