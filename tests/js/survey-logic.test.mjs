// Unit tests of the survey's pure modules (no browser): visibility, pruning, sanitising stored
// answers, the response row, and the messages table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRow, isAnswered, missingRequired, pruneHidden, sanitize, visibleSections } from '../../www/survey/logic.js';
import { MESSAGES, messages } from '../../www/survey/messages.js';

const ins = {
  id: 't', version: '1', scale: { min: 1, max: 5, labels: [] },
  sections: [
    { id: 'a', questions: [
      { type: 'choice', id: 'role', options: ['Leader', 'Staff'] },
      { type: 'likert', id: 'l1', required: true },
      { type: 'bipolar', id: 'b1', min: 1, max: 7 },
      { type: 'recommend', id: 'nps' },
      { type: 'text', id: 'c', max_chars: 5 },
    ] },
    { id: 'lead', show_if: { question: 'role', any_of: ['Leader'] }, questions: [
      { type: 'choice', id: 'span', options: ['Small', 'Large'] },
      { type: 'ranking', id: 'rk', options: ['A', 'B', 'C'], required: true },
    ] },
    { id: 'big', show_if: { question: 'span', any_of: ['Large'] }, questions: [{ type: 'likert', id: 'l2' }] },
  ],
};

test('sections show by their condition, chained conditions included', () => {
  assert.deepEqual(visibleSections(ins, {}).map((s) => s.id), ['a']);
  assert.deepEqual(visibleSections(ins, { role: 'Leader', span: 'Large' }).map((s) => s.id), ['a', 'lead', 'big']);
  const pruned = pruneHidden(ins, { role: 'Staff', l1: 2, span: 'Large', rk: ['B', 'A', 'C'], l2: 5 });
  assert.deepEqual(pruned, { role: 'Staff', l1: 2 }, 'hidden answers go, including those behind a hidden condition');
});

test('required answers and what counts as answered', () => {
  assert.deepEqual(missingRequired(ins.sections[0].questions, { l1: 3 }), []);
  assert.deepEqual(missingRequired(ins.sections[1].questions, {}).map((q) => q.id), ['rk']);
  for (const blank of [undefined, '', '   ', []]) assert.equal(isAnswered(blank), false);
  for (const answer of [0, 3, 'x', ['A']]) assert.equal(isAnswered(answer), true);
});

test('the row: numbers, labels, trimmed text, ranking joined by >, blanks and hidden answers left out, wave', () => {
  const answers = { role: 'Leader', l1: 4, b1: 7, nps: 0, c: '  hi ', span: '', rk: ['C', 'A', 'B'], l2: 1 };
  assert.deepEqual(buildRow(ins, answers, '2026-H1'), { role: 'Leader', l1: 4, b1: 7, nps: 0, c: 'hi', rk: 'C>A>B', wave: '2026-H1' });
  assert.deepEqual(buildRow(ins, { role: '', c: ' ' }, ''), {}, 'prefer-not-to-say and blank text are no answer');
});

test('stored answers are checked against the instrument before use', () => {
  const stored = { role: 'Boss', l1: 9, b1: 7, nps: 10.5, c: 'toolong', rk: ['A', 'A', 'B'], span: '', extra: 1, l2: 5 };
  assert.deepEqual(sanitize(ins, stored), { b1: 7, span: '', l2: 5 });
  assert.deepEqual(sanitize(ins, 'junk'), {});
  assert.deepEqual(sanitize(ins, { rk: ['B', 'C', 'A'] }), { rk: ['B', 'C', 'A'] });
});

test('messages: placeholders, plurals, fallback to English', () => {
  const t = messages('en-GB');
  assert.equal(t('pageOf', { n: 3, total: 9 }), 'Page 3 of 9');
  assert.equal(t('errorsTitle', { n: 1 }), 'There is 1 problem');
  assert.equal(t('errorsTitle', { n: 2 }), 'There are 2 problems');
  assert.equal(messages('xx')('next'), 'Next');
  MESSAGES.de = { next: 'Weiter' };
  try {
    assert.equal(messages('de-AT')('next'), 'Weiter');
    assert.equal(messages('de')('back'), 'Back', 'missing keys fall back to English');
  } finally {
    delete MESSAGES.de;
  }
  for (const [key, text] of Object.entries(MESSAGES.en)) assert.ok(text.trim(), `${key} has text`);
});

test('randomized: only the reported 0/1 is kept and sent', () => {
  const rr = { id: 'r', version: '1', scale: { min: 1, max: 5, labels: [] }, sections: [{ id: 'a', questions: [
    { type: 'likert', id: 'l1' },
    { type: 'randomized', id: 'w', required: true, randomization: { design: 'warner', p: 0.7 } },
  ] }] };
  assert.deepEqual(buildRow(rr, { l1: 2, w: 0 }, ''), { l1: 2, w: 0 }, 'a reported no is an answer');
  assert.deepEqual(missingRequired(rr.sections[0].questions, { w: 0 }), []);
  assert.deepEqual(missingRequired(rr.sections[0].questions, {}).map((q) => q.id), ['w']);
  assert.deepEqual(sanitize(rr, { w: 1 }), { w: 1 });
  for (const bad of [2, -1, 0.5, true, 'yes']) assert.deepEqual(sanitize(rr, { w: bad }), {}, `stored ${bad} dropped`);
});

test('multi-choice answers: distinct options in option order, or "none" alone; joined by | in the row', async () => {
  const { isSelection } = await import('../../www/survey/logic.js');
  const q = { type: 'multi_choice', id: 'm', options: ['A', 'B', 'C'], none: 'None of these' };
  assert.ok(isSelection(q, ['A', 'C']));
  assert.ok(isSelection(q, ['None of these']));
  for (const bad of [[], ['C', 'A'], ['A', 'A'], ['A', 'None of these'], ['D'], 'A']) assert.ok(!isSelection(q, bad), JSON.stringify(bad));
  const multi = { ...ins, sections: [{ id: 'x', questions: [q, { type: 'recommend', id: 'nps' }] }] };
  assert.deepEqual(sanitize(multi, { m: ['B', 'A'], nps: 3 }), { nps: 3 }, 'a stale or edited answer is dropped');
  assert.deepEqual(buildRow(multi, { m: ['A', 'C'], nps: 3 }), { m: 'A|C', nps: 3 });
});
