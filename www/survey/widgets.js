// One widget per question type. A widget is { root, set(value), focus(), setError(message|null) };
// it reports answers through ctx.onChange(questionId, value) and never inserts HTML.
import { add, h, uid } from '../dom.js';
import { errorLine, labelOf, questionLabel } from './field.js';
import { randomizedField } from './randomized.js';
import { rankingField } from './ranking.js';

/** Native radios in a fieldset: Likert, bipolar and 0–10 scales, and single choice. */
function radioGroup(q, ctx, options, layout, poles) {
  const name = uid('q');
  const fieldset = h('fieldset', { class: `q ${layout}`, 'data-q': q.id, role: 'radiogroup', 'aria-required': q.required ? 'true' : null });
  const inputs = options.map((o) => h('input', { type: 'radio', name, value: String(o.value),
    onchange: () => ctx.onChange(q.id, o.value) }));
  const opts = h('div', { class: `opts ${layout}` }, options.map((o, i) => h('label', { class: 'opt' }, inputs[i],
    h('span', { class: 'txt' }, o.text, o.sr ? h('span', { class: 'sr-only', text: o.sr }) : null))));
  opts.style.setProperty('--n', String(options.length));
  const error = errorLine(fieldset, fieldset);
  add(fieldset, h('legend', {}, questionLabel(q, ctx.t)), error.line, opts,
    // The poles are in the endpoint radios' names; shown here for sighted users only.
    poles ? h('div', { class: 'poles', 'aria-hidden': 'true' }, h('span', { text: poles[0] }), h('span', { text: poles[1] })) : null);
  return {
    root: fieldset,
    setError: error.setError,
    set(value) { options.forEach((o, i) => { inputs[i].checked = o.value === value; }); },
    focus() { (inputs.find((i) => i.checked) ?? inputs[0]).focus(); },
  };
}

/** Numbers min..max; the endpoints carry the pole labels in their accessible names. */
function numericOptions(min, max, left, right) {
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const value = min + i;
    const pole = value === min ? left : value === max ? right : '';
    return { value, text: String(value), sr: pole ? `, ${pole}` : '' };
  });
}

/** A textarea with a length limit, a live (throttled) characters-left announcement and the no-names warning. */
function textField(q, ctx) {
  const { t } = ctx;
  const id = uid('q');
  const helpId = uid('help');
  const countId = uid('count');
  const area = h('textarea', { id, name: id, rows: '5', maxlength: String(q.max_chars) });
  const count = h('p', { class: 'count', id: countId });
  const root = h('div', { class: 'q text', 'data-q': q.id });
  const error = errorLine(root, area, [helpId, countId]);
  const update = () => { count.textContent = t('chars', { n: area.value.length, max: q.max_chars }); };
  let timer;
  area.addEventListener('input', () => {
    update();
    ctx.onChange(q.id, area.value);
    clearTimeout(timer);
    timer = setTimeout(() => ctx.announce(t('charsLeft', { n: q.max_chars - area.value.length })), 1500);
  });
  add(root, h('label', { for: id }, questionLabel(q, t)),
    h('p', { class: 'help', id: helpId, text: q.help || t('noNames') }), error.line, area, count);
  update();
  return {
    root,
    setError: error.setError,
    set(value) { area.value = value ?? ''; update(); },
    focus() { area.focus(); },
  };
}

/** A drop-down menu for a long single-choice list (`dropdown` in the instrument): one row on a phone. */
function dropdownField(q, ctx) {
  const { t } = ctx;
  const id = uid('q');
  // Option values are indices, so no option text can collide with the two others: '' (not
  // chosen yet) and "prefer not to say" (an answer: '' in the row, left out).
  const PREFER_NOT = 'prefer-not';
  const answerOf = (v) => (v === PREFER_NOT ? '' : q.options[Number(v)] ?? undefined);
  const select = h('select', { id, name: id, 'aria-required': q.required ? 'true' : null,
    onchange: () => ctx.onChange(q.id, select.value === '' ? undefined : answerOf(select.value)) },
  h('option', { value: '', text: t('chooseOne') }),
  q.options.map((o, i) => h('option', { value: String(i), text: labelOf(q, o) })),
  q.required ? null : h('option', { value: PREFER_NOT, text: t('preferNot') }));
  const root = h('div', { class: 'q dropdown', 'data-q': q.id });
  const error = errorLine(root, select);
  add(root, h('label', { for: id }, questionLabel(q, t)), error.line, select);
  return {
    root,
    setError: error.setError,
    set(value) { select.value = value === '' ? PREFER_NOT : q.options.includes(value) ? String(q.options.indexOf(value)) : ''; },
    focus() { select.focus(); },
  };
}

/** Checkboxes for "choose all that apply"; the `none` option ("None of these") clears the others and the other way round. */
function multiField(q, ctx) {
  const { t } = ctx;
  const helpId = uid('help');
  const root = h('fieldset', { class: 'q multi', 'data-q': q.id, 'aria-describedby': helpId });
  const labels = [...q.options, ...(q.none ? [q.none] : [])];
  const boxes = labels.map((label) => h('input', { type: 'checkbox', value: label, onchange: (e) => pick(e.target) }));
  const chosen = () => boxes.filter((b) => b.checked).map((b) => b.value);
  function pick(box) {
    if (box.checked && q.none) {
      for (const other of boxes) if (other !== box && (box.value === q.none || other.value === q.none)) other.checked = false;
    }
    const value = chosen();
    ctx.onChange(q.id, value.length ? value : undefined);
  }
  const error = errorLine(root, root, [helpId]);
  add(root, h('legend', {}, questionLabel(q, t)), h('p', { class: 'help', id: helpId, text: t('chooseAny') }), error.line,
    h('div', { class: 'opts list' }, labels.map((label, i) => h('label', { class: `opt${label === q.none ? ' none' : ''}` }, boxes[i],
      h('span', { class: 'txt', text: labelOf(q, label) })))));
  return {
    root,
    setError: error.setError,
    set(value) { for (const b of boxes) b.checked = Array.isArray(value) && value.includes(b.value); },
    focus() { (boxes.find((b) => b.checked) ?? boxes[0]).focus(); },
  };
}

/** The widget for question `q`; ctx = { instrument, t, onChange, announce }. */
export function widgetFor(q, ctx) {
  const { instrument, t } = ctx;
  switch (q.type) {
    case 'likert': {
      const { min, max, labels } = instrument.scale;
      return radioGroup(q, ctx, Array.from({ length: max - min + 1 }, (_, i) =>
        ({ value: min + i, text: labels[i] ?? String(min + i) })), 'likert');
    }
    case 'bipolar':
      return radioGroup(q, ctx, numericOptions(q.min, q.max, q.left, q.right), 'numeric', [q.left, q.right]);
    case 'recommend': {
      const poles = q.low_label || q.high_label ? [q.low_label, q.high_label] : null;
      return radioGroup(q, ctx, numericOptions(0, 10, q.low_label, q.high_label), 'numeric', poles);
    }
    case 'choice': {
      if (q.dropdown) return dropdownField(q, ctx);
      const options = q.options.map((o) => ({ value: o, text: labelOf(q, o) }));
      if (!q.required) options.push({ value: '', text: t('preferNot') });
      return radioGroup(q, ctx, options, 'list');
    }
    case 'multi_choice':
      return multiField(q, ctx);
    case 'text':
      return textField(q, ctx);
    case 'ranking':
      return rankingField(q, ctx);
    case 'randomized':
      return randomizedField(q, ctx);
    default:
      throw new Error(`unknown question type ${q.type}`);
  }
}
