#!/usr/bin/env node
// Layer gate (ARCHITECTURE.md "Who may import whom"): the backend, the HTTP host and the CLI run in
// plain Node, so none of them may import 'electron'. ESLint enforces the rest; this check is the
// one that must never be switched off, so it is a script with no configuration.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['electron/core', 'electron/server', 'electron/cli', 'shared', 'renderer/src'];
const electronImport = /(?:from\s+['"]electron(?:\/[^'"]*)?['"]|require\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)|import\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\))/;
const offenders = [];

function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|tsx|js|mjs|cjs|mts|cts)$/.test(name)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (electronImport.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
  }
}

roots.forEach(walk);
if (offenders.length) {
  console.error(`These files must not import 'electron' (they run without Electron):\n${offenders.join('\n')}`);
  process.exit(1);
}
console.log(`layer check: no 'electron' imports under ${roots.join(', ')}`);
