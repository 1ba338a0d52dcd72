/**
 * The IAM credential report names access keys only by user and slot (`<user ARN>#1`, `#2`);
 * `aws iam list-access-keys` names them by key id. AWS documents access_key_N_last_rotated as
 * "when the user's access key was created or last changed", so a slot and a key id of the same
 * user with the same timestamp (to the second) are one key. Ambiguous matches (two key ids of one
 * user created in the same second) link nothing. Pure.
 */
export interface CredentialFactRow {
  ids: { kind: string; value: string }[];
  owner_ref_kind?: unknown;
  owner_ref?: unknown;
  created_at?: unknown;
}

export type IdPair = [{ kind: string; value: string }, { kind: string; value: string }];

export function awsKeySlotLinks(facts: CredentialFactRow[]): IdPair[] {
  const keysByUserAndTime = new Map<string, string[]>();
  for (const f of facts) {
    const keyId = f.ids.find((i) => i.kind === 'aws_access_key_id')?.value;
    const at = second(f.created_at);
    if (!keyId || f.owner_ref_kind !== 'aws_iam_user' || typeof f.owner_ref !== 'string' || !at) continue;
    const k = `${f.owner_ref}\u0001${at}`;
    const list = keysByUserAndTime.get(k) ?? [];
    if (!list.includes(keyId)) list.push(keyId);
    keysByUserAndTime.set(k, list);
  }
  const links: IdPair[] = [];
  for (const f of facts) {
    const slot = f.ids.find((i) => i.kind === 'aws_key_slot')?.value;
    const at = second(f.created_at);
    if (!slot || f.owner_ref_kind !== 'aws_iam_arn' || typeof f.owner_ref !== 'string' || !at) continue;
    const keys = keysByUserAndTime.get(`${userNameOf(f.owner_ref)}\u0001${at}`);
    if (keys?.length === 1) links.push([{ kind: 'aws_key_slot', value: slot }, { kind: 'aws_access_key_id', value: keys[0]! }]);
  }
  return links;
}

/** arn:aws:iam::123456789012:user/some/path/name → name */
function userNameOf(arn: string): string {
  const resource = arn.slice(arn.lastIndexOf(':') + 1);
  return resource.slice(resource.lastIndexOf('/') + 1);
}

function second(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 19);
}
