import { useSessionStore } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';

const purpose =
  'Findings lists posture problems (stale, over-scoped, orphaned, long-lived credentials) and runtime deviations from each credential’s own baseline, each pointing at the exact inventory and log records behind it.';

/** Placeholder until this view's feature lands: says what it will show and what it needs. */
export function FindingsView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view" aria-label="Findings">
      <ViewHeader title="Findings" subtitle="Posture and runtime findings with the evidence behind each one." />
      {currentCase ? (
        <EmptyState
          title="No findings yet" action={
            <a className="button" href="#/import">
              Go to Import
            </a>
          }
        >
          <p>{purpose}</p>
          <p>Findings appear after evidence is imported and the detections have run over it. Every finding carries its OWASP NHI Top 10 and NIST CSF 2.0 mapping.</p>
        </EmptyState>
      ) : (
        <NoCaseOpen purpose={purpose} />
      )}
    </section>
  );
}
