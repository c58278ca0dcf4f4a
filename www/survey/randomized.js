// Randomized-response questions ("In the last year I have worked around a security control"): the
// respondent answers yes or no, their device draws a private random number, and only the answer that
// number produces is kept (in memory, in sessionStorage and in the submitted row), exactly as the
// core's `Design::respond` (src/instrument/randomized.rs) computes it. The draw and the real answer are
// never stored or sent; the chosen radio stays on screen only until the page is left or reloaded.
import { add, h, uid } from '../dom.js';
import { errorLine, questionLabel } from './field.js';

/** A uniform number in [0, 1) with 53 random bits from the platform CSPRNG (never Math.random). */
export function drawUniform() {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return (high * 2 ** 21 + (low >>> 11)) / 2 ** 53;
}

/**
 * The reported answer (true = "yes") of someone whose real answer is `trulyYes`, for a draw `u` in
 * [0, 1): the same comparisons, in the same order, as `Design::respond` in the core.
 */
export function respond(design, trulyYes, u) {
  if (design.design === 'forced_response') {
    if (u < design.truth) return trulyYes;
    return u < design.truth + design.forced_yes;
  }
  if (design.design === 'warner') return u < design.p ? trulyYes : !trulyYes;
  throw new Error(`unknown randomization design ${design.design}`);
}

const EPS = 1e-9;
/** `x` as a whole number of sixths (a die's faces), or null. */
const sixths = (x) => (Math.abs(x * 6 - Math.round(x * 6)) < EPS ? Math.round(x * 6) : null);

/**
 * The plain-language explanation of `design` in the respondent's language (`t` from messages.js):
 * what the device does, then what that means for one answer. A one-sided design (one answer never
 * forced) or no randomization at all is said so plainly instead of promising protection it lacks.
 */
export function explain(design, t) {
  const lang = t.lang ?? 'en';
  const pct = (x) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  let how;
  let direct;
  let yesHidden;
  let noHidden;
  if (design.design === 'warner') {
    const { p } = design;
    yesHidden = noHidden = p > EPS && p < 1 - EPS;
    direct = p >= 1 - EPS;
    how = direct ? t('rrDirect') : t('rrWarner', { truth: pct(p), flip: pct(1 - p) });
  } else {
    const { truth, forced_yes: yes, forced_no: no } = design;
    yesHidden = yes > EPS;
    noHidden = no > EPS;
    const [a, b] = [sixths(yes), sixths(no)];
    const list = new Intl.ListFormat(lang, { type: 'disjunction' });
    const faces = (from, count) => list.format(Array.from({ length: count }, (_, i) => String(from + i)));
    const which = yesHidden && noHidden ? 'Both' : yesHidden ? 'Yes' : 'No';
    direct = !yesHidden && !noHidden;
    if (direct) how = t('rrDirect');
    else if (a != null && b != null) how = t(`rrDie${which}`, { yes: faces(1, a), no: faces(7 - b, b) });
    else how = t(`rrChance${which}`, { yes: pct(yes), no: pct(no), truth: pct(truth) });
  }
  const why = yesHidden && noHidden ? t('rrWhy')
    : yesHidden ? t('rrOneSided', { answer: t('rrNo') })
    : noHidden ? t('rrOneSided', { answer: t('rrYes') })
    : direct ? '' : t('rrNotHidden');
  return why ? `${how} ${why}` : how;
}

/**
 * The widget: a yes/no radio group with the explanation as its description. Choosing draws `u` and
 * reports only the randomized 0/1. `set(0|1)` on a fresh widget (after a reload) shows "answered"
 * with an "Answer again" button, never a radio: the stored value is not the respondent's choice.
 */
export function randomizedField(q, ctx) {
  const { t } = ctx;
  const name = uid('q');
  const howId = uid('how');
  const fieldset = h('fieldset', { class: 'q randomized', 'data-q': q.id });
  const choices = [true, false];
  const inputs = choices.map((truly) => h('input', { type: 'radio', name, value: truly ? 'yes' : 'no',
    onchange: () => ctx.onChange(q.id, respond(q.randomization, truly, drawUniform()) ? 1 : 0) }));
  const opts = h('div', { class: 'opts list' }, choices.map((truly, i) => h('label', { class: 'opt' }, inputs[i],
    h('span', { class: 'txt', text: truly ? t('rrYes') : t('rrNo') }))));
  const again = h('button', { type: 'button', class: 'btn small', text: t('rrAgain'), onclick: () => {
    show(false);
    ctx.onChange(q.id, undefined);
    inputs[0].focus();
    ctx.announce(t('rrCleared'));
  } });
  const done = h('div', { class: 'rr-done' }, h('p', { text: t('rrAnswered') }), again);
  const error = errorLine(fieldset, fieldset, [howId]);
  add(fieldset, h('legend', {}, questionLabel(q, t)), h('p', { class: 'help', id: howId, text: explain(q.randomization, t) }),
    error.line, opts, done);

  /** Answered state (after a reload) or the radios. A radiogroup role only while it holds radios. */
  function show(answered) {
    opts.hidden = answered;
    done.hidden = !answered;
    if (answered) {
      fieldset.removeAttribute('role');
      fieldset.removeAttribute('aria-required');
    } else {
      fieldset.setAttribute('role', 'radiogroup');
      if (q.required) fieldset.setAttribute('aria-required', 'true');
      else fieldset.removeAttribute('aria-required');
    }
  }
  show(false);
  return {
    root: fieldset,
    setError: error.setError,
    set(value) {
      for (const input of inputs) input.checked = false;
      show(value === 0 || value === 1);
    },
    focus() { (done.hidden ? inputs.find((i) => i.checked) ?? inputs[0] : again).focus(); },
  };
}
