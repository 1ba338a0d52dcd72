import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from './lib/catalog';
import { Output } from './lib/output';
import { Rng } from './lib/prng';
import { ANALYSIS_START, buildEmployees, WINDOW_FROM, WINDOW_TO } from './lib/world';
import { isoS } from './lib/format';
import { writeOrgFiles } from './lib/org-files';
import { writeReadme } from './lib/readme';
import { generateAws } from './platforms/aws';
import { generateEntra } from './platforms/entra';
import { generateGithub } from './platforms/github';
import { generateGoogle } from './platforms/google';
import { generateSlack } from './platforms/slack';
import { generateOkta } from './platforms/okta';
import { generateSalesforce } from './platforms/salesforce';

export const DEFAULT_SEED = 20261120;
export const GENERATOR_VERSION = '1.0.0';

export interface GenerateResult {
  files: string[];
  events: Record<string, number>;
  credentials: Record<string, number>;
  stories: number;
  lookalikes: number;
}

/** Writes the whole sample case under outDir (its generated parts are removed first). */
export function generateSampleData(outDir: string, seed = DEFAULT_SEED): GenerateResult {
  for (const sub of ['aws', 'okta', 'entra', 'google', 'github', 'salesforce', 'slack', 'register', 'answer-key.json', 'README.md']) rmSync(join(outDir, sub), { recursive: true, force: true });
  const root = new Rng(seed);
  const people = buildEmployees(root.fork('people'));
  const catalog = new Catalog();
  const out = new Output(outDir);
  const ctx = (label: string) => ({ rng: root.fork(label), people, catalog, out });
  const timed = <T>(label: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    if (process.env.SAMPLE_DATA_TIMING) console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  };
  timed('aws', () => generateAws(ctx('aws')));
  timed('github', () => generateGithub(ctx('github')));
  timed('salesforce', () => generateSalesforce(ctx('salesforce')));
  timed('okta', () => generateOkta(ctx('okta')));
  timed('entra', () => generateEntra(ctx('entra')));
  timed('google', () => generateGoogle(ctx('google')));
  timed('slack', () => generateSlack(ctx('slack')));
  writeOrgFiles(out, catalog, people);
  out.json('answer-key.json', {
    generator: { seed, version: GENERATOR_VERSION },
    window: { from: isoS(WINDOW_FROM), to: isoS(WINDOW_TO) },
    analysisStart: isoS(ANALYSIS_START),
    stories: catalog.stories,
    lookalikes: catalog.lookalikes,
  });
  writeReadme(out, catalog, seed, GENERATOR_VERSION);
  return {
    files: out.files,
    events: Object.fromEntries(out.events),
    credentials: Object.fromEntries(catalog.credentialCounts),
    stories: catalog.stories.length,
    lookalikes: catalog.lookalikes.length,
  };
}

export const SAMPLE_WINDOW = { from: isoS(WINDOW_FROM), to: isoS(WINDOW_TO), analysisStart: isoS(ANALYSIS_START) };

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sample-data'));
  const started = performance.now();
  const r = generateSampleData(outDir);
  const total = Object.values(r.events).reduce((a, b) => a + b, 0);
  const creds = Object.values(r.credentials).reduce((a, b) => a + b, 0);
  console.log(`sample-data: ${r.files.length} files, ${total} events ${JSON.stringify(r.events)}, ${creds} credentials, ${r.stories} stories, ${r.lookalikes} look-alikes in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${outDir}`);
}
