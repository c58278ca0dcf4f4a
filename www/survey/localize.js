// The instrument in the respondent's language. An instrument may carry `translations`
// ({ de: { title, intro, scale, dimensions, sections, questions } }, see docs/embedding.md); the
// display copy takes every translated wording from there and keeps the original where there is none.
// Option texts are answer codes: they stay as they are (they are what a response stores), and each
// question gets `labels` (code -> label in this language) for display only.

const TEXTS = ['text', 'help', 'left', 'right', 'low_label', 'high_label'];

/** A display copy of `instrument` in `lang` (the instrument itself when it has no such translation). */
export function localize(instrument, lang) {
  const tr = instrument.translations?.[lang];
  if (!tr) return instrument;
  const pick = (own, key, from) => ({ ...own, ...Object.fromEntries(key.filter((k) => typeof from?.[k] === 'string').map((k) => [k, from[k]])) });
  return {
    ...pick(instrument, ['title', 'intro'], tr),
    scale: { ...instrument.scale, labels: Array.isArray(tr.scale) ? tr.scale : instrument.scale.labels },
    dimensions: instrument.dimensions.map((d) => pick(d, ['name', 'description'], tr.dimensions?.[d.id])),
    sections: instrument.sections.map((s) => ({
      ...pick(s, ['title', 'description'], tr.sections?.[s.id]),
      questions: s.questions.map((q) => {
        const own = tr.questions?.[q.id];
        return { ...pick(q, TEXTS, own), labels: own?.options ?? {} };
      }),
    })),
  };
}
