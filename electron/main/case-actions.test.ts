import { describe, expect, it } from 'vitest';
import { fail, ok, type Envelope } from '../../shared/contract';
import { caseFileFromArgv, caseNameFromPath, createCaseActions, summariseImport, withCaseExtension } from './case-actions';

function setup(
  options: { open?: string | null; save?: string | null; evidence?: string[] | null; exportTo?: string | null; bundle?: string | null; answer?: Envelope<unknown> } = {},
) {
  const infos: string[] = [];
  const asked: string[] = [];
  const calls: Array<{ method: string; input: unknown }> = [];
  const errors: string[] = [];
  const caseFiles: string[] = [];
  const actions = createCaseActions({
    invoke: async (method, input) => {
      calls.push({ method, input });
      return options.answer ?? ok({});
    },
    chooseCaseToOpen: async () => options.open ?? null,
    chooseNewCasePath: async () => options.save ?? null,
    showError: (title, message) => errors.push(`${title}: ${message}`),
    onCaseFile: (path) => caseFiles.push(path),
    chooseEvidence: async (kind) => {
      asked.push(kind);
      return options.evidence ?? null;
    },
    showInfo: (title, message, detail) => infos.push(`${title}: ${message} | ${detail}`),
    chooseExportPath: async (kind) => {
      asked.push(`export:${kind}`);
      return options.exportTo ?? null;
    },
    chooseBundleToOpen: async () => options.bundle ?? null,
  });
  return { actions, calls, errors, caseFiles, infos, asked };
}

describe('createCaseActions', () => {
  it('creates a case at the path from the save dialog, named after the file', async () => {
    const { actions, calls } = setup({ save: '/cases/Q3 okta incident' });
    expect(await actions.newCase()).toBe('done');
    expect(calls).toEqual([{ method: 'case.createAt', input: { path: '/cases/Q3 okta incident.tokenscope', name: 'Q3 okta incident' } }]);
  });

  it('opens the path from the open dialog through the host-only method', async () => {
    const { actions, calls, caseFiles } = setup({ open: '/cases/a.tokenscope' });
    expect(await actions.openCase()).toBe('done');
    expect(calls).toEqual([{ method: 'case.openPath', input: { path: '/cases/a.tokenscope' } }]);
    expect(caseFiles).toEqual(['/cases/a.tokenscope']);
  });

  it('calls nothing when a dialog is cancelled', async () => {
    const { actions, calls } = setup();
    expect(await actions.newCase()).toBe('cancelled');
    expect(await actions.openCase()).toBe('cancelled');
    expect(calls).toEqual([]);
  });

  it('shows the backend error message when the call fails', async () => {
    const { actions, errors, caseFiles } = setup({ open: '/cases/bad.tokenscope', answer: fail('CASE_INVALID', 'bad.tokenscope is not a Tokenscope case') });
    expect(await actions.openCase()).toBe('failed');
    expect(errors).toEqual(['Could not open the case: bad.tokenscope is not a Tokenscope case']);
    expect(caseFiles).toEqual([]);
  });

  it('opens recent cases by id and closes the open case', async () => {
    const { actions, calls } = setup();
    await actions.openRecent('abc');
    await actions.openSample();
    await actions.closeCase();
    expect(calls).toEqual([
      { method: 'case.open', input: { caseId: 'abc' } },
      { method: 'case.openSample', input: {} },
      { method: 'case.close', input: {} },
    ]);
  });

  it('maps case.list to recent entries, and an error to an empty list', async () => {
    const listed = ok({ cases: [{ id: 'x', name: 'X', fileName: 'x.tokenscope', createdAt: null, modifiedAt: '2026-01-01T00:00:00.000Z', bytes: 1, problem: null }] });
    expect(await setup({ answer: listed }).actions.recentCases()).toEqual([{ id: 'x', name: 'X', fileName: 'x.tokenscope', problem: null }]);
    expect(await setup({ answer: fail('INTERNAL', 'x') }).actions.recentCases()).toEqual([]);
  });
});

describe('importEvidence', () => {
  const result = ok({
    importId: 1,
    files: [
      { fileId: 1, path: '/ev/okta.ndjson', sha256: 'a', bytes: 10, source: 'okta', shape: 'ndjson', recordsSeen: 1201, recordsLoaded: 1200, recordsRejected: 1, warnings: [], status: 'imported' },
      { fileId: null, path: '/ev/notes.txt', sha256: 'b', bytes: 3, source: '?', shape: '?', recordsSeen: 0, recordsLoaded: 0, recordsRejected: 0, warnings: [], status: 'unrecognised', reason: 'not a known export format' },
    ],
  });

  it('imports the chosen paths through the host-only method and reports the counts', async () => {
    const { actions, calls, infos, asked } = setup({ evidence: ['/ev/okta.ndjson', '/ev/notes.txt'], answer: result });
    expect(await actions.importEvidence('files')).toBe('done');
    expect(asked).toEqual(['files']);
    expect(calls).toEqual([{ method: 'evidence.importPaths', input: { paths: ['/ev/okta.ndjson', '/ev/notes.txt'] } }]);
    expect(infos).toEqual([
      'Import finished: 1 file imported: 1,200 records loaded, 1 record rejected. | notes.txt: unrecognised (not a known export format)\nRejected records are kept with their reasons in the Evidence view.',
    ]);
  });

  it('does nothing when the dialog is cancelled, and shows the error when the import fails', async () => {
    const cancelled = setup({ evidence: null });
    expect(await cancelled.actions.importEvidence('folder')).toBe('cancelled');
    expect(cancelled.calls).toEqual([]);
    const failed = setup({ evidence: ['/ev'], answer: fail('NO_CASE', 'Open a case first.') });
    expect(await failed.actions.importEvidence('folder')).toBe('failed');
    expect(failed.errors).toEqual(['Import failed: Open a case first.']);
  });

  it('lists at most eight problem files', () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ path: `/ev/f${i}.bin`, status: 'failed', recordsLoaded: 0, recordsRejected: 0, reason: 'unreadable' }));
    const { message, detail } = summariseImport({ files });
    expect(message).toBe('0 files imported: 0 records loaded, 0 records rejected.');
    expect(detail.split('\n')).toHaveLength(9);
    expect(detail).toContain('…and 4 more; see the Evidence view.');
  });
});

describe('case file names', () => {
  it('adds the extension only when missing', () => {
    expect(withCaseExtension('/a/b')).toBe('/a/b.tokenscope');
    expect(withCaseExtension('/a/b.tokenscope')).toBe('/a/b.tokenscope');
    expect(withCaseExtension('/a/b.TOKENSCOPE')).toBe('/a/b.TOKENSCOPE');
  });

  it('derives a valid case name from a file name', () => {
    expect(caseNameFromPath('/x/incident-42.tokenscope')).toBe('incident-42');
    expect(caseNameFromPath('/x/.tokenscope')).toBe('Untitled case');
    expect(caseNameFromPath('/x/a\u0007b.tokenscope')).toBe('a b');
    expect(caseNameFromPath(`/x/${'n'.repeat(300)}.tokenscope`)).toHaveLength(120);
  });

  it('finds a case file on the command line, ignoring flags and relative paths', () => {
    expect(caseFileFromArgv(['/opt/Tokenscope/tokenscope-app', '--no-sandbox', '/cases/a.tokenscope'])).toBe('/cases/a.tokenscope');
    expect(caseFileFromArgv(['app', 'a.tokenscope'])).toBeNull();
    expect(caseFileFromArgv(['app', '/etc/passwd'])).toBeNull();
    expect(caseFileFromArgv(['/cases/first-arg-is-the-binary.tokenscope'])).toBeNull();
  });
});

describe('exports', () => {
  it('writes the report to the chosen path through the host-only method and says what was re-verified', async () => {
    const answer = ok({ evidence: { verified: 12, mismatch: 1, unreachable: 0 }, chainOk: true });
    const { actions, calls, infos } = setup({ exportTo: '/reports/acme', answer });
    expect(await actions.exportReport()).toBe('done');
    expect(calls).toEqual([{ method: 'report.write', input: { html: '/reports/acme.html' } }]);
    expect(infos[0]).toMatch(/12 evidence files re-verified/);
    expect(infos[0]).toMatch(/1 evidence file changed since import/);
  });

  it('exports and opens evidence bundles with paths from native dialogs only', async () => {
    const exported = setup({ exportTo: '/out/case', answer: ok({ sha256: 'a'.repeat(64), datasetDigest: 'b'.repeat(64) }) });
    expect(await exported.actions.exportBundle()).toBe('done');
    expect(exported.calls).toEqual([{ method: 'bundle.export', input: { path: '/out/case.tar.gz' } }]);

    const opened = setup({ bundle: '/in/case.tar.gz', save: '/cases/copy', answer: ok({ digestMatches: false, differingTables: ['events'] }) });
    expect(await opened.actions.openBundle()).toBe('done');
    expect(opened.calls).toEqual([{ method: 'bundle.open', input: { bundlePath: '/in/case.tar.gz', casePath: '/cases/copy.tokenscope' } }]);
    expect(opened.errors[0]).toMatch(/events/);
  });

  it('does nothing when a dialog is cancelled, and shows backend errors', async () => {
    const cancelled = setup();
    expect(await cancelled.actions.exportReport()).toBe('cancelled');
    expect(await cancelled.actions.openBundle()).toBe('cancelled');
    expect(cancelled.calls).toEqual([]);
    const failed = setup({ exportTo: '/r.html', answer: fail('NO_CASE', 'Open or create a case first.') });
    expect(await failed.actions.exportReport()).toBe('failed');
    expect(failed.errors).toEqual(['Could not write the report: Open or create a case first.']);
  });
});
