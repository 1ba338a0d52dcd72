import { useNoticesStore } from '../api';

/** Errors from calls that have no inline place to show them; each keeps its code and message. */
export function NoticeRegion() {
  const notices = useNoticesStore((s) => s.notices);
  const dismiss = useNoticesStore((s) => s.dismiss);
  return (
    <section className="notices" aria-label="Notifications" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice" role="alert">
          <div>
            <p className="notice-context">{n.context} failed</p>
            <p>
              <code className="error-code">{n.code}</code> {n.message}
            </p>
          </div>
          <button type="button" onClick={() => dismiss(n.id)} aria-label="Dismiss notification">
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
