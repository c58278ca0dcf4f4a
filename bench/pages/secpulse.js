// secpulse in the browser: bytes in memory → scored report (ingest + score), a filter change,
// and (through the dashboard façade, once merged) time to every chart drawn.
import { params, now, fetchBytes, fetchText, painted, pause, done, fail } from './common.js';

const json = params.get('fmt') === 'json';
const instrument = await fetchText('/bench/instrument.json');

async function probe(bytes, dir) {
  const mod = await import(`/bench/probe/${dir}/secpulse_bench_probe.js`);
  await mod.default({ module_or_path: `/bench/probe/${dir}/secpulse_bench_probe_bg.wasm` });
  const p = new mod.Probe(instrument);
  // Headline: the first (cold) call, as when a file is dropped on the page.
  const t0 = now();
  const reportBytes = p.ingestScore(bytes, json);
  const t1 = now();
  await pause();
  const t2 = now();
  const filtered = p.filter('department', 'Engineering');
  const t3 = now();
  // Split of the time (warm, after the headline call).
  let ingest_ms = null, score_ms = null;
  if (params.get('split') === '1') {
    await pause();
    const a = now(); p.ingestOnly(bytes, json); const b = now(); p.scoreOnly(); const c = now();
    ingest_ms = b - a; score_ms = c - b;
  }
  return { impl: 'probe', ingest_score_ms: t1 - t0, filter_ms: t3 - t2, ingest_ms, score_ms, report_bytes: reportBytes, filtered_rows: filtered, charts_ms: null };
}

const KINDS = ['dimensions', 'likert', 'heatmap', 'trend', 'balance', 'nps', 'sentiment', 'stance', 'themes'];

/** The product path: the dashboard façade (www/pkg) scores, its Viewer draws the released report, every chart kind onto its own canvas. */
async function facade(bytes) {
  const mod = await import('/www/pkg/secpulse.js');
  await mod.default({ module_or_path: '/www/pkg/secpulse_bg.wasm' });
  const viewer = new mod.Viewer();
  const view = { by: ['department'], wave: 'wave' };
  const host = document.getElementById('report');
  const canvases = KINDS.map((k) => { const c = document.createElement('canvas'); c.width = 900; c.height = 420; c.dataset.kind = k; host.append(c); return c; });
  const drawAll = (d, o) => { let drawn = 0; const errors = [];
    viewer.loadReport(d.reportJson(o));
    KINDS.forEach((k, i) => { try { viewer.draw(k, canvases[i], { segment: 'department' }); drawn++; } catch (e) { errors.push(`${k}: ${e.message || e}`); } });
    return { drawn, errors }; };
  const d = new mod.Dashboard(instrument);
  const t0 = now();
  d.loadBytes(bytes);
  const t1 = now();
  d.report(view);
  const t2 = now();
  const first = drawAll(d, view);
  await painted();
  const t3 = now();
  await pause();
  const t4 = now();
  drawAll(d, { ...view, filter: { segment: { column: 'department', value: 'Engineering' } } });
  await painted();
  const t5 = now();
  return { impl: 'facade', ingest_score_ms: t2 - t0, ingest_ms: t1 - t0, score_ms: t2 - t1, charts_ms: t3 - t0,
    filter_ms: t5 - t4, charts: first.drawn, chart_errors: first.errors, rows: d.rows() };
}

try {
  const bytes = await fetchBytes(params.get('data'));
  await pause();
  const impl = params.get('impl') || 'probe';
  const r = impl === 'facade' ? await facade(bytes) : await probe(bytes, params.get('probe') === 'o3' ? 'pkg-o3' : 'pkg');
  done(r);
} catch (e) { fail(e); }
