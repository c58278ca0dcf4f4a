// Unit tests of the randomized-response logic of the survey form (no browser): the reported answer
// matches the core's `Design::respond`, the draw uses the CSPRNG, and the explanation follows the design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawUniform, explain, respond } from '../../www/survey/randomized.js';
import { messages } from '../../www/survey/messages.js';

const die = { design: 'forced_response', truth: 4 / 6, forced_yes: 1 / 6, forced_no: 1 / 6 };
const t = messages('en');

test('respond: the same comparisons as Design::respond, boundaries included', () => {
  // [u, truly yes, reported] — u < truth: the truth; truth <= u < truth + forced_yes: yes; else no.
  const cases = [[0, true, true], [0, false, false], [0.6666, false, false], [4 / 6, false, true], [4 / 6, true, true],
    [0.8333, false, true], [5 / 6, true, false], [0.9999999, true, false]];
  for (const [u, truly, reported] of cases) assert.equal(respond(die, truly, u), reported, `u=${u} truly=${truly}`);
  const warner = { design: 'warner', p: 0.7 };
  assert.equal(respond(warner, true, 0.69), true);
  assert.equal(respond(warner, true, 0.7), false);
  assert.equal(respond(warner, false, 0.7), true);
  assert.throws(() => respond({ design: 'coin' }, true, 0), /unknown randomization design/);
});

test('drawUniform: crypto.getRandomValues only, uniform in [0, 1); reported shares match the design', () => {
  const real = Math.random;
  Math.random = () => { throw new Error('Math.random used'); };
  try {
    const n = 60_000;
    let yesIfNo = 0;
    let yesIfYes = 0;
    for (let i = 0; i < n; i++) {
      const u = drawUniform();
      assert.ok(u >= 0 && u < 1);
      yesIfNo += respond(die, false, u);
      yesIfYes += respond(die, true, drawUniform());
    }
    // 1/6 and 5/6, within about 5 standard errors (0.0015).
    assert.ok(Math.abs(yesIfNo / n - 1 / 6) < 0.008, `P(yes | no) = ${yesIfNo / n}`);
    assert.ok(Math.abs(yesIfYes / n - 5 / 6) < 0.008, `P(yes | yes) = ${yesIfYes / n}`);
  } finally {
    Math.random = real;
  }
  const { getRandomValues } = crypto;
  try {
    crypto.getRandomValues = (a) => a.fill(0xffffffff);
    assert.ok(drawUniform() < 1, 'all ones stays below 1');
    crypto.getRandomValues = (a) => a.fill(0);
    assert.equal(drawUniform(), 0);
  } finally {
    crypto.getRandomValues = getRandomValues;
  }
});

test('explain: die wording, other forced-response designs, Warner, and no false promises', () => {
  assert.equal(explain(die, t), 'Your device privately rolls a die. On a 1 we record Yes, on a 6 we record No, otherwise your ' +
    'real answer. So nobody — not even the survey team — can tell from any single answer what you really did.');
  assert.match(explain({ design: 'forced_response', truth: 2 / 6, forced_yes: 2 / 6, forced_no: 2 / 6 }, t),
    /On a 1 or 2 we record Yes, on a 5 or 6 we record No/);
  assert.equal(explain({ design: 'forced_response', truth: 0.75, forced_yes: 0.1, forced_no: 0.15 }, t),
    'Your device privately draws a random number: 10% of the time we record Yes, 15% of the time No, otherwise (75%) your ' +
    'real answer. So nobody — not even the survey team — can tell from any single answer what you really did.');
  assert.equal(explain({ design: 'warner', p: 0.7 }, t), 'Your device privately draws a random number: 70% of the time we ' +
    'record your real answer, otherwise (30%) the opposite of it. So nobody — not even the survey team — can tell from any ' +
    'single answer what you really did.');
  // One-sided: a "yes" is never forced, so a recorded Yes is an admission; say so.
  assert.equal(explain({ design: 'forced_response', truth: 5 / 6, forced_yes: 0, forced_no: 1 / 6 }, t),
    'Your device privately rolls a die. On a 6 we record No, otherwise your real answer. ' +
    'But a recorded Yes can only come from a real Yes, so that answer is not hidden.');
  assert.equal(explain({ design: 'forced_response', truth: 1, forced_yes: 0, forced_no: 0 }, t), t('rrDirect'));
  assert.equal(explain({ design: 'warner', p: 1 }, t), t('rrDirect'));
  assert.match(explain({ design: 'warner', p: 0 }, t), /still shows your real one/);
});
