#!/usr/bin/env node
// The `tokenscope` command: runs the TypeScript CLI through tsx, so a clean `npm ci` is enough.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
