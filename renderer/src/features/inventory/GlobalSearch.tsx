import { useState } from 'react';
import type { SearchHit } from '../../../../shared/contract/methods/search';
import { api } from '../../api';
import { navigate } from '../../app/use-route';
import { ErrorText } from '../../components/ErrorText';

/** Where a hit leads: credentials to the inventory row, apps and people to their findings, IPs and agents to a credential's timeline. */
function open(hit: SearchHit): void {
  if (hit.kind === 'credential' && hit.credential) navigate('inventory', { credential: hit.credential });
  else if (hit.entity) navigate('findings', { entity: hit.entity });
  else if (hit.credential) navigate('timeline', { credential: hit.credential });
}

/** Search ids, names, IPs and user agents across the case; results are plain text buttons. */
export function GlobalSearch() {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const run = async () => {
    if (q.trim().length < 2) return;
    const result = await api.invoke('search.global', { q: q.trim(), limit: 8 });
    if (result.ok) {
      setHits(result.value.hits);
      setError(null);
    } else setError(result.error);
  };
  return (
    <div className="global-search">
      <form
        role="search"
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="visually-hidden" htmlFor="global-search">
          Search the case
        </label>
        <input id="global-search" type="search" placeholder="Search ids, names, IPs, user agents" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {error ? <ErrorText code={error.code} message={error.message} /> : null}
      {hits ? (
        <div className="search-results" role="region" aria-label="Search results">
          {hits.length === 0 ? <p className="muted">No matches.</p> : null}
          <ul>
            {hits.map((h, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="search-hit"
                  onClick={() => {
                    setHits(null);
                    open(h);
                  }}
                >
                  <span className="chip">{h.kind}</span>
                  <span className="search-hit-label">{h.label}</span>
                  <span className="muted">{h.detail}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setHits(null)}>
            Close results
          </button>
        </div>
      ) : null}
    </div>
  );
}
