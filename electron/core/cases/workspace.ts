import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CaseSummary } from '../../../shared/contract';
import { CASE_EXTENSION, caseIdForPath } from '../db/case-db';

interface RecentEntry {
  path: string;
  name: string;
  createdAt: string | null;
  openedAt: string;
}

const MAX_RECENT = 20;

/**
 * The folder where new cases are created, plus the list of recently opened cases elsewhere.
 * The UI only ever names a case by its id; the paths stay here.
 */
export class Workspace {
  readonly dir: string;
  private readonly recentFile: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
    this.recentFile = join(this.dir, 'recent-cases.json');
  }

  list(): CaseSummary[] {
    const byPath = new Map<string, RecentEntry>();
    for (const entry of this.readRecent()) byPath.set(resolve(entry.path), entry);
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith(CASE_EXTENSION)) continue;
      const path = join(this.dir, file);
      if (!byPath.has(path)) byPath.set(path, { path, name: basename(file, CASE_EXTENSION), createdAt: null, openedAt: '' });
    }
    return [...byPath.values()]
      .map((entry) => summarise(entry))
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  }

  pathFor(caseId: string): string | undefined {
    return this.allPaths().find((p) => caseIdForPath(p) === caseId);
  }

  /** A fresh file name in the workspace for a case called `name`. */
  newCasePath(name: string): string {
    const slug =
      name
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'case';
    for (let n = 1; ; n++) {
      const candidate = join(this.dir, `${n === 1 ? slug : `${slug}-${n}`}${CASE_EXTENSION}`);
      if (!existsSync(candidate)) return candidate;
    }
  }

  remember(path: string, name: string, createdAt: string | null): void {
    const full = resolve(path);
    const rest = this.readRecent().filter((e) => resolve(e.path) !== full);
    const next = [{ path: full, name, createdAt, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT);
    const tmp = `${this.recentFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2));
    renameSync(tmp, this.recentFile);
  }

  private allPaths(): string[] {
    const paths = new Set(this.readRecent().map((e) => resolve(e.path)));
    for (const file of readdirSync(this.dir)) if (file.endsWith(CASE_EXTENSION)) paths.add(join(this.dir, file));
    return [...paths];
  }

  private readRecent(): RecentEntry[] {
    if (!existsSync(this.recentFile)) return [];
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.recentFile, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter(isRecentEntry) : [];
    } catch {
      return []; // a damaged recent list only loses the list, never a case
    }
  }
}

function isRecentEntry(value: unknown): value is RecentEntry {
  const v = value as Partial<RecentEntry> | null;
  return typeof v === 'object' && v !== null && typeof v.path === 'string' && typeof v.name === 'string';
}

function summarise(entry: RecentEntry): CaseSummary {
  const path = resolve(entry.path);
  const id = caseIdForPath(path);
  if (!existsSync(path)) {
    return { id, name: entry.name, fileName: basename(path), createdAt: entry.createdAt, modifiedAt: entry.openedAt, bytes: 0, problem: 'The case file is missing' };
  }
  const stat = statSync(path);
  return {
    id,
    name: entry.name,
    fileName: basename(path),
    createdAt: entry.createdAt,
    modifiedAt: stat.mtime.toISOString(),
    bytes: stat.size,
    problem: null,
  };
}
