import { isoS } from './format';

/** One row of the organisation's credential register (column order = file order). */
export interface RegisterRow {
  credential_id: string;
  platform: 'okta' | 'entra' | 'google' | 'github' | 'salesforce' | 'aws' | 'slack' | 'gcp';
  credential_type: 'api_token' | 'oauth_grant' | 'refresh_token' | 'access_key' | 'service_account_key' | 'pat' | 'fine_grained_pat' | 'client_secret' | 'certificate' | 'bot_token' | 'delegated_grant' | 'connected_app_token';
  display_name: string;
  owner_email: string;
  app_name: string;
  app_id: string;
  business_purpose: string;
  approved_pattern: string;
  approved_cadence: string;
  approved_hours_utc: string;
  approved_networks: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  last_reviewed_at: string;
  review_interval_days: string;
  status: 'active' | 'revoked' | 'disabled';
}

export const REGISTER_COLUMNS: readonly (keyof RegisterRow)[] = ['credential_id', 'platform', 'credential_type', 'display_name', 'owner_email', 'app_name', 'app_id', 'business_purpose', 'approved_pattern', 'approved_cadence', 'approved_hours_utc', 'approved_networks', 'scopes', 'created_at', 'expires_at', 'last_reviewed_at', 'review_interval_days', 'status'];

export type Kind =
  | 'new-network' | 'impossible-travel' | 'volume-spike' | 'off-hours' | 'scope-escalation' | 'new-user-agent'
  | 'dormant-reactivation' | 'use-after-revocation' | 'use-after-expiry' | 'new-resource' | 'ioc-match'
  | 'cadence-break' | 'concurrent-use' | 'consent-burst' | 'auth-failure-burst' | 'human-use-of-nhi'
  | 'stale-credential' | 'over-scoped' | 'long-lived' | 'orphaned-owner' | 'review-overdue' | 'risky-third-party' | 'shadow-credential';

export const ALL_KINDS: readonly Kind[] = [
  'new-network', 'impossible-travel', 'volume-spike', 'off-hours', 'scope-escalation', 'new-user-agent',
  'dormant-reactivation', 'use-after-revocation', 'use-after-expiry', 'new-resource', 'ioc-match',
  'cadence-break', 'concurrent-use', 'consent-burst', 'auth-failure-burst', 'human-use-of-nhi',
  'stale-credential', 'over-scoped', 'long-lived', 'orphaned-owner', 'review-overdue', 'risky-third-party', 'shadow-credential',
];

export interface Story {
  id: string;
  kind: Kind;
  platform: string;
  entityIds: string[];
  window: { from: string; to: string };
  title: string;
  narrative: string;
}

export interface Lookalike {
  id: string;
  platform: string;
  entityIds: string[];
  mustNotFire: Kind[];
  title: string;
  narrative: string;
}

/** What every platform writer contributes besides its own files: register rows and the answer key. */
export class Catalog {
  readonly register: RegisterRow[] = [];
  readonly stories: Story[] = [];
  readonly lookalikes: Lookalike[] = [];
  /** Credentials present in platform inventories or logs, by platform:type (for the README and tests). */
  readonly credentialCounts = new Map<string, number>();

  credential(platform: string, type: string, n = 1): void {
    const k = `${platform}:${type}`;
    this.credentialCounts.set(k, (this.credentialCounts.get(k) ?? 0) + n);
  }

  story(s: Omit<Story, 'window'> & { from: number; to: number }): void {
    const { from, to, ...rest } = s;
    this.stories.push({ id: rest.id, kind: rest.kind, platform: rest.platform, entityIds: rest.entityIds, window: { from: isoS(from), to: isoS(to) }, title: rest.title, narrative: rest.narrative });
  }

  lookalike(l: Lookalike): void {
    this.lookalikes.push(l);
  }
}

/** A register row with the optional columns empty. */
export function reg(r: Partial<RegisterRow> & Pick<RegisterRow, 'credential_id' | 'platform' | 'credential_type' | 'display_name'>): RegisterRow {
  return {
    owner_email: '', app_name: '', app_id: '', business_purpose: '', approved_pattern: '', approved_cadence: '', approved_hours_utc: '',
    approved_networks: '', scopes: '', created_at: '', expires_at: '', last_reviewed_at: '', review_interval_days: '', status: 'active', ...r,
  };
}
