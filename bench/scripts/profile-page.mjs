// CPU profile of one bench page in headless Chromium (CDP Profiler): self time by function,
// wasm functions by name when the wasm keeps its name section (build with NAMES=1 scripts).
//   node scripts/profile-page.mjs '/bench/pages/secpulse.html?fmt=csv&impl=facade&data=/bench/data/r1000000.csv' [top=40]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const file = normalize(join(REPO, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  try { const body = await readFile(file); res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }); res.end(body); }
  catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await (await browser.newContext()).newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
await page.goto(`http://127.0.0.1:${server.address().port}${process.argv[2]}`);
await page.waitForSelector('body[data-done="1"]', { state: 'attached', timeout: 300_000 });
const { profile } = await cdp.send('Profiler.stop');
console.log(JSON.stringify(await page.evaluate(() => window.__bench)));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
const self = new Map();
let total = 0;
for (const [id, t] of dt) { const f = byId.get(id).callFrame; const k = f.functionName || `(${f.url.split('/').pop()})`; self.set(k, (self.get(k) ?? 0) + t); total += t; }
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 40));
for (const [k, t] of top) console.log(`${(t / 1000).toFixed(1).padStart(9)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k.slice(0, 140)}`);
await browser.close(); server.close();
