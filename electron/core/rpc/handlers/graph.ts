import { buildView, blastRadius, entityGraph, parseWindow, searchGraph } from '../../graph';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type GraphHandlers = Pick<Handlers, 'graph.view' | 'graph.search' | 'graph.blastRadius'>;

export function graphHandlers({ session }: BackendContext): GraphHandlers {
  const conn = () => session.require().connection;
  return {
    'graph.view': async ({ from, to, ...options }) => {
      const window = parseWindow(from, to);
      return buildView(await entityGraph(conn(), window), options);
    },
    'graph.search': async ({ query, limit }) => ({ matches: await searchGraph(conn(), query, limit ?? 20) }),
    'graph.blastRadius': ({ target, ref, from, to }) => blastRadius(conn(), target, ref, parseWindow(from, to)),
  };
}
