// Pure survey logic (no DOM): which sections show, what is required, and the response row.

// A randomized yes/no is stored as the reported 0/1 (see randomized.js), never the real answer.
const NUMERIC = new Set(['likert', 'bipolar', 'recommend', 'randomized']);

/** Sections whose `show_if` holds for these answers, in order. */
export function visibleSections(instrument, answers) {
  return instrument.sections.filter((s) => !s.show_if || s.show_if.any_of.includes(answers[s.show_if.question]));
}

/** The questions of the visible sections. */
export const visibleQuestions = (instrument, answers) => visibleSections(instrument, answers).flatMap((s) => s.questions);

/** True when `value` counts as an answer (prefer-not-to-say, blank text and unranked lists do not). */
export function isAnswered(value) {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'number';
}

/** The integer range of a numeric question, or null. */
export function rangeOf(instrument, q) {
  if (q.type === 'likert') return [instrument.scale.min, instrument.scale.max];
  if (q.type === 'bipolar') return [q.min, q.max];
  if (q.type === 'recommend') return [0, 10];
  if (q.type === 'randomized') return [0, 1];
  return null;
}

/** Keeps only answers that fit their question (stored state may be stale or edited). */
export function sanitize(instrument, stored) {
  const out = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const q of instrument.sections.flatMap((s) => s.questions)) {
    const v = stored[q.id];
    const range = rangeOf(instrument, q);
    const ok = range ? Number.isInteger(v) && v >= range[0] && v <= range[1]
      : q.type === 'choice' ? v === '' || q.options.includes(v)
      : q.type === 'multi_choice' ? isSelection(q, v)
      : q.type === 'text' ? typeof v === 'string' && v.length <= q.max_chars
      : Array.isArray(v) && v.length === q.options.length && q.options.every((o) => v.includes(o));
    if (ok) out[q.id] = v;
  }
  return out;
}

/** True when `v` is a valid multi-choice answer to `q`: distinct options in option order, or "none of these" alone. */
export function isSelection(q, v) {
  if (!Array.isArray(v) || v.length === 0) return false;
  if (q.none && v.length === 1 && v[0] === q.none) return true;
  let last = -1;
  return v.every((o) => { const i = q.options.indexOf(o); const ok = i > last; last = i; return ok; });
}

/** Drops the answers of questions in hidden sections (repeats, since conditions can chain). */
export function pruneHidden(instrument, answers) {
  let current = answers;
  for (;;) {
    const shown = new Set(visibleQuestions(instrument, current).map((q) => q.id));
    const next = Object.fromEntries(Object.entries(current).filter(([id]) => shown.has(id)));
    if (Object.keys(next).length === Object.keys(current).length) return next;
    current = next;
  }
}

/** Required questions among `questions` that have no answer. */
export const missingRequired = (questions, answers) => questions.filter((q) => q.required && !isAnswered(answers[q.id]));

/**
 * One row of the wide response layout: question id -> number (scales; 0/1 reported for randomized), string (choice, text),
 * option labels joined by ">" most important first (ranking), chosen options joined by "|" in option order (multi-choice);
 * blanks left out; plus `wave` if given.
 */
export function buildRow(instrument, answers, wave) {
  const row = {};
  for (const q of visibleQuestions(instrument, answers)) {
    const v = answers[q.id];
    if (!isAnswered(v)) continue;
    if (NUMERIC.has(q.type)) row[q.id] = Number(v);
    else if (q.type === 'ranking') row[q.id] = v.join('>');
    else if (q.type === 'multi_choice') row[q.id] = v.join('|');
    else row[q.id] = q.type === 'text' ? v.trim() : v;
  }
  if (wave) row.wave = wave;
  return row;
}
