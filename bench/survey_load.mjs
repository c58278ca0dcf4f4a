// Survey page load under a throttled network (issue 15, "Survey page"): time from navigation to the
// first question on screen, cold cache, Chromium's network emulation (CDP
// Network.emulateNetworkConditions: 40 ms latency, 20 Mbit/s down and up). secpulse and the SurveyJS
// form (survey-core + survey-js-ui, pinned in package.json) in the same run, each in fresh browser
// contexts (an empty HTTP cache), median of RUNS runs; the ratio secpulse / SurveyJS. Also prints what
// each page fetched (the network log: file, start, end, bytes on the wire), so a waterfall or a file
// that does not belong on a survey page shows.
//
// The static server answers gzip-compressed (as a real web server would) and listens on 127.0.0.1, twice:
// over HTTP/1.1 (at most 6 connections per host, so 20 files take several round trips however early
// they are asked for) and over HTTP/2 (one connection, every request at once; TLS with a throwaway
// self-signed certificate made by openssl for this run), the protocol most web servers now speak.
//
// --before DIR adds the same two secpulse pages from DIR (a copy of an earlier commit with its www/pkg
// built: `git archive` of www/ and docs/embedding.md), served under /before/, measured in the same run,
// interleaved with the others, so that a before/after comparison sees the same machine load.
//
// --page published measures the published report page instead (www/published.html, and DIR's with --before;
// no peer): the first frame after <secpulse-report> has drawn a chart.
//
//   node survey_load.mjs [--runs 5] [--log 0|1] [--protocols http1,http2] [--before DIR] [--page published]
//   (bench/run.sh runs it unless SURVEY=0)
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) =>
  (v.startsWith('--') ? a.concat([[v.slice(2), all[i + 1]]]) : a), []));
const RUNS = Math.max(3, Number(args.runs ?? 5));
const LOG = args.log !== '0';
const PROTOCOLS = (args.protocols ?? 'http1,http2').split(',');
const BEFORE = args.before ? resolve(args.before) : null;
const TIMEOUT = 30_000;
/** The throttling of the issue: 40 ms round trip, 20 Mbit/s each way (bytes per second). */
const NETWORK = { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 };

/** The pages compared: each with the test (run in the page) that its first question (a chart) is on screen. */
const PAGES = args.page === 'published' ? [
  { name: 'secpulse, published report (www/published.html)', url: '/www/published.html', probe: 'report' },
  ...(BEFORE ? [{ name: `before: published report (${BEFORE}/www/published.html)`, url: '/before/www/published.html', probe: 'report' }] : []),
] : [
  { name: 'secpulse, demo survey page (www/survey.html, built-in instrument)', url: '/www/survey.html', probe: 'secpulse' },
  { name: 'secpulse, bench instrument (page made from docs/embedding.md)', url: '/bench/secpulse-form.html', probe: 'secpulse' },
  { name: 'SurveyJS form, same bench instrument (bench/pages/surveyjs-form.html)', url: '/bench/pages/surveyjs-form.html', probe: 'surveyjs' },
  ...(BEFORE ? [
    { name: `before: demo survey page (${BEFORE}/www/survey.html)`, url: '/before/www/survey.html', probe: 'secpulse' },
    { name: 'before: bench instrument (page made from its docs/embedding.md)', url: '/before/bench/secpulse-form.html', probe: 'secpulse' },
  ] : []),
];

/**
 * The secpulse page with `src`: its <head> is what `root`/docs/embedding.md tells a page owner ("Install",
 * and "Loading fast" where the docs have it, without the built-in instrument's link, with the instrument's),
 * the install at `prefix`/www/.
 */
function formPage(root, prefix) {
  const docs = readFileSync(join(root, 'docs/embedding.md'), 'utf8');
  const block = (section) => (docs.split(section)[1]?.split('```html\n')[1]?.split('```')[0] ?? '').trim();
  const links = block('\n### Loading fast').split('\n').filter((line) => line && !line.includes('secpulse_survey_instrument.json'));
  const instrument = '<link rel="preload" href="/bench/instrument.json" as="fetch" crossorigin>';
  const head = [block('\n## Install'), ...links, ...(links.length ? [instrument] : [])];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: secpulse survey form</title>
${head.join('\n').replaceAll('/secpulse/', `${prefix}/www/`)}
</head><body><secpulse-survey src="/bench/instrument.json"></secpulse-survey></body></html>`;
}
/** Pages made by this script: URL path → HTML. */
const MADE = { '/bench/secpulse-form.html': formPage(REPO, '') };
if (BEFORE) MADE['/before/bench/secpulse-form.html'] = formPage(BEFORE, '/before');

// ---------- static server (repo root), gzip like a production server ----------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const gzipped = new Map();
async function answer(req, res) {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const [root, rest] = BEFORE && path.startsWith('/before/') ? [BEFORE, path.slice('/before'.length)] : [REPO, path];
  const file = normalize(join(root, rest));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(MADE[path] ?? await readFile(file), { level: 9 }));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip',
      'cache-control': 'no-cache' });
    res.end(gzipped.get(file));
  } catch { res.writeHead(404).end('not found'); }
}

/** A throwaway self-signed certificate for 127.0.0.1: { key, cert }. */
function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), 'secpulse-bench-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const servers = { http1: createServer(answer) };
if (PROTOCOLS.includes('http2')) servers.http2 = createSecureServer(selfSigned(), answer);
const BASES = {};
for (const [protocol, server] of Object.entries(servers)) {
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  BASES[protocol] = `${protocol === 'http2' ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
}

/** Runs in the page from its first script on: records performance.now() of the first frame with a question (a chart) on screen. */
function watchFirstQuestion(probe) {
  const visible = (el) => el != null && el.getBoundingClientRect().height > 0;
  const drawn = () => (Number(document.querySelector('secpulse-report')?.dataset.drawn) >= 1 ? document.body : null);
  const find = probe === 'report' ? drawn : probe === 'secpulse'
    ? () => document.querySelector('secpulse-survey')?.shadowRoot?.querySelector('[part~="question"]')
    : () => document.querySelector('.sd-question');
  const frame = () => {
    if (visible(find())) window.__firstQuestion = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** One cold load of `page` over `protocol` in a fresh context: { ms, files: [{ url, start, end, bytes }] }. */
async function load(browser, page, protocol) {
  const BASE = BASES[protocol];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  const requests = new Map();
  let t0 = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    t0 ??= e.timestamp;
    requests.set(e.requestId, { url: e.request.url.replace(BASE, ''), start: (e.timestamp - t0) * 1000 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: (e.timestamp - t0) * 1000, bytes: e.encodedDataLength });
  });
  await tab.addInitScript(watchFirstQuestion, page.probe);
  try {
    await tab.goto(BASE + page.url);
    await tab.waitForFunction(() => window.__firstQuestion != null, null, { timeout: TIMEOUT });
    const ms = await tab.evaluate(() => window.__firstQuestion);
    if (errors.length) throw new Error(errors.join('; '));
    return { ms, files: [...requests.values()] };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = PROTOCOLS.flatMap((protocol) => PAGES.map((page) => ({ ...page, protocol, runs: [], files: null })));
try {
  for (const r of results) await load(browser, r, r.protocol); // warm-up of the browser and server; each run is a fresh context
  for (let run = 0; run < RUNS; run++) {
    for (const r of results) {
      const { ms, files } = await load(browser, r, r.protocol);
      r.runs.push(ms);
      r.files ??= files;
    }
  }
} finally {
  await browser.close();
  for (const server of Object.values(servers)) server.close();
}

const fmt = (ms) => `${Math.round(ms)} ms`;
console.log(`${args.page === 'published' ? 'Published report page, first chart drawn' : 'Survey page, first question on screen'}: latency ${NETWORK.latency} ms, 20 Mbit/s, cold cache; median of ${RUNS} runs (min–max)`);
for (const protocol of PROTOCOLS) {
  const mine = results.filter((r) => r.protocol === protocol);
  console.log(protocol === 'http2' ? 'HTTP/2 (TLS):' : 'HTTP/1.1:');
  for (const r of mine) {
    r.median = median(r.runs);
    const bytes = r.files.reduce((a, f) => a + (f.bytes ?? 0), 0);
    console.log(`  ${fmt(r.median)} (${fmt(Math.min(...r.runs))}–${fmt(Math.max(...r.runs))})  ${r.name}; ${r.files.length} requests, ${(bytes / 1024).toFixed(1)} KB on the wire`);
  }
  const peer = mine.find((r) => r.probe === 'surveyjs');
  for (const r of mine.filter((x) => peer && x !== peer)) {
    console.log(`  ratio ${(r.median / peer.median).toFixed(2)}  ${r.url} / ${peer.url}  (target: first question ≤ 300 ms: ${r.median <= 300 ? 'MET' : 'MISSED'})`);
  }
  for (const r of mine.filter((x) => BEFORE && x.probe !== 'surveyjs' && !x.url.startsWith('/before/'))) {
    const then = mine.find((x) => x.url === `/before${r.url}`);
    console.log(`  after / before ${(r.median / then.median).toFixed(2)}  ${r.url}`);
  }
}
if (LOG) {
  for (const r of results) {
    console.log(`\nNetwork log (${r.protocol}), first measured run of ${r.url} (start → end ms after the first request, bytes on the wire):`);
    for (const f of [...r.files].sort((a, b) => a.start - b.start)) {
      console.log(`  ${fmt(f.start).padStart(7)} → ${f.end == null ? '   …' : fmt(f.end).padStart(7)}  ${String(f.bytes ?? '?').padStart(7)}  ${f.url}`);
    }
  }
}
