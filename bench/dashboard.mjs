// Measures the dashboard in headless Chromium: gzipped bytes of the wasm + JS the demo
// page loads, and milliseconds from navigation start to all charts drawn.
// Usage: scripts/build-wasm.sh && node bench/dashboard.mjs [n ...]   (default: 10000 1000000)
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { start, page } from '../e2e/helpers.mjs';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const env = await start();
try {
  for (const n of sizes.length ? sizes : [10_000, 1_000_000]) {
    const p = await page(env.browser, { width: 1440, height: 900 });
    const files = new Set();
    p.on('response', (r) => { const path = new URL(r.url()).pathname; if (/\.(js|wasm)$/.test(path)) files.add(path); });
    await p.goto(`${env.url}?n=${n}`);
    await p.waitForSelector('body[data-ready="1"]', { timeout: 600_000 });
    const ms = Number(await p.evaluate(() => document.body.dataset.drawMs));
    let raw = 0, gz = 0;
    for (const f of files) { const b = await readFile(www + f.slice(1)); raw += b.length; gz += gzipSync(b, { level: 9 }).length; }
    console.log(`n=${n.toLocaleString('en')}: all charts drawn ${ms} ms after navigation start; ` +
      `${files.size} wasm+JS files, ${raw.toLocaleString('en')} bytes raw, ${gz.toLocaleString('en')} bytes gzip -9`);
    if (p.problems.length) console.log('  problems:', p.problems);
    await p.close();
  }
} finally { await env.close(); }
