// The one script a page owner includes: <script type="module" src=".../secpulse.js"></script>
// It defines <secpulse-report> (dashboard) and <secpulse-survey> (the survey form). An element's module
// is loaded once such an element is in the document: at once for those in the page's HTML, later for
// those a script adds. So a survey-only page loads no dashboard code. Each element's module is loaded
// on its own: if one cannot be loaded (a file missing from the install, a wrong MIME type, a CSP that
// blocks it), that element still becomes defined and shows a plain error saying which file failed,
// instead of staying an empty box.

/**
 * Every file <secpulse-survey> needs, relative to this file: its module (one file, bundled by
 * scripts/bundle-survey.sh) and its wasm core. They are all asked for at once (`<link rel="modulepreload">` /
 * `<link rel="preload">`) instead of one after another. A page can put the same links in its <head> to
 * start even earlier (docs/embedding.md, "Loading fast"); e2e/survey-load.test.mjs checks this list.
 */
export const SURVEY_FILES = ['secpulse-survey.js', 'pkg/secpulse_survey.js', 'pkg/secpulse_survey_bg.wasm',
  'pkg/secpulse_survey_instrument.json'];

/**
 * Every module of <secpulse-report>, relative to this file, asked for at once for the same reason (its wasm core
 * is not: which of its two builds it needs depends on the data it is given). e2e/survey-load.test.mjs checks
 * this list against the imports.
 */
export const REPORT_FILES = ['secpulse-report.js', 'core.js', 'dom.js', 'download.js', 'theme.js', 'i18n/lang.js',
  'report/board.js', 'report/comments.js', 'report/engine.js', 'report/messages.js', 'report/messages-de.js',
  'report/messages-es.js', 'report/messages-fr.js', 'report/panel.js', 'report/plan.js', 'report/publish.js',
  'report/styles.js'];

/** The built-in instrument: needed only by a survey without `src`. */
const BUILT_IN = 'pkg/secpulse_survey_instrument.json';

/** Per element: its module, and the files to fetch at once when it is first seen. */
const ELEMENTS = {
  'secpulse-report': { module: './secpulse-report.js', files: REPORT_FILES },
  'secpulse-survey': { module: './secpulse-survey.js', files: SURVEY_FILES },
};

// This module cannot rely on any other file of the install, so its few words live here.
const MESSAGES = {
  en: {
    failed: 'This part of the page could not start: the file {file} could not be loaded ({error}).',
    hint: 'Ask the page’s owner to copy the whole secpulse folder (docs/embedding.md, “Install”).',
  },
};

const sheet = new CSSStyleSheet();
sheet.replaceSync(`:host { display: block; } p { margin: 0 0 .5rem; }
.failed { border: 2px solid #a33a00; border-radius: 6px; padding: .75rem 1rem; color: #1a1a1a; background: #fff; }
@media (prefers-color-scheme: dark) { .failed { border-color: #ffb37a; color: #f0f0f0; background: #16181c; } }`);

/** A stand-in element for `name` that says why its module (`url`) failed to load. */
function failedElement(url, error) {
  return class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const lang = String(this.closest('[lang]')?.getAttribute('lang') || 'en').toLowerCase().split('-')[0];
      const t = MESSAGES[lang] ?? MESSAGES.en;
      const box = document.createElement('div');
      box.className = 'failed';
      box.setAttribute('role', 'alert');
      const what = document.createElement('p');
      what.textContent = t.failed.replace('{file}', url.pathname).replace('{error}', String(error?.message ?? error));
      const hint = document.createElement('p');
      hint.textContent = t.hint;
      box.append(what, hint);
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      root.append(box);
    }
  };
}

/** Asks for `files` (relative to this module) in parallel, each once per page. */
function preload(files) {
  const builtIn = document.querySelector('secpulse-survey:not([src])') != null;
  for (const file of files) {
    if (file === BUILT_IN && !builtIn) continue;
    const href = new URL(file, import.meta.url).href;
    if ([...document.querySelectorAll('link[rel~="modulepreload"], link[rel~="preload"]')].some((l) => l.href === href)) continue;
    const link = document.createElement('link');
    if (file.endsWith('.js')) link.rel = 'modulepreload';
    else Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
    link.href = href;
    document.head.append(link);
  }
}

/** Loads and defines the element `name` (once); a module that fails to load defines a stand-in that says so. */
const loads = new Map();
function define(name) {
  if (!loads.has(name)) {
    const { module, files } = ELEMENTS[name];
    const url = new URL(module, import.meta.url);
    preload(files);
    loads.set(name, import(url.href).catch((error) => {
      if (!customElements.get(name)) customElements.define(name, failedElement(url, error));
    }));
  }
  return loads.get(name);
}

/** Defines the elements found in `root` (an element or the document). */
function defineWithin(root) {
  for (const name of Object.keys(ELEMENTS)) {
    if (!loads.has(name) && (root.localName === name || root.querySelector?.(name))) define(name);
  }
}

// Elements added later are defined when they appear; the observer stops once every element is loaded.
const allLoading = () => loads.size === Object.keys(ELEMENTS).length;
defineWithin(document);
if (!allLoading()) {
  const watcher = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) defineWithin(node);
    if (allLoading()) watcher.disconnect();
  });
  watcher.observe(document, { childList: true, subtree: true });
}
await Promise.all(loads.values());
