import type { InventoryFacetColumn, InventoryFilter } from '../../../../shared/contract/methods/inventory';

const labels: Record<InventoryFacetColumn, string> = {
  platform: 'Platform',
  credential_type: 'Type',
  status: 'Status',
  risk: 'Risk',
  owner_hr_status: 'Owner HR status',
  in_inventory: 'Seen in',
};

export interface FacetPanelProps {
  facets: Record<string, { value: string; count: number }[]> | null;
  filter: InventoryFilter;
  onToggle(facet: InventoryFacetColumn, value: string): void;
}

/** Value counts computed in DuckDB under the current filter; a checked value narrows the grid. */
export function FacetPanel({ facets, filter, onToggle }: FacetPanelProps) {
  return (
    <aside className="facets" aria-label="Facets">
      {(Object.keys(labels) as InventoryFacetColumn[]).map((facet) => (
        <fieldset key={facet} className="facet">
          <legend>{labels[facet]}</legend>
          {(facets?.[facet] ?? []).map(({ value, count }) => {
            const checked = filter[facet]?.includes(value) ?? false;
            return (
              <label key={value} className="facet-value">
                <input type="checkbox" checked={checked} onChange={() => onToggle(facet, value)} />
                <span className="facet-name">{value}</span>
                <span className="facet-count">{count.toLocaleString('en-US')}</span>
              </label>
            );
          })}
          {facets && (facets[facet]?.length ?? 0) === 0 ? <span className="facet-empty">none</span> : null}
        </fieldset>
      ))}
    </aside>
  );
}
