import type { Core } from 'cytoscape';
import { useMemo, useRef, useState } from 'react';
import { graphGroupings, graphNodeKinds, type GraphNode } from '../../../../shared/contract/methods/graph';
import { severities } from '../../../../shared/domain';
import { useCall, useSessionStore } from '../../api';
import { navigate, useRoute } from '../../app/use-route';
import { ErrorText } from '../../components/ErrorText';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';
import '../../components/investigation.css';
import { BlastRadiusPanel } from './BlastRadiusPanel';
import { downloadBlob } from '../../lib/download';
import { GraphCanvas, type LayoutMode } from './GraphCanvas';
import './graph.css';
import { ORGANIC_MAX_NODES } from './graph-style';
import { Legend } from './Legend';
import { blastTargetOf, clickThrough } from './links';

const purpose =
  'The graph joins owners, credentials, apps, scopes and the systems they reach, with the edges actually observed in logs, and shows the blast radius of a selected app, credential or owner.';

export function GraphView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view view-wide" aria-label="Graph">
      <ViewHeader title="Graph" subtitle="Owners → credentials → apps → scopes → reachable systems, and what was actually touched." />
      {currentCase ? <GraphBody caseId={currentCase.id} /> : <NoCaseOpen purpose={purpose} />}
    </section>
  );
}

type Grouping = (typeof graphGroupings)[number];
type Kind = (typeof graphNodeKinds)[number];
type Severity = (typeof severities)[number];
const blastKinds = ['app', 'credential', 'owner'] as const;

function GraphBody({ caseId }: { caseId: string }) {
  const { params } = useRoute();
  const [grouping, setGrouping] = useState<Grouping>('platform');
  const [layout, setLayout] = useState<LayoutMode>('banded');
  const [platforms, setPlatforms] = useState<string[]>([]);
  const [kinds, setKinds] = useState<Kind[]>([...graphNodeKinds]);
  const [minSeverity, setMinSeverity] = useState<Severity | ''>('');
  const [from, setFrom] = useState(params.from ?? '');
  const [to, setTo] = useState(params.to ?? '');
  const [expand, setExpand] = useState<string[]>([]);
  const [reveal, setReveal] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [centre, setCentre] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<ReadonlySet<string> | null>(null);
  const [query, setQuery] = useState('');
  const [searchQuery, setSearchQuery] = useState('');
  const cyRef = useRef<Core | null>(null);

  const timeWindow = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const filter = {
    grouping,
    ...(platforms.length ? { platforms } : {}),
    ...(kinds.length < graphNodeKinds.length ? { kinds } : {}),
    ...(minSeverity ? { minSeverity } : {}),
    ...timeWindow,
    ...(expand.length ? { expand } : {}),
    ...(reveal.length ? { reveal } : {}),
  };
  const graph = useCall('graph.view', filter, caseId);
  const search = useCall('graph.search', { query: searchQuery || '-', limit: 20 }, [caseId, searchQuery]);
  const blastFrom = blastKinds.find((k) => params[k]);
  const blastInput = blastFrom ? { target: blastFrom, ref: params[blastFrom]!.slice(0, 1024), ...timeWindow } : null;
  const blast = useCall('graph.blastRadius', blastInput ?? { target: 'app', ref: '-' }, [caseId, blastInput ? 1 : 0]);
  const view = graph.value;
  const selectedNode = useMemo(() => view?.nodes.find((n) => n.id === selected) ?? null, [view, selected]);

  const openBlast = (target: (typeof blastKinds)[number], ref: string) => {
    const next: Record<string, string> = { [target]: ref };
    if (from) next.from = from;
    if (to) next.to = to;
    navigate('graph', next);
  };
  const closeBlast = () => {
    setHighlight(null);
    navigate('graph', {});
  };
  const showBlastInGraph = () => {
    const radius = blast.value;
    if (!radius) return;
    const ids = [
      ...radius.credentials.map((c) => `cred:${c.key}`),
      ...radius.apps.map((a) => `app:${a.key}`),
      ...radius.owners.map((o) => `owner:${o.key}`),
      ...radius.systems.map((s) => `sys:${s.key}`),
    ];
    setReveal(ids.slice(0, 2000));
    setHighlight(new Set(ids));
  };
  const expandNode = (id: string) => {
    const node = view?.nodes.find((n) => n.id === id);
    if (!node) return;
    if (node.group) setExpand((e) => (e.includes(id) ? e : [...e, id].slice(-200)));
    else setReveal((r) => (r.includes(id) ? r : [...r, id].slice(-2000)));
  };
  const focusNode = (id: string) => {
    setReveal((r) => (r.includes(id) ? r : [...r, id].slice(-2000)));
    setSelected(id);
    setHighlight(new Set([id]));
    setCentre(id);
  };
  const exportPng = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const bg = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#ffffff';
    downloadBlob(cy.png({ output: 'blob', full: true, bg, maxWidth: 8000, maxHeight: 8000 }), 'tokenscope-graph.png');
  };
  const exportJson = () => {
    if (!view) return;
    const positions = Object.fromEntries((cyRef.current?.nodes() ?? []).map((n) => [n.id(), n.position()]));
    const body = { exportedAt: new Date().toISOString(), filter, nodes: view.nodes.map((n) => ({ ...n, position: positions[n.id] ?? null })), edges: view.edges, truncated: view.truncated };
    downloadBlob(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), 'tokenscope-graph.json');
  };
  // No platform chosen means all of them; unticking one from "all" keeps the others.
  const togglePlatform = (p: string) =>
    setPlatforms((list) => {
      const all = view?.platforms ?? [];
      const current = list.length ? list : all;
      const next = current.includes(p) ? current.filter((x) => x !== p) : [...current, p];
      return next.length === all.length ? [] : next;
    });
  const toggleKind = (k: Kind) => setKinds((list) => (list.includes(k) ? list.filter((x) => x !== k) : [...list, k]));

  return (
    <div className="graph-layout">
      <div className="toolbar graph-toolbar">
        <label>
          Group by{' '}
          <select value={grouping} onChange={(e) => {
              setGrouping(e.target.value as Grouping);
              setExpand([]);
            }} data-testid="graph-grouping">
            {graphGroupings.map((g) => (
              <option key={g} value={g}>
                {g === 'none' ? 'nothing (every entity)' : g}
              </option>
            ))}
          </select>
        </label>
        <label>
          Layout{' '}
          <select value={layout} onChange={(e) => setLayout(e.target.value as LayoutMode)}>
            <option value="banded">bands (fast)</option>
            <option value="organic" disabled={(view?.nodes.length ?? 0) > ORGANIC_MAX_NODES}>
              organic (up to {ORGANIC_MAX_NODES} nodes)
            </option>
          </select>
        </label>
        <label>
          Findings at least{' '}
          <select value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as Severity | '')} data-testid="graph-severity">
            <option value="">any (show all)</option>
            {severities.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="text" className="graph-time" placeholder="2026-11-14" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From (UTC)" />
        </label>
        <label>
          To <input type="text" className="graph-time" placeholder="2026-11-15" value={to} onChange={(e) => setTo(e.target.value)} aria-label="To (UTC)" />
        </label>
        <form
          className="inline-form graph-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearchQuery(query.trim());
          }}
        >
          <input type="search" placeholder="Find a node by id or name" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Find a node by id or name" />
          <button type="submit">Find</button>
        </form>
        <button type="button" onClick={exportPng} disabled={!view}>
          Export PNG
        </button>
        <button type="button" onClick={exportJson} disabled={!view}>
          Export JSON
        </button>
      </div>

      <div className="toolbar graph-facets">
        <fieldset className="graph-fieldset">
          <legend>Platforms</legend>
          {(view?.platforms ?? []).map((p) => (
            <label key={p} className="graph-check">
              <input type="checkbox" checked={platforms.length === 0 || platforms.includes(p)} onChange={() => togglePlatform(p)} />
              {p}
            </label>
          ))}
        </fieldset>
        <fieldset className="graph-fieldset">
          <legend>Kinds</legend>
          {graphNodeKinds.map((k) => (
            <label key={k} className="graph-check">
              <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggleKind(k)} />
              {k}
            </label>
          ))}
        </fieldset>
        {expand.length || reveal.length ? (
          <button type="button" onClick={() => {
              setExpand([]);
              setReveal([]);
              setHighlight(null);
            }}>
            Collapse all
          </button>
        ) : null}
      </div>

      {/* useCall keeps the previous answer while a new one loads: show results only for this query. */}
      {searchQuery && search.value && !search.loading ? (
        <div className="search-results" data-testid="graph-search-results">
          {search.value.matches.length === 0 ? <p className="muted">Nothing matches.</p> : null}
          <ul>
            {search.value.matches.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    focusNode(m.id);
                    setSearchQuery('');
                  }}
                >
                  {m.label}
                </button>{' '}
                <span className="muted">
                  {m.kind}
                  {m.platform ? ` · ${m.platform}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {graph.error ? <p role="alert"><ErrorText code={graph.error.code} message={graph.error.message} /></p> : null}
      <Legend />
      <div className="graph-main">
        {view ? (
          <GraphCanvas view={view} layout={layout} highlight={highlight} selected={selected} centre={centre} onSelect={setSelected} onExpand={expandNode} cyRef={cyRef} />
        ) : (
          <p className="muted">{graph.loading ? 'Loading the graph…' : 'No graph.'}</p>
        )}
        <aside className="detail-panel graph-side" aria-label="Selected node">
          {view ? (
            <p className="muted" data-testid="graph-counts">
              {view.nodes.length.toLocaleString('en-US')} nodes, {view.edges.length.toLocaleString('en-US')} edges from {view.entityCount.toLocaleString('en-US')} entities
              {view.truncated ? ' (truncated: filter or group to see the rest)' : ''}
            </p>
          ) : null}
          {selectedNode ? <NodeDetail node={selectedNode} window={timeWindow} onExpand={() => expandNode(selectedNode.id)} onBlast={openBlast} /> : <p className="muted">Select a node for its details. Double-click a group to expand it.</p>}
        </aside>
      </div>
      {blastInput ? (
        blast.error ? (
          <p role="alert" data-testid="blast-error">
            <ErrorText code={blast.error.code} message={blast.error.message} />
          </p>
        ) : blast.value && !blast.loading ? (
          <BlastRadiusPanel radius={blast.value} onShowInGraph={showBlastInGraph} onClose={closeBlast} />
        ) : (
          <p className="muted">Computing the blast radius…</p>
        )
      ) : null}
    </div>
  );
}

function NodeDetail({
  node,
  window,
  onExpand,
  onBlast,
}: {
  node: GraphNode;
  window: { from?: string; to?: string };
  onExpand(): void;
  onBlast(target: 'app' | 'credential' | 'owner', ref: string): void;
}) {
  const blast = blastTargetOf(node);
  return (
    <div data-testid="graph-node-detail">
      <h2 className="panel-title">{node.label}</h2>
      <p className="muted">
        {node.group ? `group of ${node.count.toLocaleString('en-US')} ${node.kind}s` : node.kind}
        {node.platform ? ` · ${node.platform}` : ''}
        {node.risk ? ` · ${node.risk} risk` : ''}
        {node.findings ? ` · ${node.findings} open finding(s)` : ''}
      </p>
      <dl className="kv">
        {Object.entries(node.detail).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="inline-form">
        <button type="button" onClick={onExpand}>
          {node.group ? 'Expand group' : 'Show neighbours'}
        </button>
        {blast ? (
          <button type="button" className="primary" onClick={() => onBlast(blast.target, blast.ref)}>
            Blast radius
          </button>
        ) : null}
      </div>
      <nav className="inline-form" aria-label="Open in other views">
        {clickThrough(node, window).map((link) => (
          <button key={link.target} type="button" className="link-button" onClick={() => navigate(link.target, link.params)}>
            {link.label}
          </button>
        ))}
      </nav>
    </div>
  );
}
