// Shared helpers of the browser tests: the static server (scripts/serve.mjs, with its CSP),
// Debian's Chromium through playwright-core, and the screenshot folder.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

/** Where screenshots go (git-ignored); look at them. */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** Starts the server on a free port and Chromium; returns { url, browser, close }. */
export async function start() {
  const { server, url } = await serve(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return { url, browser, async close() { await browser.close(); server.close(); } };
}

/** A new page that fails the test on page errors, console errors and dialogs (`bypassCSP` to inject test tools such as axe). */
export async function page(browser, { width = 1440, height = 900, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, bypassCSP });
  const p = await context.newPage();
  p.problems = [];
  p.on('pageerror', (e) => p.problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error') p.problems.push(`console: ${m.text()}`); });
  p.on('dialog', (d) => { p.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  return p;
}

/**
 * Per chart canvas of `selector`'s shadow root: how many pixels differ from the corner (background). Panels the
 * data has nothing for (a survey without sensitive questions) are hidden and left out.
 */
export function inkPerCanvas(p, selector = 'secpulse-report') {
  return p.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('section:not([hidden]) canvas')].map((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 60) ink++;
    }
    return { kind: c.dataset.chart, ink, width: c.width, height: c.height };
  }), selector);
}
