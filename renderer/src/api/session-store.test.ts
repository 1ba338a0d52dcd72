import { beforeEach, describe, expect, it } from 'vitest';
import { useSessionStore } from './session-store';

const caseInfo = {
  id: '0123456789abcdef',
  name: 'Drift',
  fileName: 'drift.tokenscope',
  createdAt: '2026-11-25T00:00:00Z',
  toolVersion: '0.1.0',
  schemaVersion: 4,
  sample: false,
};

describe('session store (what the status bar and crash banner show)', () => {
  const initial = useSessionStore.getState();
  beforeEach(() => useSessionStore.setState(initial, true));
  const apply = useSessionStore.getState().applyEvent;

  it('follows the open case', () => {
    apply({ event: 'case.changed', payload: { current: caseInfo } });
    expect(useSessionStore.getState().currentCase).toEqual(caseInfo);
    apply({ event: 'case.changed', payload: { current: null } });
    expect(useSessionStore.getState().currentCase).toBeNull();
  });

  it('keeps a crash on screen through the restart and records how it recovered', () => {
    apply({ event: 'backend.state', payload: { state: 'crashed', message: 'stopped (signal SIGKILL)', restarts: 0 } });
    apply({ event: 'backend.state', payload: { state: 'restarting', message: 'Restarting', restarts: 1 } });
    expect(useSessionStore.getState().crash).toEqual({ message: 'stopped (signal SIGKILL)', recovered: null });
    apply({ event: 'backend.state', payload: { state: 'ready', message: 'Restarted. The open case was reopened.', restarts: 1 } });
    expect(useSessionStore.getState().crash).toEqual({ message: 'stopped (signal SIGKILL)', recovered: 'Restarted. The open case was reopened.' });
    expect(useSessionStore.getState().backend?.state).toBe('ready');
    apply({ event: 'backend.state', payload: { state: 'crashed', message: 'Stopped (exit code 9).', restarts: 1 } });
    apply({ event: 'backend.state', payload: { state: 'ready', message: 'Stopped (exit code 9). Restarted.', restarts: 2 } });
    expect(useSessionStore.getState().crash).toEqual({ message: 'Stopped (exit code 9).', recovered: 'Restarted.' });
    useSessionStore.getState().dismissCrash();
    expect(useSessionStore.getState().crash).toBeNull();
  });

  it('tracks running jobs, drops finished ones, and forgets all of them when the backend crashes', () => {
    const job = { jobId: 'j1', label: 'Importing okta.json', done: 10, total: 100, unit: 'bytes' as const };
    apply({ event: 'job.progress', payload: job });
    apply({ event: 'job.progress', payload: { ...job, jobId: 'j2' } });
    apply({ event: 'job.progress', payload: { ...job, jobId: 'j2', unit: 'records', done: 99, total: null } });
    expect(Object.keys(useSessionStore.getState().jobs)).toEqual(['j1', 'j2']);
    expect(useSessionStore.getState().jobs.j2?.parts).toEqual({ bytes: { done: 10, total: 100 }, records: { done: 99, total: null } });
    apply({ event: 'job.progress', payload: { ...job, done: 100 } });
    expect(Object.keys(useSessionStore.getState().jobs)).toEqual(['j2']);
    useSessionStore.getState().sweepJobs(Date.now() + 3_600_000);
    expect(useSessionStore.getState().jobs).toEqual({});
    apply({ event: 'job.progress', payload: { ...job, jobId: 'j3' } });
    apply({ event: 'backend.state', payload: { state: 'crashed', message: 'gone', restarts: 0 } });
    expect(useSessionStore.getState().jobs).toEqual({});
  });

  it('counts the backend as ready once app.info answers, if no state event came first', () => {
    useSessionStore.getState().setAppInfo({ name: 'Tokenscope', version: '0.1.0', duckdbVersion: 'v1.5.6', schemaVersion: 4, sampleAvailable: true });
    expect(useSessionStore.getState().backend?.state).toBe('ready');
  });
});
