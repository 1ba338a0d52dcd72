import { appendAction, listLog, sealLog, verifyLog } from '../../cases/action-log';
import { addLink, addNote, annotations, listTriage, setTag, setTriage } from '../../cases/triage';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type TriageHandlers = Pick<
  Handlers,
  'triage.set' | 'triage.list' | 'triage.annotations' | 'triage.addNote' | 'triage.tag' | 'triage.link' | 'actionLog.list' | 'actionLog.verify'
>;

export function triageHandlers({ session }: BackendContext): TriageHandlers {
  const conn = () => session.require().connection;
  return {
    'triage.set': (input) => setTriage(conn(), input),
    'triage.list': async () => ({ triage: await listTriage(conn()) }),
    'triage.annotations': ({ target }) => annotations(conn(), target),
    'triage.addNote': ({ target, body }) => addNote(conn(), target, body),
    'triage.tag': async ({ target, tag, present }) => {
      await setTag(conn(), target, tag, present);
      return {};
    },
    'triage.link': ({ from, to, relation }) => addLink(conn(), from, to, relation),
    'actionLog.list': async ({ limit, offset }) => {
      await sealLog(conn());
      return listLog(conn(), limit, offset);
    },
    'actionLog.verify': async () => {
      const verdict = await verifyLog(conn());
      // A failed verification is itself a fact of the case (SECURITY.md T9.1: a persistent artifact).
      if (!verdict.ok) await appendAction(conn(), 'actionLog.verifyFailed', verdict).catch(() => undefined);
      return verdict;
    },
  };
}
