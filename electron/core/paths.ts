import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: where package.json, the SQL migrations, the detection catalog and the
 * sample data live. In development that is the repository; in a packaged app it is app.asar.
 */
function findRoot(): string {
  if (process.env.TOKENSCOPE_ROOT) return process.env.TOKENSCOPE_ROOT;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Tokenscope: cannot find the application root (package.json)');
    dir = parent;
  }
}

export const appRoot = findRoot();

export function resourcePath(...segments: string[]): string {
  return join(appRoot, ...segments);
}
