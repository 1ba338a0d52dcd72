/**
 * Identity resolution: every identifier a credential, app or principal has in any source is
 * reduced to one normal form per id kind, so the same thing seen by two exports joins
 * (docs/schema.md "Identity resolution"). Pure.
 */
import { createHash } from 'node:crypto';

const GOOGLE_SUFFIX = /\.apps\.googleusercontent\.com$/i;

export function normaliseId(kind: string, value: string): string {
  const v = value.trim();
  switch (kind) {
    case 'google_client_id':
      // Reports and Directory API show the same OAuth client with and without the suffix.
      return v.replace(GOOGLE_SUFFIX, '').toLowerCase();
    case 'salesforce_user_id':
    case 'salesforce_connected_app_id':
    case 'salesforce_oauth_token_id':
    case 'salesforce_app_menu_item_id':
    case 'salesforce_org_id':
      // 18-character ids are the 15-character case-sensitive id plus a 3-character checksum.
      return /^[a-zA-Z0-9]{18}$/.test(v) ? v.slice(0, 15) : v;
    case 'entra_app_id':
    case 'entra_sp_object_id':
    case 'entra_app_object_id':
    case 'entra_key_id':
    case 'entra_object_id':
    case 'gcp_sa_key_id':
      return v.toLowerCase();
    case 'aws_access_key_id':
    case 'slack_app_id':
      return v.toUpperCase();
    case 'email':
      return v.toLowerCase();
    default:
      return v;
  }
}

/**
 * GitHub's `hashed_token`: base64 of the SHA-256 of the token text. Hash a leaked token locally
 * with this and look it up in credential_ids (id_kind 'github_hashed_token'); the token itself is
 * never stored.
 */
export function githubHashedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64');
}

/** The id kind a register row's credential_id is, from its platform and credential type. */
export function registerIdKind(platform: string, type: string, id: string): string {
  switch (platform) {
    case 'okta':
      return type === 'api_token' ? 'okta_api_token_id' : 'okta_client_id';
    case 'aws':
      return 'aws_access_key_id';
    case 'github':
      return /^[A-Za-z0-9+/]{43}=$/.test(id) ? 'github_hashed_token' : type === 'oauth_grant' ? 'github_oauth_app_id' : 'github_token_id';
    case 'google':
      return 'google_client_id';
    case 'salesforce':
      return id.startsWith('0H4') || id.startsWith('0Ci') ? 'salesforce_connected_app_id' : 'salesforce_oauth_token_id';
    case 'entra':
      return type === 'client_secret' || type === 'certificate' ? 'entra_key_id' : 'entra_app_id';
    case 'gcp':
      return 'gcp_sa_key_id';
    case 'slack':
      return 'slack_app_id';
    default:
      return `${platform}_credential_id`;
  }
}

/** Platform of an id kind (its prefix). */
export function platformOfKind(kind: string): string {
  const p = kind.split('_')[0] ?? 'other';
  return ['okta', 'entra', 'google', 'github', 'salesforce', 'aws', 'slack', 'gcp'].includes(p) ? p : 'other';
}
