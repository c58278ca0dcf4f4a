// Unit tests of the shared translator (www/i18n/lang.js): its shortcut for small whole numbers writes
// exactly what Intl.NumberFormat writes, in every language the elements speak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, plainDigits, translator } from '../../www/i18n/lang.js';

test('plainDigits numbers are written as Intl.NumberFormat writes them, in every language', () => {
  for (const lang of LANGUAGES) {
    const format = new Intl.NumberFormat(lang);
    for (let n = 0; n < 1000; n++) {
      assert.ok(plainDigits(n));
      assert.equal(String(n), format.format(n), `${n} in ${lang}`);
    }
  }
});

test('other numbers are not plainDigits and go through Intl.NumberFormat', () => {
  for (const x of [-0, -1, 1000, 12345, 0.5, 2.25, NaN, Infinity]) assert.equal(plainDigits(x), false, String(x));
  const catalogs = { en: { chars: '{n} of {max}' }, de: {} };
  assert.equal(translator(catalogs, 'en')('chars', { n: 7, max: 1000 }), '7 of 1,000');
  assert.equal(translator(catalogs, 'de')('chars', { n: 7, max: 1000 }), '7 of 1.000');
  assert.equal(translator(catalogs, 'en')('chars', { n: -0, max: 2.5 }), '-0 of 2.5');
});
