// End-to-end tests of <secpulse-survey> on the demo page (www/survey.html), under the demo CSP,
// in headless Chromium. Build first: scripts/build-wasm.sh; then: cd e2e && node --test
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { assertAccessible, openSurvey, start } from './survey-helpers.mjs';

const SHOTS = new URL('./screenshots/', import.meta.url);
const RANK = ['Customer data and CRM', 'Finance and payments', 'Email and collaboration', 'Source code and build systems',
  'Customer-facing website and apps', 'HR and payroll', 'Operations and production systems'];

let env;
before(async () => { env = await start(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await env?.close(); });

/** What has keyboard focus, looking through shadow roots. */
const active = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return { tag: el?.localName, type: el?.type ?? null, value: el?.value ?? null, checked: el?.checked ?? null,
    text: el?.textContent?.trim() ?? '', q: el?.closest?.('[data-q]')?.dataset.q ?? null,
    option: el?.selectedOptions?.[0]?.text ?? null,
    label: el?.getAttribute?.('aria-label') ?? null };
});

const survey = (page) => page.locator('secpulse-survey');
const progressText = (page) => survey(page).locator('.progress span').textContent();

/**
 * Answers the current page with the keyboard only: Tab through it, answer each question of `plan`
 * (radios with Space/arrow keys, a drop-down with arrow keys, checkboxes with Space, text by typing,
 * ranking by the Down buttons), stop on Next/Submit.
 */
async function fillPageByKeyboard(page, plan) {
  const done = new Set();
  for (let stops = 0; stops < 120; stops++) {
    await page.keyboard.press('Tab');
    const a = await active(page);
    if (a.tag === 'button' && /^(Next|Submit answers)$/.test(a.text)) return a.text;
    if (a.type === 'checkbox') {
      // Each checkbox is its own Tab stop: tick those the plan lists.
      if (plan[a.q]?.includes(a.value) && !a.checked) await page.keyboard.press('Space');
      continue;
    }
    if (!a.q || done.has(a.q) || !(a.q in plan)) continue;
    done.add(a.q);
    const want = plan[a.q];
    if (a.tag === 'select') {
      for (let i = 0; i < 20 && (await active(page)).option !== want; i++) await page.keyboard.press('ArrowDown');
      assert.equal((await active(page)).option, want, `${a.q} chosen from the drop-down`);
    } else if (a.type === 'radio') {
      if (a.value === String(want)) await page.keyboard.press('Space');
      for (let i = 0; i < 15 && (await active(page)).value !== String(want); i++) await page.keyboard.press('ArrowDown');
      assert.equal((await active(page)).checked, true, `${a.q} answered`);
    } else if (a.tag === 'textarea') {
      await page.keyboard.type(want);
    } else if (a.q === 'systems_rank') {
      // Focus starts on the first item's Down button: move "Customer data and CRM" down twice.
      assert.match(a.label, /Move “Customer data and CRM” down/);
      for (let i = 0; i < want; i++) await page.keyboard.press('Enter');
      assert.match((await active(page)).label, /Customer data and CRM/, 'focus stays with the moved item');
      await survey(page).locator('[aria-live="polite"]').getByText('“Customer data and CRM” is now number 3 of 7.').waitFor({ state: 'attached' });
    }
  }
  throw new Error('no Next/Submit button reached by Tab');
}

const PLAN = [
  { department: 'Engineering', role: 'Leader', contact: 'Monthly' },
  { en1: 4, en2: 2, en3: 5, en4: 3, en_balance: 6 },
  { rs1: 3, rs2: 4, rs3: 5, rs4: 2 },
  { ap1: 5, ap2: 4, ap3: 1, ap4: 5 },
  { cm1: 4, cm2: 4, cm3: 2 },
  { ld1: 3, ld2: 2, ld3: 4 },
  { sr1: 5, sr2: 4, sr3: 1 },
  { pr1: 3, pr2: 5, pr3: 3, pr4: 5 },
  { nps: 9, does_well: 'Quick, friendly answers.', should_change: 'Say <b>why</b> & when.' },
  { systems_rank: 2 },
  { contact_ways: ['Reported something suspicious', 'Took part in training or an awareness session'] },
];

describe('<secpulse-survey>', () => {
  test('the whole survey by keyboard only, with a reload midway; the row is accepted by the core', { timeout: 60_000 }, async () => {
    const page = await openSurvey(env.browser, env.url);
    await page.evaluate(() => {
      window.submitted = [];
      document.addEventListener('secpulse-submit', (e) => window.submitted.push(e.detail));
    });
    for (const [i, plan] of PLAN.entries()) {
      assert.equal(await progressText(page), `Page ${i + 1} of ${i === 0 ? 10 : 11}`, 'the leaders page counts once role is Leader');
      if (i === 4) {
        // Reload midway: same page, same answers.
        assert.ok(await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith('secpulse-survey:'))));
        await page.reload();
        await survey(page).locator('form').waitFor();
        await page.evaluate(() => {
          window.submitted = [];
          document.addEventListener('secpulse-submit', (e) => window.submitted.push(e.detail));
        });
        assert.equal(await progressText(page), 'Page 5 of 11', 'resumes on the same page');
        assert.ok(await survey(page).getByText('Welcome back').isVisible());
      }
      const button = await fillPageByKeyboard(page, plan);
      assert.equal(button, i === PLAN.length - 1 ? 'Submit answers' : 'Next');
      await page.keyboard.press('Enter');
      if (i < PLAN.length - 1) {
        const focused = await active(page);
        assert.equal(focused.tag, 'h3', 'focus moves to the new page heading');
      }
    }
    await survey(page).getByRole('heading', { name: 'Thank you' }).waitFor();
    assert.equal((await active(page)).text, 'Thank you');

    const [{ row, json }] = await page.evaluate(() => window.submitted);
    const order = [RANK[1], RANK[2], RANK[0], ...RANK.slice(3)];
    const expected = Object.assign({}, ...PLAN, { systems_rank: order.join('>'), contact_ways: PLAN.at(-1).contact_ways.join('|'), wave: '2026-H1' });
    assert.deepEqual(row, expected);
    assert.equal(json, JSON.stringify(row));
    // Earlier pages kept their answers across the reload.
    assert.equal(row.en_balance, 6);
    assert.equal(row.department, 'Engineering');

    const check = await page.evaluate(async (r) => {
      const { builtInInstrument, loadCore } = await import(new URL('core.js', location.href).href);
      return (await loadCore('survey')).checkResponse(JSON.stringify(await builtInInstrument()), r);
    }, row);
    assert.deepEqual(check, { ok: true, errors: [] });

    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('secpulse-demo-responses')));
    assert.deepEqual(stored.at(-1), row, 'the demo keeps the row for the dashboard');
    assert.ok(await page.evaluate(() => !Object.keys(sessionStorage).some((k) => k.startsWith('secpulse-survey:'))),
      'progress cleared on submit');
    assert.deepEqual(page.errors, []);
    // The thank-you link leads to the dashboard demo, which counts this response with its sample.
    await survey(page).getByRole('link', { name: /See your response counted/ }).click();
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
    assert.match(await page.locator('secpulse-report p.status[role="status"]').textContent(), /^10,001 respondents/);
    await page.context().close();
  });

  test('the leaders-only block shows only for role Leader; its answers are dropped otherwise', { timeout: 60_000 }, async () => {
    const page = await openSurvey(env.browser, env.url);
    const host = survey(page);
    assert.equal(await progressText(page), 'Page 1 of 10');
    await host.getByRole('radio', { name: 'Leader' }).check();
    assert.equal(await progressText(page), 'Page 1 of 11');
    await page.evaluate(() => document.querySelector('secpulse-survey').setAttribute('mode', 'single'));
    const rank = host.locator('[data-q="systems_rank"]');
    assert.ok(await rank.isVisible());
    await host.getByRole('button', { name: 'Keep this order' }).click();
    await host.getByRole('radio', { name: 'Staff' }).check();
    assert.ok(!(await rank.isVisible()), 'hidden for Staff');
    const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem(
      Object.keys(sessionStorage).find((k) => k.startsWith('secpulse-survey:')))));
    assert.deepEqual(saved.answers, { role: 'Staff' }, 'the hidden ranking is cleared');
    await host.getByRole('radio', { name: 'Leader' }).check();
    assert.ok(await host.getByText('Not ranked yet.').isVisible(), 'shown again, unanswered');
    await host.getByRole('radio', { name: 'Manager' }).check();
    await host.getByRole('button', { name: 'Submit answers' }).click();
    assert.match(await host.locator('.summary').textContent(), /answer at least one of the statements/,
      'a row with nothing to score is not sent');
    await host.locator('[data-q="nps"]').getByRole('radio', { name: /^7$/ }).check();
    const row = await page.evaluate(() => new Promise((ok) => {
      document.addEventListener('secpulse-submit', (e) => ok(e.detail.row));
      document.querySelector('secpulse-survey').shadowRoot.querySelector('button[type=submit]').click();
    }));
    assert.deepEqual(row, { role: 'Manager', nps: 7, wave: '2026-H1' });
    await page.context().close();
  });

  test('"none of these" clears the other options and the other way round; the department is a drop-down', { timeout: 60_000 }, async () => {
    const page = await openSurvey(env.browser, env.url, { width: 320 });
    const host = survey(page);
    const dept = host.getByRole('combobox', { name: 'Which part of the organisation do you work in?' });
    assert.equal(await dept.evaluate((s) => s.options.length), 14, 'Choose…, 12 departments, Prefer not to say');
    assert.ok((await dept.boundingBox()).height < 60, 'one row on a phone, not 13');
    await dept.selectOption({ label: 'Legal' });
    await page.evaluate(() => document.querySelector('secpulse-survey').setAttribute('mode', 'single'));
    const box = (name) => host.locator('[data-q="contact_ways"]').getByRole('checkbox', { name });
    await box('Asked for advice or a review').check();
    await box('Reported something suspicious').check();
    await box('None of these').check();
    assert.deepEqual([await box('Asked for advice or a review').isChecked(), await box('Reported something suspicious').isChecked()], [false, false]);
    await box('Asked for an exception to a rule').check();
    assert.equal(await box('None of these').isChecked(), false);
    await host.locator('[data-q="nps"]').getByRole('radio', { name: /^6$/ }).check();
    const row = await page.evaluate(() => new Promise((ok) => {
      document.addEventListener('secpulse-submit', (e) => ok(e.detail.row));
      document.querySelector('secpulse-survey').shadowRoot.querySelector('button[type=submit]').click();
    }));
    assert.deepEqual(row, { department: 'Legal', nps: 6, contact_ways: 'Asked for an exception to a rule', wave: '2026-H1' });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('required answers: error summary linked to the fields, focus moved to it; hostile wording stays text', { timeout: 60_000 }, async () => {
    const page = await openSurvey(env.browser, env.url);
    const instrument = await page.evaluate(() => document.querySelector('secpulse-survey').instrument);
    const small = structuredClone(instrument);
    small.title = '<img src=x onerror="window.pwned=1">Survey';
    small.dimensions = [instrument.dimensions[0]];
    small.sections = [structuredClone(instrument.sections[1])];
    delete small.translations; // they name the pages and questions left out here
    small.sections[0].questions[0].required = true;
    small.sections[0].questions[4].required = true;
    await page.evaluate((ins) => { document.querySelector('secpulse-survey').instrument = ins; }, small);
    const host = survey(page);
    await host.getByRole('heading', { name: small.title }).waitFor();
    assert.equal(await host.locator('img').count(), 0, 'instrument wording is never parsed as HTML');
    await host.locator('[data-q="en3"]').getByRole('radio', { name: 'Agree', exact: true }).check();
    await host.getByRole('button', { name: 'Submit answers' }).click();
    const summary = host.locator('.summary');
    await summary.waitFor();
    assert.equal(await summary.getByRole('heading').textContent(), 'There are 2 problems');
    assert.ok(await summary.evaluate((el) => el.getRootNode().activeElement === el), 'focus on the summary');
    const first = host.locator('[data-q="en1"]');
    assert.equal(await first.getAttribute('aria-invalid'), 'true');
    const described = await first.getAttribute('aria-describedby');
    assert.equal(await host.locator(`[id="${described}"]`).textContent(), 'Choose an answer.');
    await summary.getByRole('link').first().click();
    assert.equal((await active(page)).q, 'en1', 'the summary link moves focus to the field');
    await page.keyboard.press('Space');
    assert.equal(await first.getAttribute('aria-invalid'), null, 'error cleared once answered');
    assert.equal(await page.evaluate(() => window.pwned), undefined);

    await page.evaluate(() => { document.querySelector('secpulse-survey').instrument = '{"id": "x"}'; });
    const alert = host.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^The survey could not be loaded: instrument is not valid/);

    // `src`: an instrument file from the page's origin, validated the same way.
    await page.route('**/instruments/*.json', (route) => (route.request().url().endsWith('/short.json')
      ? route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...small, title: 'From a file' }) })
      : route.fulfill({ status: 404, body: '' })));
    await page.evaluate(() => {
      const el = document.createElement('secpulse-survey');
      el.setAttribute('src', 'instruments/short.json');
      el.id = 'second';
      document.querySelector('main').append(el);
    });
    await page.locator('#second').getByRole('heading', { name: 'From a file' }).waitFor();
    await page.evaluate(() => document.querySelector('#second').setAttribute('src', 'instruments/missing.json'));
    assert.match(await page.locator('#second').getByRole('alert').textContent(), /could not be loaded: .*HTTP 404/);
    await page.context().close();
  });

  test('endpoint: retries, a clear failure that keeps the answers, then success; no cookies or referrer', { timeout: 60_000 }, async () => {
    const page = await openSurvey(env.browser, env.url);
    await page.context().addCookies([{ name: 'sid', value: 'secret', url: env.url }]);
    const requests = [];
    let failuresLeft = 3;
    await page.route('**/api/responses', async (route) => {
      const req = route.request();
      requests.push({ headers: await req.allHeaders(), body: req.postData(), method: req.method() });
      if (failuresLeft-- > 0) await route.fulfill({ status: 503, body: 'busy' });
      else await route.fulfill({ status: 201, body: '' });
    });
    const host = survey(page);
    await page.evaluate(() => {
      const el = document.querySelector('secpulse-survey');
      el.setAttribute('endpoint', 'api/responses');
      el.setAttribute('mode', 'single');
    });
    await host.locator('[data-q="en1"]').getByRole('radio', { name: 'Agree', exact: true }).check();
    await host.getByRole('button', { name: 'Submit answers' }).click();
    const alert = host.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    assert.match(await alert.textContent(), /could not be sent\. They are still here/);
    assert.equal(requests.length, 3, 'three tries');
    assert.ok(await host.locator('[data-q="en1"]').getByRole('radio', { name: 'Agree', exact: true }).isChecked(),
      'answers stay in the form');
    const [download] = await Promise.all([page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Download my answers' }).click()]);
    assert.equal(download.suggestedFilename(), 'my-survey-answers.json');
    assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), { en1: 4, wave: '2026-H1' },
      'the fallback file holds exactly the row');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await host.getByRole('heading', { name: 'Thank you' }).waitFor();
    assert.equal((await active(page)).text, 'Thank you', 'focus follows to the thank-you heading');
    assert.equal(requests.length, 4);
    for (const r of requests) {
      assert.equal(r.method, 'POST');
      assert.equal(r.headers.cookie, undefined, 'no cookies by default');
      assert.equal(r.headers.referer, undefined, 'no referrer');
      assert.deepEqual(JSON.parse(r.body), { en1: 4, wave: '2026-H1' });
    }
    await page.context().close();
  });

  test('with-credentials opts in to cookies', { timeout: 60_000 }, async () => {
    const page = await openSurvey(env.browser, env.url);
    await page.context().addCookies([{ name: 'sid', value: 'secret', url: env.url }]);
    let cookie;
    await page.route('**/api/responses', async (route) => {
      cookie = (await route.request().allHeaders()).cookie;
      await route.fulfill({ status: 200, body: '' });
    });
    const host = survey(page);
    await page.evaluate(() => {
      const el = document.querySelector('secpulse-survey');
      el.setAttribute('endpoint', 'api/responses');
      el.setAttribute('with-credentials', '');
      el.setAttribute('mode', 'single');
    });
    await host.getByRole('radio', { name: 'Staff' }).check();
    await host.locator('[data-q="nps"]').getByRole('radio', { name: /^10/ }).check();
    await host.getByRole('button', { name: 'Submit answers' }).click();
    await host.getByRole('heading', { name: 'Thank you' }).waitFor();
    assert.equal(cookie, 'sid=secret');
    await page.context().close();
  });

  for (const width of [390, 1280]) {
    test(`axe finds no violations at ${width}px (contrast on), nothing overflows; screenshots`, { timeout: 90_000 }, async () => {
      const page = await openSurvey(env.browser, env.url, { width, height: 900, context: { bypassCSP: true } });
      const host = survey(page);
      const scan = (label) => assertAccessible(page, label);
      const shot = (name) => page.screenshot({ path: new URL(`survey-${width}-${name}.png`, SHOTS).pathname, fullPage: true });
      await host.getByRole('radio', { name: 'Leader' }).check();
      await scan('page 1');
      await shot('1-about');
      for (let p = 2; p <= 10; p++) {
        await host.getByRole('button', { name: 'Next' }).click();
        if (p === 2) {
          await host.locator('[data-q="en1"]').getByRole('radio', { name: 'Agree', exact: true }).check();
          await host.locator('[data-q="en_balance"]').getByRole('radio', { name: /^2$/ }).check();
          await scan('page 2');
          await shot('2-likert');
        }
        if (p === 9) {
          await host.locator('[data-q="nps"]').getByRole('radio', { name: /^8$/ }).check();
          await host.locator('textarea').first().fill('They answer quickly.');
          await scan('page 9');
          await shot('9-overall');
        }
      }
      await host.getByRole('button', { name: 'Move “HR and payroll” up' }).click();
      await scan('page 10');
      await shot('10-ranking');
      await host.getByRole('button', { name: 'Next' }).click();
      await host.getByRole('checkbox', { name: 'Reported something suspicious' }).check();
      await scan('page 11');
      await shot('11-multi');
      // 320 px (the WCAG reflow width, also 1280 at 400% zoom): still no sideways scrolling.
      await page.setViewportSize({ width: 320, height: 800 });
      await scan('page 11 at 320px');
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => { document.querySelector('secpulse-survey').setAttribute('mode', 'single'); });
      const instrument = await page.evaluate(() => document.querySelector('secpulse-survey').instrument);
      const required = structuredClone(instrument);
      required.sections[2].questions[0].required = true;
      await page.evaluate((ins) => { document.querySelector('secpulse-survey').instrument = ins; }, required);
      await host.getByRole('button', { name: 'Submit answers' }).click();
      await host.locator('.summary').waitFor();
      await scan('error summary');
      await page.screenshot({ path: new URL(`survey-${width}-errors.png`, SHOTS).pathname });
      await host.locator('[data-q="rs1"]').getByRole('radio', { name: 'Agree', exact: true }).check();
      await host.getByRole('button', { name: 'Submit answers' }).click();
      await host.getByRole('heading', { name: 'Thank you' }).waitFor();
      await scan('thank-you screen');
      await shot('thanks');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
