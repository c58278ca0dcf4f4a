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
 * A translator over `catalogs` ({ en: {...}, de: {...} }) for language `lang` (already resolved):
 * t(key, { name: value }) fills {name} placeholders; a key with _one/_other forms is chosen by
 * Intl.PluralRules from the `n` value. Numbers in `vars` are formatted for the language.
 * `t.lang` is the language; `t.number(x, options)` formats a number for it.
 */
export function translator(catalogs, lang) {
  const table = { ...catalogs.en, ...(catalogs[lang] ?? {}) };
  const plural = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const show = (value) => (typeof value === 'number' ? numbers.format(value) : String(value));
  const t = (key, vars = {}) => {
    const form = 'n' in vars ? `${key}_${plural.select(vars.n)}` : '';
    const text = table[form] ?? table[key] ?? table[`${key}_other`] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? show(vars[name]) : m));
  };
  t.lang = lang;
  t.number = (x, options) => new Intl.NumberFormat(lang, options).format(x);
  return t;
}
