/**
 * bench:graph — the graph view's layout and pan/zoom cost in real Chromium (canvas renderer) on
 * this machine, with the app's own stylesheet and layout options (renderer/src/features/graph).
 * Targets at 5,000 nodes / 20,000 edges: layout <= 3 s, pan/zoom frame time <= 50 ms.
 * Prints figures; it is not a test. Usage: npm run bench:graph [-- --nodes 5000 --edges 20000 --runs 3]
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '5000' },
    edges: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    /** Also time fcose draft (the optional organic layout) at this size: slow, so off by default. */
    organic: { type: 'boolean', default: false },
  },
});
/** What bench-page.ts's setup() returns (that file is browser code, typechecked with the renderer). */
interface SetupResult {
  nodes: number;
  edges: number;
  layoutMs: number;
  firstRenderMs: number;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);

const bundle = await build({
  entryPoints: [fileURLToPath(new URL('../../renderer/src/features/graph/bench/bench-page.ts', import.meta.url))],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  minify: true,
  logLevel: 'error',
});

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="width:1280px;height:800px"></div></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
    return { n: xs.length, mean: xs.reduce((a, b) => a + b, 0) / xs.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
  };
  const fmt = (x: number) => x.toFixed(1).padStart(7);
  console.log(`bench:graph  Chromium ${browser.version()}  canvas renderer  viewport 1280x800`);
  const modes = [
    { label: 'banded layout, textureOnViewport (app default)', texture: true, organic: false },
    { label: 'banded layout, no viewport texture            ', texture: false, organic: false },
    ...(values.organic ? [{ label: 'fcose quality=draft, textureOnViewport       ', texture: true, organic: true }] : []),
  ];
  type Bench = { setup(n: number, m: number, s: number, t: boolean, o: boolean): Promise<SetupResult>; startRecording(): void; stopRecording(): number[] };
  const setup = (args: [number, number, number, boolean, boolean]) =>
    page.evaluate((a) => (globalThis as unknown as { graphBench: Bench }).graphBench.setup(...a), args);
  const startRecording = () => page.evaluate(() => (globalThis as unknown as { graphBench: Bench }).graphBench.startRecording());
  const stopRecording = () => page.evaluate(() => (globalThis as unknown as { graphBench: Bench }).graphBench.stopRecording());
  for (const { label, texture, organic } of modes) {
    for (let run = 0; run < Number(values.runs); run++) {
      const r = await setup([Number(values.nodes), Number(values.edges), 17 + run, texture, organic]);
      await page.waitForTimeout(1000);
      // Pan: drag the background in small steps, the way a hand does.
      await page.mouse.move(640, 400);
      await startRecording();
      await page.mouse.down();
      for (let i = 0; i < 90; i++) await page.mouse.move(640 + 200 * Math.sin(i / 10), 400 + 120 * Math.cos(i / 14), { steps: 1 });
      await page.mouse.up();
      const pan = stats(await stopRecording());
      await page.waitForTimeout(500);
      // Zoom: wheel in and out over the middle.
      await startRecording();
      for (let i = 0; i < 60; i++) await page.mouse.wheel(0, i < 30 ? -120 : 120);
      const zoom = stats(await stopRecording());
      console.log(
        `${label} run ${run + 1}: ${r.nodes} nodes ${r.edges} edges | layout ${fmt(r.layoutMs)} ms | first render ${fmt(r.firstRenderMs)} ms | ` +
          `pan frame ms mean ${fmt(pan.mean)} p50 ${fmt(pan.p50)} p95 ${fmt(pan.p95)} max ${fmt(pan.max)} (${pan.n}) | zoom frame ms mean ${fmt(zoom.mean)} p50 ${fmt(zoom.p50)} p95 ${fmt(zoom.p95)} max ${fmt(zoom.max)} (${zoom.n})`,
      );
    }
  }
  console.log('targets: layout <= 3000 ms, pan/zoom frame <= 50 ms');
} finally {
  await browser.close();
}
