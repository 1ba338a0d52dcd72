import { useSessionStore } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';

const purpose =
  'The timeline shows one credential from issue or consent through scope changes, activity against its baseline band, expiry and revocation, with its raw events.';

/** Placeholder until this view's feature lands: says what it will show and what it needs. */
export function TimelineView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view" aria-label="Timeline">
      <ViewHeader title="Timeline" subtitle="One credential’s life on one axis." />
      {currentCase ? (
        <EmptyState
          title="Choose a credential" action={
            <a className="button" href="#/inventory">
              Go to Inventory
            </a>
          }
        >
          <p>{purpose}</p>
          <p>Pick a credential in Inventory, Graph or Findings to see its timeline here. That needs imported evidence first.</p>
        </EmptyState>
      ) : (
        <NoCaseOpen purpose={purpose} />
      )}
    </section>
  );
}
