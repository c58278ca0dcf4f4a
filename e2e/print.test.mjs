// End-to-end: the board report file (`secpulse report`) and the dashboard's print view, printed to PDF by
// Chromium (page.pdf, A4 and Letter). Checks the page count, that no chart is split from its title or cut
// across pages, that all text can be extracted (pdftotext), and axe on the HTML. Page PNGs (pdftoppm) go to
// e2e/screenshots/ to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start, page, SCREENSHOTS } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SENSITIVE = join(ROOT, 'www/examples/instrument-sensitive.json');
const FORMATS = ['A4', 'Letter'];

let env, dir, reportFile;

/** Runs the secpulse CLI (built by cargo if needed) in the repository root; returns stdout. */
function secpulse(...args) {
  return execFileSync('cargo', ['run', '-q', '--bin', 'secpulse', '--', ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
}

before(async () => {
  env = await start();
  dir = mkdtempSync(join(tmpdir(), 'secpulse-print-'));
  // 3,000 respondents of the instrument with a randomized-response question, in two waves; by department.
  writeFileSync(join(dir, 'responses.csv'), secpulse('synth', '--n', '3000', '--seed', '7', '--instrument', SENSITIVE));
  reportFile = join(dir, 'report.html');
  secpulse('report', join(dir, 'responses.csv'), '--instrument', SENSITIVE, '-o', reportFile);
});
after(async () => { await env?.close(); if (dir) rmSync(dir, { recursive: true, force: true }); });

/** The PDF's pages as text (pdftotext -layout per page, whitespace collapsed, ligatures such as “ﬀ” spelled out by NFKC). */
function pdfPages(file) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'],
    { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' '));
}

/** Writes `pdf`, renders every page to PNG (look at them) and returns the pages' text. */
function keep(pdf, name) {
  const file = `${SCREENSHOTS}${name}.pdf`;
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', file, `${SCREENSHOTS}${name}-page`]);
  return pdfPages(file);
}

/** Text items of an SVG document, in order (entities decoded). */
function svgTexts(svg) {
  const decode = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]).trim()).filter(Boolean);
}

/**
 * A chart is one picture (inline <svg> or <img>), which Chromium never splits; what could break is the title
 * landing on another page than its picture, or a picture taller than a page being cut. So: the page that
 * holds a chart's title also holds the first and last text of its picture.
 */
function assertChartsWhole(pages, charts) {
  const squash = (s) => s.normalize('NFKC').replace(/\s+/g, ' ');
  for (const { title, svg } of charts) {
    const at = pages.findIndex((p) => p.includes(squash(title)));
    assert.ok(at >= 0, `chart title "${title}" is in the PDF text`);
    const texts = svgTexts(svg);
    for (const t of [texts[0], texts.at(-1)]) {
      assert.ok(pages[at].includes(squash(t)), `"${title}" (page ${at + 1}) has its picture's text "${t}" on the same page`);
    }
  }
}

test('the board report file prints on A4 and Letter with whole charts and extractable text', async () => {
  const p = await page(env.browser, { width: 1000, height: 900 });
  await p.goto(pathToFileURL(reportFile).href);
  // Its own CSP (default-src 'none', the style sheet by hash) blocks nothing the file needs: no console errors.
  const styled = await p.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize);
  assert.equal(styled, '28px', 'the hashed style sheet applies (21pt)');
  const charts = await p.evaluate(() => [...document.querySelectorAll('section.chart')].map((s) => ({
    title: s.querySelector('h2').textContent, svg: s.querySelector('svg').outerHTML,
  })));
  assert.deepEqual(charts.map((c) => c.title.split(' ')[0]), ['Does', 'What', 'How', 'Would', 'How', 'Sensitive', 'Which']);
  const expected = { A4: 11, Letter: 11 };
  for (const format of FORMATS) {
    const pages = keep(await p.pdf({ format, printBackground: true }), `board-report-${format}`);
    console.log(`# board report, ${format}: ${pages.length} pages`);
    assert.equal(pages.length, expected[format], `${format} page count`);
    // Page 1 is the executive summary with strengths and risks; the charts start on page 2.
    assert.match(pages[0], /Executive summary .*Security team index .*Security NPS .*Strengths and risks/);
    assert.ok(!pages[0].includes(charts[0].title), 'the summary page holds the summary only');
    assertChartsWhole(pages, charts);
    const all = pages.join(' ');
    for (const text of ['Method and anonymity', 'By department', 'Executive Office', '< 5', 'Data tables', 'randomized response',
      'Which business systems matter most']) {
      assert.ok(all.includes(text), `${format}: "${text}" can be extracted`);
    }
    for (const [i, text] of pages.entries()) assert.ok(text.trim().length > 0, `${format} page ${i + 1} has text`);
  }
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('axe finds nothing on the board report file', async () => {
  const p = await page(env.browser, { width: 1000, height: 900, bypassCSP: true });
  await p.goto(pathToFileURL(reportFile).href);
  await p.addScriptTag({ content: AXE });
  const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(found, []);
  assert.ok(result.passes.some((r) => r.id === 'color-contrast'), 'the contrast rule ran');
  await p.close();
});

/** The demo dashboard, drawn, in print media (as printing starts), with its print pictures made and loaded. */
async function printableDemo(instrument = null) {
  const p = await page(env.browser, { width: 1280, height: 900 });
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  if (instrument) {
    await p.evaluate(async (json) => {
      const el = document.querySelector('secpulse-report');
      el.instrument = json;
      await el.loadSample(3000, 5);
    }, instrument);
  }
  // The pictures are made when printing starts, not ahead.
  const printed = await p.evaluate(() => document.querySelector('secpulse-report').dataset.printed ?? '0');
  await p.emulateMedia({ media: 'print' });
  await p.waitForFunction((n) => Number(document.querySelector('secpulse-report').dataset.printed) > Number(n), printed);
  await p.waitForFunction(() => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('section:not([hidden]) img.print')]
    .every((img) => img.complete && img.naturalWidth > 0));
  return p;
}

test('the dashboard prints without controls, with every chart as a vector picture', async () => {
  const p = await printableDemo();
  const shown = await p.evaluate(() => {
    const root = document.querySelector('secpulse-report').shadowRoot;
    const visible = (el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
    return {
      buttons: [...root.querySelectorAll('button, select')].filter(visible).length,
      canvases: [...root.querySelectorAll('canvas')].filter(visible).length,
      pictures: [...root.querySelectorAll('img.print')].filter(visible).map((img) => ({ kind: img.dataset.chart, svg: decodeURIComponent(img.src.split(',')[1]) })),
      titles: Object.fromEntries([...root.querySelectorAll('section[data-kind]')].map((s) => [s.dataset.kind, s.querySelector('h2')?.textContent])),
    };
  });
  assert.equal(shown.buttons, 0, 'no buttons or menus in print');
  assert.equal(shown.canvases, 0, 'no raster canvases in print');
  assert.deepEqual(shown.pictures.map((x) => x.kind), ['balance', 'priority', 'dimensions', 'nps', 'likert', 'heatmap', 'trend', 'themes', 'sentiment', 'stance', 'selections', 'ranking']);
  for (const x of shown.pictures) assert.ok(x.svg.startsWith('<svg'), `${x.kind} prints as SVG`);
  const charts = shown.pictures.map((x) => ({ title: shown.titles[x.kind], svg: x.svg }));
  const expected = { A4: 12, Letter: 13 };
  for (const format of FORMATS) {
    const pages = keep(await p.pdf({ format, printBackground: true }), `dashboard-print-${format}`);
    console.log(`# dashboard print, ${format}: ${pages.length} pages`);
    assert.equal(pages.length, expected[format], `${format} page count`);
    assert.match(pages[0], /Executive summary .*Security NPS .*Strengths/);
    assert.ok(!/Load a file|Publish report|Download SVG|Download Markdown|Show data table/.test(pages.join(' ')), 'no controls printed');
    assertChartsWhole(pages, charts);
    // After the charts: the action plan (once: the board's table, not the screen's plan panel), the breakdown table, the method.
    const at = (text) => pages.findIndex((t) => t.includes(text));
    assert.equal(pages.join(' ').split('What to do about it: the action plan').length - 1, 1, 'the action plan prints once');
    assert.ok(at(charts.at(-1).title) < at('What to do about it: the action plan'), 'the plan follows the charts');
    assert.ok(at('the action plan') <= at('Results by department') && at('Results by department') <= at('Method and anonymity'));
    assert.ok(at('Method and anonymity') >= pages.length - 2 && pages.at(-1).includes('Anonymity: no number'), 'the method statement closes the print');
    assert.ok(pages.join(' ').includes('Executive Office'), 'the breakdown table lists small groups (as < 5)');
  }
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('printing at once (page.pdf() fires beforeprint, as Ctrl+P does) prints every chart as its vector picture, made then', async () => {
  const p = await page(env.browser, { width: 1280, height: 900 });
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const pictures = () => p.evaluate(() => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('section:not([hidden]) img.print[src]')]
    .map((img) => ({ title: img.closest('section').querySelector('h2').textContent, svg: decodeURIComponent(img.src.split(',')[1]) })));
  assert.deepEqual(await pictures(), [], 'no pictures are made before printing');
  const pages = keep(await p.pdf({ format: 'A4', printBackground: true }), 'dashboard-print-at-once');
  const charts = await pictures();
  assert.equal(charts.length, 12, 'every chart has its picture');
  assertChartsWhole(pages, charts);
  // Printing while a filter change is being drawn (the first chart's takeaway has changed, the rest not yet):
  // the pictures are made again, of the view the core now holds.
  const during = await p.evaluate(async () => {
    const el = document.querySelector('secpulse-report');
    const root = el.shadowRoot;
    const printed = Number(el.dataset.printed);
    const takeaway = root.querySelector('section[data-kind="balance"] .takeaway');
    const seen = new Promise((ok) => new MutationObserver((_, observer) => {
      observer.disconnect();
      dispatchEvent(new Event('beforeprint'));
      ok(Number(el.dataset.printed));
    }).observe(takeaway, { childList: true, characterData: true, subtree: true }));
    const select = [...root.querySelectorAll('label')].find((l) => l.textContent.startsWith('Show')).querySelector('select');
    select.value = select.options[1].value;
    select.dispatchEvent(new Event('change'));
    return { printed, during: await seen };
  });
  assert.equal(during.during, during.printed + 1, 'a print during the redraw makes the pictures again');
  // A picture that has not loaded when printing starts (a browser that loads it later): its canvas prints instead.
  await p.emulateMedia({ media: 'print' });
  const shown = await p.evaluate(() => {
    const sections = [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('section[data-kind]')];
    const pending = sections.filter((s) => !s.hidden && s.classList.contains('pending')).length;
    const s = sections.find((x) => x.dataset.kind === 'balance');
    const display = () => [getComputedStyle(s.querySelector('canvas')).display, getComputedStyle(s.querySelector('img.print')).display];
    const loaded = display();
    s.classList.add('pending');
    return { pending, loaded, notLoaded: display() };
  });
  assert.equal(shown.pending, 0, 'every picture had loaded');
  assert.deepEqual(shown.loaded.map((d) => d === 'none'), [true, false], 'a loaded picture prints, not the canvas');
  assert.deepEqual(shown.notLoaded.map((d) => d === 'none'), [false, true], 'a picture not loaded: the canvas prints');
  // Panels made anew (a language change rebuilds them) have no picture until the next print: their canvases print.
  const rebuilt = await p.evaluate(async () => {
    const el = document.querySelector('secpulse-report');
    const charts = () => [...el.shadowRoot.querySelectorAll('section[data-kind]:not([hidden])')].filter((s) => s.querySelector('canvas'));
    el.setAttribute('lang', 'de');
    // A redraw asked for before the change (the print layout's new width) may end first, with no panels.
    do await new Promise((ok) => el.addEventListener('secpulse-drawn', ok, { once: true })); while (!charts().length);
    const sections = charts();
    return sections.map((s) => ({ pending: s.classList.contains('pending'), src: s.querySelector('img.print').hasAttribute('src'),
      canvas: getComputedStyle(s.querySelector('canvas')).display }));
  });
  assert.ok(rebuilt.length >= 10, `${rebuilt.length} chart panels`);
  for (const x of rebuilt) assert.ok(x.pending && !x.src && x.canvas !== 'none', `a new panel prints its canvas: ${JSON.stringify(x)}`);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('randomized-response estimates and the leaders\u2019 ranking: charts, takeaways, tables, in the dashboard and the published report', async () => {
  const p = await printableDemo(readFileSync(SENSITIVE, 'utf8'));
  const panels = await p.evaluate(() => Object.fromEntries(['sensitive', 'ranking'].map((kind) => {
    const s = document.querySelector(`secpulse-report`).shadowRoot.querySelector(`section[data-kind="${kind}"]`);
    return [kind, { hidden: s.hidden, takeaway: s.querySelector('.takeaway').textContent, rows: [...s.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)) }];
  })));
  assert.ok(!panels.sensitive.hidden && !panels.ranking.hidden);
  assert.match(panels.sensitive.takeaway, /^An estimated \d+% said yes to .* as wide as a direct question/);
  assert.match(panels.ranking.takeaway, /leaders ranked “.*” most important/);
  assert.equal(panels.sensitive.rows[0][0], 'All respondents');
  assert.ok(Number(panels.sensitive.rows[0][4].replace('×', '')) > 1, 'the interval is wider than a direct question’s');
  for (const row of panels.sensitive.rows.filter((r) => ['Executive Office', 'Other'].includes(r[0]))) {
    assert.ok(row.slice(1).every((c) => c === '' || c === '< 5'), `small group hidden: ${row}`);
  }
  const json = await p.evaluate(() => document.querySelector('secpulse-report').publish());
  const q = await page(env.browser, { width: 1024, height: 800 });
  await q.route('**/report.json', (r) => r.fulfill({ body: json, contentType: 'application/json' }));
  await q.goto(`${env.url}published.html`);
  await q.waitForSelector('body[data-ready="1"]');
  const published = await q.evaluate(() => ['sensitive', 'ranking'].map((kind) => {
    const s = document.querySelector('secpulse-report').shadowRoot.querySelector(`section[data-kind="${kind}"]`);
    return { kind, hidden: s.hidden, takeaway: s.querySelector('.takeaway').textContent, rows: s.querySelectorAll('tbody tr').length };
  }));
  for (const x of published) {
    assert.ok(!x.hidden && x.rows > 3, `${x.kind} on the published page: ${JSON.stringify(x)}`);
    assert.equal(x.takeaway, panels[x.kind].takeaway, `${x.kind}: same takeaway as the dashboard`);
  }
  await q.locator('secpulse-report section[data-kind="sensitive"]').screenshot({ path: `${SCREENSHOTS}published-sensitive.png` });
  await q.locator('secpulse-report section[data-kind="ranking"]').screenshot({ path: `${SCREENSHOTS}published-ranking.png` });
  assert.deepEqual([...p.problems, ...q.problems], []);
  await q.close();
  await p.close();
});

test('a published report with headcounts shows its response rate in the dashboard summary', async () => {
  writeFileSync(join(dir, 'headcounts.csv'), 'column,value,headcount\n*,*,4000\n');
  const json = secpulse('score', join(dir, 'responses.csv'), '--instrument', SENSITIVE, '--by', 'department', '--publish',
    '--headcounts', join(dir, 'headcounts.csv')).toString();
  const p = await page(env.browser, { width: 1024, height: 800 });
  await p.route('**/report.json', (r) => r.fulfill({ body: json, contentType: 'application/json' }));
  await p.goto(`${env.url}published.html`);
  await p.waitForSelector('body[data-ready="1"]');
  const figures = await p.evaluate(() => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('.summary .figure')]
    .map((f) => [...f.children].map((c) => c.textContent)));
  assert.deepEqual(figures.find(([label]) => label === 'Response rate'), ['Response rate', '75%', '3,000 of 4,000 people invited']);
  await p.locator('secpulse-report section[data-kind="summary"]').screenshot({ path: `${SCREENSHOTS}published-summary-response-rate.png` });
  assert.deepEqual(p.problems, []);
  await p.close();
});
