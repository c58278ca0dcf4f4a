// What each demo page loads, gzip -9 (issue 15's size budgets): every file of www/ the page and its workers
// request while it loads, recorded in headless Chromium (the e2e server and browser), summed as gzip -9 of
// the file. Build first: scripts/build-wasm.sh
// Each total is given twice: the files of www/ (readable JS), and as shipped: every file the distributable
// folder has (dist/secpulse/, its JS minified) taken from there, the demo pages' own files from www/.
//   node bench/size.mjs            (from the repo root; uses e2e/'s playwright-core)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { start } from '../e2e/helpers.mjs';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
/** The pages measured: the published report, the dashboard (10,000 synthetic respondents), the survey. */
const PAGES = [
  { name: 'published page (published.html)', path: 'published.html' },
  { name: 'dashboard page + worker (index.html?n=1000)', path: 'index.html?n=1000' },
  { name: 'survey page (survey.html)', path: 'survey.html' },
];

const DIST = fileURLToPath(new URL('../dist/secpulse/', import.meta.url));
/** Size of `root` + `path` after `gzip -9` (the command, as in the tables of bench/README.md). */
const gz = (root, path) => execFileSync('gzip', ['-9c', root + path], { maxBuffer: 1 << 28 }).length;
/** The gzipped size of www/`path` as a page owner ships it: the distributable's copy when it has one. */
const shipped = (path) => gz(existsSync(DIST + path) ? DIST : WWW, path);

const env = await start();
try {
  for (const { name, path } of PAGES) {
    const context = await env.browser.newContext();
    const files = new Set();
    // The context sees the requests of the page and of its dedicated workers.
    context.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === new URL(env.url).origin) files.add(url.pathname.slice(1) || 'index.html');
    });
    const p = await context.newPage();
    await p.goto(env.url + path);
    await p.waitForSelector('body[data-ready="1"], secpulse-survey form', { timeout: 120_000 });
    await p.waitForLoadState('networkidle');
    const rows = [...files].sort().map((f) => ({ f, gz: gz(WWW, f), shipped: shipped(f) }));
    const total = rows.reduce((a, r) => a + r.gz, 0);
    const wasm = rows.filter((r) => r.f.endsWith('.wasm'));
    console.log(`\n${name}: ${rows.length} files, ${total.toLocaleString('en')} bytes gzip -9`);
    const asShipped = rows.reduce((a, r) => a + r.shipped, 0);
    console.log(`  as shipped (dist/secpulse/, JS minified): ${asShipped.toLocaleString('en')} bytes gzip -9`);
    for (const r of wasm) console.log(`  ${r.f.padEnd(36)} ${r.gz.toLocaleString('en').padStart(9)}`);
    const rest = rows.filter((r) => !r.f.endsWith('.wasm'));
    const sum = (key) => rest.reduce((a, r) => a + r[key], 0).toLocaleString('en').padStart(9);
    console.log(`  ${`other files (${rest.length}: HTML, JS, CSS, JSON)`.padEnd(36)} ${sum('gz')}   shipped ${sum('shipped')}`);
    if (process.env.VERBOSE) {
      for (const r of rest) console.log(`    ${r.f.padEnd(34)} ${r.gz.toLocaleString('en').padStart(9)}   shipped ${r.shipped.toLocaleString('en').padStart(9)}`);
    }
    await context.close();
  }
} finally {
  await env.close();
}
