import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { resourcePath } from '../../paths';
import { RuleCases, RuleMeta, type RuleCase } from './rule-schema';

export interface Rule {
  meta: RuleMeta;
  /** The query text with any trailing semicolon removed. */
  sql: string;
  dir: string;
}

export const catalogDir = resourcePath('electron', 'core', 'detections', 'catalog');

function readYaml(file: string): unknown {
  return parseYaml(readFileSync(file, 'utf8'));
}

function describeZod(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Load one rule folder; throws naming the file and what is wrong. */
export function loadRule(dir: string): Rule {
  const ruleFile = join(dir, 'rule.yaml');
  const parsed = RuleMeta.safeParse(readYaml(ruleFile));
  if (!parsed.success) throw new Error(`${ruleFile}: ${describeZod(parsed.error)}`);
  const sql = readFileSync(join(dir, 'query.sql'), 'utf8').trim().replace(/;\s*$/, '');
  return { meta: parsed.data, sql, dir };
}

export function loadRuleCases(rule: Rule): RuleCase[] {
  const file = join(rule.dir, 'cases.yaml');
  const parsed = RuleCases.safeParse(readYaml(file));
  if (!parsed.success) throw new Error(`${file}: ${describeZod(parsed.error)}`);
  return parsed.data.cases;
}

/** Every rule in the catalog, ordered by id so runs and outputs are deterministic. */
export function loadCatalog(dir = catalogDir): Rule[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'rule.yaml')))
    .map((d) => loadRule(join(dir, d.name)))
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
}

/** A version for the whole catalog: changes whenever any rule's version or query text changes. */
export function rulesVersion(rules: Rule[]): string {
  const hash = createHash('sha256');
  for (const r of rules) hash.update(`${r.meta.id}@${r.meta.version}\n${r.sql}\n`);
  return `${rules.length}-${hash.digest('hex').slice(0, 12)}`;
}
