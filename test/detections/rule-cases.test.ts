import { describe, expect, it } from 'vitest';
import { loadCatalog, loadRuleCases } from '../../electron/core/detections/engine/catalog';
import { runRuleCase } from '../../electron/core/detections/engine/case-runner';

// Every rule's named cases run against its real query.sql in a fresh in-memory database.
const only = process.env.RULE ? process.env.RULE.split(',') : undefined;
const rules = loadCatalog().filter((r) => !only || only.includes(r.meta.id));

describe.each(rules.map((r) => [r.meta.id, r] as const))('rule %s', (_id, rule) => {
  it.each(loadRuleCases(rule).map((c) => [c.name, c] as const))('%s', async (_name, ruleCase) => {
    const findings = await runRuleCase(rule, ruleCase);
    if (ruleCase.expect === 'negative') {
      expect(findings.map((f) => f.entity_key)).toEqual([]);
      return;
    }
    for (const want of ruleCase.expected) {
      const got = findings.filter((f) => f.entity_key === want.entity_key);
      expect(got, `expected a finding on ${want.entity_key}; got ${JSON.stringify(findings.map((f) => f.entity_key))}`).toHaveLength(1);
      const finding = got[0]!;
      if (want.severity) expect(finding.severity).toBe(want.severity);
      if (want.event_count !== undefined) expect(finding.event_count).toBe(want.event_count);
      if (want.min_event_count !== undefined) expect(finding.event_count).toBeGreaterThanOrEqual(want.min_event_count);
      // Every finding explains itself and names its entity by at least one source id.
      expect(JSON.parse(finding.explanation)).toHaveProperty('features');
      expect(finding.entity_ids.length).toBeGreaterThan(0);
    }
    expect(findings.map((f) => f.entity_key).sort()).toEqual(ruleCase.expected.map((e) => e.entity_key).sort());
  });
});
