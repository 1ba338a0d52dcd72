/**
 * `tokenscope` command line. It runs the backend in-process (no second process, no Electron)
 * and talks to it through the same router and contract the UI uses.
 */
import { commands, usage } from './commands';

const [name, ...rest] = process.argv.slice(2);

if (!name || name === '--help' || name === '-h' || name === 'help') {
  console.log(usage());
  process.exit(0);
}
if (name === '--version' || name === '-v') {
  const { toolVersion } = await import('../core/version');
  console.log(toolVersion);
  process.exit(0);
}
const command = commands.find((c) => c.name === name);
if (!command) {
  console.error(`tokenscope: unknown command "${name}". Run \`tokenscope --help\` for the list.`);
  process.exit(2);
}
try {
  process.exitCode = await command.run(rest);
} catch (error) {
  console.error(`tokenscope ${name}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
