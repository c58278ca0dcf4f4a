// End-to-end: the elements never stay silently broken. A real panic of the release wasm (it traps as
// `WebAssembly.RuntimeError: unreachable`, panic = "abort") is shown and recovered from; a wasm or glue
// file that fails to load is a visible error with a way to try again; the survey page loads only the
// survey wasm.
//
// How the panic is triggered, with no test hook in the shipped code: plotters measures text by appending
// a <span> to document.body and unwrap()s it (plotters 0.3.7 src/style/font/web.rs). The test makes
// `document.body` read as null for the duration of one click on "Download SVG", so the core panics inside
// a normal export call. Normal pages always have a body; nothing a user does reaches this.
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

/** Clicks "Download SVG" of chart `kind` while document.body reads as null; returns the alert text right after. */
function clickSvgWithoutBody(p, kind, { restore = true } = {}) {
  return p.evaluate(({ kind, restore }) => {
    const el = document.querySelector('secpulse-report');
    window.errorEvents ??= [];
    if (!window.listening) {
      window.listening = true;
      el.addEventListener('secpulse-error', (e) => window.errorEvents.push(e.detail));
    }
    const button = [...el.shadowRoot.querySelectorAll(`section[data-kind="${kind}"] button`)].find((b) => b.textContent === 'Download SVG');
    Object.defineProperty(document, 'body', { configurable: true, get: () => null });
    try {
      button.click();
    } finally {
      if (restore) delete document.body;
    }
    const alert = el.shadowRoot.querySelector('[role="alert"]');
    return { text: alert.textContent, hidden: alert.hidden };
  }, { kind, restore });
}

async function demo() {
  const p = await page(env.browser);
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  return p;
}

test('a wasm panic is shown plainly; the dashboard restarts the core and loads its data again', async () => {
  const p = await demo();
  const el = 'secpulse-report';
  const before = await p.evaluate((s) => ({ json: document.querySelector(s).publish(), drawn: Number(document.querySelector(s).dataset.drawn) }), el);

  const right = await clickSvgWithoutBody(p, 'nps');
  assert.equal(right.hidden, false, 'the message shows at once');
  assert.match(right.text, /stopped unexpectedly.*Restarting/);
  await waitAlert(p, /loaded again/);
  const events = await p.evaluate(() => window.errorEvents);
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.ok(events[0].crashed && /unreachable/.test(events[0].message), `a real wasm trap: ${events[0].message}`);

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
  // document.body stays null, so reloading the data (it redraws the canvases, which measure text) panics too.
  await clickSvgWithoutBody(p, 'balance', { restore: false });
  await waitAlert(p, /could not be restarted/);
  assert.match(await alertText(p), /stopped unexpectedly.*could not be restarted.*unreachable/);
  await p.evaluate(() => { delete document.body; });
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

test('the survey page loads only the survey wasm; when it fails, a plain error and Try again', async () => {
  const p = await page(env.browser);
  const requested = [];
  p.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const missing = '**/pkg/secpulse_survey_bg.wasm';
  await p.route(missing, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await p.goto(`${env.url}survey.html`);
  const alert = p.locator('secpulse-survey [role="alert"]');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent(), /The survey could not be loaded: could not load \/pkg\/secpulse_survey_bg\.wasm: HTTP 404/);
  await p.unroute(missing);
  await p.locator('secpulse-survey [role="alert"] button', { hasText: 'Try again' }).click();
  await p.locator('secpulse-survey form').waitFor();
  const pkg = requested.filter((path) => path.startsWith('/pkg/'));
  assert.deepEqual([...new Set(pkg)].sort(), ['/pkg/secpulse_survey.js', '/pkg/secpulse_survey_bg.wasm']);
  assert.deepEqual(p.problems.filter((m) => !/404/.test(m)), []);
  await p.close();
});
