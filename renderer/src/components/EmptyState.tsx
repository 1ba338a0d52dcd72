import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** What this view will show once it has data. */
  children: ReactNode;
  /** What the user can do about it, e.g. a button to the Cases view. */
  action?: ReactNode;
}

/** The honest placeholder for a view with nothing to show yet: what it is for and what it needs. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      <div className="empty-state-body">{children}</div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
