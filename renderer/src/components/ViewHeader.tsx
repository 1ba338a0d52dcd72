import type { ReactNode } from 'react';

export interface ViewHeaderProps {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
}

/** Every view starts with the same header; the shell moves focus to its heading after a view switch. */
export function ViewHeader({ title, subtitle, actions }: ViewHeaderProps) {
  return (
    <header className="view-header">
      <div>
        <h1 className="view-title" tabIndex={-1}>
          {title}
        </h1>
        {subtitle ? <p className="view-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="view-actions">{actions}</div> : null}
    </header>
  );
}
