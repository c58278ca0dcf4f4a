// Where the dashboard element's renderer memory goes while it loads a large CSV file (issue 15, "Memory"):
// bench/pages/element.html in a fresh context, as run.mjs opens it, with the renderer's resident memory
// (VmRSS, /proc) sampled every 50 ms and, at the end, its peak (VmHWM), the wasm memory of each core instance
// (the worker's and the page's: `WebAssembly.Memory` never shrinks, so its size is its high-water mark) and
// the JS heaps of the page and the worker (CDP `Runtime.getHeapUsage`). The glue www/pkg/secpulse.js is served
// with one added line that keeps its instance's memory in `globalThis.__secpulseMemory` (bench only).
// With `dump`, Chromium's own memory accounting of the renderer at the end is printed as well (a memory-infra
// dump: malloc, PartitionAlloc's ArrayBuffer and string partitions, Blink's GC heap, V8, tiles, canvases).
//   node bench/scripts/memory.mjs FILE.csv [runs=1] [dump]
import { createServer } from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [dataFile, runsArg = '1', dumpArg] = process.argv.slice(2);
if (!dataFile) throw new Error('usage: node bench/scripts/memory.mjs FILE.csv [runs] [dump]');
const GLUE = '/www/pkg/secpulse.js';
const WORKER = '/www/report/worker.js';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/data.csv') { res.writeHead(200, { 'content-type': 'text/csv' }); createReadStream(dataFile).pipe(res); return; }
  const file = normalize(join(REPO, path));
  try {
    let body = await readFile(file);
    if (path === GLUE) body = String(body).replace('wasm = instance.exports;', 'wasm = instance.exports; globalThis.__secpulseMemory = wasm.memory;');
    // The worker logs its wasm memory after each request and each piece of the file it reads.
    const wasmMB = "(globalThis.__secpulseMemory?.buffer.byteLength / 1048576).toFixed(1)";
    if (path === WORKER) {
      body = String(body).replace('const value = await OPS[op](id, args ?? {});', `const value = await OPS[op](id, args ?? {}); console.log('wasm MB after', op, ${wasmMB});`)
        .replace('for await (const piece of piecesOf(blob)) upload.push(piece);', `let n = 0; for await (const piece of piecesOf(blob)) { upload.push(piece); if (n++ % 8 === 0) console.log('wasm MB after piece', n - 1, ${wasmMB}); }`)
        .replace('    dash.prepare(ahead.shift());', `    dash.prepare(ahead.shift()); console.log('wasm MB after prepare', ${wasmMB});`);
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
// The flags of run.mjs.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
const cdp = await browser.newBrowserCDPSession();
const renderers = async () => new Set((await cdp.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
/** VmRSS and VmHWM (MB) of process `pid`. */
function mem(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (k) => Number(s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm'))[1]) / 1024;
    return { rss: mb('VmRSS'), hwm: mb('VmHWM'), anon: mb('RssAnon'), file: mb('RssFile'), shmem: mb('RssShmem') };
  } catch { return null; }
}
const MB = (bytes) => bytes / 2 ** 20;

/** Starts a memory-infra trace of the whole browser; the function it resolves to dumps and prints the renderer's allocators. */
async function startMemoryTrace() {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.requestMemoryDump', { deterministic: false, levelOfDetail: 'detailed' });
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect); // the next run's trace collects its own events
    // The renderer is the process whose dump holds the canvases; its allocators up to three levels deep.
    const dumps = events.filter((e) => e.ph === 'v' && e.args?.dumps?.allocators);
    const renderer = dumps.find((e) => Object.keys(e.args.dumps.allocators).some((n) => n.startsWith('canvas/')));
    if (!renderer) return console.log('memory dump: no renderer with canvases found');
    const size = (d) => MB(parseInt(d.attrs?.size?.value ?? '0', 16));
    const rows = Object.entries(renderer.args.dumps.allocators)
      .filter(([name, d]) => name.split('/').length <= 3 && !name.startsWith('shared_memory/') && size(d) >= 0.8)
      .sort(([, a], [, b]) => size(b) - size(a));
    console.log('renderer allocators at the end (MB, memory-infra "size"):');
    for (const [name, d] of rows) console.log(`  ${size(d).toFixed(1).padStart(6)}  ${name}`);
  };
}

/** One load of the element: the memory breakdown. */
async function run() {
  const before = await renderers();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.text().startsWith('wasm MB')) console.log(`  ${((Date.now() - t0) / 1000).toFixed(1)}s ${m.text()}`); });
  const t0 = Date.now();
  const samples = [];
  let pids = [];
  const timer = setInterval(async () => {
    pids = [...(await renderers())].filter((id) => !before.has(id));
    const m = pids.map(mem).filter(Boolean).reduce((a, x) => (x.rss > a.rss ? x : a), { rss: 0 });
    samples.push({ t: Date.now() - t0, ...m });
  }, 50);
  const dump = dumpArg === 'dump' ? await startMemoryTrace() : null;
  try {
    await page.goto(`${base}/bench/pages/element.html?data=/data.csv`);
    await page.waitForSelector('body[data-done="1"]', { state: 'attached', timeout: 300_000 });
    const r = await page.evaluate(() => window.__bench);
    if (!r.ok) throw new Error(r.error);
    clearInterval(timer);
    await dump?.();
    const pageCdp = await ctx.newCDPSession(page);
    const heap = async (session) => MB((await session.send('Runtime.getHeapUsage')).usedSize);
    const out = { charts_ms: Math.round(r.charts_ms), all_ms: Math.round(r.all_ms), filter_ms: Math.round(r.filter_ms), rows: r.rows };
    out.page_wasm_mb = MB(await page.evaluate(() => globalThis.__secpulseMemory?.buffer.byteLength ?? 0));
    out.page_js_heap_mb = await heap(pageCdp);
    // The element's canvases: 4 bytes a pixel of backing store each.
    out.canvas_mb = MB(await page.evaluate(() => {
      const all = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
      return all(document).filter((e) => e instanceof HTMLCanvasElement).reduce((n, c) => n + c.width * c.height * 4, 0);
    }));
    out.canvases = await page.evaluate(() => {
      const all = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
      return all(document).filter((e) => e instanceof HTMLCanvasElement).map((c) => `${c.width}x${c.height}`).join(' ');
    });
    for (const w of page.workers()) {
      out.worker_wasm_mb = MB(await w.evaluate(() => globalThis.__secpulseMemory?.buffer.byteLength ?? 0));
      out.worker_js_heap_mb = MB(await w.evaluate(() => performance.memory?.usedJSHeapSize ?? 0));
    }
    const ms = pids.map(mem).filter(Boolean);
    const end = ms.reduce((a, m) => (m.rss > a.rss ? m : a));
    Object.assign(out, { rss_end_mb: end.rss, anon_mb: end.anon, file_mb: end.file, shmem_mb: end.shmem, peak_mb: Math.max(...ms.map((m) => m.hwm)) });
    const top = samples.reduce((a, s) => (s.rss > a.rss ? s : a), { rss: 0 });
    out.rss_max_sampled = `${top.rss.toFixed(0)} MB at ${top.t} ms`;
    out.rss_trace = samples.filter((_, i) => i % 5 === 0).map((s) => `${(s.t / 1000).toFixed(1)}s:${s.rss.toFixed(0)}=${s.anon?.toFixed(0)}a+${s.file?.toFixed(0)}f+${s.shmem?.toFixed(0)}s`).join(' ');
    for (const k of Object.keys(out)) if (typeof out[k] === 'number' && k.endsWith('_mb')) out[k] = Math.round(out[k] * 10) / 10;
    return out;
  } finally {
    clearInterval(timer);
    await ctx.close();
  }
}

console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let i = 0; i < Number(runsArg); i++) console.log(JSON.stringify(await run(), null, 1));
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await browser.close();
server.close();
