import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { MethodOutput } from '../../shared/contract';
import { inProcessBackend, unwrap } from './in-process';

export interface Command {
  name: string;
  synopsis: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

/** Every subcommand, in the order `--help` lists them. Later issues add scan, import, report… */
export const commands: Command[] = [
  {
    name: 'case',
    synopsis: 'case create <file> --name <name> | case info <file>',
    summary: 'Create a case file, or print what a case file holds.',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
      const [action, file] = positionals;
      if ((action !== 'create' && action !== 'info') || !file) throw new Error('usage: tokenscope case create <file> --name <name> | case info <file>');
      const backend = inProcessBackend();
      try {
        const info =
          action === 'create'
            ? unwrap(await backend.route('case.createAt', { path: resolve(file), name: values.name ?? defaultName(file) }, 'host'))
            : unwrap(await backend.route('case.openPath', { path: resolve(file) }, 'host'));
        console.log(JSON.stringify(info, null, 2));
        return 0;
      } finally {
        await backend.shutdown();
      }
    },
  },
  {
    name: 'scan',
    synopsis: 'scan <file-or-folder>... [--case <file>] --json <out.json> [--as-of <time>] [--analysis-start <time>]',
    summary: 'Ingest evidence, analyse it, and write findings JSON (findings.schema.json).',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { case: { type: 'string' }, json: { type: 'string' }, 'as-of': { type: 'string' }, 'analysis-start': { type: 'string' } },
      });
      if (positionals.length === 0 || !values.json) {
        console.error('usage: tokenscope scan <file-or-folder>... [--case <file>] --json <out.json> [--as-of <time>] [--analysis-start <time>]');
        return 2;
      }
      const { scan } = await import('../core/detections/engine/scan');
      const outcome = await scan({
        paths: positionals,
        out: values.json,
        casePath: values.case,
        asOf: values['as-of'],
        analysisStart: values['analysis-start'],
      });
      for (const problem of outcome.problems) console.error(`tokenscope scan: ${problem}`);
      console.error(
        `tokenscope scan: ${outcome.files} file(s), ${outcome.findings} finding(s), as of ${outcome.run.asOf} (analysis from ${outcome.run.analysisStart}) -> ${values.json}`,
      );
      return 0;
    },
  },
  {
    name: 'import',
    synopsis: 'import <case> <path>...',
    summary: 'Import evidence files and folders into a case (created if missing); progress on stderr, result JSON on stdout.',
    async run(args) {
      const [file, ...inputs] = args;
      if (!file || inputs.length === 0) throw new Error('usage: tokenscope import <case> <path>...');
      const backend = inProcessBackend();
      const stopProgress = backend.onEvent((e) => {
        if (e.event === 'job.progress' && e.payload.unit === 'bytes' && e.payload.total) {
          const pct = Math.floor((100 * e.payload.done) / e.payload.total);
          process.stderr.write(`\r${e.payload.label}: ${pct}% of ${(e.payload.total / 1e6).toFixed(1)} MB   `);
        }
      });
      try {
        const casePath = resolve(file);
        unwrap(
          existsSync(casePath)
            ? await backend.route('case.openPath', { path: casePath }, 'host')
            : await backend.route('case.createAt', { path: casePath, name: defaultName(file) }, 'host'),
        );
        const result = unwrap(await backend.route('evidence.importPaths', { paths: inputs.map((p) => resolve(p)) }, 'host')) as MethodOutput<'evidence.importPaths'>;
        process.stderr.write('\n');
        for (const f of result.files) {
          process.stderr.write(`${f.status.padEnd(12)} ${f.source.padEnd(10)} seen ${f.recordsSeen} loaded ${f.recordsLoaded} rejected ${f.recordsRejected}  ${f.path}${f.reason ? `  (${f.reason})` : ''}\n`);
        }
        console.log(JSON.stringify(result, null, 2));
        return result.files.some((f) => f.status === 'failed') ? 1 : 0;
      } finally {
        stopProgress();
        await backend.shutdown();
      }
    },
  },
  {
    name: 'blast-radius',
    synopsis: 'blast-radius <case> (--app|--credential|--owner) <id-or-name> [--from <time>] [--to <time>] --json <out.json|->',
    summary: 'What an app, credential or owner exposes (credentials, owners, scopes, systems) and what it did in a window, as JSON.',
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { app: { type: 'string' }, credential: { type: 'string' }, owner: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'string' } },
      });
      const targets = (['app', 'credential', 'owner'] as const).filter((t) => values[t] !== undefined);
      const [file] = positionals;
      if (!file || positionals.length !== 1 || targets.length !== 1 || !values.json) {
        console.error('usage: tokenscope blast-radius <case> (--app|--credential|--owner) <id-or-name> [--from <time>] [--to <time>] --json <out.json|->');
        return 2;
      }
      const target = targets[0]!;
      const backend = inProcessBackend();
      try {
        unwrap(await backend.route('case.openPath', { path: resolve(file) }, 'host'));
        const input = { target, ref: values[target]!, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) };
        const radius = unwrap(await backend.route('graph.blastRadius', input, 'host')) as MethodOutput<'graph.blastRadius'>;
        const text = `${JSON.stringify(radius, null, 2)}\n`;
        if (values.json === '-') process.stdout.write(text);
        else await (await import('node:fs/promises')).writeFile(resolve(values.json), text);
        const t = radius.totals;
        console.error(
          `tokenscope blast-radius: ${radius.apps.length} app(s), ${radius.credentials.length} credential(s), ${radius.owners.length} owner(s), ${radius.systems.length} system(s); ` +
            `${t.events} event(s), ${t.rows} row(s) from ${t.ips} IP(s) in ${radius.window.from ?? 'the beginning'} .. ${radius.window.to ?? 'the end'}${values.json === '-' ? '' : ` -> ${values.json}`}`,
        );
        return 0;
      } finally {
        await backend.shutdown();
      }
    },
  },
  {
    name: 'report',
    synopsis: 'report <case> --html <out.html> [--csv <dir>] [--json <out.json>]',
    summary: 'Write the self-contained HTML report (evidence re-verified), CSV tables and findings JSON; exit 1 if any evidence changed.',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { html: { type: 'string' }, csv: { type: 'string' }, json: { type: 'string' } } });
      const [file] = positionals;
      if (!file || positionals.length !== 1 || (!values.html && !values.csv && !values.json)) {
        console.error('usage: tokenscope report <case> --html <out.html> [--csv <dir>] [--json <out.json>]');
        return 2;
      }
      const backend = inProcessBackend();
      try {
        unwrap(await backend.route('case.openPath', { path: resolve(file) }, 'host'));
        const outputs = {
          ...(values.html ? { html: resolve(values.html) } : {}),
          ...(values.csv ? { csvDir: resolve(values.csv) } : {}),
          ...(values.json ? { json: resolve(values.json) } : {}),
        };
        const r = unwrap(await backend.route('report.write', outputs, 'host')) as MethodOutput<'report.write'>;
        for (const w of r.written) process.stderr.write(`wrote ${w}\n`);
        const neutralised = r.csv.reduce((n, f) => n + f.neutralisedCells, 0);
        if (r.csv.length) process.stderr.write(`CSV: ${neutralised} formula cell(s) neutralised (see manifest.json)\n`);
        process.stderr.write(
          `${r.findings} finding(s); evidence ${r.evidence.verified} verified, ${r.evidence.mismatch} CHANGED, ${r.evidence.unreachable} unreachable; ` +
            `action log ${r.chainOk ? 'intact' : 'BROKEN'}; dataset digest ${r.datasetDigest}\n`,
        );
        console.log(JSON.stringify(r, null, 2));
        return r.evidence.mismatch > 0 || !r.chainOk ? 1 : 0;
      } finally {
        await backend.shutdown();
      }
    },
  },
  {
    name: 'bundle',
    synopsis: 'bundle export <case> <out.tar.gz> | bundle open <bundle.tar.gz> <new-case>',
    summary: 'Export a case as one evidence bundle, or open a bundle as a new case and check its dataset digest (exit 1 if it differs).',
    async run(args) {
      const [action, from, to] = args;
      if ((action !== 'export' && action !== 'open') || !from || !to || args.length !== 3) {
        console.error('usage: tokenscope bundle export <case> <out.tar.gz> | bundle open <bundle.tar.gz> <new-case>');
        return 2;
      }
      const backend = inProcessBackend();
      try {
        if (action === 'export') {
          unwrap(await backend.route('case.openPath', { path: resolve(from) }, 'host'));
          const r = unwrap(await backend.route('bundle.export', { path: resolve(to) }, 'host'));
          console.log(JSON.stringify(r, null, 2));
          return 0;
        }
        const r = unwrap(await backend.route('bundle.open', { bundlePath: resolve(from), casePath: resolve(to) }, 'host')) as MethodOutput<'bundle.open'>;
        process.stderr.write(
          r.digestMatches
            ? `dataset digest matches the bundle: ${r.datasetDigest}\n`
            : `DATASET DIGEST DIFFERS: bundle ${r.recordedDigest}, opened ${r.datasetDigest} (tables: ${r.differingTables.join(', ')})\n`,
        );
        console.log(JSON.stringify(r, null, 2));
        return r.digestMatches ? 0 : 1;
      } finally {
        await backend.shutdown();
      }
    },
  },
  {
    name: 'diff',
    synopsis: 'diff <old-export> <new-export> [--json <out.json>]',
    summary: 'Compare two inventory exports of one platform: credentials that appeared or disappeared, widened scopes, changed owners, new secrets on existing apps.',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'string' } } });
      const [oldPath, newPath] = positionals;
      if (!oldPath || !newPath || positionals.length !== 2) {
        console.error('usage: tokenscope diff <old-export> <new-export> [--json <out.json>]');
        return 2;
      }
      const { diffExports } = await import('../core/inventory/snapshot-diff-load');
      const { formatDiff } = await import('../core/inventory/snapshot-diff-text');
      const diff = await diffExports(resolve(oldPath), resolve(newPath));
      if (values.json) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(resolve(values.json), `${JSON.stringify(diff, null, 2)}\n`);
        process.stderr.write(`wrote ${resolve(values.json)}\n`);
      }
      console.log(formatDiff(diff));
      return 0;
    },
  },
];

function defaultName(file: string): string {
  return file.split(/[\\/]/).pop()?.replace(/\.tokenscope$/, '') || 'Case';
}

export function usage(): string {
  return [
    'tokenscope — offline investigation of OAuth tokens and other non-human identities',
    '',
    'Usage: tokenscope <command> [options]',
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  tokenscope ${c.synopsis}`, `      ${c.summary}`, '']),
    'Options:',
    '  -h, --help       show this help',
    '  -v, --version    print the version',
    '',
    'Exit codes: 0 success, 1 the command failed (message on stderr), 2 usage error.',
  ].join('\n');
}
