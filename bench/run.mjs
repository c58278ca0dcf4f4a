// One headless-Chromium benchmark run of secpulse against SurveyJS Dashboard and PapaParse
// (issue 8). Every measurement is a fresh browser context (own renderer process) in one of
// RUNS fresh browsers; medians, min–max and ratios go to results/results.{json,md}.
//
//   node run.mjs [--runs 3] [--sizes 1000,10000,100000,1000000] [--only papa,surveyjs,secpulse,element] [--match facade]
// element: the <secpulse-report> element loading a Blob (main-thread long tasks, load → score charts, comments after).
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) =>
  (v.startsWith('--') ? a.concat([[v.slice(2), all[i + 1]]]) : a), []));
const RUNS = Number(args.runs ?? 3);
const SIZES = (args.sizes ?? '1000,10000,100000,1000000').split(',').map(Number);
const ONLY = new Set((args.only ?? 'papa,surveyjs,secpulse,element').split(','));
const TIMEOUT = 180_000;

// ---------- static server (repo root), 127.0.0.1, port 0 ----------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.csv': 'text/csv', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = normalize(join(REPO, path));
  if (!file.startsWith(REPO)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch { res.writeHead(404).end('not found'); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const BASE = `http://127.0.0.1:${server.address().port}`;

// ---------- helpers ----------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => { xs = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, runs: xs } : null; };
const gz = (file) => { const b = readFileSync(file); return { file: file.replace(REPO + '/', ''), raw: b.length, gzip: gzipSync(b, { level: 9 }).length }; };
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

/** VmHWM / VmRSS (bytes) of a process, from /proc. */
function procMem(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [])[1]) * 1024;
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch { return null; }
}

async function rendererPids(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
}

/** Opens `url` in a fresh context (its own renderer), waits for the page's result, adds memory. */
async function measure(browser, cdp, url) {
  const before = await rendererPids(cdp);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(BASE + url);
    await page.waitForSelector('body[data-done="1"]', { state: 'attached', timeout: TIMEOUT });
    const result = await page.evaluate(() => window.__bench);
    const pageCdp = await ctx.newCDPSession(page);
    await pageCdp.send('Performance.enable');
    const { metrics } = await pageCdp.send('Performance.getMetrics');
    const metric = (n) => metrics.find((m) => m.name === n)?.value;
    result.js_heap_used = metric('JSHeapUsedSize');
    result.js_heap_total = metric('JSHeapTotalSize');
    const fresh = [...(await rendererPids(cdp))].filter((p) => !before.has(p));
    const mem = fresh.map(procMem).filter(Boolean);
    result.renderer_peak = mem.length ? Math.max(...mem.map((m) => m.hwm)) : null;
    result.renderer_pids = fresh.length;
    if (errors.length) result.page_errors = errors;
    return result;
  } finally {
    await ctx.close();
  }
}

// ---------- the plan ----------
const data = (n, fmt) => `/bench/data/r${n}.${fmt}`;
const cases = [];
for (const n of SIZES) {
  if (ONLY.has('papa')) {
    cases.push({ key: `papa_arrays/${n}`, url: `/bench/pages/papa.html?mode=arrays&data=${data(n, 'csv')}` });
    cases.push({ key: `papa_objects/${n}`, url: `/bench/pages/papa.html?mode=objects&data=${data(n, 'csv')}` });
  }
  if (ONLY.has('surveyjs')) cases.push({ key: `surveyjs/${n}`, url: `/bench/pages/surveyjs.html?data=${data(n, 'json')}` });
  if (ONLY.has('secpulse')) {
    cases.push({ key: `secpulse_csv/${n}`, url: `/bench/pages/secpulse.html?fmt=csv&split=1&data=${data(n, 'csv')}` });
    cases.push({ key: `secpulse_json/${n}`, url: `/bench/pages/secpulse.html?fmt=json&data=${data(n, 'json')}` });
  }
  if (ONLY.has('secpulse') && existsSync(join(REPO, 'src/wasm/dashboard.rs'))) {
    cases.push({ key: `secpulse_facade/${n}`, url: `/bench/pages/secpulse.html?fmt=csv&impl=facade&data=${data(n, 'csv')}` });
  }
  if (ONLY.has('element')) cases.push({ key: `secpulse_element/${n}`, url: `/bench/pages/element.html?data=${data(n, 'csv')}` });
  if (ONLY.has('secpulse') && existsSync(join(BENCH, 'probe/pkg-o3')) && n >= 100000) {
    cases.push({ key: `secpulse_o3_csv/${n}`, url: `/bench/pages/secpulse.html?fmt=csv&split=1&probe=o3&data=${data(n, 'csv')}` });
  }
}
// --match facade,papa_arrays: only the cases whose key contains one of these (quick looks).
if (args.match) { const keep = args.match.split(','); cases.splice(0, cases.length, ...cases.filter((c) => keep.some((m) => c.key.includes(m)))); }
for (const n of SIZES) for (const f of ['csv', 'json']) {
  if (!existsSync(join(BENCH, 'data', `r${n}.${f}`))) throw new Error(`missing bench/data/r${n}.${f}: run ./run.sh`);
}

const LAUNCH = { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info',
    '--js-flags=--expose-gc'] };

const raw = {};
const started = Date.now();
for (let run = 0; run < RUNS; run++) {
  const browser = await chromium.launch(LAUNCH);
  const cdp = await browser.newBrowserCDPSession();
  for (const c of cases) {
    const t = Date.now();
    let r;
    try { r = await measure(browser, cdp, c.url); } catch (e) { r = { ok: false, error: String(e) }; }
    (raw[c.key] ??= []).push(r);
    const brief = Object.entries(r).filter(([k, v]) => /_ms$/.test(k) && typeof v === 'number').map(([k, v]) => `${k}=${v.toFixed(1)}`).join(' ');
    console.error(`run ${run + 1}/${RUNS} ${c.key.padEnd(22)} ${r.ok ? brief : 'FAILED ' + r.error?.slice(0, 300)}  peak=${r.renderer_peak ? (r.renderer_peak / 2 ** 20).toFixed(0) + 'MB' : '?'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  await browser.close();
}
server.close();

// ---------- aggregate ----------
const agg = {};
for (const [key, rs] of Object.entries(raw)) {
  const ok = rs.filter((r) => r.ok);
  const fields = new Set(ok.flatMap((r) => Object.keys(r)));
  agg[key] = { ok: ok.length, failed: rs.length - ok.length, errors: rs.filter((r) => !r.ok).map((r) => r.error) };
  for (const f of fields) if (ok.some((r) => typeof r[f] === 'number')) agg[key][f] = stats(ok.map((r) => r[f]));
  agg[key].rows = ok[0]?.rows ?? ok[0]?.filtered_rows;
}

// Bytes each side's page must load (gzip -9): the top-level files of www/ but the survey's (a dashboard page
// loads no survey code; bench/size.mjs records what each page really loads).
const wwwFiles = existsSync(join(REPO, 'www')) ? readdirSync(join(REPO, 'www')).filter((f) => /\.(js|css)$/.test(f) && f !== 'secpulse-survey.js')
  .map((f) => join(REPO, 'www', f)) : [];
const pkgFiles = ['www/pkg/secpulse.js', 'www/pkg/secpulse_bg.wasm'].map((f) => join(REPO, f)).filter(existsSync);
const secpulseBundle = [...wwwFiles, ...pkgFiles].map(gz);
const surveyjsBundle = ['survey-core/survey.core.min.js', 'survey-analytics/survey.analytics.min.js',
  'survey-analytics/survey.analytics.min.css', 'plotly.js-dist-min/plotly.min.js'].map((f) => gz(join(BENCH, 'node_modules', f)));
const papaBundle = [gz(join(BENCH, 'node_modules/papaparse/papaparse.min.js'))];
const sum = (xs) => xs.reduce((a, x) => a + x.gzip, 0);

const fileBytes = Object.fromEntries(SIZES.flatMap((n) => ['csv', 'json'].map((f) => [`${f}/${n}`, readFileSync(join(BENCH, 'data', `r${n}.${f}`)).length])));
const versions = Object.fromEntries(['survey-core', 'survey-analytics', 'plotly.js-dist-min', 'papaparse', 'playwright-core']
  .map((p) => [p, JSON.parse(readFileSync(join(BENCH, 'node_modules', p, 'package.json'), 'utf8')).version]));
const browserVersion = (await (async () => { const b = await chromium.launch(LAUNCH); const v = b.version(); await b.close(); return v; })());

// ---------- table ----------
const M = (key, f) => agg[key]?.[f];
const fmtMs = (s) => (s ? `${s.median < 10 ? s.median.toFixed(2) : s.median.toFixed(0)} ms (${s.min.toFixed(s.min < 10 ? 2 : 0)}–${s.max.toFixed(s.max < 10 ? 2 : 0)})` : 'n/a');
const fmtMB = (s) => (s ? `${(s.median / 2 ** 20).toFixed(0)} MB (${(s.min / 2 ** 20).toFixed(0)}–${(s.max / 2 ** 20).toFixed(0)})` : 'n/a');
const ratio = (a, b) => (a && b ? a.median / b.median : null);
const fmtRatio = (r) => (r == null ? 'n/a' : r < 0.1 ? `${r.toFixed(3)} (${(1 / r).toFixed(0)}× less)` : r < 1 ? `${r.toFixed(2)} (${(1 / r).toFixed(1)}× less)` : `${r.toFixed(2)}`);
const rows = [];
const row = (what, n, ours, peer, peerName, fmt = fmtMs, target = '') =>
  rows.push({ what, n, ours: fmt(ours), peer: fmt(peer), peerName, ratio: ratio(ours, peer), target, ours_median: ours?.median ?? null, peer_median: peer?.median ?? null });
for (const n of SIZES) {
  const L = label(n);
  row('ingest+score CSV vs PapaParse arrays (parse only)', L, M(`secpulse_csv/${n}`, 'ingest_score_ms'), M(`papa_arrays/${n}`, 'parse_ms'), 'PapaParse arrays', fmtMs, n === 1e6 ? 'ratio ≤ 0.125 (≥ 8× faster)' : '');
  row('ingest+score CSV vs PapaParse typed objects', L, M(`secpulse_csv/${n}`, 'ingest_score_ms'), M(`papa_objects/${n}`, 'parse_ms'), 'PapaParse objects');
  row('ingest+score JSON vs SurveyJS JSON.parse', L, M(`secpulse_json/${n}`, 'ingest_score_ms'), M(`surveyjs/${n}`, 'json_parse_ms'), 'JSON.parse');
  if (agg[`secpulse_facade/${n}`]) row('façade: loadBytes + report (ingest+score) CSV vs PapaParse arrays', L, M(`secpulse_facade/${n}`, 'ingest_score_ms'), M(`papa_arrays/${n}`, 'parse_ms'), 'PapaParse arrays');
  row('data in memory → all charts drawn (secpulse: CSV bytes → 9 canvases via façade)', L, M(`secpulse_facade/${n}`, 'charts_ms'), M(`surveyjs/${n}`, 'charts_ms'), 'SurveyJS Dashboard', fmtMs, n === 1e6 ? 'ratio ≤ 0.05 (≥ 20× faster)' : '');
  if (agg[`secpulse_facade/${n}`]) row('filter change, façade (re-score + redraw 9 charts)', L, M(`secpulse_facade/${n}`, 'filter_ms'), M(`surveyjs/${n}`, 'filter_ms'), 'SurveyJS Dashboard', fmtMs, n === 1e6 ? 'secpulse < 50 ms' : '');
  if (agg[`secpulse_facade/${n}`]) row('peak renderer memory (VmHWM), façade page', L, M(`secpulse_facade/${n}`, 'renderer_peak'), M(`surveyjs/${n}`, 'renderer_peak'), 'SurveyJS Dashboard', fmtMB, n === 1e6 ? 'ratio < 0.25' : '');
  row('filter change, probe (re-score one segment, no drawing)', L, M(`secpulse_csv/${n}`, 'filter_ms'), M(`surveyjs/${n}`, 'filter_ms'), 'SurveyJS Dashboard', fmtMs, n === 1e6 ? 'secpulse < 50 ms' : '');
  if (agg[`secpulse_o3_csv/${n}`]) row('(info) ingest+score CSV, probe built opt-level=3, vs PapaParse arrays', L, M(`secpulse_o3_csv/${n}`, 'ingest_score_ms'), M(`papa_arrays/${n}`, 'parse_ms'), 'PapaParse arrays');
  if (agg[`secpulse_o3_csv/${n}`]) row('(info) filter change, probe built opt-level=3', L, M(`secpulse_o3_csv/${n}`, 'filter_ms'), M(`surveyjs/${n}`, 'filter_ms'), 'SurveyJS Dashboard');
  if (agg[`secpulse_element/${n}`]) {
    const E = (f) => M(`secpulse_element/${n}`, f);
    row('element: load (CSV File) → all score charts on screen, vs SurveyJS JSON text → all charts', L, E('charts_ms'), M(`surveyjs/${n}`, 'load_ms'), 'SurveyJS Dashboard');
    row('element: longest main-thread task while loading', L, E('longtask_max_ms'), M(`surveyjs/${n}`, 'longtask_max_ms'), 'SurveyJS Dashboard', fmtMs, n === 1e6 ? 'secpulse < 200 ms' : '');
    row('element: main-thread long tasks, total, while loading', L, E('longtask_total_ms'), M(`surveyjs/${n}`, 'longtask_total_ms'), 'SurveyJS Dashboard');
    row('element: comment analysis after the score charts (until its panels are drawn)', L, E('comments_ms'), null, '—');
    row('element: filter change (Show menu → charts and comments redrawn)', L, E('filter_ms'), M(`surveyjs/${n}`, 'filter_ms'), 'SurveyJS Dashboard');
    row('element: longest main-thread task during the filter change', L, E('filter_longtask_max_ms'), M(`surveyjs/${n}`, 'filter_longtask_max_ms'), 'SurveyJS Dashboard');
    row('element: peak renderer memory (VmHWM; the worker is in the same process)', L, E('renderer_peak'), M(`surveyjs/${n}`, 'renderer_peak'), 'SurveyJS Dashboard', fmtMB);
  }
  row('peak renderer memory (VmHWM), CSV page', L, M(`secpulse_csv/${n}`, 'renderer_peak'), M(`surveyjs/${n}`, 'renderer_peak'), 'SurveyJS Dashboard', fmtMB, n === 1e6 ? 'ratio < 0.25' : '');
  row('peak renderer memory (VmHWM), JSON page', L, M(`secpulse_json/${n}`, 'renderer_peak'), M(`surveyjs/${n}`, 'renderer_peak'), 'SurveyJS Dashboard', fmtMB);
  row('JS heap used after the work, CSV page', L, M(`secpulse_csv/${n}`, 'js_heap_used'), M(`surveyjs/${n}`, 'js_heap_used'), 'SurveyJS Dashboard', fmtMB);
}
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
rows.push({ what: 'gzipped bytes the page loads (wasm + JS + CSS)', n: '-', ours: kb(sum(secpulseBundle)), peer: kb(sum(surveyjsBundle)), peerName: 'survey-core + survey-analytics + plotly', ratio: sum(secpulseBundle) / sum(surveyjsBundle), target: 'secpulse < 250 KB', ours_median: sum(secpulseBundle), peer_median: sum(surveyjsBundle) });

const big = Math.max(...SIZES);
const targets = big === 1e6 ? {
  ingest_score_vs_papa_arrays_1M: { ratio: ratio(M('secpulse_csv/1000000', 'ingest_score_ms'), M('papa_arrays/1000000', 'parse_ms')), goal: '≤ 0.125' },
  charts_vs_surveyjs_1M: { ratio: ratio(M('secpulse_facade/1000000', 'charts_ms'), M('surveyjs/1000000', 'charts_ms')), goal: '≤ 0.05' },
  filter_change_1M_ms: { value: (M('secpulse_facade/1000000', 'filter_ms') ?? M('secpulse_csv/1000000', 'filter_ms'))?.median ?? null, goal: '< 50' },
  renderer_peak_vs_surveyjs_1M: { ratio: ratio(M('secpulse_facade/1000000', 'renderer_peak') ?? M('secpulse_csv/1000000', 'renderer_peak'), M('surveyjs/1000000', 'renderer_peak')), goal: '< 0.25' },
  // The same two targets for the <secpulse-report> element, which is what a page uses (the lines above: the façade
  // page, which holds the whole file in the page and has no worker).
  filter_change_element_1M_ms: { value: M('secpulse_element/1000000', 'filter_ms')?.median ?? null, goal: '< 50' },
  renderer_peak_element_vs_surveyjs_1M: { ratio: ratio(M('secpulse_element/1000000', 'renderer_peak'), M('surveyjs/1000000', 'renderer_peak')), goal: '< 0.25' },
  bundle_gzip_bytes: { value: sum(secpulseBundle), goal: '< 256000' },
} : null;
if (targets) {
  const t = targets;
  t.ingest_score_vs_papa_arrays_1M.met = t.ingest_score_vs_papa_arrays_1M.ratio != null && t.ingest_score_vs_papa_arrays_1M.ratio <= 0.125;
  t.charts_vs_surveyjs_1M.met = t.charts_vs_surveyjs_1M.ratio != null && t.charts_vs_surveyjs_1M.ratio <= 0.05;
  t.filter_change_1M_ms.met = t.filter_change_1M_ms.value != null && t.filter_change_1M_ms.value < 50;
  t.renderer_peak_vs_surveyjs_1M.met = t.renderer_peak_vs_surveyjs_1M.ratio != null && t.renderer_peak_vs_surveyjs_1M.ratio < 0.25;
  t.filter_change_element_1M_ms.met = t.filter_change_element_1M_ms.value != null && t.filter_change_element_1M_ms.value < 50;
  t.renderer_peak_element_vs_surveyjs_1M.met = t.renderer_peak_element_vs_surveyjs_1M.ratio != null && t.renderer_peak_element_vs_surveyjs_1M.ratio < 0.25;
  t.bundle_gzip_bytes.met = t.bundle_gzip_bytes.value < 250 * 1024;
}
const secpulseImpl = [...new Set(Object.values(raw).flat().map((r) => r.impl).filter(Boolean))].join(' + ') || 'n/a';

const md = [
  `## secpulse vs SurveyJS Dashboard / PapaParse — one headless Chromium run`,
  ``,
  `${new Date().toISOString()} · Chromium ${browserVersion} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${RUNS} fresh-browser runs, median (min–max); every cell is its own browser context.`,
  `Peers: ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}. secpulse measured via: ${secpulseImpl} (probe = bench/probe over the public ingest+score API; facade = www/pkg Dashboard: loadBytes, report, draw × 9 canvases).`,
  `Data: shared generator, seed 1; CSV ${Object.entries(fileBytes).filter(([k]) => k.startsWith('csv')).map(([k, v]) => `${label(Number(k.split('/')[1]))} = ${(v / 1e6).toFixed(1)} MB`).join(', ')}; JSON ${Object.entries(fileBytes).filter(([k]) => k.startsWith('json')).map(([k, v]) => `${label(Number(k.split('/')[1]))} = ${(v / 1e6).toFixed(1)} MB`).join(', ')}. Ratio = secpulse / peer (lower is better).`,
  ``,
  `| measure | N | secpulse | peer | peer value | ratio | target |`,
  `|---|---|---|---|---|---|---|`,
  ...rows.map((r) => `| ${r.what} | ${r.n} | ${r.ours} | ${r.peerName} | ${r.peer} | ${fmtRatio(r.ratio)} | ${r.target} |`),
  ``,
];
if (targets) {
  md.push('Targets at 1M:', '');
  for (const [k, v] of Object.entries(targets)) md.push(`- ${k}: ${v.ratio != null ? `ratio ${v.ratio?.toFixed(3)}` : `value ${v.value == null ? 'n/a' : k === 'bundle_gzip_bytes' ? v.value + ' B' : v.value.toFixed(1) + ' ms'}`} (goal ${v.goal}) — ${v.met ? 'MET' : 'MISSED'}`);
  md.push('');
}
const split = SIZES.map((n) => { const a = M(`secpulse_csv/${n}`, 'ingest_ms'), b = M(`secpulse_csv/${n}`, 'score_ms');
  return a && b ? `${label(n)}: ingest ${fmtMs(a)}, score ${fmtMs(b)}, CSV ${(fileBytes[`csv/${n}`] / 1e6 / (a.median / 1000)).toFixed(0)} MB/s ingest` : null; }).filter(Boolean);
const splitO3 = SIZES.map((n) => { const a = M(`secpulse_o3_csv/${n}`, 'ingest_ms'), b = M(`secpulse_o3_csv/${n}`, 'score_ms');
  return a && b ? `${label(n)}: ingest ${fmtMs(a)}, score ${fmtMs(b)}` : null; }).filter(Boolean);
if (splitO3.length) split.push(`opt-level=3 probe: ${splitO3.join('; ')}`);
if (split.length) md.push(`secpulse CSV split (warm ingest-only + score-only calls after the headline call, same page): ${split.join('; ')}.`, '');
md.push(`Bundle, gzip -9: secpulse ${secpulseBundle.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ') || 'n/a'}; SurveyJS ${surveyjsBundle.map((f) => `${f.file.replace(/^bench\/node_modules\//, '')} ${kb(f.gzip)}`).join(', ')}; PapaParse ${kb(sum(papaBundle))}.`);
md.push('', `Wall time of the browser part: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
const text = md.join('\n');
await mkdir(join(BENCH, 'results'), { recursive: true });
await writeFile(join(BENCH, 'results', 'results.md'), text + '\n');
await writeFile(join(BENCH, 'results', 'results.json'), JSON.stringify({
  date: new Date().toISOString(), chromium: browserVersion, cpus: cpus().length, runs: RUNS, sizes: SIZES, versions,
  secpulse_impl: secpulseImpl, file_bytes: fileBytes, table: rows, targets, aggregates: agg,
  bundles: { secpulse: secpulseBundle, surveyjs: surveyjsBundle, papaparse: papaBundle }, raw,
}, null, 1) + '\n');
console.log(text);
