// End-to-end: comment charts and the comment browser, hostile text, PNG export, and axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, page, inkPerCanvas, SCREENSHOTS } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PAYLOADS = JSON.parse(readFileSync(new URL('../tests/fixtures/xss-payloads.json', import.meta.url), 'utf8'));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Picks `value` in the menu `select` and waits for the charts drawn with it (the worker scores the view). */
async function pick(p, select, value) {
  const drawn = p.evaluate(() => new Promise((ok) => document.querySelector('secpulse-report').addEventListener('secpulse-drawn', ok, { once: true })));
  await select.selectOption(value);
  await drawn;
}

async function demo(width = 1440, opts = {}) {
  const p = await page(env.browser, { width, height: 900, ...opts });
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  return p;
}

test('the comment browser shows shuffled samples, filters them, pages, and names only large groups', async () => {
  const p = await demo();
  const report = JSON.parse(await p.evaluate(() => document.querySelector('secpulse-report').publish()));
  const q = report.comments[0];
  assert.ok(q.n > 1000 && q.samples.length === 200, `${q.n} comments, ${q.samples.length} samples`);
  const browser = p.locator('secpulse-report section.browser');
  assert.match(await browser.locator('h2').textContent(), /What does the security team do well\?/);
  assert.match(await browser.locator('.takeaway').textContent(), /at least 10 comments/);
  const items = browser.locator('ul.comments > li');
  assert.equal(await items.count(), 20);
  // The first shown comment is the first sample, as text.
  assert.equal(await items.first().locator('.text').textContent(), q.samples[0].text);
  await browser.getByRole('button', { name: 'Show more' }).click();
  assert.equal(await items.count(), 40);
  // Filter by theme and tone: every shown comment carries both labels.
  // (the most frequent theme of the sample, and its most frequent tone)
  const most = (xs) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map())].sort((a, b) => b[1] - a[1])[0][0];
  const theme = most(q.samples.flatMap((s) => s.themes));
  const tone = most(q.samples.filter((s) => s.themes.includes(theme)).map((s) => s.sentiment));
  const labels = await p.evaluate(async () => (await (await import('/core.js')).loadCore()).commentLabels());
  await browser.locator('select').nth(0).selectOption(theme);
  await browser.locator('select').nth(1).selectOption(tone);
  const want = q.samples.filter((s) => s.themes.includes(theme) && s.sentiment === tone).length;
  assert.ok(want > 1, `the sample has ${tone} ${theme} comments`);
  assert.equal(await items.count(), Math.min(20, want));
  for (const chips of await items.locator('.labels').allTextContents()) {
    assert.ok(chips.includes(labels.themes[theme]) && chips.includes(labels.sentiment[tone]), chips);
  }
  assert.match(await browser.locator('[role="status"]').textContent(), new RegExp(`of ${want} matching comments \\(a random sample of 200 of`));
  // Groups named in the browser are groups with at least 10 comments in the report.
  const big = new Set(q.segments.department.filter((g) => !g.suppressed).map((g) => g.value));
  for (const s of q.samples) if (s.groups.department) assert.ok(big.has(s.groups.department), s.groups.department);
  const small = q.segments.department.filter((g) => g.suppressed).map((g) => g.value);
  assert.ok(small.length >= 2, 'demo has hidden comment groups');
  const text = await browser.textContent();
  for (const v of small) assert.ok(!text.includes(`department: ${v}`), `hidden group ${v} named in the browser`);
  // Why-words are shown.
  await browser.locator('select').nth(0).selectOption('');
  await browser.locator('select').nth(1).selectOption('');
  assert.ok(await browser.locator('.why').count() > 0);
  // The other question switches charts and browser.
  await p.locator('secpulse-report label', { hasText: 'Comments on' }).locator('select').selectOption('should_change');
  await p.waitForFunction(() => /change/.test(document.querySelector('secpulse-report').shadowRoot.querySelector('section.browser h2').textContent));
  assert.match(await p.locator('secpulse-report section[data-kind="sentiment"] h2').textContent(), /What should the security team change\?/);
  // A filtered view shows its own comments.
  await pick(p, p.locator('secpulse-report select').nth(2), '2026-H1');
  const status = await browser.locator('[role="status"]').textContent();
  const filtered = JSON.parse(await p.evaluate(() => document.querySelector('secpulse-report').publish()));
  const fq = filtered.comments.find((c) => c.id === 'should_change');
  assert.ok(fq.n < report.comments.find((c) => c.id === 'should_change').n, 'wave view has fewer comments');
  assert.match(status, new RegExp(`of ${fq.n.toLocaleString('en')} comments`));
  for (const c of await inkPerCanvas(p)) assert.ok(c.ink > 400, `${c.kind} blank in a filtered view`);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('names on the redact-names list (attribute or property) are removed, and the note says which list is used', async () => {
  const p = await demo(1024);
  const browser = p.locator('secpulse-report section.browser');
  const note = () => browser.locator('.takeaway').textContent();
  // The demo has no list of names: the note must not promise that names are removed.
  assert.match(await note(), /names are NOT removed: your organisation supplied no list of names/);
  await p.route('**/redact-names.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'Jane Doe\r\nBob Smith\n\n' }));
  await p.evaluate(async () => {
    const { loadCore } = await import('/core.js');
    const core = await loadCore();
    const dept = core.defaultInstrument().sections.flatMap((s) => s.questions).find((q) => q.id === 'department').options[0];
    const texts = (i) => [`Thanks to Jane Doe for ticket ${i}`, `Smith, Bob fixed it in ${i} days`, `ZOE MULLER helped ${i} times`,
      `write to jdoe [at] corp [dot] com about ${i}`][i % 4];
    const rows = Array.from({ length: 40 }, (_, i) => ({ department: dept, does_well: texts(i), en1: 1 + (i % 5), en_balance: 1 + (i % 7) }));
    const el = document.querySelector('secpulse-report');
    el.setAttribute('redact-names', '/redact-names.txt');
    await el.load(rows); // waits for the list: comments are never shown before it is in
  });
  const texts = async () => {
    const b = p.locator('secpulse-report section.browser');
    while (await b.getByRole('button', { name: 'Show more' }).isVisible()) await b.getByRole('button', { name: 'Show more' }).click();
    return b.locator('ul.comments .text').allTextContents();
  };
  let shown = await texts();
  assert.equal(shown.length, 40, `${shown.length} comments shown`);
  for (const t of shown) assert.ok(!/Jane Doe|Smith, Bob|jdoe/.test(t), `listed name or address shown: ${t}`);
  assert.equal(shown.filter((t) => t.includes('[name]')).length, 20);
  assert.equal(shown.filter((t) => t.includes('[email]')).length, 10);
  assert.equal(shown.filter((t) => t.includes('ZOE MULLER')).length, 10, 'a name not on the list stays');
  assert.match(await note(), /names are removed only when your organisation supplied a list \(2 names\): names on it are removed, other names are not/);
  // The published report carries the redacted samples only.
  const published = await p.evaluate(() => document.querySelector('secpulse-report').publish());
  assert.ok(!published.includes('Jane Doe') && published.includes('[name]'));
  // The property replaces the list; the view is rescored.
  // The worker rescores: the comment browser is filled in again with the next draw.
  await p.evaluate(() => {
    const el = document.querySelector('secpulse-report');
    const drawn = new Promise((ok) => el.addEventListener('secpulse-drawn', ok, { once: true }));
    el.redactNames = ['Zoë Müller'];
    return drawn;
  });
  shown = await texts();
  assert.equal(shown.filter((t) => t.includes('ZOE MULLER')).length, 0, 'Zoë Müller removed (case and accents ignored)');
  assert.equal(shown.filter((t) => t.includes('Jane Doe')).length, 10, 'the old list is replaced');
  assert.match(await note(), /\(1 name\)/);
  await p.evaluate(() => {
    const el = document.querySelector('secpulse-report');
    const drawn = new Promise((ok) => el.addEventListener('secpulse-drawn', ok, { once: true }));
    el.redactNames = null;
    return drawn;
  });
  assert.match(await note(), /names are NOT removed/);
  assert.deepEqual(await p.evaluate(() => document.querySelector('secpulse-report').redactNames), null);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('hostile comments and group names stay text: no dialog, no element, shown literally', async () => {
  const p = await demo(1024);
  // (trimmed: the reader trims cells, as for any answer)
  const evil = [...new Set([...PAYLOADS.html, ...PAYLOADS.svg, ...PAYLOADS.url].map((e) => e.trim()))];
  const groups = evil.slice(0, 11); // the instrument's 12 department options, one left for padding
  await p.evaluate(async ({ groups, evil }) => {
    const { loadCore } = await import('/core.js');
    const core = await loadCore();
    const ins = core.defaultInstrument();
    const dept = ins.sections.flatMap((s) => s.questions).find((q) => q.id === 'department');
    dept.options = [...groups, 'Padding'];
    delete ins.translations; // they label the options replaced here
    const el = document.querySelector('secpulse-report');
    el.instrument = ins;
    const rows = [];
    groups.forEach((g, i) => {
      for (let r = 0; r < 12; r++) rows.push({ department: g, does_well: evil[(i * 12 + r) % evil.length], en1: 1 + (r % 5), en_balance: 1 + (r % 7) });
    });
    await el.load(rows);
  }, { groups, evil });
  await p.waitForFunction(() => document.querySelector('secpulse-report').shadowRoot.querySelectorAll('ul.comments li').length > 0);
  const report = JSON.parse(await p.evaluate(() => document.querySelector('secpulse-report').publish()));
  const shownGroups = report.comments[0].segments.department.filter((g) => !g.suppressed).length;
  assert.ok(shownGroups >= groups.length - 1, `${shownGroups} payload groups meet the threshold`);
  // Show every sample, then open every data table.
  const browser = p.locator('secpulse-report section.browser');
  while (await browser.getByRole('button', { name: 'Show more' }).isVisible()) await browser.getByRole('button', { name: 'Show more' }).click();
  for (const t of await p.locator('secpulse-report section:not([hidden]) button[aria-controls]').all()) await t.click();
  const dom = await p.evaluate(() => {
    const root = document.querySelector('secpulse-report').shadowRoot;
    return {
    // (img.print: the print view's chart pictures, SVG made by the core as data: URLs)
    bad: root.querySelectorAll('script,img:not(.print),iframe,details,form,base,meta,template,style,svg,a,foreignObject,use,animate,input:not([type="file"])').length,
    texts: [...root.querySelectorAll('ul.comments .text')].map((e) => e.textContent),
    chips: [...root.querySelectorAll('ul.comments .chip.group')].map((e) => e.textContent),
    heads: [...root.querySelectorAll('tbody th')].map((e) => e.textContent),
    options: [...root.querySelectorAll('select option')].map((e) => e.textContent),
    };
  });
  const page = await p.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    bad: document.querySelectorAll('img,iframe,details,form,base,meta[http-equiv],template,secpulse-report ~ *').length,
    url: location.href,
  }));
  assert.equal(dom.bad, 0, 'an element was created from data');
  assert.deepEqual(page, { scripts: 0, bad: 0, url: env.url });
  // Samples show each distinct text once: every payload once, no repeats.
  assert.equal(new Set(dom.texts).size, dom.texts.length, 'a comment text is shown twice');
  assert.ok(dom.texts.length >= evil.length - 2, `${dom.texts.length} of ${evil.length} distinct comments shown`);
  for (const t of dom.texts) assert.ok(evil.includes(t), `comment not shown literally: ${t}`);
  assert.ok(evil.filter((e) => dom.texts.includes(e)).length >= evil.length - 2, 'nearly every payload is shown as text');
  for (const g of groups.slice(0, shownGroups)) {
    if (!report.comments[0].segments.department.find((x) => x.value === g)?.suppressed) {
      assert.ok(dom.heads.includes(g), `table row header ${g}`);
    }
  }
  // Each distinct text is sampled once, tagged with one writer's group: the chips that are
  // shown name hostile groups literally.
  const chipGroups = dom.chips.map((c) => c.replace(/^department: /, ''));
  for (const c of chipGroups) assert.ok(groups.includes(c), `group chip not literal: ${c}`);
  assert.ok(new Set(chipGroups).size >= 3, `${new Set(chipGroups).size} hostile group names shown as chips`);
  assert.ok(groups.every((g) => dom.options.includes(g)), 'segment values literal in the filter menu');
  // Filter to a hostile group, then SVG export of the comment charts: escaped.
  for (const kind of ['sentiment', 'stance', 'themes']) {
    const svg = await p.evaluate((k) => document.querySelector('secpulse-report').svg(k), kind);
    assert.ok(!/<(script|img|iframe|foreignObject|use|animate|details|style|a)[\s>]/i.test(svg), `${kind} SVG has markup from data`);
    if (kind !== 'themes') assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${kind} SVG shows the payload escaped`);
  }
  await p.waitForTimeout(300); // onerror/onload handlers would fire by now
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('PNG export downloads a valid, non-blank PNG', async () => {
  const p = await demo();
  for (const kind of ['sentiment', 'balance']) {
    const panel = p.locator(`secpulse-report section[data-kind="${kind}"]`);
    const [download] = await Promise.all([p.waitForEvent('download'), panel.getByRole('button', { name: 'Download PNG' }).click()]);
    assert.equal(download.suggestedFilename(), `secpulse-${kind}.png`);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    assert.ok(w === 2400 && h > 300, `${w}×${h}`);
    const ink = await p.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let n = 0;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 16) {
        if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 60) n++;
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { n, colours: colours.size };
    }, bytes.toString('base64'));
    assert.ok(ink.n > 5000 && ink.colours > 10, `${kind} PNG is blank: ${JSON.stringify(ink)}`);
  }
  assert.deepEqual(p.problems, []);
  await p.close();
});

for (const width of [390, 1440]) {
  for (const theme of ['light', 'dark']) {
    test(`axe-core: no violations at ${width}px, ${theme} theme`, async () => {
      const p = await demo(width, { bypassCSP: true });
      if (theme === 'dark') {
        await p.evaluate(() => {
          const el = document.querySelector('secpulse-report');
          const drawn = new Promise((ok) => el.addEventListener('secpulse-drawn', ok, { once: true }));
          el.setAttribute('theme', 'dark');
          return drawn;
        });
      }
      // Open one data table and fill the comment browser so they are checked too.
      await p.locator('secpulse-report section[data-kind="sentiment"] button[aria-controls]').click();
      await p.addScriptTag({ content: AXE });
      const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`);
      if (width === 390 || theme === 'dark') {
        await p.screenshot({ path: `${SCREENSHOTS}dashboard-${width}-${theme}.png`, fullPage: true });
      }
      assert.deepEqual(found, []);
      assert.ok(result.passes.some((r) => r.id === 'color-contrast'), 'the contrast rule ran');
      assert.deepEqual(p.problems, []);
      await p.close();
    });
  }
}
