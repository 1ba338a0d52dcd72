import { useSessionStore } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';

const purpose =
  'The SQL console runs read-only DuckDB queries over the documented canonical views (docs/schema.md) of the open case.';

/** Placeholder until this view's feature lands: says what it will show and what it needs. */
export function SqlView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view" aria-label="SQL">
      <ViewHeader title="SQL" subtitle="Read-only SQL over the documented views." />
      {currentCase ? (
        <EmptyState
          title="The SQL console is not available in this build yet"
        >
          <p>{purpose}</p>
          <p>When it is, queries run read-only against the open case; results are paged, sorted and filtered in DuckDB.</p>
        </EmptyState>
      ) : (
        <NoCaseOpen purpose={purpose} />
      )}
    </section>
  );
}
