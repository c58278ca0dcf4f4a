// End-to-end: the dashboard's worker reads a picked file in 4 MB slices (report/worker.js); a file of
// several slices, with quoted line breaks in every row (so records are cut between slices), reads whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page } from './helpers.mjs';

const NUMERIC = ['en1', 'en2', 'en3', 'en4', 'en_balance', 'rs1', 'rs2', 'rs3', 'rs4', 'ap1', 'ap2', 'ap3', 'ap4', 'cm1', 'cm2', 'cm3',
  'ld1', 'ld2', 'ld3', 'sr1', 'sr2', 'sr3', 'pr1', 'pr2', 'pr3', 'pr4', 'nps'];
const ROWS = 150_000;
const BAD_ROW = 70_000;

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
