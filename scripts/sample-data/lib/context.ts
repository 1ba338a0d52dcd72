import type { Catalog } from './catalog';
import type { Output } from './output';
import type { Rng } from './prng';
import type { Employee } from './world';

/** What each platform writer gets: its own random stream, the company, and the shared collectors. */
export interface GenContext {
  readonly rng: Rng;
  readonly people: readonly Employee[];
  readonly catalog: Catalog;
  readonly out: Output;
}
