// Reading a large CSV file with 1 and with 2 (or more) workers in headless Chromium (issue 15: "Report scaling
// from 1 to 2 workers"): bench/pages/engine.html (load → table ready in the worker, → first released report)
// and bench/pages/element.html (the element: load → all score charts on screen, main-thread long tasks),
// runs interleaved (1, 2, 1, 2, ...), medians printed with every run, and the load average before and after.
//   node bench/scripts/workers.mjs FILE.csv [runs=3] [workers=1,2]
// FILE.csv: rows of bench/instrument.json, e.g. python3 gen_responses.py --n 1000000 --seed 1 --out /tmp/r1M.csv
import { createServer } from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [dataFile, runsArg = '3', workersArg = '1,2'] = process.argv.slice(2);
if (!dataFile) throw new Error('usage: node bench/scripts/workers.mjs FILE.csv [runs] [workers]');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/data.csv') { res.writeHead(200, { 'content-type': 'text/csv' }); createReadStream(dataFile).pipe(res); return; }
  const file = normalize(join(REPO, path));
  try { const body = await readFile(file); res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }); res.end(body); }
  catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

const cdp = await browser.newBrowserCDPSession();
/** The ids of the renderer processes. */
const renderers = async () => new Set((await cdp.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
/** Peak resident memory (VmHWM, MB) of process `pid` (its workers included), or NaN. */
function peakMB(pid) {
  try { return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m)[1]) / 1024; } catch { return NaN; }
}

/** One run of `page` with `workers` workers: the page's result, with the peak memory of its renderer (MB). */
async function run(page, workers) {
  const before = await renderers();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  try {
    await p.goto(`${base}/bench/pages/${page}.html?data=/data.csv&workers=${workers}`);
    await p.waitForSelector('body[data-done="1"]', { state: 'attached', timeout: 300_000 });
    const r = await p.evaluate(() => window.__bench);
    if (!r.ok) throw new Error(r.error);
    r.renderer_peak_mb = Math.max(...[...(await renderers())].filter((id) => !before.has(id)).map(peakMB));
    return r;
  } finally { await ctx.close(); }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const counts = workersArg.split(',').map(Number);
const results = {};
console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let i = 0; i < Number(runsArg); i++) {
  for (const page of ['engine', 'element']) {
    for (const w of counts) {
      const r = await run(page, w);
      (results[`${page}/${w}`] ??= []).push(r);
      const keys = page === 'engine' ? ['table_ms', 'report_ms', 'longtask_max_ms', 'renderer_peak_mb'] : ['charts_ms', 'longtask_max_ms', 'renderer_peak_mb'];
      console.log(`run ${i + 1} ${page} workers=${w}: ${keys.map((k) => `${k}=${Math.round(r[k])}`).join(' ')} rows=${r.rows} load=${loadavg()[0].toFixed(2)}`);
    }
  }
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [key, rs] of Object.entries(results)) {
  const keys = key.startsWith('engine') ? ['table_ms', 'report_ms', 'longtask_max_ms', 'renderer_peak_mb'] : ['charts_ms', 'longtask_max_ms', 'renderer_peak_mb'];
  console.log(`${key}: ${keys.map((k) => `${k} median ${Math.round(median(rs.map((r) => r[k])))} (${rs.map((r) => Math.round(r[k])).join(', ')})`).join('; ')}`);
}
for (const w of counts.slice(1)) {
  for (const [page, k] of [['engine', 'table_ms'], ['engine', 'report_ms'], ['element', 'charts_ms']]) {
    const a = median(results[`${page}/${counts[0]}`].map((r) => r[k]));
    const b = median(results[`${page}/${w}`].map((r) => r[k]));
    console.log(`scaling ${page} ${k}: ${counts[0]} → ${w} workers ${(a / b).toFixed(2)}×`);
  }
}
await browser.close();
server.close();
