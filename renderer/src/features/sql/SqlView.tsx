import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { api, callOrReport, useCall, useSessionStore } from '../../api';
import { useRoute, navigate } from '../../app/use-route';
import { ErrorText } from '../../components/ErrorText';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';
import { cellText, decodeArrowRows, utcSecond, type Row } from '../../components/grid/arrow-rows';
import { VirtualGrid, type GridColumn } from '../../components/grid/VirtualGrid';
import '../../components/investigation.css';

const purpose = 'The SQL console runs read-only queries over the case’s documented tables and views, with saved and built-in hunting queries.';

const DEFAULT_SQL = `SELECT platform, credential_type, count(*) AS credentials
FROM v_credentials
GROUP BY ALL
ORDER BY credentials DESC`;

type RunResult = MethodOutput<'sql.run'>;

export function SqlView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view view-wide" aria-label="SQL">
      <ViewHeader title="SQL" subtitle="Read-only queries over the case: one SELECT or WITH at a time, capped and time-limited." />
      {currentCase ? <SqlBody caseId={currentCase.id} /> : <NoCaseOpen purpose={purpose} />}
    </section>
  );
}

function resultColumns(result: RunResult): GridColumn<Row>[] {
  return result.columns.map((c) => {
    const isTime = /^(TIMESTAMP|DATE)/.test(c.type);
    const numeric = /INT|DOUBLE|FLOAT|DECIMAL|HUGEINT/.test(c.type) && !c.type.endsWith('[]');
    return {
      id: c.name,
      label: c.name,
      width: Math.min(360, Math.max(90, c.name.length * 9 + 24, isTime ? 150 : 0)),
      numeric,
      sortable: false,
      render: (r: Row) => (isTime ? utcSecond(r[c.name]) : cellText(r[c.name])),
      title: (r: Row) => (isTime ? utcSecond(r[c.name]) : cellText(r[c.name])),
    };
  });
}

function SqlBody({ caseId }: { caseId: string }) {
  const { params } = useRoute();
  const [sql, setSql] = useState(params.q ?? DEFAULT_SQL);
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [running, setRunning] = useState(false);
  const [saveName, setSaveName] = useState('');
  const [savedVersion, setSavedVersion] = useState(0);
  const builtins = useCall('sql.builtins', {}, caseId);
  const saved = useCall('sql.savedList', {}, [caseId, savedVersion]);
  const tables = useCall('sql.tables', {}, caseId);
  const rows = useMemo(() => (result ? decodeArrowRows(result.arrow).rows : []), [result]);
  const columns = useMemo(() => (result ? resultColumns(result) : []), [result]);

  const run = async (text = sql) => {
    setRunning(true);
    // The query goes in the URL so back/forward and a reload bring it back.
    navigate('sql', { q: text });
    const answer = await api.invoke('sql.run', { sql: text, maxRows: 5000, timeoutMs: 15_000 });
    setRunning(false);
    if (answer.ok) {
      setResult(answer.value);
      setError(null);
    } else {
      setError(answer.error);
    }
  };
  const save = async () => {
    if (!saveName.trim()) return;
    const answer = await callOrReport('sql.save', { name: saveName.trim(), sql }, 'Saving the query');
    if (answer.ok) {
      setSaveName('');
      setSavedVersion((v) => v + 1);
    }
  };
  const load = (text: string) => {
    setSql(text);
    void run(text);
  };

  return (
    <div className="sql-layout">
      <aside className="sql-side" aria-label="Queries and tables">
        <section>
          <p className="group-title">Hunting queries</p>
          <ul>
            {(builtins.value?.queries ?? []).map((q) => (
              <li key={q.id}>
                <button type="button" className="link-button" title={q.description} onClick={() => load(q.sql)}>
                  {q.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <p className="group-title">Saved in this case</p>
          {saved.value?.queries.length === 0 ? <p className="muted">None yet.</p> : null}
          <ul data-testid="saved-queries">
            {(saved.value?.queries ?? []).map((q) => (
              <li key={q.id}>
                <button type="button" className="link-button" onClick={() => load(q.sql)}>
                  {q.name}
                </button>{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Delete saved query ${q.name}`}
                  onClick={() => void callOrReport('sql.deleteSaved', { id: q.id }, 'Deleting the query').then(() => setSavedVersion((v) => v + 1))}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <p className="group-title">Tables and views</p>
          <ul>
            {(tables.value?.tables ?? []).map((t) => (
              <li key={t.name}>
                <details>
                  <summary className="mono">
                    {t.name} <span className="muted">{t.kind}</span>
                  </summary>
                  <span className="muted mono">{t.columns.join(', ')}</span>
                </details>
              </li>
            ))}
          </ul>
        </section>
      </aside>
      <div className="inventory-main">
        <label className="visually-hidden" htmlFor="sql-editor">
          SQL query
        </label>
        <textarea
          id="sql-editor"
          className="sql-editor"
          spellCheck={false}
          value={sql}
          onChange={(e) => setSql(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run();
            }
          }}
        />
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void run()} disabled={running}>
            {running ? 'Running…' : 'Run (Ctrl+Enter)'}
          </button>
          <span className="toolbar-count" data-testid="sql-status" aria-live="polite">
            {result ? `${result.rowCount.toLocaleString('en-US')} rows${result.truncated ? ' (capped)' : ''} · ${result.tookMs} ms` : ''}
          </span>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label className="visually-hidden" htmlFor="sql-save-name">
              Name to save this query as
            </label>
            <input id="sql-save-name" placeholder="Save as…" value={saveName} onChange={(e) => setSaveName(e.target.value)} />
            <button type="submit">Save</button>
          </form>
        </div>
        {error ? (
          <p role="alert" data-testid="sql-error">
            <ErrorText code={error.code} message={error.message} />
          </p>
        ) : null}
        {result ? (
          <VirtualGrid label="Query results" testId="sql-grid" columns={columns} rowCount={rows.length} getRow={(i) => rows[i]} height="calc(100vh - 420px)" />
        ) : null}
      </div>
    </div>
  );
}
