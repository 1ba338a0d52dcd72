import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, type CaseInfo } from '../../../../shared/contract';
import type { CaseSession } from '../../cases/session';
import type { Workspace } from '../../cases/workspace';
import { importEvidence } from '../../ingest';
import { resourcePath } from '../../paths';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type CaseHandlers = Pick<
  Handlers,
  'case.list' | 'case.current' | 'case.create' | 'case.createAt' | 'case.open' | 'case.openPath' | 'case.close' | 'case.openSample'
>;

export function caseHandlers({ workspace, session }: BackendContext): CaseHandlers {
  return {
    'case.list': () => ({ cases: workspace.list() }),
    'case.current': () => session.info,
    'case.create': ({ name }) => session.create(workspace.newCasePath(name), name),
    'case.createAt': ({ path, name }) => session.create(path, name),
    'case.open': ({ caseId }) => session.openById(caseId),
    'case.openPath': ({ path }) => session.open(path),
    'case.openSample': () => openSample(workspace, session),
    'case.close': async () => {
      await session.close();
      return {};
    },
  };
}

const SAMPLE_FILE = 'sample-case.tokenscope';
/** Files in sample-data/ that are documentation or test answers, not exports. */
const notEvidence = /^(README(\..*)?|answer-key\.json|\..*)$/i;

/**
 * Open the sample case, building it the first time from the exports under sample-data/ (the
 * same importer users run, so the sample shows real provenance and counts).
 */
async function openSample(workspace: Workspace, session: CaseSession): Promise<CaseInfo> {
  const path = join(workspace.dir, SAMPLE_FILE);
  if (existsSync(path)) return session.open(path);
  const dir = resourcePath('sample-data');
  if (!existsSync(dir)) throw new ContractError('NOT_FOUND', 'This build has no sample data (sample-data/ is missing).');
  const inputs = readdirSync(dir)
    .filter((name) => !notEvidence.test(name))
    .map((name) => join(dir, name));
  const info = await session.create(path, 'Sample case — Northwind Logistics', { sample: true });
  try {
    await importEvidence(session.require(), inputs);
  } catch (error) {
    // A half-built sample would be opened as-is next time: remove it so the next call rebuilds.
    await session.close();
    for (const leftover of [path, `${path}.wal`, `${path}.work`]) rmSync(leftover, { recursive: true, force: true });
    throw error;
  }
  return info;
}
