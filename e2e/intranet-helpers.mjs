// Helpers of the intranet-fit tests: a page that records Content-Security-Policy violations,
// axe-core injected without weakening the page's CSP, the docs' install list, and theme checks.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The repository root. */
export const REPO = fileURLToPath(new URL('../', import.meta.url));
/** The distributable folder scripts/build-wasm.sh writes. */
export const DIST = join(REPO, 'dist/secpulse');

/**
 * A new page (no CSP bypass) that fails on page errors and console errors, and records every
 * securitypolicyviolation (`await violations(p)`). `colorScheme` emulates the reader's preference.
 */
export async function strictPage(browser, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const p = await context.newPage();
  p.problems = [];
  p.on('pageerror', (e) => p.problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error') p.problems.push(`console: ${m.text()}`); });
  await p.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
  return p;
}

/** The CSP violations `p` recorded so far. */
export const violations = (p) => p.evaluate(() => window.cspViolations);

/** Runs axe-core on `p` (injected through the DevTools protocol, so the page's CSP stays strict). */
export async function axe(p, label) {
  if (!(await p.evaluate(() => Boolean(window.axe)))) await p.evaluate(await readFile(AXE_PATH, 'utf8'));
  const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) =>
    `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`);
  assert.deepEqual(found, [], `axe on ${label}`);
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll on ${label}`);
}

/** The files docs/embedding.md says to copy ("Install"), as paths inside the secpulse folder; folders end in "/". */
export async function installList() {
  const docs = await readFile(join(REPO, 'docs/embedding.md'), 'utf8');
  const block = docs.split('\n## Install')[1].split('```')[1];
  const [root, ...entries] = block.split(/\s+/).filter(Boolean);
  assert.equal(root, 'secpulse/', 'the install list starts with the folder name');
  return entries;
}

/** The `<head>` lines docs/embedding.md ("Install") says to add to every page. */
export async function installHead() {
  const docs = await readFile(join(REPO, 'docs/embedding.md'), 'utf8');
  return docs.split('\n## Install')[1].split('```html\n')[1].split('```')[0].trim();
}

/** Every file under `dir`, as paths relative to it. */
export async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name))).sort();
}
