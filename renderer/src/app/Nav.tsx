import { viewIds, type ViewId } from '../lib/route';
import { views } from './views';

export interface NavProps {
  current: ViewId;
}

/** Plain links to hash routes: Tab/Enter work, middle-click and back/forward behave like the web. */
export function Nav({ current }: NavProps) {
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {viewIds.map((id, i) => (
          <li key={id}>
            <a href={`#/${id}`} aria-current={id === current ? 'page' : undefined} aria-keyshortcuts={`Alt+${i + 1}`}>
              {views[id].label}
              <span className="nav-key" aria-hidden="true">
                {i + 1}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
