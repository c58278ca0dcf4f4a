// Language selection and translation shared by the secpulse elements. An element's language is its own
// `lang` attribute, else the nearest ancestor's (in the end the page's <html lang>), reduced to the first
// subtag; a language without a catalog falls back to English with one console warning per language.

/** The languages every element and the default instrument are translated into. */
export const LANGUAGES = ['en', 'de', 'fr', 'es'];

const warned = new Set();

/** The catalog language for element `el`: 'en', 'de', 'fr' or 'es'. */
export function langOf(el) {
  const asked = (el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en').trim();
  return resolveLang(asked, el.localName);
}

/** The first subtag of `asked` when it is a known language, else 'en' (with a console warning naming `who`). */
export function resolveLang(asked, who = 'secpulse') {
  const base = String(asked || 'en').toLowerCase().split(/[-_]/)[0];
  if (LANGUAGES.includes(base)) return base;
  if (!warned.has(base)) {
    warned.add(base);
    console.warn(`${who}: no translation for language "${asked}"; showing English (available: ${LANGUAGES.join(', ')}).`);
  }
  return 'en';
}

/**
 * True when `x` is an integer from 0 to 999 (not -0): Intl.NumberFormat writes those as their plain ASCII
 * digits in every language of LANGUAGES (no grouping, no other digits; tests/js/lang.test.mjs checks it).
 */
export function plainDigits(x) {
  return Number.isInteger(x) && x < 1000 && (x > 0 || Object.is(x, 0));
}

/**
 * A translator over `catalogs` ({ en: {...}, de: {...} }) for language `lang` (already resolved):
 * t(key, { name: value }) fills {name} placeholders; a key with _one/_other forms is chosen by
 * Intl.PluralRules from the `n` value. Numbers in `vars` are formatted for the language.
 * `t.lang` is the language; `t.number(x, options)` formats a number for it.
 */
export function translator(catalogs, lang) {
  const table = { ...catalogs.en, ...(catalogs[lang] ?? {}) };
  // Made on first use: a renderer's first Intl.NumberFormat loads ICU's number data (11–70 ms measured in
  // headless Chromium), which the survey's first page ("Page 1 of 11") does not need (plainDigits).
  const plural = new Intl.PluralRules(lang);
  let numbers;
  const show = (value) => {
    if (typeof value !== 'number') return String(value);
    if (plainDigits(value)) return String(value);
    numbers ??= new Intl.NumberFormat(lang);
    return numbers.format(value);
  };
  const t = (key, vars = {}) => {
    const form = 'n' in vars ? `${key}_${plural.select(vars.n)}` : '';
    const text = table[form] ?? table[key] ?? table[`${key}_other`] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? show(vars[name]) : m));
  };
  t.lang = lang;
  t.number = (x, options) => new Intl.NumberFormat(lang, options).format(x);
  return t;
}
