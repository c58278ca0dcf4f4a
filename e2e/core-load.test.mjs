// End-to-end: which wasm core each page loads (issue 15, size). A published report is drawn by the small viewer
// core alone, with no worker; the dashboard loads one core, the full one, for its page and its worker.
// Build first: scripts/build-wasm.sh
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Opens `path` in a fresh context; resolves to the paths of www/ files it and its workers requested, and its problems. */
async function requested(path) {
  const context = await env.browser.newContext();
  const paths = [];
  context.on('request', (r) => paths.push(new URL(r.url()).pathname));
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(e.message));
  await p.goto(env.url + path);
  await p.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  await p.waitForFunction(() => Number(document.querySelector('secpulse-report').dataset.drawn) > 0);
  await p.waitForLoadState('networkidle');
  const alert = await p.evaluate(() => document.querySelector('secpulse-report').shadowRoot.querySelector('[role="alert"]').textContent);
  await context.close();
  return { paths, problems, alert };
}

test('a published report loads only the viewer core and starts no worker', async () => {
  const { paths, problems, alert } = await requested('published.html');
  assert.deepEqual([...new Set(paths.filter((f) => f.startsWith('/pkg/')))].sort(), ['/pkg/secpulse_viewer.js', '/pkg/secpulse_viewer_bg.wasm']);
  assert.ok(!paths.includes('/report/worker.js'), 'no worker');
  assert.equal(alert, '');
  assert.deepEqual(problems, []);
});

test('the dashboard loads the full core once, for its page and its worker, and not the viewer core', async () => {
  const { paths, problems, alert } = await requested('index.html?n=1000');
  assert.deepEqual([...new Set(paths.filter((f) => f.startsWith('/pkg/')))].sort(), ['/pkg/secpulse.js', '/pkg/secpulse_bg.wasm']);
  assert.equal(paths.filter((f) => f === '/pkg/secpulse_bg.wasm').length, 1, 'the wasm is fetched once (the worker gets the compiled module)');
  assert.ok(paths.includes('/report/worker.js'));
  assert.equal(alert, '');
  assert.deepEqual(problems, []);
});
