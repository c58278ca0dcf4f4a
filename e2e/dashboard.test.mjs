// End-to-end: the demo dashboard in headless Chromium under the production CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, page, inkPerCanvas, SCREENSHOTS } from './helpers.mjs';

// 'sensitive' is hidden: the demo's instrument asks no randomized-response question.
const CHARTS = ['balance', 'priority', 'dimensions', 'nps', 'likert', 'heatmap', 'trend', 'themes', 'sentiment', 'stance', 'selections', 'ranking'];
// The synthetic data always has exactly 3 and 4 people in the last two departments.
const SMALL = ['Executive Office', 'Other'];
const NUMERIC = ['en1', 'en2', 'en3', 'en4', 'en_balance', 'rs1', 'rs2', 'rs3', 'rs4', 'ap1', 'ap2', 'ap3', 'ap4', 'cm1', 'cm2', 'cm3',
  'ld1', 'ld2', 'ld3', 'sr1', 'sr2', 'sr3', 'pr1', 'pr2', 'pr3', 'pr4', 'nps'];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function demo(width = 1440) {
  const p = await page(env.browser, { width, height: 900 });
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  return p;
}

/** Text of every <text> element of an SVG, in document order. */
function svgTexts(svg) {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

test('demo draws every chart, with titles, takeaways and tables', async () => {
  const p = await demo();
  console.log(`# 10,000 respondents: all charts drawn ${await p.evaluate(() => document.body.dataset.drawMs)} ms after navigation start`);
  const ink = await inkPerCanvas(p);
  assert.deepEqual(ink.map((c) => c.kind), CHARTS);
  for (const c of ink) assert.ok(c.ink > 400, `${c.kind} canvas is blank (${c.ink} pixels)`);
  const panels = await p.evaluate(() => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('section[data-kind]:not(.browser):not(.board):not([hidden]):not([data-kind="plan"])')].map((s) => ({
    title: s.querySelector('h2').textContent, takeaway: s.querySelector('.takeaway').textContent,
    th: s.querySelectorAll('th[scope="col"]').length, caption: s.querySelector('caption')?.textContent ?? '',
  })));
  for (const x of panels) assert.ok(x.title && x.takeaway && x.th >= 2 && x.caption, JSON.stringify(x));
  assert.match(panels[0].takeaway, /Engineering/);
  // The data table opens from the keyboard.
  const toggle = p.locator('secpulse-report section[data-kind="balance"] button[aria-controls]');
  await toggle.focus();
  await p.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await p.locator('secpulse-report section[data-kind="balance"] table').isVisible());
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('SVG exports carry the expected labels and escape nothing unsafe', async () => {
  const p = await demo();
  const expected = { balance: ['All respondents', 'Engineering', 'Always says no'], dimensions: ['Enablement', 'Preparedness'],
    priority: ['Fix first', 'Keep', 'Watch', 'Enablement'], nps: ['All respondents', '2026-H1'], likert: ['Favourable'], heatmap: ['Responsiveness', 'Finance'], trend: ['2025-H1', 'Overall'],
    themes: ['What the comments are about', 'What does the security team do well?'], sentiment: ['All comments', 'Engineering', 'Negative'],
    stance: ['All comments', 'Blocks work', 'Enables work'], selections: ['What people chose', 'None of these'],
    ranking: ['Importance 0–100', 'Email and collaboration'] };
  for (const kind of CHARTS) {
    const svg = await p.evaluate((k) => document.querySelector('secpulse-report').svg(k), kind);
    assert.ok(svg.startsWith('<svg'), kind);
    const texts = svgTexts(svg);
    for (const label of expected[kind]) assert.ok(texts.some((t) => t.includes(label)), `${kind} SVG lacks ${label}`);
  }
  await p.close();
});

test('groups under 5 show nowhere except as "< 5"', async () => {
  const p = await demo();
  // Data tables (DOM).
  const rows = await p.evaluate((small) => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('tbody tr')]
    .map((tr) => [...tr.children].map((c) => c.textContent)).filter((r) => small.includes(r[0])), SMALL);
  assert.ok(rows.length >= 4, `small groups should be listed as hidden (${rows.length})`);
  // (comment tables use the comment threshold, "< 10")
  for (const r of rows) for (const cell of r.slice(1)) assert.ok(cell === '' || cell === '< 5' || cell === '< 10', `table row ${JSON.stringify(r)}`);
  // SVG exports: the text after a small group's label is "< 5".
  for (const kind of ['balance', 'heatmap']) {
    const texts = svgTexts(await p.evaluate((k) => document.querySelector('secpulse-report').svg(k), kind));
    for (const name of SMALL) {
      const i = texts.indexOf(name);
      assert.ok(i >= 0, `${kind} shows ${name} as a hidden row`);
      assert.equal(texts[i + 1], '< 5', `${kind}: ${name} followed by ${texts[i + 1]}`);
    }
  }
  // Published JSON: the groups are there, without a single number.
  const report = JSON.parse(await p.evaluate(() => document.querySelector('secpulse-report').publish()));
  for (const g of report.segments.department.filter((g) => SMALL.includes(g.value))) {
    assert.deepEqual({ ...g, value: 'x' }, { value: 'x', n: null, n_label: '< 5', suppressed: true, overall: null, dimensions: null, nps: null, balance: null });
  }
  // A filter to a small group is refused with a message, not shown (the worker scores it: wait for the answer).
  await p.locator('secpulse-report select').nth(1).selectOption('Executive Office');
  const alert = p.locator('secpulse-report [role="alert"]');
  await alert.filter({ hasText: /fewer than 5 people/ }).waitFor();
  assert.equal(await p.locator('secpulse-report select').nth(1).inputValue(), '');
  // A filter that is allowed redraws with a smaller population.
  await p.locator('secpulse-report select').nth(1).selectOption('Engineering');
  await p.locator('secpulse-report p.status[role="status"]').filter({ hasText: /^2,\d{3} respondents/ }).waitFor();
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('a malformed CSV shows the positioned error, from the picker and by drag-and-drop', async () => {
  const p = await demo();
  const bad = `${NUMERIC.join(',')}\n${NUMERIC.map((id) => (id === 'en2' ? '7' : '3')).join(',')}\n`;
  const errors = [];
  await p.exposeFunction('recordError', (m) => errors.push(m));
  await p.evaluate(() => document.querySelector('secpulse-report').addEventListener('secpulse-error', (e) => window.recordError(e.detail.message)));
  await p.locator('secpulse-report input[type="file"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const alert = p.locator('secpulse-report [role="alert"]');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent(), /line 2 \(row 1\), column en2: .*7/);
  await p.evaluate((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv.replace('en1', 'en1,en1')], 'dup.csv', { type: 'text/csv' }));
    document.querySelector('secpulse-report').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bad);
  await p.waitForFunction(() => /en1/.test(document.querySelector('secpulse-report').shadowRoot.querySelector('[role="alert"]').textContent)
    && /column/.test(document.querySelector('secpulse-report').shadowRoot.querySelector('[role="alert"]').textContent));
  assert.equal(errors.length, 2, JSON.stringify(errors));
  // The charts of the demo data are still there.
  for (const c of await inkPerCanvas(p)) assert.ok(c.ink > 400, c.kind);
  await p.close();
});

test('publish, then published.html renders the report without raw data', async () => {
  const p = await demo();
  const json = await p.evaluate(() => document.querySelector('secpulse-report').publish());
  const report = JSON.parse(json);
  assert.equal(report.format, 'secpulse-report/1');
  assert.ok(!/someone@example\.com|"entries"|"values"|"codes"/.test(json), 'no raw responses in a published report');
  await p.locator('secpulse-report .bar button.primary').click();
  const [download] = await Promise.all([p.waitForEvent('download'), p.locator('secpulse-report dialog button.primary').click()]);
  assert.equal(download.suggestedFilename(), 'report.json');
  const q = await page(env.browser, { width: 1024, height: 800 });
  await q.route('**/report.json', (r) => r.fulfill({ body: json, contentType: 'application/json' }));
  await q.goto(`${env.url}published.html`);
  await q.waitForSelector('body[data-ready="1"]');
  assert.match(await q.locator('secpulse-report p.status[role="status"]').textContent(), /Published report/);
  assert.ok(await q.locator('secpulse-report [role="alert"]').isHidden());
  const ink = await inkPerCanvas(q);
  for (const c of ink) assert.ok(c.ink > 400, `${c.kind} blank on published page`);
  // The comment browser reads the published samples.
  assert.ok(await q.locator('secpulse-report ul.comments li').count() > 0, 'published report shows comments');
  assert.deepEqual([...p.problems, ...q.problems], []);
  await q.close();
  await p.close();
});

test('publishing again: the record file kept from the first publication decides the second, and a changed wave is refused', async () => {
  const p = await demo();
  const dialog = p.locator('secpulse-report dialog');
  /** Opens the dialog, chooses `records` (text) if given, clicks Publish; returns the report download or null. */
  async function publish(records) {
    await p.locator('secpulse-report .bar button.primary').click();
    if (records) {
      await dialog.locator('input[type="file"]').setInputFiles({ name: 'publications.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(records) });
      await dialog.getByText(/publications\.jsonl: 1 earlier publication\./).waitFor();
    }
    const downloaded = p.waitForEvent('download', { timeout: 5_000 }).catch(() => null);
    await dialog.locator('button.primary').click();
    return downloaded;
  }
  const first = await publish(null);
  assert.equal(first.suggestedFilename(), 'report.json');
  await p.screenshot({ path: `${SCREENSHOTS}dashboard-publish-dialog.png` });
  const [kept] = await Promise.all([p.waitForEvent('download'), dialog.getByRole('button', { name: /record file/ }).click()]);
  assert.equal(kept.suggestedFilename(), 'publications.jsonl');
  const records = await readFile(await kept.path(), 'utf8');
  const record = JSON.parse(records);
  assert.ok(record.waves.length >= 2 && record.waves.every((w) => /^[0-9a-f]{64}$/.test(w.digest)), 'one digest per wave');
  assert.ok(record.released.length > 100, 'the record lists what was released');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The same responses again, with the record: published, and the record file grows by one line.
  assert.ok(await publish(records), 'publishing unchanged waves again is allowed');
  const [grown] = await Promise.all([p.waitForEvent('download'), dialog.getByRole('button', { name: /record file/ }).click()]);
  assert.equal((await readFile(await grown.path(), 'utf8')).trim().split('\n').length, 2);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Other responses under the same wave names: the published waves changed, so nothing is published.
  await p.evaluate(() => document.querySelector('secpulse-report').loadSample(10000, 7));
  assert.equal(await publish(records), null, 'no report when a published wave changed');
  assert.match(await dialog.locator('[role="alert"]').textContent(), /Not published: .*has changed since it was published/);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('screenshots at phone and desktop widths', async () => {
  for (const width of [390, 1440]) {
    const p = await demo(width);
    await p.screenshot({ path: `${SCREENSHOTS}dashboard-${width}.png`, fullPage: true });
    await p.locator('secpulse-report section[data-kind="balance"]').screenshot({ path: `${SCREENSHOTS}balance-${width}.png` });
    const ink = await inkPerCanvas(p);
    for (const c of ink) assert.ok(c.ink > 200, `${c.kind} blank at ${width}px`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at ${width}px`);
    await p.close();
  }
  const d = await page(env.browser, { width: 1440, height: 900 });
  await d.goto(env.url);
  await d.evaluate(() => document.querySelector('secpulse-report').setAttribute('theme', 'dark'));
  await d.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  await d.evaluate(() => document.querySelector('secpulse-report').setAttribute('theme', 'dark'));
  await d.locator('secpulse-report section[data-kind="heatmap"]').screenshot({ path: `${SCREENSHOTS}heatmap-dark-1440.png` });
  await d.close();
});
