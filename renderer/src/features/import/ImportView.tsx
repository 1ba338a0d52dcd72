import { useRef, useState, type DragEvent } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { api, useCall, useSessionStore } from '../../api';
import { navigate, useRoute } from '../../app/use-route';
import { ErrorText } from '../../components/ErrorText';
import { NoCaseOpen } from '../../components/NoCaseOpen';
import { ViewHeader } from '../../components/ViewHeader';
import '../../components/investigation.css';
import { formatBytes } from '../../lib/format';
import { RejectsBrowser } from './RejectsBrowser';
import type { ColumnMapping } from '../../../../shared/contract/methods/upload';
import { ColumnMapper, initialMapping, usable } from './ColumnMapper';
import { sendFiles, unrecognised, type FileProgress, type Inspection, type SentFile, type UploadRun } from './upload-files';

const purpose = 'Import reads exported logs and inventories (JSON, NDJSON, CSV, gzip) into the case, with a manifest of every file: hash, source, counts and rejected records.';

export function ImportView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  return (
    <section className="view view-wide" aria-label="Import">
      <ViewHeader title="Import" subtitle="Evidence in: every file hashed, every record loaded or rejected with a reason." />
      {currentCase ? <ImportBody caseId={currentCase.id} /> : <NoCaseOpen purpose={purpose} />}
    </section>
  );
}

function ImportBody({ caseId }: { caseId: string }) {
  const { params } = useRoute();
  const [version, setVersion] = useState(0);
  const manifest = useCall('evidence.list', {}, [caseId, version]);
  const [progress, setProgress] = useState<FileProgress[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [result, setResult] = useState<MethodOutput<'upload.import'> | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const run = useRef<UploadRun>({ cancelled: false });
  const input = useRef<HTMLInputElement>(null);
  const jobs = useSessionStore((s) => s.jobs);
  const importJob = Object.values(jobs)[0];

  // Files sent but not imported yet, waiting for the analyst to map unrecognised ones.
  const [pending, setPending] = useState<{ sent: SentFile[]; unknown: { file: SentFile; inspection: Inspection }[] } | null>(null);
  const [mappings, setMappings] = useState<Record<string, ColumnMapping>>({});

  const finish = async (sent: SentFile[], chosen: Record<string, ColumnMapping>) => {
    setPending(null);
    setBusy(true);
    const answer = await api.invoke('upload.import', { uploadIds: sent.map((f) => f.uploadId), ...(Object.keys(chosen).length ? { mappings: chosen } : {}) });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
    setVersion((v) => v + 1);
  };
  const start = async (files: File[]) => {
    if (!files.length || busy) return;
    run.current = { cancelled: false };
    setBusy(true);
    setResult(null);
    setError(null);
    const sent = await sendFiles(files, run.current, setProgress);
    if (!sent.ok) {
      setBusy(false);
      setError(sent.error);
      return;
    }
    const unknown = await unrecognised(sent.value);
    setBusy(false);
    if (unknown.length) {
      setMappings(Object.fromEntries(unknown.map((u) => [u.file.uploadId, initialMapping(u.inspection)]).filter(([, m]) => usable(m as ColumnMapping))));
      setPending({ sent: sent.value, unknown });
      return;
    }
    await finish(sent.value, {});
  };
  const cancel = async () => {
    run.current.cancelled = true;
    await api.invoke('upload.cancel', {});
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void start([...e.dataTransfer.files]);
  };
  const fileId = params.file ? Number(params.file) : null;

  return (
    <div className="inventory-main">
      <div
        className={`drop-zone${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>Drop exported logs and inventories here (JSON, NDJSON, CSV, .gz), or</p>
        <input
          ref={input}
          id="import-files"
          type="file"
          multiple
          className="visually-hidden"
          onChange={(e) => {
            void start([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <button type="button" className="primary" onClick={() => input.current?.click()} disabled={busy}>
          Choose files…
        </button>
        <p className="muted">Files go into this case only; nothing leaves this machine.</p>
      </div>
      {progress.length ? (
        <section className="panel detail-panel" aria-label="Import progress">
          <p className="panel-title">{busy ? 'Importing…' : 'Last import'}</p>
          <table className="data-table">
            <tbody>
              {progress.map((p, i) => (
                <tr key={i}>
                  <th scope="row">{p.name}</th>
                  <td>
                    <progress max={Math.max(1, p.bytes)} value={p.sent} aria-label={`Sent ${p.name}`} />
                  </td>
                  <td className="numeric">
                    {formatBytes(p.sent)} / {formatBytes(p.bytes)}
                  </td>
                  <td>{p.state}</td>
                  <td className="row-problem">{p.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {busy && importJob ? <p className="muted">{importJob.label}</p> : null}
          {busy ? (
            <button type="button" onClick={() => void cancel()}>
              Cancel import
            </button>
          ) : null}
        </section>
      ) : null}
      {pending ? (
        <>
          {pending.unknown.map(({ file, inspection }) => (
            <ColumnMapper
              key={file.uploadId}
              file={file}
              inspection={inspection}
              onChange={(m) =>
                setMappings((all) => {
                  const next = { ...all };
                  if (m) next[file.uploadId] = m;
                  else delete next[file.uploadId];
                  return next;
                })
              }
            />
          ))}
          <div className="inline-form">
            <button type="button" className="primary" onClick={() => void finish(pending.sent, mappings)}>
              Import {pending.sent.length} file(s)
            </button>
            <button
              type="button"
              onClick={() => {
                setPending(null);
                void api.invoke('upload.cancel', {});
              }}
            >
              Cancel
            </button>
          </div>
        </>
      ) : null}
      {error ? <ErrorText code={error.code} message={error.message} /> : null}
      {result ? (
        <p role="status" data-testid="import-result">
          Imported {result.files.filter((f) => f.status === 'imported').length} of {result.files.length} files:{' '}
          {result.files.map((f) => `${f.path.split(/[\\/]/).pop() ?? f.path} — ${f.status} (${f.recordsLoaded} loaded, ${f.recordsRejected} rejected${f.reason ? `; ${f.reason}` : ''})`).join('; ')}
        </p>
      ) : null}
      <p className="group-title">Evidence manifest</p>
      {manifest.error ? <ErrorText code={manifest.error.code} message={manifest.error.message} /> : null}
      <table className="data-table" aria-label="Evidence manifest" data-testid="manifest">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Source</th>
            <th scope="col">Shape / parser</th>
            <th scope="col">SHA-256</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col" className="numeric">
              Records
            </th>
            <th scope="col" className="numeric">
              Loaded
            </th>
            <th scope="col" className="numeric">
              Rejected
            </th>
            <th scope="col" className="numeric">
              Events
            </th>
            <th scope="col">Imported (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {(manifest.value?.files ?? []).map((f) => (
            <tr key={f.fileId} className={fileId === f.fileId ? 'is-current' : undefined}>
              <th scope="row" title={f.path}>
                {f.fileName}
                {f.warnings.length ? <div className="row-problem">{f.warnings.join('; ')}</div> : null}
              </th>
              <td>{f.source}</td>
              <td>
                {f.shape} / {f.parser} {f.parserVersion}
              </td>
              <td className="mono" title={f.sha256}>
                {f.sha256.slice(0, 12)}…
              </td>
              <td className="numeric">{formatBytes(f.bytes)}</td>
              <td className="numeric">{f.recordsSeen.toLocaleString('en-US')}</td>
              <td className="numeric">{f.recordsLoaded.toLocaleString('en-US')}</td>
              <td className="numeric">
                {f.recordsRejected ? (
                  <button type="button" className="link-button" onClick={() => navigate('import', { file: String(f.fileId) })}>
                    {f.recordsRejected.toLocaleString('en-US')}
                  </button>
                ) : (
                  0
                )}
              </td>
              <td className="numeric">{f.eventsLoaded.toLocaleString('en-US')}</td>
              <td>{f.importedAt.replace('T', ' ').replace('Z', '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {manifest.value && manifest.value.files.length === 0 ? <p className="muted">No evidence yet.</p> : null}
      {manifest.value?.skipped.length ? (
        <>
          <p className="group-title">Not imported</p>
          <table className="data-table" aria-label="Files not imported">
            <tbody>
              {manifest.value.skipped.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{s.path.split(/[\\/]/).pop()}</th>
                  <td>{s.status}</td>
                  <td>
                    <code>{s.reasonCode}</code> {s.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {manifest.value?.enrichment.length ? <p className="muted">IP enrichment: {manifest.value.enrichment.join('; ')}</p> : null}
      {fileId !== null && Number.isInteger(fileId) && fileId > 0 ? <RejectsBrowser key={fileId} fileId={fileId} caseId={caseId} /> : null}
    </div>
  );
}
