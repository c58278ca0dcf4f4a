// Shared setup for the survey browser tests: the demo server (with its CSP) and headless Chromium.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve } from '../scripts/serve.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts the static server and the browser; returns { url, browser, close() }. */
export async function start() {
  const { server, url } = await serve(0);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { url, browser, close: async () => { await browser.close(); server.close(); } };
}

/** A new page on `path` with the survey rendered; collects page errors into page.errors. */
export async function openSurvey(browser, url, { path = 'survey.html', width = 1280, height = 900, context: opts = {} } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...opts });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url + path);
  await page.locator('secpulse-survey form').waitFor();
  return page;
}

/** Runs axe on `page` and asserts no violations and no sideways scroll; `label` names the state. */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe on ${label}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll on ${label}`);
}
