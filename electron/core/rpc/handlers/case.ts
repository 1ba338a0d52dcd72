import { ContractError } from '../../../../shared/contract';
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
    // Replaced by the import engine (issue 3), which builds the sample case from sample-data/.
    'case.openSample': () => {
      throw new ContractError('NOT_FOUND', 'The sample case cannot be built yet: the importer is not available in this build.');
    },
    'case.close': async () => {
      await session.close();
      return {};
    },
  };
}
