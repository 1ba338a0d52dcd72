/**
 * Loads the built main bundle against fake-electron.mjs, drives what a window would do, and
 * prints one JSON report on stdout. Run by test/electron/main-bundle.test.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [mainPath] = process.argv.slice(2);
await import(pathToFileURL(mainPath).href);
const fake = globalThis.__fakeElectron;

async function until(predicate, what, ms = 30_000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const report = {};
await until(() => fake.windows.length === 1, 'the window');
await until(() => fake.sent.some((s) => s.payload?.event === 'backend.state' && s.payload.payload.state === 'ready'), 'backend ready');

const win = fake.windows[0];
const invoke = fake.handlers['tokenscope:invoke'];
const trusted = { senderFrame: win.webContents.mainFrame, sender: { id: win.webContents.id } };
const iframe = { senderFrame: { url: 'about:blank', parent: win.webContents.mainFrame, processId: 11, routingId: 2 }, sender: { id: win.webContents.id } };

report.calls = [...fake.calls];
report.channels = Object.keys(fake.handlers);
report.privileged = fake.privileged;
report.protocols = Object.keys(fake.protocols);
report.forks = fake.forks;
report.loadedUrl = win.loadedUrl ?? null;
report.loadedFile = win.loadedFile ?? null;
report.webPreferences = win.options.webPreferences;
report.preloadExists = existsSync(win.options.webPreferences.preload);
report.menu = fake.menu?.template.map((m) => ({ label: m.label, items: (m.submenu ?? []).map((i) => i.label ?? i.role ?? i.type) }));

report.appInfo = await invoke(trusted, 'app.info', {});
report.fromIframe = await invoke(iframe, 'app.info', {});
report.fromNullFrame = await invoke({ senderFrame: null, sender: { id: win.webContents.id } }, 'app.info', {});
report.hostOnly = await invoke(trusted, 'case.openPath', { path: '/etc/passwd' });
report.created = await invoke(trusted, 'case.create', { name: 'Bundle smoke' });
await until(() => win.title !== undefined, 'window title after case.changed', 5_000).catch(() => undefined);
report.title = win.title ?? null;
report.caseChangedSent = fake.sent.some((s) => s.channel === 'tokenscope:event' && s.payload?.event === 'case.changed');

// Kill the backend the way a native crash would: the supervisor must tell the window, restart it
// through utilityProcess.fork again, and reopen the open case.
const firstChild = fake.children[0];
const sentBefore = fake.sent.length;
firstChild.kill('SIGKILL');
await until(() => fake.children.length === 2, 'a second backend process');
await until(
  () => fake.sent.slice(sentBefore).some((s) => s.payload?.event === 'backend.state' && s.payload.payload.state === 'ready'),
  'backend ready again',
);
report.crashStates = fake.sent
  .slice(sentBefore)
  .filter((s) => s.payload?.event === 'backend.state')
  .map((s) => ({ state: s.payload.payload.state, restarts: s.payload.payload.restarts, message: s.payload.payload.message }));
report.afterRestart = await invoke(trusted, 'case.current', {});

// File > Import Evidence Files… on the reopened case: main's dialog → evidence.importPaths (host) → summary dialog.
const findItem = (label) => fake.menu?.template.flatMap((m) => m.submenu ?? []).find((i) => i.label === label);
await until(() => findItem('Import Evidence Files…')?.enabled === true, 'the import menu item enabled');
const evidenceDir = join(process.env.TOKENSCOPE_WORKSPACE, 'evidence-in');
mkdirSync(evidenceDir, { recursive: true });
writeFileSync(join(evidenceDir, 'notes.txt'), 'not an audit log\n');
fake.nextOpenPaths = [join(evidenceDir, 'notes.txt')];
findItem('Import Evidence Files…').click();
await until(() => fake.messageBoxes.some((b) => b.title === 'Import finished') || fake.errors.length > 0, 'the import summary');
report.importDialogs = fake.messageBoxes.filter((b) => b.title === 'Import finished');
report.importErrors = [...fake.errors];

const serve = fake.protocols.app;
const index = await serve(new Request('app://tokenscope/index.html'));
report.index = { status: index.status, csp: index.headers.get('content-security-policy'), type: index.headers.get('content-type'), startsWith: (await index.text()).slice(0, 15) };
report.traversal = (await serve(new Request('app://tokenscope/..%2f..%2fpackage.json'))).status;
report.fileScheme = fake.protocols.file ? (await fake.protocols.file(new Request('file:///etc/passwd'))).status : null;

const navigations = {};
for (const url of ['file:///etc/passwd', 'https://example.invalid/', 'javascript:alert(1)', 'app://tokenscope/index.html']) {
  let prevented = false;
  win.webContents.emit('will-navigate', { url, preventDefault: () => (prevented = true) });
  navigations[url] = prevented;
}
report.navigations = navigations;
let webviewPrevented = false;
win.webContents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
report.webviewPrevented = webviewPrevented;
report.windowOpen = win.webContents.windowOpenHandler({ url: 'app://tokenscope/index.html' });
let granted = null;
fake.permission.request(win.webContents, 'media', (answer) => (granted = answer), {});
report.permissionRequest = granted;
report.permissionCheck = fake.permission.check(win.webContents, 'clipboard-read', 'app://tokenscope', {});
report.devicePermission = fake.permission.device({});
await new Promise((r) => setTimeout(r, 50));
report.openedExternally = fake.opened; // the confirm dialog answered "Cancel"

const child = fake.children.at(-1);
const exited = new Promise((r) => child.once('exit', r));
fake.calls.length = 0;
const { app } = await import('electron');
const sentBeforeQuit = fake.sent.length;
let quitPrevented = false;
app.emit('before-quit', { preventDefault: () => (quitPrevented = true) });
await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
report.quitPrevented = quitPrevented;
report.caseClosedOnQuit = fake.sent.slice(sentBeforeQuit).some((s) => s.payload?.event === 'case.changed' && s.payload.payload.current === null);
report.quitCalls = fake.calls.filter((c) => c === 'app.quit').length;
report.backendExitedOnQuit = child.exitCode !== null || child.signalCode !== null;
report.errors = fake.errors;

process.stdout.write(`\n@@REPORT@@${JSON.stringify(report)}\n`);
process.exit(0);
