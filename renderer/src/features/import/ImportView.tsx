import { useSessionStore } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';

const purpose =
  'Import reads exports as you get them — Okta System Log, Entra ID sign-ins and grants, Microsoft 365 audit, Google Workspace, GitHub, Salesforce, AWS CloudTrail, Slack, GCP and your own credential register — recognised by content, hashed (SHA-256) and accounted for record by record.';

/** Placeholder until this view's feature lands: says what it will show and what it needs. */
export function ImportView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view" aria-label="Import">
      <ViewHeader title="Import" subtitle="Bring exported evidence into the open case." />
      {currentCase ? (
        <EmptyState
          title="Importing is not available in this build yet"
        >
          <p>{purpose}</p>
          <p>When it is, you will drop files or folders here and watch bytes and records go by; every file is listed with its hash and how many records were loaded and rejected.</p>
        </EmptyState>
      ) : (
        <NoCaseOpen purpose={purpose} />
      )}
    </section>
  );
}
