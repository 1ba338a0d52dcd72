/**
 * The renderer's only door to the backend. Features import from here; nothing else in the
 * renderer knows that IPC or HTTP exist.
 */
import type { Envelope, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { api, setConnectionListener } from './client-instance';
import { useNoticesStore } from './notices-store';
import { useSessionStore } from './session-store';

export { api, transportKind } from './client-instance';
export { useCall, type CallState } from './use-call';
export { useNoticesStore, type Notice } from './notices-store';
export { useSessionStore, type CrashReport, type JobEntry } from './session-store';

/** Call a method; on failure the error also goes to the notice region, labelled with `context`. */
export async function callOrReport<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  context: string,
): Promise<Envelope<MethodOutput<M>>> {
  const result = await api.invoke(method, input);
  if (!result.ok) useNoticesStore.getState().report(result.error, context);
  return result;
}

/** Refresh what the status bar shows: at start, after a restart, after the event stream reconnects. */
export async function refreshSession(): Promise<void> {
  const [info, current] = await Promise.all([
    callOrReport('app.info', {}, 'Connecting to the backend'),
    callOrReport('case.current', {}, 'Reading the open case'),
  ]);
  const session = useSessionStore.getState();
  if (info.ok) session.setAppInfo(info.value);
  if (current.ok) session.setCurrentCase(current.value);
}

let started = false;

/** Subscribe to backend events and load the initial state; idempotent. */
export function startSession(): void {
  if (started) return;
  started = true;
  api.onEvent((event) => {
    useSessionStore.getState().applyEvent(event);
    if (event.event === 'backend.state' && event.payload.state === 'ready') void refreshSession();
  });
  void refreshSession();
}

let everDisconnected = false;
setConnectionListener((connected) => onConnection(connected));
function onConnection(connected: boolean): void {
  const previous = useSessionStore.getState().hostConnected;
  useSessionStore.getState().setHostConnected(connected);
  if (!connected) everDisconnected = true;
  // Events sent while the stream was down are lost: re-read the state when it comes back.
  if (connected && previous === false && everDisconnected) void refreshSession();
}
