import { describe, expect, it } from 'vitest';
import { awsKeySlotLinks } from './aws-key-slots';

const slot = (arn: string, n: number, created: string | null) => ({ ids: [{ kind: 'aws_key_slot', value: `${arn}#${n}` }], owner_ref_kind: 'aws_iam_arn', owner_ref: arn, created_at: created });
const key = (user: string, id: string, created: string) => ({ ids: [{ kind: 'aws_access_key_id', value: id }], owner_ref_kind: 'aws_iam_user', owner_ref: user, created_at: created });
const arn = 'arn:aws:iam::310541862930:user/etl/svc-etl';

describe('AWS credential-report key slots and list-access-keys key ids', () => {
  it('links a slot to the key of the same user created at its last-rotated time', () => {
    const links = awsKeySlotLinks([slot(arn, 1, '2025-11-20T14:02:00+00:00'), slot(arn, 2, '2026-01-05T08:00:00Z'), key('svc-etl', 'AKIAONE', '2025-11-20T14:02:00Z'), key('svc-etl', 'AKIATWO', '2026-01-05T08:00:00.000Z')]);
    expect(links).toEqual([
      [{ kind: 'aws_key_slot', value: `${arn}#1` }, { kind: 'aws_access_key_id', value: 'AKIAONE' }],
      [{ kind: 'aws_key_slot', value: `${arn}#2` }, { kind: 'aws_access_key_id', value: 'AKIATWO' }],
    ]);
  });

  it('links nothing for another user, another second, a slot never rotated, or two keys in one second', () => {
    expect(awsKeySlotLinks([slot(arn, 1, '2025-11-20T14:02:00Z'), key('svc-other', 'AKIAONE', '2025-11-20T14:02:00Z')])).toEqual([]);
    expect(awsKeySlotLinks([slot(arn, 1, '2025-11-20T14:02:00Z'), key('svc-etl', 'AKIAONE', '2025-11-20T14:02:01Z')])).toEqual([]);
    expect(awsKeySlotLinks([slot(arn, 1, null), key('svc-etl', 'AKIAONE', '2025-11-20T14:02:00Z')])).toEqual([]);
    expect(awsKeySlotLinks([slot(arn, 1, '2025-11-20T14:02:00Z'), key('svc-etl', 'AKIAONE', '2025-11-20T14:02:00Z'), key('svc-etl', 'AKIATWO', '2025-11-20T14:02:00Z')])).toEqual([]);
  });
});
