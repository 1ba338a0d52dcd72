/**
 * `npm run web`: the workbench in a browser, for machines where Electron cannot start.
 * Prints the URL to open; the token rides in the URL fragment and is never served by any route.
 */
import { parseArgs } from 'node:util';
import { defaultWorkspaceDirFor } from '../core/cases/default-workspace';
import { startWebHost } from './web-host';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    workspace: { type: 'string' },
    'open-sample': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: false,
});

if (values.help) {
  console.log(`Usage: npm run web -- [--port N] [--workspace DIR] [--open-sample]

Serves the Tokenscope workbench on 127.0.0.1 and prints a URL with a one-time token.
  --port N          listen on port N (default: a random free port)
  --workspace DIR   where cases are created (default: $TOKENSCOPE_WORKSPACE or ~/Tokenscope)
  --open-sample     open the bundled sample case (built from sample-data/ on first use)`);
  process.exit(0);
}

const host = await startWebHost({
  workspaceDir: values.workspace ?? defaultWorkspaceDirFor(process.env),
  ...(values.port ? { port: Number(values.port) } : {}),
});
if (values['open-sample']) {
  console.log('Opening the sample case (the first time, this imports sample-data/)…');
  const opened = await host.supervisor.invoke('case.openSample', {}, 'host');
  console.log(opened.ok ? 'Sample case open.' : `The sample case could not be opened: ${opened.error.message}`);
}
console.log(`Tokenscope is running. Open this URL in Chromium or another browser:\n\n  ${host.launchUrl}\n\nPress Ctrl+C to stop.`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
