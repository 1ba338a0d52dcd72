import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where cases live unless told otherwise: $TOKENSCOPE_WORKSPACE, else ~/Tokenscope. */
export function defaultWorkspaceDirFor(env: NodeJS.ProcessEnv): string {
  return env.TOKENSCOPE_WORKSPACE ?? join(homedir(), 'Tokenscope');
}
