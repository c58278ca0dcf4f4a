// The install as docs/embedding.md describes it: the distributable folder (dist/secpulse/, made by
// scripts/build-wasm.sh) holds exactly the files the docs list; copying exactly that list into an
// empty site gives a page where both elements load, under the strict CSP; a missing file gives a
// visible, plain error. Build first: scripts/build-wasm.sh
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { DIST, REPO, filesUnder, installHead, installList, strictPage, violations } from './intranet-helpers.mjs';

/** An intranet page with both elements, its <head> lines exactly as the docs give them. */
const page = (head) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet page</title>
<link rel="icon" href="data:,">${head}</head>
<body><main><h1>Security team</h1>
<secpulse-survey wave="2026-H1"><p slot="thanks"><a href="/results">Results</a></p></secpulse-survey>
<secpulse-report src="/report.json"></secpulse-report>
</main></body></html>
`;

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
after(async () => { await browser?.close(); });

/** An empty site with the docs' page, report.json and the listed files copied from dist (minus `leave`). */
async function site(leave = []) {
  const root = await mkdtemp(join(tmpdir(), 'secpulse-site-'));
  for (const entry of await installList()) {
    if (leave.includes(entry)) continue;
    await mkdir(join(root, 'secpulse', entry, entry.endsWith('/') ? '' : '..'), { recursive: true });
    await cp(join(DIST, entry), join(root, 'secpulse', entry), { recursive: true });
  }
  for (const gone of leave) await rm(join(root, 'secpulse', gone), { force: true, recursive: true });
  await writeFile(join(root, 'index.html'), page(await installHead()));
  await cp(join(REPO, 'www/report.json'), join(root, 'report.json'));
  const { server, url } = await serve(0, '127.0.0.1', root);
  return { url, async close() { server.close(); await rm(root, { recursive: true, force: true }); } };
}

test('the docs list exactly the files of the distributable folder', async () => {
  const listed = [];
  const all = await filesUnder(DIST);
  for (const entry of await installList()) {
    listed.push(...(entry.endsWith('/') ? all.filter((f) => f.startsWith(entry)) : [entry]));
  }
  assert.deepEqual(listed.sort(), all, 'docs/embedding.md "Install" = dist/secpulse/');
  assert.ok(all.includes('pkg/secpulse_survey_bg.wasm') && all.includes('secpulse-survey.js'));
  assert.ok(!all.some((f) => f.endsWith('.html') || f.startsWith('demo/')), 'no demo files');
});

test('a site built only from the docs loads both elements, under the strict CSP', async () => {
  const s = await site();
  const p = await strictPage(browser);
  await p.goto(s.url);
  await p.locator('secpulse-survey form').waitFor();
  await p.locator('secpulse-report section[data-kind="balance"] canvas').waitFor();
  await p.waitForFunction(() => Number(document.querySelector('secpulse-report').dataset.drawn) >= 1);
  assert.match(await p.locator('secpulse-report .status').textContent(), /Published report/);
  assert.deepEqual(await violations(p), []);
  assert.deepEqual(p.problems, []);
  await p.close();
  await s.close();
});

test('a missing element module or wasm file shows a visible, plain error', async () => {
  const s = await site(['secpulse-report.js', 'pkg/secpulse_survey_bg.wasm']);
  const p = await strictPage(browser);
  await p.goto(s.url);
  const reportError = p.locator('secpulse-report [role="alert"]');
  await reportError.waitFor();
  assert.ok(await reportError.isVisible());
  assert.match(await reportError.textContent(), /could not start: the file \/secpulse\/secpulse-report\.js could not be loaded/);
  const surveyError = p.locator('secpulse-survey [role="alert"]');
  await surveyError.waitFor();
  assert.ok(await surveyError.isVisible());
  assert.match(await surveyError.textContent(), /could not be loaded.*secpulse_survey_bg\.wasm.*HTTP 404/s);
  assert.deepEqual(await violations(p), []);
  await p.close();
  await s.close();
});
