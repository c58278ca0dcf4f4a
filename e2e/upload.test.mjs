// End-to-end: the dashboard's worker reads a picked file in 4 MB slices (report/worker.js); a file of
// several slices, with quoted line breaks in every row (so records are cut between slices), reads whole; a
// file changed on disk after it was picked is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, page } from './helpers.mjs';

const NUMERIC = ['en1', 'en2', 'en3', 'en4', 'en_balance', 'rs1', 'rs2', 'rs3', 'rs4', 'ap1', 'ap2', 'ap3', 'ap4', 'cm1', 'cm2', 'cm3',
  'ld1', 'ld2', 'ld3', 'sr1', 'sr2', 'sr3', 'pr1', 'pr2', 'pr3', 'pr4', 'nps'];
const ROWS = 150_000;
const BAD_ROW = 70_000;
/** The element's words (report/messages.js `fileChanged`) for a file changed on disk after it was chosen. */
const FILE_CHANGED = 'the file changed on disk after it was chosen, or can no longer be read: choose it again';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('a file of several slices, records cut between them, loads with every row and the bad one skipped', async () => {
  const p = await page(env.browser);
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const lines = [`${NUMERIC.join(',')},team`];
  for (let r = 1; r <= ROWS; r++) {
    const answers = NUMERIC.map((id, i) => (id === 'nps' ? r % 11 : r === BAD_ROW && id === 'en2' ? 7 : 1 + ((r + i) % 5)));
    lines.push(`${answers.join(',')},"Team\n${r % 3 === 0 ? 'A' : 'B'}"`);
  }
  const csv = Buffer.from(`${lines.join('\n')}\n`);
  assert.ok(csv.length > 8 << 20, `${csv.length} bytes: at least three slices`);
  await p.locator('secpulse-report input[type="file"]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: csv });
  await p.locator('secpulse-report p.status[role="status"]').filter({ hasText: new RegExp(`^${(ROWS - 1).toLocaleString('en')} respondents`) })
    .waitFor({ timeout: 120_000 });
  assert.deepEqual(p.problems, []);
  await p.close();
});

test('a picked file changed on disk before it is read is refused, not read as the new bytes or cut short', async () => {
  const p = await page(env.browser);
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  // Over 16 MiB, only the worker reads the file; under it, the page first looks for a published report in it.
  const rows = (n, answer) => [NUMERIC.join(','), ...Array.from({ length: n }, () => NUMERIC.map(() => answer).join(','))].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'secpulse-upload-'));
  const file = join(dir, 'answers.csv');
  const status = p.locator('secpulse-report p.status[role="status"]');
  const alert = p.locator('secpulse-report [role="alert"]');
  try {
    // A file input of the page's own (no listener), so that the element reads the file only when asked.
    await p.evaluate(() => {
      document.body.append(Object.assign(document.createElement('input'), { type: 'file', id: 'picked' }));
      window.loadErrors = [];
      window.loadCauses = [];
      document.querySelector('secpulse-report').addEventListener('secpulse-error', (e) => { window.loadErrors.push(e.detail.message); window.loadCauses.push(e.detail.cause); });
    });
    // [case, rows before, rows after, workers reading the file (absent: the element decides: one on 2 cores)]
    const cases = [['large, the same size, other answers', 400_000, 400_000], ['large, shorter', 400_000, 350_000],
      ['large, read in 2 parts, the same size', 400_000, 400_000, 2], ['large, read in 2 parts, shorter', 400_000, 350_000, 2],
      ['small, the same size, other answers', 1_000, 1_000], ['small, shorter', 1_000, 900]];
    for (const [changed, rowsBefore, rowsAfter, workers] of cases) {
      await p.evaluate((n) => { const el = document.querySelector('secpulse-report'); if (n) el.setAttribute('workers', String(n)); else el.removeAttribute('workers'); }, workers);
      writeFileSync(file, rows(rowsBefore, 1));
      await p.setInputFiles('#picked', file);
      writeFileSync(file, rows(rowsAfter, 2));
      await p.evaluate(() => document.querySelector('secpulse-report').load(document.getElementById('picked').files[0]));
      // One error per load, so an alert left over from the case before cannot pass for this one's.
      assert.deepEqual(await p.evaluate(() => window.loadErrors.splice(0)), [FILE_CHANGED], changed);
      const [cause] = await p.evaluate(() => window.loadCauses.splice(0));
      assert.ok(typeof cause === 'string' && cause.length > 0, `${changed}: the browser's own words are kept in the event's cause (${cause})`);
      assert.match(await alert.textContent(), new RegExp(`Could not load the data: ${FILE_CHANGED}`), `${changed}: the element says the file could not be read`);
      // The data shown before (the demo's sample) stays.
      assert.match(await status.textContent(), /^10,000 respondents/, `${changed}: the file is not shown as loaded`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await p.close();
});
