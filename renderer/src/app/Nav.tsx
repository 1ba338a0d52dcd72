import type { KeyboardEvent } from 'react';
import { viewIds, type ViewId } from '../lib/route';
import { views } from './views';

export interface NavProps {
  current: ViewId;
}

/** Up/Down (and Home/End) move between the links, as in a desktop sidebar; Tab still walks them too. */
function onArrowKeys(event: KeyboardEvent<HTMLElement>): void {
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1) return;
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  links[(next + links.length) % links.length]?.focus();
}

/** Plain links to hash routes: Tab/Enter work, middle-click and back/forward behave like the web. */
export function Nav({ current }: NavProps) {
  return (
    <nav className="nav" aria-label="Views" onKeyDown={onArrowKeys}>
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
