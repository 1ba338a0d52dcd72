import { basename, isAbsolute } from 'node:path';
import type { Envelope } from '../../shared/contract';
import type { RecentCase } from './menu-template';

/**
 * The case file extension. It is defined by the backend (electron/core/db/case-db.ts
 * CASE_EXTENSION), which main may not import; test/electron/case-actions.test.ts keeps the two equal.
 */
export const CASE_FILE_EXTENSION = '.tokenscope';

export interface CaseActionDeps {
  /** Calls the backend as the host (caller 'host'): the only way a path reaches it. */
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Native open dialog; null when cancelled. */
  chooseCaseToOpen(): Promise<string | null>;
  /** Native save dialog; null when cancelled. */
  chooseNewCasePath(): Promise<string | null>;
  showError(title: string, message: string): void;
  /** Native open dialog for evidence (files, or one folder: Windows and Linux cannot offer both); null when cancelled. */
  chooseEvidence(kind: 'files' | 'folder'): Promise<string[] | null>;
  showInfo(title: string, message: string, detail: string): void;
  /** Native save dialog for an export (report HTML or evidence bundle); null when cancelled. */
  chooseExportPath(kind: 'report' | 'bundle', suggestedName: string): Promise<string | null>;
  /** Native open dialog for an evidence bundle; null when cancelled. */
  chooseBundleToOpen(): Promise<string | null>;
  /** Told about every case file a path action opened or created (OS "recent documents"). */
  onCaseFile?(path: string): void;
}

export type ActionOutcome = 'done' | 'cancelled' | 'failed';

/**
 * What the File menu does. File paths only ever come from a native dialog shown by main (or the
 * command line) and go to the backend's host-audience methods; the renderer never supplies one.
 */
export function createCaseActions(deps: CaseActionDeps) {
  async function run(title: string, method: string, input: unknown): Promise<ActionOutcome> {
    const result = await deps.invoke(method, input);
    if (result.ok) return 'done';
    deps.showError(title, result.error.message);
    return 'failed';
  }

  return {
    async newCase(): Promise<ActionOutcome> {
      const chosen = await deps.chooseNewCasePath();
      if (!chosen) return 'cancelled';
      const path = withCaseExtension(chosen);
      const outcome = await run('Could not create the case', 'case.createAt', { path, name: caseNameFromPath(path) });
      if (outcome === 'done') deps.onCaseFile?.(path);
      return outcome;
    },
    async openCase(): Promise<ActionOutcome> {
      const path = await deps.chooseCaseToOpen();
      if (!path) return 'cancelled';
      return openPath(path);
    },
    openPath,
    openRecent(caseId: string): Promise<ActionOutcome> {
      return run('Could not open the case', 'case.open', { caseId });
    },
    openSample(): Promise<ActionOutcome> {
      return run('Could not open the sample case', 'case.openSample', {});
    },
    closeCase(): Promise<ActionOutcome> {
      return run('Could not close the case', 'case.close', {});
    },
    async importEvidence(kind: 'files' | 'folder'): Promise<ActionOutcome> {
      const paths = await deps.chooseEvidence(kind);
      if (!paths || paths.length === 0) return 'cancelled';
      const result = await deps.invoke('evidence.importPaths', { paths });
      if (!result.ok) {
        deps.showError('Import failed', result.error.message);
        return 'failed';
      }
      const summary = summariseImport(result.value as ImportSummaryInput);
      deps.showInfo('Import finished', summary.message, summary.detail);
      return 'done';
    },
    async exportReport(): Promise<ActionOutcome> {
      const html = await deps.chooseExportPath('report', 'tokenscope-report.html');
      if (!html) return 'cancelled';
      const result = await deps.invoke('report.write', { html: withExtension(html, '.html') });
      if (!result.ok) {
        deps.showError('Could not write the report', result.error.message);
        return 'failed';
      }
      const { evidence, chainOk } = result.value as { evidence: { verified: number; mismatch: number; unreachable: number }; chainOk: boolean };
      const problems = [
        evidence.mismatch ? `${plural(evidence.mismatch, 'evidence file')} changed since import.` : '',
        evidence.unreachable ? `${plural(evidence.unreachable, 'evidence file')} no longer at its path (not re-verified).` : '',
        chainOk ? '' : 'The analyst action log failed verification.',
      ].filter(Boolean);
      deps.showInfo('Report written', `${plural(evidence.verified, 'evidence file')} re-verified.`, problems.join('\n'));
      return 'done';
    },
    async exportBundle(): Promise<ActionOutcome> {
      const path = await deps.chooseExportPath('bundle', 'case-bundle.tar.gz');
      if (!path) return 'cancelled';
      const result = await deps.invoke('bundle.export', { path: withExtension(path, '.tar.gz') });
      if (!result.ok) {
        deps.showError('Could not export the case', result.error.message);
        return 'failed';
      }
      const { sha256, datasetDigest } = result.value as { sha256: string; datasetDigest: string };
      deps.showInfo('Evidence bundle written', `Bundle SHA-256 ${sha256}`, `Dataset digest ${datasetDigest}`);
      return 'done';
    },
    async openBundle(): Promise<ActionOutcome> {
      const bundlePath = await deps.chooseBundleToOpen();
      if (!bundlePath) return 'cancelled';
      const casePath = await deps.chooseNewCasePath();
      if (!casePath) return 'cancelled';
      const result = await deps.invoke('bundle.open', { bundlePath, casePath: withCaseExtension(casePath) });
      if (!result.ok) {
        deps.showError('Could not open the bundle', result.error.message);
        return 'failed';
      }
      const opened = result.value as { digestMatches: boolean; differingTables: string[] };
      deps.onCaseFile?.(withCaseExtension(casePath));
      if (!opened.digestMatches) {
        deps.showError('Dataset digest differs', `The opened case does not match the bundle's recorded digest in: ${opened.differingTables.join(', ')}.`);
      }
      return 'done';
    },
    async recentCases(): Promise<RecentCase[]> {
      const result = await deps.invoke('case.list', {});
      if (!result.ok) return [];
      const cases = (result.value as { cases?: RecentCase[] }).cases ?? [];
      return cases.map((c) => ({ id: c.id, name: c.name, fileName: c.fileName, problem: c.problem }));
    },
  };

  async function openPath(path: string): Promise<ActionOutcome> {
    const outcome = await run('Could not open the case', 'case.openPath', { path });
    if (outcome === 'done') deps.onCaseFile?.(path);
    return outcome;
  }
}

/** The parts of evidence.importPaths' result the summary reads. */
export interface ImportSummaryInput {
  files: Array<{ path: string; status: string; recordsLoaded: number; recordsRejected: number; reason?: string | undefined }>;
}

const MAX_LISTED_PROBLEMS = 8;

/**
 * One sentence and a few lines for the native dialog after a menu import: how many files were
 * imported and how many records loaded or rejected, then the files that were not imported and why.
 * (Rejected records are kept in the case and shown in the Evidence view; nothing is dropped silently.)
 */
export function summariseImport(result: ImportSummaryInput): { message: string; detail: string } {
  const count = (status: string) => result.files.filter((f) => f.status === status).length;
  const loaded = result.files.reduce((n, f) => n + f.recordsLoaded, 0);
  const rejected = result.files.reduce((n, f) => n + f.recordsRejected, 0);
  const imported = count('imported');
  const message = `${plural(imported, 'file')} imported: ${plural(loaded, 'record')} loaded, ${plural(rejected, 'record')} rejected.`;
  const problems = result.files.filter((f) => f.status !== 'imported');
  const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((f) => `${basename(f.path)}: ${f.status}${f.reason ? ` (${f.reason})` : ''}`);
  if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`…and ${problems.length - MAX_LISTED_PROBLEMS} more; see the Evidence view.`);
  if (rejected > 0) lines.push('Rejected records are kept with their reasons in the Evidence view.');
  return { message, detail: lines.join('\n') };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** A save dialog may return a name without the extension (Linux dialogs often do). */
export function withCaseExtension(path: string): string {
  return withExtension(path, CASE_FILE_EXTENSION);
}

export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
}

/** "q3-okta-incident.tokenscope" → "q3-okta-incident": the name a new case gets from its file. */
export function caseNameFromPath(path: string): string {
  const base = basename(path);
  const name = base.toLowerCase().endsWith(CASE_FILE_EXTENSION) ? base.slice(0, -CASE_FILE_EXTENSION.length) : base;
  // Same limits as the contract's CaseName: no control characters, at most 120 characters.
  const cleaned = name.replace(/\p{Cc}/gu, ' ').trim().slice(0, 120).trim();
  return cleaned || 'Untitled case';
}

/** A case file named on the command line (`tokenscope-app /cases/x.tokenscope`), if any. */
export function caseFileFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (isAbsolute(arg) && arg.toLowerCase().endsWith(CASE_FILE_EXTENSION)) return arg;
  }
  return null;
}
