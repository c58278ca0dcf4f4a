// The façade's ingest + score + filter in Node's V8 (same wasm tiers as Chromium, no
// drawing), timed by CPU time (process.cpuUsage), which a loaded machine disturbs far less
// than wall time; for A/B comparisons of builds. Wall time printed too.
//   node scripts/node-facade.mjs [pkgDir=../www/pkg] [data=data/r1000000.csv]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
const dir = resolve(process.argv[2] ?? new URL('../../www/pkg', import.meta.url).pathname);
const data = process.argv[3] ?? new URL('../data/r1000000.csv', import.meta.url).pathname;
const mod = await import(resolve(dir, 'secpulse.js'));
mod.initSync({ module: readFileSync(resolve(dir, 'secpulse_bg.wasm')) });
const instrument = readFileSync(new URL('../instrument.json', import.meta.url), 'utf8');
let bytes = new Uint8Array(readFileSync(data));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const step = (f) => { const c = cpu(), w = performance.now(); f(); return [cpu() - c, performance.now() - w]; };
const d = new mod.Dashboard(instrument);
const view = { by: ['department'], wave: 'wave' };
const load = step(() => d.loadBytes(bytes));
const score = step(() => d.report(view));
const filter = step(() => d.report({ ...view, filter: { segment: { column: 'department', value: 'Engineering' } } }));
const filter2 = step(() => d.report({ ...view, filter: { segment: { column: 'department', value: 'Finance' } } }));
const f = ([c, w]) => `${c.toFixed(0)} cpu/${w.toFixed(0)} wall ms`;
console.log(`load ${f(load)} | report ${f(score)} | filter ${f(filter)} | filter2 ${f(filter2)} | rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
