import { globalSearch } from '../../inventory/query-search';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type SearchHandlers = Pick<Handlers, 'search.global'>;

export function searchHandlers({ session }: BackendContext): SearchHandlers {
  return {
    'search.global': async ({ q, limit }) => ({ hits: await globalSearch(session.require().connection, q, limit) }),
  };
}
