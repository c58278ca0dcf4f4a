// A filter change in the <secpulse-report> element in headless Chromium, before/after interleaved:
// bench/pages/filter.html in a fresh browser context per page, alternating between this tree's www/ and,
// with --before DIR, a copy of another tree's www/ (DIR/www, with its pkg/ built) served at /before/www.
// Prints each change (ms from the menu's change event to the frame after the redraw) and the medians,
// min–max, and the split the element's "secpulse …" User Timing measures give.
//   node bench/filter/browser.mjs [--before /tmp/before] [--pages 3] [--runs 3] [--data /bench/data/r1000000.csv]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? a.concat([[v.slice(2), all[i + 1]]]) : a), []));
const BEFORE = args.before ? resolve(args.before) : null;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.csv': 'text/csv', '.css': 'text/css' };
/** The file a request path names: /before/… in the before tree, /tmp/… the data files there, the rest in this repository. */
const fileOf = (path) => {
  if (BEFORE && path.startsWith('/before/')) return normalize(join(BEFORE, path.slice('/before'.length)));
  if (path.startsWith('/tmp/') && extname(path) === '.csv') return normalize(path);
  return normalize(join(REPO, path));
};
const server = createServer(async (req, res) => {
  try {
    const body = await readFile(fileOf(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    res.writeHead(200, { 'content-type': TYPES[extname(req.url.split('?')[0])] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch { console.error(`404 ${req.url}`); res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
const data = args.data ?? '/bench/data/r1000000.csv';
const trees = BEFORE ? [['before', '/before/www'], ['after', '/www']] : [['after', '/www']];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const all = {};
try {
  for (let p = 0; p < Number(args.pages ?? 3); p++) {
    for (const [name, www] of trees) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.error(`${name}: ${e}`));
      page.on('console', (m) => { if (m.type() === 'error' || process.env.DEBUG) console.error(`${name}: ${m.text()}`); });
      await page.goto(`${base}/bench/pages/filter.html?www=${www}&runs=${args.runs ?? 3}&data=${data}`);
      await page.waitForSelector('body[data-done="1"]', { state: 'attached', timeout: Number(args.timeout ?? 300) * 1000 });
      const r = await page.evaluate(() => window.__bench);
      await ctx.close();
      if (!r.ok) throw new Error(`${name}: ${r.error}`);
      for (const c of r.changes) {
        (all[`${name} ${c.view}`] ??= []).push(c);
        const split = Object.entries(c.split).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
        console.log(`page ${p + 1} ${name.padEnd(6)} ${c.view.padEnd(11)} ${c.ms.toFixed(1).padStart(7)} ms (drawn ${c.drawn_ms.toFixed(1)})${split ? `  (${split})` : ''}`);
        if (args.timeline) console.log(`    ${c.timeline}`);
      }
    }
  }
} finally { await browser.close(); server.close(); }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log('\nmedian (min–max) ms, change event → frame after the redraw; split medians:');
for (const [key, cs] of Object.entries(all)) {
  const ms = cs.map((c) => c.ms);
  const parts = [...new Set(cs.flatMap((c) => Object.keys(c.split)))].map((k) => `${k} ${median(cs.map((c) => c.split[k] ?? 0)).toFixed(1)}`).join(', ');
  console.log(`${key.padEnd(18)} ${median(ms).toFixed(1).padStart(7)} (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})  n=${ms.length}${parts ? `  ${parts}` : ''}`);
}
