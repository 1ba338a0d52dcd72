import { ContractError } from '../../../../shared/contract';
import { builtinQueries } from '../../sql/builtins';
import { runConsoleQuery } from '../../sql/run';
import { deleteSaved, listSaved, saveQuery } from '../../sql/saved';
import { listTables } from '../../sql/tables';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type SqlHandlers = Pick<Handlers, 'sql.run' | 'sql.tables' | 'sql.builtins' | 'sql.savedList' | 'sql.save' | 'sql.deleteSaved'>;

export function sqlHandlers({ session }: BackendContext): SqlHandlers {
  const conn = () => session.require().connection;
  return {
    'sql.run': ({ sql, maxRows, timeoutMs }) => runConsoleQuery(session.require(), sql, maxRows, timeoutMs),
    'sql.tables': async () => ({ tables: (await listTables(conn())).filter((t) => t.name !== 'saved_queries') }),
    'sql.builtins': () => ({ queries: builtinQueries }),
    'sql.savedList': async () => ({ queries: await listSaved(conn()) }),
    'sql.save': ({ name, sql }) => saveQuery(conn(), name, sql, new Date().toISOString()),
    'sql.deleteSaved': async ({ id }) => {
      if (!(await deleteSaved(conn(), id))) throw new ContractError('NOT_FOUND', `No saved query ${id}`);
      return {};
    },
  };
}
