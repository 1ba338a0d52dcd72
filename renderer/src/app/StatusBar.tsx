import { useEffect } from 'react';
import { transportKind, useSessionStore, type JobEntry } from '../api';
import { barOf, describeJob } from '../lib/progress';

const stateLabels: Record<string, string> = {
  starting: 'starting',
  ready: 'ready',
  crashed: 'crashed',
  restarting: 'restarting',
  stopped: 'stopped',
};

/** Always visible: which case is open and whether the backend is healthy. */
export function StatusBar() {
  const { currentCase, backend, appInfo, hostConnected, jobs, sweepJobs } = useSessionStore();
  const running = Object.values(jobs);
  const anyRunning = running.length > 0;
  useEffect(() => {
    if (!anyRunning) return;
    const timer = window.setInterval(() => sweepJobs(Date.now()), 5_000);
    return () => window.clearInterval(timer);
  }, [anyRunning, sweepJobs]);
  const noToken = transportKind === 'none';
  const state = noToken || hostConnected === false ? 'disconnected' : (backend?.state ?? 'connecting');
  const message = noToken
    ? 'No access token: open the full URL printed by `npm run web`'
    : hostConnected === false
      ? 'Lost contact with the Tokenscope host; reconnecting…'
      : (backend?.message ?? 'Connecting to the backend…');
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-item" data-testid="status-case">
        <span className="status-key">Case</span>{' '}
        {currentCase ? <strong>{currentCase.name}</strong> : <span className="muted">No case open</span>}
      </span>
      <span className="status-item" data-testid="status-backend" data-state={state} role="status">
        <span className={`status-dot state-${state}`} aria-hidden="true" />
        <span className="status-key">Backend</span> <span className="status-state">{stateLabels[state] ?? state}</span>
        {/* "ready — Backend ready" says nothing twice; after a restart the message is worth keeping. */}
        {message !== 'Backend ready' ? (
          <span className="status-message" title={message}>
            {' — '}
            {message}
          </span>
        ) : null}
      </span>
      {running.map((job) => (
        <span key={job.jobId} className="status-item status-job" data-testid="status-job">
          <JobBar job={job} />
          <span>{describeJob(job)}</span>
        </span>
      ))}
      <span className="status-item status-meta muted">
        {appInfo ? `Tokenscope ${appInfo.version} · DuckDB ${appInfo.duckdbVersion}` : ''}
        {transportKind === 'http' ? ' · browser' : ''}
      </span>
    </footer>
  );
}

function JobBar({ job }: { job: JobEntry }) {
  const bar = barOf(job);
  // Without a total the bar is indeterminate (no value attribute), which browsers animate.
  return bar ? <progress max={bar.max} value={bar.value} aria-label={job.label} /> : <progress aria-label={job.label} />;
}
