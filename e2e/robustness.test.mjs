// End-to-end: the elements never stay silently broken. A real panic of the release wasm (it traps as
// `WebAssembly.RuntimeError: unreachable`, panic = "abort") is shown and recovered from; a wasm or glue
// file that fails to load is a visible error with a way to try again; the survey page loads only the
// survey wasm.
//
// How the crash is triggered, with no test hook in the shipped code: the test serves the wasm-bindgen glue
// (pkg/secpulse.js, every instance of it) with a few lines appended that, while `window.crashes` is above
// zero, point the page's Viewer's wasm pointer outside the wasm memory before a call. The core then traps for
// real (`WebAssembly.RuntimeError: memory access out of bounds`), exactly as a panic of the release build
// (`unreachable`) would. (The core itself has no reachable panic left to use: it used to be plotters'
// DOM text measurement with a null document.body; charts now measure with a canvas.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page, inkPerCanvas } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const alertText = (p) => p.evaluate(() => document.querySelector('secpulse-report').shadowRoot.querySelector('[role="alert"]').textContent);
const waitAlert = (p, re) => p.waitForFunction((src) => {
  const a = document.querySelector('secpulse-report').shadowRoot.querySelector('[role="alert"]');
  return !a.hidden && new RegExp(src).test(a.textContent);
}, re.source, { timeout: 30_000 });

/** Appended to the glue: while window.crashes > 0, a Viewer call traps (its pointer is out of the wasm memory). */
const CRASHER = `
for (const name of ['draw', 'svg']) {
  const call = Viewer.prototype[name];
  Viewer.prototype[name] = function (...args) {
    if (globalThis.crashes > 0) { globalThis.crashes--; this.__wbg_ptr = 0xfffff000; }
    return call.apply(this, args);
  };
}
`;

/** Serves the dashboard glue with CRASHER appended (every instance of it). */
async function withCrasher(p) {
  await p.route(/\/pkg\/secpulse\.js(\?.*)?$/, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: (await res.text()) + CRASHER });
  });
}

/** Clicks "Download SVG" of chart `kind` with `crashes` calls set to trap; returns the alert text right after. */
function clickSvgCrashing(p, kind, { restore = true } = {}) {
  return p.evaluate(({ kind, restore }) => {
    const el = document.querySelector('secpulse-report');
    window.errorEvents ??= [];
    if (!window.listening) {
      window.listening = true;
      el.addEventListener('secpulse-error', (e) => window.errorEvents.push(e.detail));
    }
    const button = [...el.shadowRoot.querySelectorAll(`section[data-kind="${kind}"] button`)].find((b) => b.textContent === 'Download SVG');
    window.crashes = restore ? 1 : 1000;
    button.click();
    const alert = el.shadowRoot.querySelector('[role="alert"]');
    return { text: alert.textContent, hidden: alert.hidden };
  }, { kind, restore });
}

async function demo() {
  const p = await page(env.browser);
  await withCrasher(p);
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  return p;
}

test('a wasm panic is shown plainly; the dashboard restarts the core and loads its data again', async () => {
  const p = await demo();
  const el = 'secpulse-report';
  const before = await p.evaluate((s) => ({ json: document.querySelector(s).publish(), drawn: Number(document.querySelector(s).dataset.drawn) }), el);

  const right = await clickSvgCrashing(p, 'nps');
  assert.equal(right.hidden, false, 'the message shows at once');
  assert.match(right.text, /stopped unexpectedly.*Restarting/);
  await waitAlert(p, /loaded again/);
  const events = await p.evaluate(() => window.errorEvents);
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.ok(events[0].crashed && /memory access out of bounds/.test(events[0].message), `a real wasm trap: ${events[0].message}`);

  // Same data as before the crash (the published JSON of the view is deterministic), charts redrawn.
  const after = await p.evaluate((s) => ({ json: document.querySelector(s).publish(), drawn: Number(document.querySelector(s).dataset.drawn) }), el);
  assert.equal(after.json, before.json, 'the data was loaded again');
  assert.ok(after.drawn > before.drawn, 'the charts were drawn again');
  for (const c of await inkPerCanvas(p)) assert.ok(c.ink > 400, `${c.kind} blank after recovery`);
  assert.ok((await p.evaluate((s) => document.querySelector(s).svg('nps'), el)).startsWith('<svg'), 'SVG export works again');
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('a panic again while restarting leaves a plain error and a Retry button that works', async () => {
  const p = await demo();
  // The crashes go on, so reloading the data into the fresh core (it draws the canvases) traps too.
  await clickSvgCrashing(p, 'balance', { restore: false });
  await waitAlert(p, /could not be restarted/);
  assert.match(await alertText(p), /stopped unexpectedly.*could not be restarted.*memory access out of bounds/);
  await p.evaluate(() => { window.crashes = 0; });
  const retry = p.locator('secpulse-report [role="alert"] button', { hasText: 'Retry' });
  await retry.click();
  await waitAlert(p, /loaded again/);
  for (const c of await inkPerCanvas(p)) assert.ok(c.ink > 400, `${c.kind} blank after retry`);
  assert.deepEqual(p.problems, []);
  await p.close();
});

for (const file of ['secpulse_bg.wasm', 'secpulse.js']) {
  test(`the dashboard shows a plain error when pkg/${file} does not load, and Retry recovers`, async () => {
    const p = await page(env.browser);
    const missing = `**/pkg/${file}`;
    await p.route(missing, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await p.goto(env.url);
    await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    await waitAlert(p, /could not be loaded/);
    const text = await alertText(p);
    assert.match(text, new RegExp(`Could not load the data: the analysis engine could not be loaded \\(could not load /pkg/${file.replace('.', '\\.')}`));
    if (file.endsWith('.wasm')) assert.match(text, /HTTP 404/);
    await p.unroute(missing);
    await p.locator('secpulse-report [role="alert"] button', { hasText: 'Retry' }).click();
    await p.waitForFunction(() => Number(document.querySelector('secpulse-report').dataset.drawn) > 0, null, { timeout: 60_000 });
    assert.equal(await p.evaluate(() => document.querySelector('secpulse-report').shadowRoot.querySelector('[role="alert"]').hidden), true);
    for (const c of await inkPerCanvas(p)) assert.ok(c.ink > 400, `${c.kind} blank after retry`);
    // The only problems are the 404s themselves.
    assert.deepEqual(p.problems.filter((m) => !/404/.test(m)), []);
    await p.close();
  });
}

// The built-in instrument's file is not in the survey wasm: without it the survey cannot be shown.
for (const file of ['secpulse_survey_bg.wasm', 'secpulse_survey_instrument.json']) {
  test(`the survey page loads only the survey wasm; when pkg/${file} fails, a plain error and Try again`, async () => {
    const p = await page(env.browser);
    const requested = [];
    p.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const missing = `**/pkg/${file}`;
    await p.route(missing, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await p.goto(`${env.url}survey.html`);
    const alert = p.locator('secpulse-survey [role="alert"]');
    await alert.waitFor({ state: 'visible' });
    assert.equal(await alert.locator('p').textContent(), `The survey could not be loaded: could not load /pkg/${file}: HTTP 404`);
    await p.unroute(missing);
    await p.locator('secpulse-survey [role="alert"] button', { hasText: 'Try again' }).click();
    await p.locator('secpulse-survey form').waitFor();
    const pkg = requested.filter((path) => path.startsWith('/pkg/'));
    assert.deepEqual([...new Set(pkg)].sort(), ['/pkg/secpulse_survey.js', '/pkg/secpulse_survey_bg.wasm', '/pkg/secpulse_survey_instrument.json']);
    assert.deepEqual(p.problems.filter((m) => !/404/.test(m)), []);
    await p.close();
  });
}
