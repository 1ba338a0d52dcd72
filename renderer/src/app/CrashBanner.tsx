import { useSessionStore } from '../api';

/** A backend crash is loud: the status bar changes, and this banner stays until dismissed. */
export function CrashBanner() {
  const crash = useSessionStore((s) => s.crash);
  const dismiss = useSessionStore((s) => s.dismissCrash);
  if (!crash) return null;
  return (
    <div className={crash.recovered ? 'banner banner-warning' : 'banner banner-error'} role="alert" data-testid="crash-banner">
      <div>
        <p className="banner-title">
          <code className="error-code">BACKEND_CRASHED</code> The backend process stopped unexpectedly.
        </p>
        <p>{crash.message}</p>
        {crash.recovered ? <p>{crash.recovered}</p> : <p>Restarting…</p>}
      </div>
      <button type="button" onClick={dismiss} aria-label="Dismiss the crash message">
        Dismiss
      </button>
    </div>
  );
}
