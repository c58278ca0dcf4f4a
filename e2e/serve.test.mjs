// The real survey page against the real `secpulse serve`: staff and leader answers with and without invite codes,
// the admin dashboard counting them, the public page showing only the published report, and a closed survey.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './survey-helpers.mjs';
import { SCREENSHOTS } from './helpers.mjs';
import { TOKEN, freshDb, secpulse, startServer } from './serve-helpers.mjs';

let browser;
before(async () => { browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }); });
after(async () => { await browser?.close(); });

async function newPage() {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  return page;
}

/** Answers every scale and choice on each page (role as given) and submits; `code` is typed into the code field. */
async function answerSurvey(page, { role, code }) {
  const form = page.locator('secpulse-survey form');
  await form.waitFor();
  if (code !== undefined) await page.locator('secpulse-survey input.code').fill(code);
  for (let step = 0; step < 20; step++) {
    for (const group of await page.locator('secpulse-survey .page:not([hidden]) fieldset[data-q]').all()) {
      const q = await group.getAttribute('data-q');
      if (!(await group.locator('input[type=radio]').count())) continue;
      const option = q === 'role' ? group.locator('label.opt', { hasText: role }) : group.locator('label.opt').nth(2);
      await option.click();
    }
    const button = page.locator('secpulse-survey button.primary[type=submit]');
    const label = await button.textContent();
    await button.click();
    if (label === 'Submit answers') return;
  }
  throw new Error('never reached Submit');
}

const thanks = (page) => page.locator('secpulse-survey .thanks h2').waitFor();

describe('secpulse serve with the survey page', () => {
  test('staff and leader answers are stored; the admin dashboard counts them; /report shows only the published report', { timeout: 120_000 }, async () => {
    const db = freshDb();
    secpulse('import', '--db', db, '--synthetic', '200');
    const server = await startServer(db, ['--wave', '2026-H1']);
    try {
      for (const role of ['Staff', 'Leader']) {
        const page = await newPage();
        await page.goto(server.url);
        await answerSurvey(page, { role });
        await thanks(page);
        if (role === 'Leader') await page.screenshot({ path: `${SCREENSHOTS}serve-thanks.png` });
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
      const before = await newPage();
      await before.goto(`${server.url}report`);
      await before.locator('body[data-ready="1"]').waitFor();
      assert.ok(await before.getByText('No results have been published yet.').isVisible());
      await before.context().close();

      const admin = await newPage();
      await admin.goto(`${server.url}admin#token=${TOKEN}`);
      await admin.locator('body[data-ready="1"]').waitFor({ timeout: 60_000 });
      assert.equal(await admin.locator('body').getAttribute('data-responses'), '202');
      assert.match(await admin.locator('#status').textContent(), /202 answers stored \(collecting 2026-H1, open\)/);
      assert.ok(!admin.url().includes('token'), 'the token leaves the address bar');
      await admin.locator('secpulse-report canvas').first().waitFor();
      await admin.screenshot({ path: `${SCREENSHOTS}serve-admin.png` });
      // One way to publish here: the server's, which keeps the records of earlier publications.
      assert.ok(await admin.locator('secpulse-report .bar button.primary').isHidden(), 'the element\u2019s own Publish is hidden');
      await admin.locator('#publish').click();
      await admin.locator('body[data-published="1"]').waitFor();
      assert.deepEqual(admin.errors, []);
      await admin.context().close();

      const pub = await newPage();
      await pub.goto(`${server.url}report`);
      await pub.locator('body[data-ready="1"]').waitFor({ timeout: 60_000 });
      await pub.locator('secpulse-report canvas').first().waitFor();
      assert.ok(!pub.requests.some((p) => p.startsWith('/api/admin')), 'the public page asks for no answers');
      assert.ok(pub.requests.includes('/api/report.json'));
      await pub.screenshot({ path: `${SCREENSHOTS}serve-report.png` });
      assert.deepEqual(pub.errors, []);
      await pub.context().close();
    } finally {
      await server.stop();
    }
  });

  test('with invite codes: from the link or typed, used once; a reused code is refused in the form', { timeout: 120_000 }, async () => {
    const db = freshDb();
    const codes = secpulse('invites', '--db', db, '--n', '2').trim().split('\n').slice(1);
    const server = await startServer(db, ['--invites']);
    try {
      const staff = await newPage();
      await staff.goto(`${server.url}?code=${codes[0]}`);
      await staff.locator('secpulse-survey form').waitFor();
      assert.equal(await staff.locator('secpulse-survey input.code').inputValue(), codes[0], 'the code comes from the link');
      await answerSurvey(staff, { role: 'Staff' });
      await thanks(staff);
      await staff.context().close();

      const leader = await newPage();
      await leader.goto(server.url);
      await answerSurvey(leader, { role: 'Leader', code: codes[1].toLowerCase() });
      await thanks(leader);
      await leader.context().close();

      const again = await newPage();
      await again.goto(`${server.url}#code=${codes[0]}`);
      await answerSurvey(again, { role: 'Staff' });
      const alert = again.locator('secpulse-survey .send [role=alert]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /already been used/);
      await again.screenshot({ path: `${SCREENSHOTS}serve-code-used.png`, fullPage: true });
      await again.context().close();

      const admin = await newPage();
      await admin.goto(`${server.url}admin#token=${TOKEN}`);
      await admin.locator('body[data-ready="1"]').waitFor({ timeout: 60_000 });
      assert.equal(await admin.locator('body').getAttribute('data-responses'), '2');
      assert.match(await admin.locator('#status').textContent(), /2 of 2 invite codes used/);
      await admin.context().close();
    } finally {
      await server.stop();
    }
  });

  test('a closed survey says so instead of showing the form', { timeout: 60_000 }, async () => {
    const server = await startServer(freshDb(), ['--closes', '2000-01-01']);
    try {
      const page = await newPage();
      await page.goto(server.url);
      await page.locator('body[data-ready="1"]').waitFor();
      assert.match(await page.locator('#closed').textContent(), /closed at 2000-01-01/);
      assert.ok(await page.locator('secpulse-survey').isHidden());
      await page.screenshot({ path: `${SCREENSHOTS}serve-closed.png` });
      await page.context().close();
    } finally {
      await server.stop();
    }
  });
});
