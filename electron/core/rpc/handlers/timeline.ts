import { credentialEvents, credentialTimeline } from '../../timeline/credential';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type TimelineHandlers = Pick<Handlers, 'timeline.credential' | 'timeline.events'>;

export function timelineHandlers({ session }: BackendContext): TimelineHandlers {
  const conn = () => session.require().connection;
  return {
    'timeline.credential': ({ credential, from, to }) => credentialTimeline(conn(), credential, { from, to }),
    'timeline.events': ({ credential, ...page }) => credentialEvents(conn(), credential, page),
  };
}
