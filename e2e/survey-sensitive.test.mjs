// End-to-end tests of a randomized-response question in <secpulse-survey>: the demo page with the survey
// pointed at docs/examples/instrument-sensitive.json (served copy: www/examples/), in headless Chromium.
// The device's random draw is pinned through crypto.getRandomValues so both forced outcomes are checked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { assertAccessible, start } from './survey-helpers.mjs';

const SHOTS = new URL('./screenshots/', import.meta.url);
const EXPLANATION = 'Your device privately rolls a die. On a 1 we record Yes, on a 6 we record No, otherwise your real ' +
  'answer. So nobody — not even the survey team — can tell from any single answer what you really did.';
/** Draws u that land in each part of the die design (truth 0–4/6, forced yes 4/6–5/6, forced no 5/6–1). */
const U = { truthful: 0.1, forcedYes: 0.75, forcedNo: 0.9 };

let env;
before(async () => { env = await start(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await env?.close(); });

/**
 * A page on `sensitive.html`: survey.html (same CSP) whose survey has src="examples/instrument-sensitive.json"
 * and mode="single". Every crypto.getRandomValues call yields `window.rrU` as the draw u; Math.random calls are counted.
 */
async function openSensitive({ width = 1280, bypassCSP = false, u = U.forcedYes } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, bypassCSP });
  await context.addInitScript((first) => {
    window.rrU = first;
    window.mathRandomCalls = 0;
    const random = Math.random;
    Math.random = () => { window.mathRandomCalls++; return random(); };
    Crypto.prototype.getRandomValues = function pinned(array) {
      array.fill(0);
      array[0] = Math.floor(window.rrU * 2 ** 32);
      return array;
    };
  }, u);
  await context.route('**/sensitive.html', async (route) => {
    const response = await route.fetch({ url: `${env.url}survey.html` });
    const html = await response.text();
    const body = html.replace('<secpulse-survey wave="2026-H1">',
      '<secpulse-survey wave="2026-H1" mode="single" src="examples/instrument-sensitive.json">');
    assert.notEqual(body, html, 'survey.html still has the element this test points at the example');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(`${env.url}sensitive.html`);
  await page.locator('secpulse-survey [data-q="workaround"]').waitFor();
  return page;
}

/** What has keyboard focus, looking through shadow roots. */
const active = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return { tag: el?.localName, type: el?.type ?? null, value: el?.value ?? null, checked: el?.checked ?? null,
    text: el?.textContent?.trim() ?? '', q: el?.closest?.('[data-q]')?.dataset.q ?? null };
});

/** The saved answers of the sensitive survey in sessionStorage. */
const saved = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem(
  'secpulse-survey:secpulse-security-team-sensitive:1.0:2026-H1') ?? 'null')?.answers ?? null);

/** The explanation element the question's group points at with aria-describedby, and the group's role. */
const description = (page) => page.locator('secpulse-survey').evaluate((host) => {
  const group = host.shadowRoot.querySelector('[data-q="workaround"]');
  const ids = (group.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return { role: group.getAttribute('role'), texts: ids.map((id) => host.shadowRoot.getElementById(id)?.textContent ?? null) };
});

/** Tab from the last comment box to the randomized question; returns what has focus. */
async function tabToQuestion(page) {
  await page.locator('secpulse-survey [data-q="should_change"] textarea').focus();
  await page.keyboard.press('Tab');
  const a = await active(page);
  assert.equal(a.q, 'workaround', 'Tab from the last comment box reaches the randomized question');
  return a;
}

describe('<secpulse-survey> randomized-response question', () => {
  test('by keyboard: only the randomized answer is kept and sent, both forced outcomes; reload shows "answered"', { timeout: 60_000 }, async () => {
    const page = await openSensitive({ u: U.forcedYes });
    const host = page.locator('secpulse-survey');
    const question = host.locator('[data-q="workaround"]');
    assert.deepEqual(await description(page), { role: 'radiogroup', texts: [EXPLANATION] }, 'the explanation describes the group');
    assert.ok(await question.getByText(EXPLANATION).isVisible());
    await host.locator('[data-q="en1"]').getByRole('radio', { name: 'Agree', exact: true }).check();

    // Really "No"; the draw forces "Yes": the form keeps 1 and shows the respondent their own choice.
    const first = await tabToQuestion(page);
    assert.deepEqual([first.type, first.value, first.checked], ['radio', 'yes', false]);
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await active(page), { ...first, value: 'no', checked: true });
    assert.deepEqual(await saved(page), { en1: 4, workaround: 1 }, 'sessionStorage holds the reported answer only');
    assert.ok(await question.getByRole('radio', { name: 'No', exact: true }).isChecked(), 'their choice stays on screen');

    // After a reload the stored value is not shown as a choice.
    await page.reload();
    await question.waitFor();
    assert.ok(await question.getByText('Answered (your answer was randomized).').isVisible());
    assert.equal(await question.getByRole('radio').count(), 0, 'no radio claims to be their answer');
    assert.deepEqual(await description(page), { role: null, texts: [EXPLANATION] });

    // Answer again, really "Yes"; this draw forces "No".
    await page.evaluate((u) => { window.rrU = u; }, U.forcedNo);
    const again = await tabToQuestion(page);
    assert.equal(again.text, 'Answer again');
    await page.keyboard.press('Enter');
    assert.deepEqual(await active(page), { ...first }, 'focus moves to the first answer');
    assert.deepEqual(await saved(page), { en1: 4 }, 'the old answer is gone');
    await page.keyboard.press('Space');
    assert.equal((await active(page)).checked, true);
    assert.deepEqual(await saved(page), { en1: 4, workaround: 0 });

    await page.evaluate(() => {
      window.submitted = [];
      document.addEventListener('secpulse-submit', (e) => window.submitted.push(e.detail.row));
    });
    // Past the optional last question ("choose all that apply", left blank) to Submit.
    for (let i = 0; i < 10 && (await active(page)).text !== 'Submit answers'; i++) await page.keyboard.press('Tab');
    assert.equal((await active(page)).text, 'Submit answers');
    await page.keyboard.press('Enter');
    await host.getByRole('heading', { name: 'Thank you' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.submitted), [{ en1: 4, workaround: 0, wave: '2026-H1' }]);
    assert.equal(await page.evaluate(() => window.mathRandomCalls), 0, 'Math.random is never used');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  for (const width of [390, 1280]) {
    test(`axe finds no violations at ${width}px, asking and answered; screenshots`, { timeout: 60_000 }, async () => {
      const page = await openSensitive({ width, bypassCSP: true, u: U.truthful });
      const question = page.locator('secpulse-survey [data-q="workaround"]');
      const scan = (label) => assertAccessible(page, label);
      const shot = (name) => question.screenshot({ path: new URL(`survey-${width}-randomized-${name}.png`, SHOTS).pathname });
      await question.scrollIntoViewIfNeeded();
      await scan('the question');
      await shot('1-asking');
      await question.getByRole('radio', { name: 'No', exact: true }).check();
      assert.deepEqual(await saved(page), { workaround: 0 }, 'a truthful draw keeps the real answer');
      await scan('answered');
      await page.reload();
      await question.getByText('Answered (your answer was randomized).').waitFor();
      await question.scrollIntoViewIfNeeded();
      await scan('answered, after a reload');
      await shot('2-answered');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
