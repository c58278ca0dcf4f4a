// The published report page (www/published.html) under the survey benchmark's network emulation (40 ms latency,
// 20 Mbit/s, HTTP/1.1, gzip, cold cache): the first animation frame after the element's first chart is drawn
// (`data-drawn`), and the network log of the first run. With several trees (a copy of another tree's www/ with
// its built files, e.g. `git archive` plus www/pkg, www/report.json and www/secpulse-survey.js), the runs
// alternate between them, so that before/after see the same machine load.
//   node bench/scripts/published-load.mjs [--runs 7] [--log 1] [TREE ...]     (default: this repository)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name, fallback) => { const i = argv.indexOf(`--${name}`); return i < 0 ? fallback : argv.splice(i, 2)[1]; };
const RUNS = Number(option('runs', 7));
const LOG = option('log', '1') !== '0';
const TREES = (argv.length ? argv : [REPO]).map((t) => resolve(t));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const gzipped = new Map();
/** Serves /T/… from TREES[T], gzipped once per file. */
const server = createServer(async (req, res) => {
  const [, tree, ...rest] = decodeURIComponent(new URL(req.url, 'http://x').pathname).split('/');
  const root = TREES[Number(tree)];
  const file = root && normalize(join(root, ...rest));
  try {
    if (!file?.startsWith(root)) throw new Error('outside');
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(await readFile(file), { level: 9 }));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
    res.end(gzipped.get(file));
  } catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const BASE = `http://127.0.0.1:${server.address().port}`;

/** Runs in the page: performance.now() of the first frame after the report element has drawn a chart. */
function watchDrawn() {
  const frame = () => {
    if (Number(document.querySelector('secpulse-report')?.dataset.drawn) >= 1) window.__drawn = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One cold load of tree `t`: { ms, files }. */
async function load(browser, t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 });
    const files = new Map();
    let t0 = null;
    cdp.on('Network.requestWillBeSent', (e) => { t0 ??= e.timestamp; files.set(e.requestId, { url: e.request.url.replace(`${BASE}/${t}`, ''), start: (e.timestamp - t0) * 1000 }); });
    cdp.on('Network.loadingFinished', (e) => { const f = files.get(e.requestId); if (f) f.end = (e.timestamp - t0) * 1000; });
    await tab.addInitScript(watchDrawn);
    await tab.goto(`${BASE}/${t}/www/published.html`);
    await tab.waitForFunction(() => window.__drawn != null, null, { timeout: 60_000 });
    return { ms: await tab.evaluate(() => window.__drawn), files: [...files.values()] };
  } finally {
    await context.close();
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const results = TREES.map(() => ({ runs: [], files: null }));
try {
  for (const t of TREES.keys()) await load(browser, t); // warm-up of the browser and the server's gzip cache
  for (let run = 0; run < RUNS; run++) {
    for (const t of TREES.keys()) {
      const { ms, files } = await load(browser, t);
      results[t].runs.push(ms);
      results[t].files ??= files;
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`published.html, first chart drawn: 40 ms latency, 20 Mbit/s, HTTP/1.1, cold cache; median (min–max) of ${RUNS}`);
for (const [t, r] of results.entries()) {
  console.log(`  ${Math.round(median(r.runs))} ms (${Math.round(Math.min(...r.runs))}–${Math.round(Math.max(...r.runs))})  ${TREES[t]}; ${r.files.length} requests`);
  if (LOG) for (const f of r.files) console.log(`    ${f.start.toFixed(0).padStart(5)} → ${(f.end ?? NaN).toFixed(0).padStart(5)} ms  ${f.url}`);
}
