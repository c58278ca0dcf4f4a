//! A report's instrument wording in another language: dimension names, statements, question
//! texts, bipolar poles, and the labels of list answers (options, and the groups of a breakdown
//! by a list question). Only words change: ids, answer codes, numbers and what is hidden stay as
//! they are, so a relabelled report releases exactly what the original did.

use std::collections::BTreeMap;

use super::{Balance, Report};
use crate::ingest::NO_ANSWER;
use crate::instrument::{replace, Instrument, Translation};
use crate::lang::{catalog, Catalog, Lang};

catalog! {
    /// The report's own words among the group values.
    enum Values {
        NoAnswer { en: "(no answer)", de: "(keine Antwort)", fr: "(sans réponse)", es: "(sin respuesta)" },
    }
}

/// How a reader of language `lang` sees value `value` of breakdown column `column`: the
/// instrument's label of a list answer, "(keine Antwort)" for blanks, else the value itself.
pub fn value_label(instrument: &Instrument, lang: &str, column: &str, value: &str) -> String {
    match value {
        NO_ANSWER => Values::NoAnswer.text(Lang::or_english(lang)),
        _ => instrument.option_label(lang, column, value).to_string(),
    }
}

impl Report {
    /// This report with the wording of `instrument`'s translation `lang` (a language code such as
    /// `"de"`); unchanged when the instrument has no such translation. Texts the translation leaves
    /// out keep the instrument's own wording.
    ///
    /// ```
    /// use secpulse::instrument::Instrument;
    /// use secpulse::synth::{generate, SynthOptions};
    /// use secpulse::views::{score, ScoreOptions};
    ///
    /// let instrument = Instrument::default_instrument();
    /// let table = generate(&instrument, &SynthOptions { n: 300, seed: 2, ..SynthOptions::default() });
    /// let options = ScoreOptions { by: vec!["department".into()], ..ScoreOptions::default() };
    /// let report = score(&instrument, &table, &options).unwrap().in_language(&instrument, "de");
    /// assert_eq!(report.dimension_name("enablement"), "Ermöglichen");
    /// assert!(report.segments["department"].iter().any(|g| g.value == "Entwicklung"));
    /// assert_eq!(report.column_name("department"), "Abteilung");
    /// ```
    pub fn in_language(&self, instrument: &Instrument, lang: &str) -> Report {
        let mut out = self.clone();
        let Some(tr) = instrument.translations.get(lang) else { return out };
        let wording = Wording { instrument, lang, tr };
        replace(&mut out.instrument.title, tr.title.as_ref());
        for d in &mut out.dimension_names {
            replace(&mut d.name, tr.dimensions.get(&d.id).and_then(|t| t.name.as_ref()));
        }
        for item in &mut out.items {
            wording.text(&item.id, &mut item.text);
        }
        for r in &mut out.rankings {
            wording.text(&r.id, &mut r.text);
            r.options.iter_mut().for_each(|o| wording.option(&r.id, &mut o.option));
        }
        for s in &mut out.selections {
            wording.text(&s.id, &mut s.text);
            s.options.iter_mut().for_each(|o| wording.option(&s.id, &mut o.option));
        }
        for s in &mut out.sensitive {
            wording.text(&s.id, &mut s.text);
            wording.groups(&mut s.segments, |g| &mut g.value);
        }
        for c in &mut out.comments {
            wording.text(&c.id, &mut c.text);
            wording.groups(&mut c.segments, |g| &mut g.value);
            for sample in &mut c.samples {
                sample.groups.iter_mut().for_each(|(column, value)| wording.option(column, value));
            }
        }
        for d in &mut out.drivers {
            wording.text(&d.question, &mut d.text);
        }
        if let Some(b) = out.balance.as_mut() {
            wording.poles(b);
        }
        for (column, label) in &mut out.column_labels {
            replace(label, tr.questions.get(column).and_then(|q| q.label.as_ref()));
        }
        wording.groups(&mut out.segments, |g| &mut g.value);
        for groups in out.segments.values_mut() {
            groups.iter_mut().filter_map(|g| g.balance.as_mut()).for_each(|b| wording.poles(b));
        }
        if let Some(w) = out.waves.as_mut() {
            let column = w.column.clone();
            for g in &mut w.waves {
                wording.option(&column, &mut g.value);
                if let Some(b) = g.balance.as_mut() {
                    wording.poles(b);
                }
            }
        }
        if let Some(p) = out.participation.as_mut() {
            wording.groups(&mut p.groups, |r| &mut r.value);
        }
        out
    }
}

/// One translation of an instrument, applied field by field.
struct Wording<'a> {
    instrument: &'a Instrument,
    lang: &'a str,
    tr: &'a Translation,
}

impl Wording<'_> {
    /// The text of question `id`.
    fn text(&self, id: &str, target: &mut String) {
        replace(target, self.tr.questions.get(id).and_then(|q| q.text.as_ref()));
    }

    /// The label of answer `code` of list question `id` (see [`value_label`]).
    fn option(&self, id: &str, code: &mut String) {
        *code = value_label(self.instrument, self.lang, id, code);
    }

    /// The poles of the bipolar question a balance comes from.
    fn poles(&self, b: &mut Balance) {
        if let Some(q) = self.tr.questions.get(&b.id) {
            replace(&mut b.left, q.left.as_ref());
            replace(&mut b.right, q.right.as_ref());
        }
    }

    /// The group values of every breakdown column in `by_column` (list questions only).
    fn groups<G>(&self, by_column: &mut BTreeMap<String, Vec<G>>, value: impl Fn(&mut G) -> &mut String) {
        for (column, groups) in by_column.iter_mut() {
            groups.iter_mut().for_each(|g| self.option(column, value(g)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::check_catalog;

    #[test]
    fn blanks_and_options_are_labelled_per_language() {
        assert!(check_catalog(Values::ALL).is_empty());
        let ins = Instrument::default_instrument();
        assert_eq!(value_label(&ins, "de", "department", "Engineering"), "Entwicklung");
        assert_eq!(value_label(&ins, "fr", "department", NO_ANSWER), "(sans réponse)");
        assert_eq!(value_label(&ins, "de", "wave", "2026-W1"), "2026-W1");
        assert_eq!(value_label(&ins, "en", "department", NO_ANSWER), NO_ANSWER);
    }
}
