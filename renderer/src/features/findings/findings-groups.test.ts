import { describe, expect, it } from 'vitest';
import type { FindingSummary } from '../../../../shared/contract/methods/findings';
import { eventsSql, groupFindings, inventorySql } from './findings-groups';

const finding = (id: string, severity: FindingSummary['severity'], kind: FindingSummary['kind'], key: string): FindingSummary => ({
  id: id.padEnd(32, '0'),
  ruleId: kind,
  ruleVersion: 1,
  kind,
  severity,
  entity: { type: 'credential', key, ids: [], name: null, platform: 'github' },
  firstSeen: null,
  lastSeen: null,
  eventCount: 1,
  summary: 's',
  frameworks: [],
  suppressionId: null,
});

describe('findings grouping', () => {
  const list = [finding('a', 'low', 'new-network', 'k1'), finding('b', 'critical', 'ioc-match', 'k2'), finding('c', 'high', 'new-network', 'k2')];

  it('orders severity groups most severe first and entity groups by count', () => {
    expect(groupFindings(list, 'severity').map((g) => g.group)).toEqual(['critical', 'high', 'low']);
    expect(groupFindings(list, 'entity').map((g) => [g.group, g.findings.length])).toEqual([
      ['k2', 2],
      ['k1', 1],
    ]);
    expect(groupFindings(list, 'kind').map((g) => g.group)).toEqual(['ioc-match', 'new-network']);
  });

  it('builds console SQL only from integer ids and hex hashes', () => {
    expect(eventsSql([3, 4.5, 7])).toBe('SELECT * FROM v_events WHERE event_id IN (3, 7) ORDER BY event_time');
    expect(inventorySql([{ sha256: "x' OR 1=1 --", record: 1 }])).toContain('WHERE false');
    expect(inventorySql([{ sha256: 'a'.repeat(64), record: 2 }])).toContain(`f.sha256 = '${'a'.repeat(64)}' AND r.record_no = 2`);
  });
});
