// End-to-end: a multi-MB CSV file with quoted line breaks in many rows, labels first seen late in the file and
// a few bad rows, read in parts by two helper workers (the `workers` attribute; report/worker.js), gives the same
// ingest summary (rows, problems with their line numbers) and the same published report as one worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page } from './helpers.mjs';

const NUMERIC = ['en1', 'en2', 'en3', 'en4', 'en_balance', 'rs1', 'rs2', 'rs3', 'rs4', 'ap1', 'ap2', 'ap3', 'ap4', 'cm1', 'cm2', 'cm3',
  'ld1', 'ld2', 'ld3', 'sr1', 'sr2', 'sr3', 'pr1', 'pr2', 'pr3', 'pr4', 'nps'];
const ROWS = 100_000;
const BAD_ROWS = new Set([5, 49_999, 50_000, 50_001, 99_000]);

/** The file: a `team` column whose labels change halfway (new codes in the second part), comments with line breaks and quotes. */
function file() {
  const lines = [`${NUMERIC.join(',')},team,wave`];
  for (let r = 1; r <= ROWS; r++) {
    const answers = NUMERIC.map((id, i) => (id === 'nps' ? r % 11 : BAD_ROWS.has(r) && id === 'en2' ? 7 : 1 + ((r * 7 + i) % 5)));
    const team = r > ROWS / 2 ? `Team ${['Late', 'Z', 'A'][r % 3]}` : `Team ${['A', 'B'][r % 2]}`;
    const wave = r % 4 === 0 ? `"2025\n""H${1 + (r % 2)}"""` : `2025-H${1 + (r % 2)}`;
    lines.push(`${answers.join(',')},"${team}\n(${r % 5})",${wave}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Loads `csv` into a fresh dashboard read by `workers` workers; its summary, published report and the workers started. */
async function load(csv, workers) {
  const p = await page(env.browser);
  const started = [];
  p.on('worker', (w) => {
    started.push(w.url());
    // The coordinating worker says when it falls back to one pass: it must not here.
    w.on('console', (m) => { if (m.type() === 'warning') p.problems.push(`worker: ${m.text()}`); });
  });
  await p.goto(env.url);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  await p.evaluate((n) => document.querySelector('secpulse-report').setAttribute('workers', String(n)), workers);
  const summary = p.evaluate(() => new Promise((ok) => {
    document.querySelector('secpulse-report').addEventListener('secpulse-loaded', (e) => ok(e.detail.summary), { once: true });
  }));
  await p.locator('secpulse-report input[type="file"]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: csv });
  const got = await summary;
  const { report } = await p.evaluate(() => document.querySelector('secpulse-report').publishAfter(''));
  assert.deepEqual(p.problems, []);
  await p.close();
  return { summary: got, report, workers: started.filter((u) => u.endsWith('/report/worker.js')).length };
}

test('a file read by two workers gives the summary and report one worker gives', async () => {
  const csv = file();
  assert.ok(csv.length > 6 << 20, `${csv.length} bytes`);
  const one = await load(csv, 1);
  const two = await load(csv, 2);
  assert.equal(one.summary.rows_read, ROWS);
  assert.equal(one.summary.rows_skipped, BAD_ROWS.size);
  // Row r starts on line 2 + 2 (r - 1) + (rows before it with a two-line wave).
  assert.deepEqual(one.summary.problems.map((p) => p.line), [...BAD_ROWS].map((r) => 2 + 2 * (r - 1) + Math.floor((r - 1) / 4)));
  assert.deepEqual(two.summary, one.summary);
  assert.equal(two.report, one.report);
  assert.ok(JSON.parse(one.report), 'a report');
  assert.equal(one.workers, 1, 'one worker reads the file');
  assert.equal(two.workers, 2, 'the dashboard worker (it reads the first part) and one helper');
});
