import { useSessionStore } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';

const purpose =
  'The graph joins owners, credentials, apps, scopes and the systems they reach, with the edges actually observed in logs, and shows the blast radius of a selected app, credential or owner.';

/** Placeholder until this view's feature lands: says what it will show and what it needs. */
export function GraphView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view" aria-label="Graph">
      <ViewHeader title="Graph" subtitle="Owners → credentials → apps → scopes → reachable systems." />
      {currentCase ? (
        <EmptyState
          title="Import evidence first" action={
            <a className="button" href="#/import">
              Go to Import
            </a>
          }
        >
          <p>{purpose}</p>
          <p>The graph needs inventory records (who holds what, with which scopes) and, for observed edges, activity logs.</p>
        </EmptyState>
      ) : (
        <NoCaseOpen purpose={purpose} />
      )}
    </section>
  );
}
