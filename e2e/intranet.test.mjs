// The elements on an intranet page: zero CSP violations under style-src 'self' (no 'unsafe-inline'),
// the read-only published view, no flash before definition, the `instrument` attribute, light and
// dark themes (charts included), axe at 320 and 1280 px in both, and a dir="rtl" smoke test.
// Build first: scripts/build-wasm.sh
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP } from '../scripts/serve.mjs';
import { start, inkPerCanvas, SCREENSHOTS } from './helpers.mjs';
import { axe, strictPage, violations } from './intranet-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PAGES = {
  dashboard: { path: '', ready: 'body[data-ready="1"]' },
  published: { path: 'published.html', ready: 'body[data-ready="1"]' },
  survey: { path: 'survey.html', ready: 'secpulse-survey form' },
};

async function open(name, opts = {}) {
  const p = await strictPage(env.browser, opts);
  const requests = [];
  p.on('request', (r) => requests.push(new URL(r.url()).pathname));
  p.requests = requests;
  await p.goto(env.url + PAGES[name].path);
  await p.waitForSelector(PAGES[name].ready, { timeout: 60_000 });
  return p;
}

test('the demo server sends the strict policy: style-src without unsafe-inline', () => {
  assert.match(CSP, /style-src 'self';/);
  assert.doesNotMatch(CSP, /unsafe-inline/);
});

for (const name of Object.keys(PAGES)) {
  test(`no CSP violation on the ${name} page, in light and dark, with exports`, async () => {
    const p = await open(name, { colorScheme: 'dark' });
    if (name !== 'survey') {
      await p.evaluate(async () => {
        const el = document.querySelector('secpulse-report');
        const drawn = new Promise((ok) => el.addEventListener('secpulse-drawn', ok, { once: true }));
        el.setAttribute('theme', 'light');
        await drawn;
        el.svg('balance');
      });
    }
    assert.deepEqual(await violations(p), [], `${name}: securitypolicyviolation events`);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  });
}

test('a published view is read-only, and its src is fetched once', async () => {
  const p = await open('published');
  const el = p.locator('secpulse-report');
  assert.equal(p.requests.filter((r) => r.endsWith('/report.json')).length, 1, 'report.json fetched once');
  for (const text of ['Load a file…', 'Publish report']) {
    assert.equal(await el.getByRole('button', { name: text }).count(), 0, `no "${text}" button`);
  }
  const emptyMenus = await p.evaluate(() => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('select')]
    .filter((s) => s.checkVisibility() && s.options.length < 2).length);
  assert.equal(emptyMenus, 0, 'no visible menu without a choice');
  for (const c of await inkPerCanvas(p)) assert.ok(c.ink > 400, `${c.kind} drawn from the sample report`);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('slotted content does not show before the element is defined', async () => {
  const p = await strictPage(env.browser);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await p.route(/\/secpulse\.js$/, async (route) => { await held; await route.continue(); });
  await p.goto(env.url + 'survey.html', { waitUntil: 'commit' });
  const link = p.locator('secpulse-survey > [slot="thanks"]');
  await link.waitFor({ state: 'attached' });
  // What the reader sees: nothing is painted before the head's stylesheets are in (they block rendering).
  await p.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/secpulse.css')));
  assert.equal(await p.evaluate(() => customElements.get('secpulse-survey')), undefined, 'not defined yet');
  assert.equal(await link.isVisible(), false, 'the thank-you link is hidden while undefined');
  release();
  await p.locator('secpulse-survey form').waitFor();
  assert.deepEqual(await violations(p), []);
  await p.context().close();
});

test('the instrument attribute gives the dashboard the instrument of its raw responses', async () => {
  const p = await strictPage(env.browser);
  const rows = JSON.stringify(Array.from({ length: 12 }, (_, i) => ({ department: 'Engineering', en1: 1 + (i % 5), workaround: i % 2 })));
  await p.route(/\/test-rows\.json$/, (route) => route.fulfill({ contentType: 'application/json', body: rows }));
  await p.goto(env.url + 'survey.html');
  const summaries = await p.evaluate(async () => {
    const url = 'test-rows.json';
    const load = async (attrs) => {
      const el = document.createElement('secpulse-report');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const done = new Promise((ok) => {
        el.addEventListener('secpulse-loaded', (e) => ok(e.detail.summary));
        el.addEventListener('secpulse-error', (e) => ok({ error: e.detail.message }));
      });
      document.body.append(el);
      const got = await done;
      el.remove();
      return got;
    };
    return { plain: await load({ src: url }), sensitive: await load({ src: url, instrument: 'examples/instrument-sensitive.json' }) };
  });
  assert.ok(summaries.plain.extra_columns?.includes('workaround'), JSON.stringify(summaries.plain));
  assert.ok(!summaries.sensitive.extra_columns?.includes('workaround'), JSON.stringify(summaries.sensitive));
  await p.context().close();
});

/** Background of the chart canvas's top-left pixel and the panel's computed background. */
const chartBackground = (p) => p.evaluate(() => {
  const root = document.querySelector('secpulse-report').shadowRoot;
  const canvas = root.querySelector('canvas[data-chart="balance"]');
  const [r, g, b] = canvas.getContext('2d').getImageData(1, 1, 1, 1).data;
  return { pixel: `rgb(${r}, ${g}, ${b})`, panel: getComputedStyle(canvas.closest('section')).backgroundColor };
});

test('charts follow the theme: dark by preference, light by attribute, and the page\'s own panel colour', async () => {
  const p = await open('dashboard', { colorScheme: 'dark' });
  let bg = await chartBackground(p);
  assert.equal(bg.pixel, bg.panel, 'chart background = panel background');
  assert.equal(bg.pixel, 'rgb(22, 24, 28)', 'dark by prefers-color-scheme');
  /** Sets the theme attribute (and a page panel colour) and waits for the charts to be drawn again. */
  const redraw = (theme, panel) => p.evaluate(({ theme, panel }) => {
    const el = document.querySelector('secpulse-report');
    const drawn = new Promise((ok) => el.addEventListener('secpulse-drawn', ok, { once: true }));
    if (panel) el.style.setProperty('--secpulse-panel', panel);
    el.setAttribute('theme', theme);
    return drawn;
  }, { theme, panel });
  await redraw('light');
  bg = await chartBackground(p);
  assert.equal(bg.pixel, 'rgb(255, 255, 255)', 'theme="light" wins over the preference');
  await redraw('auto', '#fdf6e3');
  bg = await chartBackground(p);
  assert.equal(bg.pixel, 'rgb(253, 246, 227)', 'the page\'s --secpulse-panel is the chart background');
  assert.deepEqual(await violations(p), []);
  await p.context().close();
});

test('the survey is readable in dark mode: text areas and labels take the dark theme', async () => {
  const p = await open('survey', { colorScheme: 'dark' });
  const colors = await p.evaluate(() => {
    const root = document.querySelector('secpulse-survey').shadowRoot;
    const style = (sel) => { const s = getComputedStyle(root.querySelector(sel)); return { color: s.color, bg: s.backgroundColor }; };
    return { host: getComputedStyle(document.querySelector('secpulse-survey')).backgroundColor, legend: style('legend').color };
  });
  assert.equal(colors.host, 'rgb(15, 17, 20)');
  assert.equal(colors.legend, 'rgb(240, 240, 240)');
  await p.context().close();
});

for (const name of Object.keys(PAGES)) {
  for (const width of [320, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe: ${name} at ${width} px, ${colorScheme}`, async () => {
        const p = await open(name, { width, height: 900, colorScheme });
        if (name === 'survey') {
          // Show the text areas too (the page with the free-text questions).
          await p.evaluate(() => document.querySelector('secpulse-survey').setAttribute('mode', 'single'));
          await p.locator('secpulse-survey textarea').first().waitFor();
        }
        await axe(p, `${name} ${width} ${colorScheme}`);
        await p.screenshot({ path: `${SCREENSHOTS}intranet-${name}-${width}-${colorScheme}.png`, fullPage: width === 320 && name === 'survey' ? false : true });
        assert.deepEqual(await violations(p), []);
        assert.deepEqual(p.problems, []);
        await p.context().close();
      });
    }
  }
}

test('dir="rtl" smoke test: the survey and the dashboard mirror, charts still draw', async () => {
  const p = await strictPage(env.browser, { width: 800 });
  await p.addInitScript(() => { document.addEventListener('DOMContentLoaded', () => { document.documentElement.dir = 'rtl'; }); });
  await p.goto(env.url + 'survey.html');
  await p.locator('secpulse-survey form').waitFor();
  const layout = await p.evaluate(() => {
    const root = document.querySelector('secpulse-survey').shadowRoot;
    const opt = root.querySelector('.opts.list .opt');
    const input = opt.querySelector('input').getBoundingClientRect();
    const text = opt.querySelector('.txt').getBoundingClientRect();
    return { inputRight: input.right, textRight: text.right, notice: getComputedStyle(root.querySelector('.notice')).borderRightWidth };
  });
  assert.ok(layout.inputRight > layout.textRight, 'the radio is on the right of its label in RTL');
  assert.equal(layout.notice, '4px', 'the notice bar is on the inline start (right) side');
  await p.screenshot({ path: `${SCREENSHOTS}intranet-survey-rtl.png` });
  await axe(p, 'survey rtl');
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  for (const c of await inkPerCanvas(p)) assert.ok(c.ink > 400, `${c.kind} drawn in RTL`);
  await p.screenshot({ path: `${SCREENSHOTS}intranet-dashboard-rtl.png` });
  assert.deepEqual(await violations(p), []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});
