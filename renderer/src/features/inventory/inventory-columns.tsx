import type { InventoryColumn } from '../../../../shared/contract/methods/inventory';
import type { GridColumn } from '../../components/grid/VirtualGrid';
import { cellText, utcMinute, type Row } from '../../components/grid/arrow-rows';

const text = (id: string) => (row: Row) => cellText(row[id]);
const time = (id: string) => (row: Row) => utcMinute(row[id]);

/** Every inventory column the grid can show (PRODUCT.md's list), with its label and width. */
export const inventoryGridColumns: Record<InventoryColumn, GridColumn<Row>> = {
  credential_key: { id: 'credential_key', label: 'Key', width: 230, render: (r) => <span className="mono">{cellText(r.credential_key)}</span>, title: text('credential_key') },
  display_name: { id: 'display_name', label: 'Name', width: 200, render: text('display_name'), title: text('display_name') },
  platform: { id: 'platform', label: 'Platform', width: 90, render: text('platform') },
  credential_type: { id: 'credential_type', label: 'Type', width: 120, render: text('credential_type') },
  owner: { id: 'owner', label: 'Owner', width: 200, render: text('owner'), title: text('owner') },
  owner_hr_status: { id: 'owner_hr_status', label: 'Owner HR', width: 90, render: text('owner_hr_status') },
  app_name: { id: 'app_name', label: 'App', width: 180, render: text('app_name'), title: text('app_name') },
  scopes: {
    id: 'scopes',
    label: 'Scopes',
    width: 240,
    render: (r) => (Array.isArray(r.scopes) ? r.scopes.map((s, i) => <span key={i} className="chip">{cellText(s)}</span>) : null),
    title: text('scopes'),
  },
  created_at: { id: 'created_at', label: 'Created (UTC)', width: 130, render: time('created_at') },
  expires_at: { id: 'expires_at', label: 'Expires (UTC)', width: 130, render: time('expires_at') },
  last_used_at: { id: 'last_used_at', label: 'Last used (UTC)', width: 130, render: time('last_used_at') },
  last_reviewed_at: { id: 'last_reviewed_at', label: 'Last reviewed (UTC)', width: 140, render: time('last_reviewed_at') },
  purpose: { id: 'purpose', label: 'Purpose', width: 180, render: text('purpose'), title: text('purpose') },
  status: { id: 'status', label: 'Status', width: 80, render: text('status') },
  risk: { id: 'risk', label: 'Risk', width: 80, render: (r) => <span className={`risk-${cellText(r.risk)}`}>{cellText(r.risk)}</span> },
  findings: { id: 'findings', label: 'Findings', width: 70, numeric: true, render: text('findings') },
  event_count: { id: 'event_count', label: 'Events', width: 80, numeric: true, render: text('event_count') },
  in_inventory: { id: 'in_inventory', label: 'Seen in', width: 90, render: text('in_inventory') },
};

export const defaultVisibleColumns: InventoryColumn[] = [
  'display_name',
  'platform',
  'credential_type',
  'owner',
  'app_name',
  'scopes',
  'created_at',
  'expires_at',
  'last_used_at',
  'last_reviewed_at',
  'purpose',
  'status',
  'risk',
];
