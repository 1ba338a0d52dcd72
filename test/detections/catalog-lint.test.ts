import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectionKinds } from '../../shared/domain';
import { catalogDir, loadCatalog, loadRuleCases } from '../../electron/core/detections/engine/catalog';
import { reservedParameters } from '../../electron/core/detections/engine/rule-schema';
import { usedParameters } from '../../electron/core/detections/engine/sql-params';

const rules = loadCatalog();

describe('detection catalog lint', () => {
  it('has a rule folder with rule.yaml for every folder', () => {
    const folders = readdirSync(catalogDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(rules.map((r) => basename(r.dir)).sort()).toEqual(folders);
  });

  it('covers every kind in the taxonomy', () => {
    const covered = new Set(rules.map((r) => r.meta.kind));
    expect(detectionKinds.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    it('id matches its folder', () => {
      expect(basename(rule.dir)).toBe(id);
    });

    it('declares every parameter it uses and uses every parameter it declares', () => {
      const used = usedParameters(rule.sql).filter((p) => !(reservedParameters as readonly string[]).includes(p));
      const declared = Object.keys(rule.meta.parameters);
      expect(used.filter((p) => !declared.includes(p)), 'used but not declared').toEqual([]);
      expect(declared.filter((p) => !used.includes(p)), 'declared but not used').toEqual([]);
    });

    it('analyses as of an explicit instant, never the wall clock', () => {
      const code = rule.sql.replace(/--[^\n]*/g, '');
      expect(code).not.toMatch(/\b(now|current_timestamp|current_date|get_current_timestamp|today|current_time)\b/i);
      expect(usedParameters(rule.sql)).toContain('as_of');
    });

    it('has at least one positive and one negative case, each overriding only declared parameters', () => {
      const cases = loadRuleCases(rule);
      expect(cases.some((c) => c.expect === 'positive')).toBe(true);
      expect(cases.some((c) => c.expect === 'negative')).toBe(true);
      expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
      for (const c of cases) {
        expect(Object.keys(c.parameters).filter((p) => !(p in rule.meta.parameters)), c.name).toEqual([]);
      }
    });

    it('maps to OWASP NHI and NIST CSF 2.0', () => {
      expect(rule.meta.frameworks.some((f) => f.startsWith('OWASP-NHI:'))).toBe(true);
      expect(rule.meta.frameworks.some((f) => f.startsWith('NIST-CSF-2.0:'))).toBe(true);
    });
  });
});

describe('taxonomy', () => {
  it('matches the kinds and severities of findings.schema.json', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../shared/domain/findings.schema.json', import.meta.url), 'utf8')) as {
      properties: { findings: { items: { properties: { kind: { enum: string[] }; severity: { enum: string[] } } } } };
    };
    const { severities } = await import('../../shared/domain');
    expect([...detectionKinds].sort()).toEqual([...schema.properties.findings.items.properties.kind.enum].sort());
    expect([...severities]).toEqual(schema.properties.findings.items.properties.severity.enum);
  });
});
