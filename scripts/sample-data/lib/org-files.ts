import { REGISTER_COLUMNS, type Catalog } from './catalog';
import { csvLine } from './format';
import type { Output } from './output';
import type { Employee } from './world';

export const HR_COLUMNS = ['employee_id', 'email', 'display_name', 'department', 'manager_email', 'status', 'start_date', 'end_date'] as const;

/** The organisation's own CSVs: the credential register (as the IAM team keeps it) and the HR owner list. */
export function writeOrgFiles(out: Output, catalog: Catalog, people: readonly Employee[]): void {
  const rows = [...catalog.register].sort((a, b) => a.platform.localeCompare(b.platform) || a.display_name.localeCompare(b.display_name) || a.credential_id.localeCompare(b.credential_id));
  out.text('register/credential-register.csv', `${[REGISTER_COLUMNS.join(','), ...rows.map((r) => csvLine(REGISTER_COLUMNS.map((c) => r[c])))].join('\r\n')}\r\n`);
  const hr = [...people].sort((a, b) => a.employeeId.localeCompare(b.employeeId));
  out.text('register/hr-owners.csv', `${[HR_COLUMNS.join(','), ...hr.map((e) => csvLine([e.employeeId, e.email, e.displayName, e.department, e.managerEmail, e.status, e.startDate, e.endDate]))].join('\r\n')}\r\n`);
}
