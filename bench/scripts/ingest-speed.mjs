// Warm ingest throughput in wasm (Node's V8, the same tiers as Chromium): the probe's
// `ingestOnly` (bench/probe: the public `read_responses`) of a CSV already in wasm memory,
// beside PapaParse arrays on the same text, in one run; medians after a warm-up.
//   node scripts/ingest-speed.mjs DATA.csv PROBE_PKG_DIR [more PROBE_PKG_DIRs…] [--papa DIR] [--runs 5]
// (DIR: where node_modules/papaparse is; default bench/)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i < 0 ? fallback : args.splice(i, 2)[1]; };
const runs = Number(opt('--runs', 5));
const papaDir = resolve(opt('--papa', new URL('..', import.meta.url).pathname));
const [data, ...pkgs] = args;
const bytes = new Uint8Array(readFileSync(data));
const text = new TextDecoder().decode(bytes);
const instrument = readFileSync(new URL('../instrument.json', import.meta.url), 'utf8');
const mb = bytes.length / 1e6;
const median = (f) => {
  f(); f(); // warm-up: V8 tiers wasm up, and the wasm memory grows to its size
  const times = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); f(); times.push(performance.now() - t); }
  return times.sort((a, b) => a - b)[runs >> 1];
};
const line = (name, ms, peer) => console.log(`${name}: ${ms.toFixed(0)} ms, ${(mb / ms * 1e3).toFixed(0)} MB/s${peer ? `, ${(ms / peer).toFixed(2)} × PapaParse` : ''}`);
const Papa = createRequire(resolve(papaDir, 'package.json'))('papaparse');
const papa = median(() => Papa.parse(text, { skipEmptyLines: true }));
console.log(`${data}: ${mb.toFixed(1)} MB, ${runs} runs each`);
line('PapaParse arrays (parse only)', papa);
for (const dir of pkgs) {
  const mod = await import(resolve(dir, 'secpulse_bench_probe.js'));
  mod.initSync({ module: readFileSync(resolve(dir, 'secpulse_bench_probe_bg.wasm')) });
  const probe = new mod.Probe(instrument);
  line(`secpulse ingest (${dir})`, median(() => probe.ingestOnly(bytes, false)), papa);
  probe.free();
}
