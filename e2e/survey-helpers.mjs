// Shared setup for the survey browser tests: the demo server (with its CSP) and headless Chromium.
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

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
