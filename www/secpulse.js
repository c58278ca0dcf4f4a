// The one script a page owner includes: <script type="module" src=".../secpulse.js"></script>
// It defines <secpulse-report> (dashboard) and <secpulse-survey> (the survey form). Each element's
// module is loaded on its own: if one cannot be loaded (a file missing from the install, a wrong
// MIME type, a CSP that blocks it), that element still becomes defined and shows a plain error
// saying which file failed, instead of staying an empty box.
const ELEMENTS = { 'secpulse-report': './secpulse-report.js', 'secpulse-survey': './secpulse-survey.js' };

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

await Promise.all(Object.entries(ELEMENTS).map(async ([name, path]) => {
  const url = new URL(path, import.meta.url);
  try {
    await import(url.href);
  } catch (error) {
    if (!customElements.get(name)) customElements.define(name, failedElement(url, error));
  }
}));
