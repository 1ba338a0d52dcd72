import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../shared/contract';
import { Backend } from '../core/backend';

/** The CLI's backend: same router, same handlers, in this process. Its workspace is scratch space. */
export function inProcessBackend(): Backend {
  const workspaceDir = process.env.TOKENSCOPE_WORKSPACE ?? mkdtempSync(join(tmpdir(), 'tokenscope-cli-'));
  return new Backend({ workspaceDir });
}

/** Turn an envelope into a value or a thrown Error carrying the contract's message and code. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new Error(`${envelope.error.message} [${envelope.error.code}]`);
}
