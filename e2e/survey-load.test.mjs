// End-to-end: how the survey page loads (issue 15). Every file of <secpulse-survey> is asked for at
// once (secpulse.js's SURVEY_FILES, the same list as survey.html's preload links): its module, bundled
// into one file that imports nothing else and is newer than each of its sources, and its wasm core; a
// survey-only page loads no dashboard code or wasm. The report element's modules are asked for at once too (REPORT_FILES).
// Build first: scripts/build-wasm.sh. The load time itself is measured in bench/survey_load.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, page } from './helpers.mjs';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
/** The survey's core (core.js imports its glue by name, not statically) and its built-in instrument. */
const SURVEY_CORE = ['pkg/secpulse_survey.js', 'pkg/secpulse_survey_bg.wasm', 'pkg/secpulse_survey_instrument.json'];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The modules `entry` (a path under www/) imports, directly or not, itself included; paths under www/. */
function importGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(WWW, file), 'utf8');
    const statements = /^\s*(?:import|export)\s(?:[^;'"]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm;
    for (const [, spec] of source.matchAll(statements)) visit(relative(WWW, join(WWW, dirname(file), spec)));
  };
  visit(entry);
  return [...seen];
}

/** A file list secpulse.js exports (SURVEY_FILES, REPORT_FILES). */
function listed(name) {
  const source = readFileSync(join(WWW, 'secpulse.js'), 'utf8');
  const list = source.match(new RegExp(`export const ${name} = \\[([^\\]]*)\\]`))[1];
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}
const surveyFiles = () => listed('SURVEY_FILES');

test('SURVEY_FILES is the survey module file plus its wasm core, and survey.html preloads exactly it', () => {
  const expected = ['secpulse-survey.js', ...SURVEY_CORE].sort();
  assert.deepEqual([...surveyFiles()].sort(), expected);
  const html = readFileSync(join(WWW, 'survey.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(links.sort(), expected);
});

test('secpulse-survey.js is every survey module in one file, made after the last change to any of them', () => {
  const bundle = readFileSync(join(WWW, 'secpulse-survey.js'), 'utf8');
  assert.deepEqual([...bundle.matchAll(/\b(?:import|export)\s*(?:[^;'"]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]), [],
    'static imports left in the bundle');
  const sources = importGraph('survey/element.js');
  assert.ok(sources.includes('survey/widgets.js') && sources.includes('core.js'));
  const built = statSync(join(WWW, 'secpulse-survey.js')).mtimeMs;
  const newer = sources.filter((f) => statSync(join(WWW, f)).mtimeMs > built);
  assert.deepEqual(newer, [], 'changed since the bundle was made: run scripts/bundle-survey.sh');
  for (const f of sources) assert.ok(bundle.includes(`// www/${f}`), `${f} is in the bundle`);
});

test('REPORT_FILES is the import graph of the report element, and a report page asks for each file once', async () => {
  const files = listed('REPORT_FILES');
  assert.deepEqual([...files].sort(), importGraph('secpulse-report.js').sort());
  const p = await page(env.browser);
  const requested = [];
  p.on('request', (r) => requested.push(new URL(r.url()).pathname.slice(1)));
  await p.goto(`${env.url}published.html`);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  for (const file of files) assert.equal(requested.filter((f) => f === file).length, 1, `${file} requested once`);
  const preloaded = await p.evaluate(() => [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname.slice(1)));
  assert.deepEqual(preloaded.sort(), [...files].sort());
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('the survey page asks for every survey file once and loads no dashboard code', async () => {
  const p = await page(env.browser);
  const requested = [];
  p.on('request', (r) => requested.push(new URL(r.url()).pathname.slice(1)));
  await p.goto(`${env.url}survey.html`);
  await p.locator('secpulse-survey form').waitFor();
  for (const file of surveyFiles()) {
    assert.equal(requested.filter((f) => f === file).length, 1, `${file} requested once: ${requested.join(' ')}`);
  }
  const dashboard = requested.filter((f) => f === 'secpulse-report.js' || f.startsWith('report/') || /^pkg\/secpulse(_bg)?\./.test(f));
  assert.deepEqual(dashboard, []);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('the built-in instrument file is exactly what the core gives, and the survey core leaves it out', async () => {
  const p = await page(env.browser);
  await p.goto(`${env.url}survey.html`);
  const [file, core, inSurvey] = await p.evaluate(async () => {
    const { builtInInstrument, loadCore } = await import('./core.js');
    const survey = await loadCore('survey');
    return [await builtInInstrument(), (await loadCore('dashboard')).defaultInstrument(), 'defaultInstrument' in survey];
  });
  assert.deepEqual(file, core);
  assert.equal(inSurvey, false, 'the survey core has no defaultInstrument()');
  assert.ok(file.sections.length > 0);
  await p.close();
});

test('a page without the preload links still gets every survey file at once, and an element added later is defined', async () => {
  const p = await page(env.browser);
  const requested = [];
  p.on('request', (r) => requested.push(new URL(r.url()).pathname.slice(1)));
  // published.html has no survey: the survey's files come only when a <secpulse-survey> appears.
  await p.goto(`${env.url}published.html`);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const surveyOnly = (f) => f === 'secpulse-survey.js' || f.startsWith('pkg/secpulse_survey');
  assert.deepEqual(requested.filter(surveyOnly), []);
  await p.evaluate(() => document.querySelector('main').append(document.createElement('secpulse-survey')));
  await p.locator('secpulse-survey form').waitFor();
  const preloaded = await p.evaluate(() => [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')]
    .map((l) => new URL(l.href).pathname.slice(1)));
  const reportFiles = listed('REPORT_FILES');
  assert.deepEqual(preloaded.filter((f) => !reportFiles.includes(f)).sort(), [...surveyFiles()].sort());
  assert.deepEqual(p.problems, []);
  await p.close();
});
