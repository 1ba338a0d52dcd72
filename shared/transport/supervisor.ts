import { fail, type AnyEvent, type BackendState, type Envelope, type MethodName } from '../contract';
import { Listeners } from './api';
import { isBackendToHost, type BackendToHost, type Caller, type HostToBackend } from './messages';

/** The host's handle on one backend process; Electron and Node each provide one. */
export interface BackendPort {
  readonly pid: number | undefined;
  send(message: HostToBackend): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: { code: number | null; signal: string | null }) => void): void;
  kill(): void;
}

export type SpawnBackend = () => BackendPort;

interface Pending {
  method: string;
  resolve: (envelope: Envelope<unknown>) => void;
}

export interface SupervisorOptions {
  spawn: SpawnBackend;
  /** Give up restarting after this many crashes inside `restartWindowMs`. */
  maxRestarts?: number;
  restartWindowMs?: number;
  log?: (line: string) => void;
}

/**
 * Keeps one backend process alive for a host. If the process dies (a native crash on hostile
 * input, an OOM kill), calls in flight get a BACKEND_CRASHED envelope, the UI hears why, a new
 * process starts, and the case that was open is reopened.
 */
export class BackendSupervisor {
  private port: BackendPort | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly events = new Listeners<AnyEvent>();
  private crashes: number[] = [];
  private restarts = 0;
  private openCaseId: string | null = null;
  private stopped = false;
  private state: BackendState = { state: 'stopped', message: 'Backend not started', restarts: 0 };

  constructor(private readonly options: SupervisorOptions) {}

  get backendState(): BackendState {
    return this.state;
  }

  get pid(): number | undefined {
    return this.port?.pid;
  }

  onEvent(listener: (event: AnyEvent) => void): () => void {
    return this.events.add(listener);
  }

  start(): Promise<void> {
    this.stopped = false;
    if (!this.ready) {
      this.ready = this.launch('Starting backend').then(() =>
        this.setState({ state: 'ready', message: 'Backend ready', restarts: this.restarts }),
      );
    }
    return this.ready;
  }

  async invoke(method: MethodName | string, input: unknown, caller: Caller): Promise<Envelope<unknown>> {
    if (this.stopped) return fail('BACKEND_UNAVAILABLE', 'The backend is stopped.');
    try {
      await this.start();
    } catch (error) {
      return fail('BACKEND_UNAVAILABLE', `The backend could not start: ${describe(error)}`);
    }
    const port = this.port;
    if (!port) return fail('BACKEND_UNAVAILABLE', 'The backend is not running.');
    const id = this.nextId++;
    return new Promise<Envelope<unknown>>((resolve) => {
      this.pending.set(id, { method, resolve });
      try {
        port.send({ type: 'call', id, method, input, caller });
      } catch (error) {
        this.pending.delete(id);
        resolve(fail('BAD_REQUEST', `The call could not be sent to the backend: ${describe(error)}`));
      }
    });
  }

  /** Stop for good (host shutting down). */
  stop(): void {
    this.stopped = true;
    const port = this.port;
    this.port = undefined;
    this.ready = undefined;
    port?.kill();
    this.setState({ state: 'stopped', message: 'Backend stopped', restarts: this.restarts });
  }

  private launch(reason: string): Promise<void> {
    this.setState({ state: this.restarts > 0 ? 'restarting' : 'starting', message: reason, restarts: this.restarts });
    const port = this.options.spawn();
    this.port = port;
    return new Promise<void>((resolve, reject) => {
      let isReady = false;
      port.onMessage((raw) => {
        if (!isBackendToHost(raw)) return;
        if (raw.type === 'ready') {
          isReady = true;
          resolve();
          return;
        }
        this.receive(raw);
      });
      port.onExit((exit) => {
        if (this.port !== port) return; // an old process we already replaced or stopped
        this.port = undefined;
        this.ready = undefined;
        if (!isReady) reject(new Error(`backend exited before it was ready (${exitText(exit)})`));
        if (!this.stopped) this.handleCrash(exit);
      });
    });
  }

  private receive(message: Exclude<BackendToHost, { type: 'ready' }>): void {
    if (message.type === 'event') {
      if (message.event.event === 'case.changed') this.openCaseId = message.event.payload.current?.id ?? null;
      this.events.emit(message.event);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    pending.resolve(message.envelope);
  }

  private handleCrash(exit: { code: number | null; signal: string | null }): void {
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    const during = inFlight.length ? ` during ${inFlight.map((p) => p.method).join(', ')}` : '';
    const what = `The backend process stopped unexpectedly (${exitText(exit)})${during}.`;
    for (const call of inFlight) {
      call.resolve(fail('BACKEND_CRASHED', `${what} The call did not complete; the backend has been restarted.`));
    }
    const now = Date.now();
    const window = this.options.restartWindowMs ?? 60_000;
    this.crashes = [...this.crashes.filter((t) => now - t < window), now];
    this.options.log?.(what);
    if (this.crashes.length > (this.options.maxRestarts ?? 5)) {
      this.stopped = true;
      this.setState({ state: 'crashed', message: `${what} It crashed too often and was not restarted.`, restarts: this.restarts });
      return;
    }
    this.setState({ state: 'crashed', message: what, restarts: this.restarts });
    this.restarts += 1;
    const caseToReopen = this.openCaseId;
    this.ready = this.launch(`${what} Restarting.`);
    this.ready
      .then(async () => {
        let message = `${what} Restarted.`;
        if (caseToReopen) {
          const reopened = await this.invoke('case.open', { caseId: caseToReopen }, 'host');
          message += reopened.ok ? ' The open case was reopened.' : ` The case could not be reopened: ${reopened.error.message}`;
        }
        this.setState({ state: 'ready', message, restarts: this.restarts });
      })
      .catch((error: unknown) => this.options.log?.(`restart failed: ${describe(error)}`));
  }

  private setState(state: BackendState): void {
    this.state = state;
    this.events.emit({ event: 'backend.state', payload: state });
  }
}

function exitText(exit: { code: number | null; signal: string | null }): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
