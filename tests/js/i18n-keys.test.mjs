// The message catalogs of both elements: every language has exactly the English keys, with the same
// {placeholders}; every key is used by the element's code; and the translators pick the language
// (first subtag, English for an unknown one) and plural forms. Fails on any missing or unused key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { LANGUAGES, resolveLang } from '../../www/i18n/lang.js';
import { MESSAGES as SURVEY, messages as surveyMessages } from '../../www/survey/messages.js';
import { MESSAGES as REPORT, messages as reportMessages } from '../../www/report/messages.js';

const www = new URL('../../www/', import.meta.url);
/** The code of an element: its main file and its folder, without the catalogs. */
const sourceOf = (main, folder) => [...(main ? [main] : []), ...readdirSync(new URL(folder, www)).filter((f) => f.endsWith('.js') && !f.startsWith('messages')).map((f) => `${folder}${f}`)]
  .map((f) => readFileSync(new URL(f, www), 'utf8')).join('\n');

const CATALOGS = [
  { name: 'survey', catalogs: SURVEY, source: sourceOf(null, 'survey/') },
  { name: 'report', catalogs: REPORT, source: sourceOf('secpulse-report.js', 'report/') },
];
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const { name, catalogs, source } of CATALOGS) {
  test(`${name}: every language has exactly the English keys and placeholders`, () => {
    assert.deepEqual(Object.keys(catalogs).sort(), [...LANGUAGES].sort());
    const en = catalogs.en;
    for (const lang of LANGUAGES) {
      const table = catalogs[lang];
      const missing = Object.keys(en).filter((k) => !(k in table));
      const extra = Object.keys(table).filter((k) => !(k in en));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${name}/${lang}`);
      for (const [key, text] of Object.entries(table)) {
        assert.ok(typeof text === 'string' && text.trim() !== '', `${name}/${lang}: ${key} is empty`);
        // A singular form may say "1" instead of {n}; every other placeholder must be kept.
        const want = placeholders(en[key]).filter((p) => !(key.endsWith('_one') && p === 'n'));
        const have = placeholders(text).filter((p) => !(key.endsWith('_one') && p === 'n'));
        assert.deepEqual(have, want, `${name}/${lang}: placeholders of ${key}`);
      }
    }
  });

  test(`${name}: every key is used by the element, and plural keys come in full sets`, () => {
    // Keys named in code as string literals, or built from a template prefix (`err_${code}`, `rrDie${which}`).
    const prefixes = [...source.matchAll(/`([A-Za-z]\w*)\$\{/g)].map((m) => m[1]);
    const used = (key) => source.includes(`'${key}'`) || prefixes.some((p) => key.startsWith(p));
    const unused = Object.keys(catalogs.en).map((k) => k.replace(PLURAL, '')).filter((k, i, all) => all.indexOf(k) === i && !used(k));
    assert.deepEqual(unused, [], `${name}: keys no code uses`);
    for (const key of Object.keys(catalogs.en).filter((k) => k.endsWith('_one'))) {
      assert.ok(key.replace(/_one$/, '_other') in catalogs.en, `${name}: ${key} has no _other form`);
    }
  });
}

test('resolveLang: first subtag of a known language, else English with one warning', () => {
  const warnings = [];
  const warn = console.warn;
  console.warn = (m) => warnings.push(m);
  try {
    assert.equal(resolveLang('de-CH'), 'de');
    assert.equal(resolveLang('FR'), 'fr');
    assert.equal(resolveLang('es_MX'), 'es');
    assert.equal(resolveLang(''), 'en');
    assert.equal(resolveLang('pt-BR', 'secpulse-survey'), 'en');
    assert.equal(resolveLang('pt'), 'en');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /secpulse-survey: no translation for language "pt-BR"; showing English/);
  } finally {
    console.warn = warn;
  }
});

test('translators: plural forms, placeholders and numbers per language', () => {
  const de = surveyMessages('de');
  assert.equal(de.lang, 'de');
  assert.equal(de('errorsTitle', { n: 1 }), 'Es gibt 1 Problem');
  assert.equal(de('errorsTitle', { n: 3 }), 'Es gibt 3 Probleme');
  assert.equal(de('chars', { n: 1200, max: 2000 }), '1.200 von 2.000 Zeichen');
  const fr = reportMessages('fr');
  assert.equal(fr('rowsLeftOut', { n: 1 }), '1 ligne a été écartée\u00a0:');
  assert.equal(fr('rowsLeftOut', { n: 2 }), '2 lignes ont été écartées\u00a0:');
  assert.equal(fr('statusLocal', { respondents: 1234, k: 5 }).split(' ')[0], '1\u202f234');
  assert.equal(reportMessages('es')('rowsLeftOut', { n: 1_000_000 }), 'Se omitieron 1.000.000 filas:');
  assert.equal(reportMessages('en')('planMore', { n: 1, total: 4 }), '1 more practice is triggered; the checklists list all 4.');
  assert.equal(fr('planMore', { n: 1, total: 4 }), '1 autre pratique est déclenchée\u202f; les listes de contrôle les contiennent toutes (4).');
  assert.equal(reportMessages('xx')('retry'), 'Retry');
});
