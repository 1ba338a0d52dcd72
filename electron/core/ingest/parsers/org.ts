import { registerIdKind } from '../../inventory/identity';
import { parseDateLoose } from '../time';
import type { Mapped, ParserSpec } from '../types';
import { scopes, str } from './util';

const platforms = new Set(['okta', 'entra', 'google', 'github', 'salesforce', 'aws', 'slack', 'gcp']);

/** The organisation's credential register (our CSV format; see the brief / docs/schema.md). */
export const credentialRegister: ParserSpec = {
  id: 'org.credential_register',
  version: '1',
  source: 'register',
  platform: 'org',
  kind: 'credential_register',
  detectHeader: (h) => (h.includes('credential_id') && h.includes('platform') && h.includes('credential_type') ? 20 : 0),
  map(d): Mapped {
    const id = str(d.credential_id);
    const platform = str(d.platform)?.toLowerCase();
    const type = str(d.credential_type)?.toLowerCase();
    if (!id || !platform || !type) throw new Error('credential_id, platform and credential_type are required');
    if (!platforms.has(platform)) throw new Error(`unknown platform "${platform}"`);
    const appId = str(d.app_id);
    const interval = str(d.review_interval_days);
    return {
      credentials: [
        {
          type,
          ids: [{ kind: registerIdKind(platform, type, id), value: id }],
          displayName: str(d.display_name),
          ownerEmail: str(d.owner_email),
          app: appId ? { kind: appKindFor(platform), value: appId } : null,
          appName: str(d.app_name),
          purpose: str(d.business_purpose),
          approvedPattern: str(d.approved_pattern),
          approvedCadence: str(d.approved_cadence),
          approvedHoursUtc: str(d.approved_hours_utc),
          approvedNetworks: scopes(d.approved_networks),
          scopes: scopes(d.scopes),
          createdAt: parseDateLoose(d.created_at),
          expiresAt: parseDateLoose(d.expires_at),
          lastReviewedAt: parseDateLoose(d.last_reviewed_at),
          reviewIntervalDays: interval && /^\d+$/.test(interval) ? Number(interval) : null,
          status: str(d.status)?.toLowerCase() ?? 'unknown',
          origin: 'register',
        },
      ],
      apps: appId ? [{ ids: [{ kind: appKindFor(platform), value: appId }], name: str(d.app_name) }] : [],
    };
  },
};

function appKindFor(platform: string): string {
  return (
    { okta: 'okta_client_id', entra: 'entra_app_id', google: 'google_client_id', github: 'github_oauth_app_id', salesforce: 'salesforce_connected_app_id', slack: 'slack_app_id' } as Record<string, string>
  )[platform] ?? `${platform}_app_id`;
}

/** HR owner list: who people are and whether they still work here. */
export const hrOwners: ParserSpec = {
  id: 'org.hr_owners',
  version: '1',
  source: 'hr',
  platform: 'org',
  kind: 'hr_owners',
  detectHeader: (h) => (h.includes('employee_id') && h.includes('email') && h.includes('status') ? 20 : 0),
  map(d): Mapped {
    const email = str(d.email)?.toLowerCase();
    if (!email) throw new Error('email is required');
    return {
      principals: [
        {
          kind: 'person',
          email,
          ids: [{ kind: 'hr_employee_id', value: str(d.employee_id) ?? email }],
          displayName: str(d.display_name),
          department: str(d.department),
          managerEmail: str(d.manager_email)?.toLowerCase() ?? null,
          hrStatus: str(d.status)?.toLowerCase() ?? 'unknown',
          startDate: parseDateLoose(d.start_date)?.slice(0, 10) ?? null,
          endDate: parseDateLoose(d.end_date)?.slice(0, 10) ?? null,
        },
      ],
    };
  },
};
