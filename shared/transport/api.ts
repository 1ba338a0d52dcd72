import type { AnyEvent, Envelope, MethodInput, MethodName, MethodOutput } from '../contract';

/** What the UI (and the contract test suite) sees, whatever the transport underneath. */
export interface Api {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>>;
  onEvent(listener: (event: AnyEvent) => void): () => void;
}

/** A tiny listener set; events fan out to every subscriber, and a throwing listener does not stop the rest. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        console.error('event listener failed', error);
      }
    }
  }
}
