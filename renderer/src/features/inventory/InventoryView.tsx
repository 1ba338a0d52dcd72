import { useSessionStore } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';

const purpose =
  'Inventory lists every credential found in the evidence — owner, platform, app, scopes, created / expires / last used / last reviewed, purpose, status and risk — in one table.';

/** Placeholder until this view's feature lands: says what it will show and what it needs. */
export function InventoryView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view" aria-label="Inventory">
      <ViewHeader title="Inventory" subtitle="What is present: every credential from every source." />
      {currentCase ? (
        <EmptyState
          title="Import evidence first" action={
            <a className="button" href="#/import">
              Go to Import
            </a>
          }
        >
          <p>{purpose}</p>
          <p>The inventory is built from the exports you import: token lists, service principals, OAuth grants, credential reports and your credential register.</p>
        </EmptyState>
      ) : (
        <NoCaseOpen purpose={purpose} />
      )}
    </section>
  );
}
