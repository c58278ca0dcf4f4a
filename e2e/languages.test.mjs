// Languages in the browser: German (the longest) on a 320 px phone, survey and dashboard, without
// sideways overflow, axe-clean, with screenshots to look at (e2e/screenshots/lang-*.png), and the
// French and Spanish survey pages at 320 px too; a German
// and an English respondent who pick the same options send the same row (answer codes, not labels);
// an unknown language falls back to English with a console warning.
// Build first: scripts/build-wasm.sh
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { start, SCREENSHOTS } from './helpers.mjs';
import { axe, strictPage } from './intranet-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/**
 * A strict page on `path` whose HTML is edited by `edit` (to set a language), with the console's
 * warnings collected in `p.warnings`.
 */
async function openIn(path, edit, { width = 320, height = 720 } = {}) {
  const p = await strictPage(env.browser, { width, height });
  p.warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') p.warnings.push(m.text()); });
  await p.route((url) => url.pathname === `/${path}`, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: edit(await res.text()) });
  });
  await p.goto(env.url + path);
  return p;
}

/**
 * Visible elements (in the page and in the elements' shadow roots) that stick out of the viewport
 * sideways, and texts squeezed into a column a few letters wide (long words crowding them out).
 */
function overflowing(p) {
  return p.evaluate(() => {
    const out = [];
    const squeezed = [];
    const width = document.documentElement.clientWidth;
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!el.checkVisibility?.() || el.closest?.('.scroll')) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
          out.push(`${el.localName}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
        if (own.length > 12 && r.height > 0 && r.width < 64 && !el.matches(".sr-only")) squeezed.push(`${el.localName}.${[...el.classList].join('.')} "${own.slice(0, 40)}" ${Math.round(r.width)} px wide`);
      }
    };
    visit(document);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, elements: out.slice(0, 10), squeezed: squeezed.slice(0, 10) };
  });
}

/** Visible parts of the survey's questions that stick out of their question box (a long word pushing it wider). */
function outOfQuestion(p) {
  return p.evaluate(() => [...document.querySelector('secpulse-survey').shadowRoot.querySelectorAll('.q')].flatMap((q) => {
    const box = q.getBoundingClientRect();
    return [...q.querySelectorAll('*')].filter((el) => el.checkVisibility() && !el.matches('.sr-only')).flatMap((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1) ? [`${q.dataset.q}: ${el.localName}.${[...el.classList].join('.')} ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`] : [];
    });
  }).slice(0, 10));
}

async function assertFits(p, label) {
  const o = await overflowing(p);
  assert.ok(o.scrollWidth <= o.clientWidth, `${label}: the page scrolls sideways (${o.scrollWidth} > ${o.clientWidth})`);
  assert.deepEqual(o.elements, [], `${label}: elements wider than the viewport`);
  assert.deepEqual(o.squeezed, [], `${label}: texts squeezed into a narrow column`);
}

const german = (html) => html.replace('<html lang="en">', '<html lang="de">');

test('German survey on a 320 px phone: worded in German from the page lang, no overflow, axe-clean', async () => {
  const p = await openIn('survey.html', german);
  await p.locator('secpulse-survey form').waitFor();
  const survey = p.locator('secpulse-survey');
  assert.equal(await survey.locator('h2').first().textContent(), 'Wie erleben Sie das Sicherheitsteam?');
  assert.equal(await survey.locator('.survey').getAttribute('lang'), 'de');
  assert.equal(await survey.getByRole('button', { name: 'Weiter' }).count(), 1);
  await assertFits(p, 'survey, first page');
  await p.screenshot({ path: `${SCREENSHOTS}lang-de-survey-320.png`, fullPage: true });
  await axe(p, 'German survey at 320 px');
  // Every page at once: every German question, option and label at 320 px.
  await p.evaluate(() => document.querySelector('secpulse-survey').setAttribute('mode', 'single'));
  await survey.locator('.survey.single').waitFor();
  await survey.getByRole('radio', { name: 'Führungskraft (obere Ebene)' }).check(); // shows the leaders' page too
  await assertFits(p, 'survey, all pages');
  assert.deepEqual(await outOfQuestion(p), [], 'survey, all pages: parts outside their question');
  await p.screenshot({ path: `${SCREENSHOTS}lang-de-survey-320-all.png`, fullPage: true });
  await axe(p, 'German survey, all pages, at 320 px');
  assert.deepEqual(p.warnings, []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

for (const [lang, leader] of [['fr', 'Dirigeant ou dirigeante'], ['es', 'Directivo']]) {
  test(`${lang} survey, every page, on a 320 px phone: no overflow or squeezed text`, async () => {
    const p = await openIn('survey.html', (html) => html.replace('<html lang="en">', `<html lang="${lang}">`));
    const survey = p.locator('secpulse-survey');
    await survey.locator('form').waitFor();
    await p.evaluate(() => document.querySelector('secpulse-survey').setAttribute('mode', 'single'));
    await survey.locator('.survey.single').waitFor();
    await survey.getByRole('radio', { name: leader }).check();
    await assertFits(p, `${lang} survey`);
    assert.deepEqual(await outOfQuestion(p), [], `${lang} survey: parts outside their question`);
    await p.screenshot({ path: `${SCREENSHOTS}lang-${lang}-survey-320-all.png`, fullPage: true });
    assert.deepEqual(p.problems, []);
    await p.context().close();
  });
}

/** The row a respondent sends who picks the same options (by position) in the survey in `lang`. */
async function rowIn(lang) {
  const p = await openIn('survey.html', (html) => html.replace('<html lang="en">', `<html lang="${lang}">`), { width: 800 });
  const survey = p.locator('secpulse-survey');
  await survey.locator('form').waitFor();
  await p.evaluate(() => document.querySelector('secpulse-survey').setAttribute('mode', 'single'));
  await survey.locator('.survey.single').waitFor();
  await survey.locator('[data-q="department"] select').selectOption({ index: 1 });
  await survey.locator('[data-q="role"] input').nth(1).check();
  await survey.locator('[data-q="contact"] input').nth(2).check();
  await survey.locator('[data-q="en1"] input').nth(3).check();
  await survey.locator('[data-q="contact_ways"] input').nth(1).check();
  const label = await survey.locator('[data-q="department"] select option').nth(1).textContent();
  const sent = p.evaluate(() => new Promise((ok) => document.addEventListener('secpulse-submit', (e) => ok(e.detail.row), { once: true })));
  await survey.locator('button[type="submit"]').click();
  const row = await sent;
  assert.deepEqual(p.problems, []);
  await p.context().close();
  return { row, label };
}

test('answers store codes, not labels: the same choices in German, French, Spanish and English send the same row', async () => {
  const english = await rowIn('en');
  assert.equal(english.row.department, 'Engineering');
  for (const lang of ['de', 'fr', 'es']) {
    const local = await rowIn(lang);
    assert.notEqual(local.label, 'Engineering', `${lang}: the option is shown translated`);
    assert.deepEqual(local.row, english.row, `${lang}: the row differs from the English one`);
  }
});

test('German dashboard on a 320 px phone: its lang attribute, German chart titles, takeaways and tables, no overflow, axe-clean; numbers per locale', async () => {
  const p = await openIn('', (html) => html.replace('<secpulse-report id="report"', '<secpulse-report id="report" lang="de"'));
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const report = p.locator('secpulse-report');
  assert.equal(await report.locator('.bar label').first().locator('span').textContent(), 'Vergleichen nach');
  assert.match(await report.locator('.status').textContent(), /^10\.000 Teilnehmende · in Ihrem Browser ausgewertet/);
  assert.equal(await report.locator('.grid').getAttribute('lang'), 'de');
  // The core words the charts in the element's language too: titles, takeaways, data tables, numbers,
  // and the instrument's labels (dimensions, departments) from its translation.
  const balance = report.locator('section[data-kind="balance"]');
  assert.equal(await balance.locator('h2').textContent(), 'Sagt das Sicherheitsteam Nein oder bietet es Möglichkeiten an?');
  assert.equal(await balance.locator('h2').getAttribute('lang'), null, 'the chart words are in the element\'s language');
  assert.match(await balance.locator('.takeaway').textContent(), /(erlebt das Team|Jede Gruppe neigt|Insgesamt verorten)/);
  assert.match(await balance.locator('caption').textContent(), /^Balance von −100 \(Sagt immer Nein\) bis \+100 \(Bietet immer Möglichkeiten an\), nach Abteilung; Gruppen unter 5 Personen/);
  assert.equal(await report.locator('.bar select').first().locator('option:checked').textContent(), 'Abteilung', 'the Compare by menu names the column in German');
  assert.deepEqual(await balance.locator('thead th').allTextContents(), ['Gruppe', 'Personen', 'Balance', '95-%-KI', '% Sagt Nein', '% Bietet Möglichkeiten an']);
  const everyone = await balance.locator('tbody tr').first().locator('th, td').allTextContents();
  assert.deepEqual(everyone.slice(0, 2), ['Alle Teilnehmenden', '10.000']);
  assert.match(everyone[4], /^\d+\u00a0%$/);
  assert.ok((await balance.locator('tbody th').allTextContents()).includes('Entwicklung'), 'departments are labelled in German');
  const dimensions = report.locator('section[data-kind="dimensions"]');
  assert.equal(await dimensions.locator('h2').textContent(), 'Wie die Teilnehmenden das Sicherheitsteam bewerten, nach Dimension (0–100)');
  assert.ok((await dimensions.locator('tbody th').allTextContents()).includes('Ermöglichen'));
  assert.ok((await report.locator('.bar select').nth(1).locator('option').allTextContents()).includes('Entwicklung'), 'the filter menu too');
  await assertFits(p, 'dashboard');
  await p.screenshot({ path: `${SCREENSHOTS}lang-de-dashboard-320.png`, fullPage: true });
  await axe(p, 'German dashboard at 320 px');
  // Changing the attribute rewords the element in place, and the core's words with it.
  await p.evaluate(() => document.querySelector('secpulse-report').setAttribute('lang', 'fr'));
  assert.equal(await report.locator('.bar label').first().locator('span').textContent(), 'Comparer par');
  // The worker scores the view again for the instrument's French labels, then the panels are made again.
  await p.waitForFunction(() => document.querySelector('secpulse-report').shadowRoot.querySelector('section[data-kind="balance"] h2')?.textContent
    === 'L’équipe sécurité dit-elle non ou propose-t-elle des solutions\u202f?', null, { timeout: 30_000 });
  await p.waitForFunction(() => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('section[data-kind="balance"] tbody th')]
    .some((th) => th.textContent === 'Ingénierie'), null, { timeout: 30_000 });
  assert.equal((await report.locator('section[data-kind="balance"] tbody tr').first().locator('td').first().textContent()), '10\u202f000');
  assert.equal(await report.getByRole('button', { name: 'Afficher le tableau de données' }).count() > 0, true);
  await assertFits(p, 'dashboard in French');
  assert.deepEqual(p.warnings, []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

for (const [lang, first] of [['fr', 'Comparer par'], ['es', 'Comparar por']]) {
  test(`${lang} dashboard at 1280 px in the dark theme: every chart title, takeaway and table header in ${lang}, axe-clean`, async () => {
    const p = await openIn('', (html) => html.replace('<secpulse-report id="report"', `<secpulse-report id="report" lang="${lang}" theme="dark"`),
      { width: 1280, height: 900 });
    await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    const report = p.locator('secpulse-report');
    assert.equal(await report.locator('.bar label').first().locator('span').textContent(), first);
    const words = await p.evaluate(() => [...document.querySelector('secpulse-report').shadowRoot.querySelectorAll('section[data-kind]')]
      .filter((s) => !s.hidden && s.querySelector('h2'))
      .map((s) => [s.dataset.kind, s.querySelector('h2').textContent, s.querySelector('.takeaway')?.textContent ?? '',
        [...s.querySelectorAll('thead th')].map((th) => th.textContent).join(' | ')].join(' / ')));
    assert.ok(words.length >= 10, `panels shown: ${words.length}`);
    for (const text of words) {
      for (const english of [/ the /, /\bGroup\b/, /\bPeople\b/, /\brespondents\b/i, /security team/i, /\bfavourable\b/i, /\bcomments\b/i]) {
        assert.doesNotMatch(text, english, `${lang}: English in ${text}`);
      }
    }
    await assertFits(p, `${lang} dashboard`);
    await p.screenshot({ path: `${SCREENSHOTS}lang-${lang}-dashboard-1280-dark.png`, fullPage: true });
    await axe(p, `${lang} dashboard at 1280 px, dark`);
    assert.deepEqual(p.warnings, []);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  });
}

test('an unknown language falls back to English with a console warning', async () => {
  const p = await openIn('survey.html', (html) => html.replace('<html lang="en">', '<html lang="pt-BR">'), { width: 800 });
  await p.locator('secpulse-survey form').waitFor();
  assert.equal(await p.locator('secpulse-survey h2').first().textContent(), 'How do you experience the security team?');
  assert.equal(await p.locator('secpulse-survey .survey').getAttribute('lang'), 'en', 'the English content says so to screen readers');
  assert.ok(p.warnings.some((w) => /secpulse-survey: no translation for language "pt-BR"; showing English/.test(w)), p.warnings.join('\n'));
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('German survey: the core words what is wrong in the form language (its row check, a custom instrument)', async () => {
  const p = await openIn('survey.html', german, { width: 800 });
  await p.locator('secpulse-survey form').waitFor();
  const core = new URL('core.js', env.url).href;
  // The row check as the form calls it: what the ingest finds (code null) comes in German.
  const check = await p.evaluate(async (url) => {
    const { builtInInstrument, loadCore } = await import(url);
    return (await loadCore('survey')).checkResponse(JSON.stringify(await builtInInstrument()), { en1: 9 }, 'de');
  }, core);
  const offScale = check.errors.find((e) => e.column === 'en1' && e.code === null);
  assert.equal(offScale?.message, '9 liegt außerhalb der Skala 1–5', JSON.stringify(check.errors));
  // A custom instrument with a mistake: its author reads what is wrong in German, with the place.
  await p.evaluate(async (url) => {
    const { builtInInstrument } = await import(url);
    const instrument = structuredClone(await builtInInstrument());
    instrument.sections[1].questions[0].dimension = 'enablment';
    document.querySelector('secpulse-survey').instrument = instrument;
  }, core);
  const failure = p.locator('secpulse-survey .failure p');
  await failure.waitFor();
  assert.equal(await failure.textContent(),
    'Die Umfrage konnte nicht geladen werden: Instrument sections[1].questions[0] (id "en1"): die Dimension "enablment" ist unter "dimensions" nicht definiert');
  await p.screenshot({ path: `${SCREENSHOTS}lang-de-survey-instrument-error.png` });
  await p.context().close();
});
