//! Checks that an instrument is internally consistent before anything uses it. Errors name
//! the place in the file and say what is wrong as data ([`Fault`]), worded per language by
//! [`InstrumentError::describe`]; `Display` is the English wording.

use std::collections::HashSet;
use std::fmt;

use super::randomized::DesignFault;
use super::{Instrument, Question, MULTI_SEPARATOR};
use crate::lang::{catalog, Catalog, Lang};

/// Why an instrument cannot be used; the message names the place in the file.
#[derive(Debug)]
pub enum InstrumentError {
    /// The file is not valid JSON for an instrument (serde's message has line and column).
    Json(serde_json::Error),
    /// The JSON is well formed but the instrument is inconsistent.
    Invalid {
        /// Where: e.g. `sections[2].questions[1] (id "en9")`.
        at: String,
        /// What is wrong.
        fault: Fault,
    },
}

impl InstrumentError {
    /// The error in `lang`. serde's message for malformed JSON stays English (its own words),
    /// behind a worded lead.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            InstrumentError::Json(e) => Words::NotValid.fill(lang, &[("detail", e)]),
            InstrumentError::Invalid { at, fault } => Words::Invalid.fill(lang, &[("at", at), ("message", &fault.describe(lang))]),
        }
    }
}

impl fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for InstrumentError {}

/// What is wrong with an instrument, as data; names and values are as the file spells them.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// An id that is empty, too long, or has characters other than letters, digits, `_`, `-`.
    BadId {
        /// The id.
        id: String,
    },
    /// An option containing the separator of ranked or chosen options in response files.
    OptionHasSeparator {
        /// The option.
        option: String,
        /// The separator (`>` or `|`).
        separator: char,
        /// True for a ranking, false for a multi-choice question.
        ranked: bool,
    },
    /// Fewer options than a question needs.
    TooFewOptions {
        /// The fewest allowed.
        min: usize,
    },
    /// An option that is empty or only spaces.
    EmptyOption,
    /// The same option twice.
    OptionTwice {
        /// The option.
        option: String,
    },
    /// A scale whose `min` is not below `max`, or whose `max` is over 100.
    ScaleRange {
        /// The scale's min.
        min: u8,
        /// The scale's max.
        max: u8,
    },
    /// Scale labels that do not match the scale points.
    ScaleLabels {
        /// Labels given.
        labels: usize,
        /// Points on the scale.
        points: usize,
    },
    /// No dimension at all.
    NoDimensions,
    /// Two dimensions with one id.
    DimensionTwice {
        /// The id.
        id: String,
    },
    /// Two sections with one id.
    SectionTwice {
        /// The id.
        id: String,
    },
    /// A page condition naming a value that is not an option of its question.
    ConditionNotAnOption {
        /// The value.
        value: String,
        /// The question.
        question: String,
    },
    /// A page condition on something other than a choice question on an earlier page.
    ConditionNotChoice {
        /// The question.
        question: String,
    },
    /// A question id another question already has.
    QuestionIdTaken,
    /// A question without text.
    TextEmpty,
    /// A Likert item in a dimension the instrument does not define.
    UnknownDimension {
        /// The dimension id.
        dimension: String,
    },
    /// A ranking with more than 50 options.
    TooManyRankingOptions,
    /// A multi-choice question with more than 50 options.
    TooManyChoiceOptions,
    /// A multi-choice "none of these" that equals an option or has spaces around it.
    NoneClashes {
        /// The "none" text.
        none: String,
    },
    /// A text question with `max_chars` 0.
    MaxCharsZero,
    /// An impossible randomized-response design.
    Randomization(DesignFault),
    /// A dimension without Likert items.
    NoLikertItems {
        /// The dimension id.
        dimension: String,
    },
    /// A translation under a key that is not a 2- or 3-letter lowercase language code.
    BadLanguageCode,
    /// An empty translated text.
    IsEmpty,
    /// A translation for a dimension id no dimension has.
    NoSuchDimension,
    /// A translation for a section id no section has.
    NoSuchSection,
    /// A translation for a question id no question has.
    NoSuchQuestion,
    /// A translated field the question does not have.
    FieldNotTranslatable {
        /// The question type, as the file spells it.
        kind: &'static str,
        /// The field.
        field: &'static str,
    },
    /// Option labels for a question without options.
    NoOptions {
        /// The question type, as the file spells it.
        kind: &'static str,
    },
    /// A translated option label for an option the question does not have.
    NotAnOptionOfThis {
        /// The option.
        option: String,
    },
}

impl Fault {
    /// What is wrong, in `lang`, without the place.
    pub fn describe(&self, lang: Lang) -> String {
        let n = |v: usize| lang.count(v as u64);
        let q = |s: &str| format!("{s:?}");
        match self {
            Fault::BadId { id } => Words::BadId.fill(lang, &[("id", &q(id)), ("max", &MAX_ID_LEN)]),
            Fault::OptionHasSeparator { option, separator, ranked } => {
                let words = if *ranked { Words::RankedOptionHasSeparator } else { Words::ChosenOptionHasSeparator };
                words.fill(lang, &[("option", &q(option)), ("separator", &format!("{separator:?}"))])
            }
            Fault::TooFewOptions { min } => Words::TooFewOptions.fill(lang, &[("min", &n(*min))]),
            Fault::EmptyOption => Words::EmptyOption.text(lang),
            Fault::OptionTwice { option } => Words::OptionTwice.fill(lang, &[("option", &q(option))]),
            Fault::ScaleRange { min, max } => Words::ScaleRange.fill(lang, &[("min", min), ("max", max)]),
            Fault::ScaleLabels { labels, points } => Words::ScaleLabels.fill(lang, &[("labels", &n(*labels)), ("points", &n(*points))]),
            Fault::NoDimensions => Words::NoDimensions.text(lang),
            Fault::DimensionTwice { id } => Words::DimensionTwice.fill(lang, &[("id", &q(id))]),
            Fault::SectionTwice { id } => Words::SectionTwice.fill(lang, &[("id", &q(id))]),
            Fault::ConditionNotAnOption { value, question } => {
                Words::ConditionNotAnOption.fill(lang, &[("value", &q(value)), ("question", &q(question))])
            }
            Fault::ConditionNotChoice { question } => Words::ConditionNotChoice.fill(lang, &[("question", &q(question))]),
            Fault::QuestionIdTaken => Words::QuestionIdTaken.text(lang),
            Fault::TextEmpty => Words::TextEmpty.text(lang),
            Fault::UnknownDimension { dimension } => Words::UnknownDimension.fill(lang, &[("dimension", &q(dimension))]),
            Fault::TooManyRankingOptions => Words::TooManyRankingOptions.text(lang),
            Fault::TooManyChoiceOptions => Words::TooManyChoiceOptions.text(lang),
            Fault::NoneClashes { none } => Words::NoneClashes.fill(lang, &[("none", &q(none))]),
            Fault::MaxCharsZero => Words::MaxCharsZero.text(lang),
            Fault::Randomization(fault) => Words::Randomization.fill(lang, &[("message", &fault.describe(lang))]),
            Fault::NoLikertItems { dimension } => Words::NoLikertItems.fill(lang, &[("dimension", &q(dimension))]),
            Fault::BadLanguageCode => Words::BadLanguageCode.text(lang),
            Fault::IsEmpty => Words::IsEmpty.text(lang),
            Fault::NoSuchDimension => Words::NoSuchDimension.text(lang),
            Fault::NoSuchSection => Words::NoSuchSection.text(lang),
            Fault::NoSuchQuestion => Words::NoSuchQuestion.text(lang),
            Fault::FieldNotTranslatable { kind, field } => Words::FieldNotTranslatable.fill(lang, &[("kind", kind), ("field", &q(field))]),
            Fault::NoOptions { kind } => Words::NoOptions.fill(lang, &[("kind", kind)]),
            Fault::NotAnOptionOfThis { option } => Words::NotAnOptionOfThis.fill(lang, &[("option", &q(option))]),
        }
    }
}

/// Separates the options of a ranking answer in response files ("A>B>C", most important first),
/// so no ranking option may contain it.
const RANK_SEPARATOR: char = '>';

/// Longest id accepted; ids are column names in response files.
const MAX_ID_LEN: usize = 64;

pub(super) fn invalid(at: impl Into<String>, fault: Fault) -> InstrumentError {
    InstrumentError::Invalid { at: at.into(), fault }
}

fn check_id(at: &str, id: &str) -> Result<(), InstrumentError> {
    let ok = !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(invalid(at, Fault::BadId { id: id.to_string() }))
    }
}

/// Fails when an option contains `separator`, which joins the ranked (or chosen) options in response files.
fn check_separator<'a>(
    at: &str,
    mut options: impl Iterator<Item = &'a String>,
    separator: char,
    ranked: bool,
) -> Result<(), InstrumentError> {
    match options.find(|o| o.contains(separator)) {
        Some(o) => Err(invalid(at, Fault::OptionHasSeparator { option: o.clone(), separator, ranked })),
        None => Ok(()),
    }
}

fn check_options(at: &str, options: &[String], min: usize) -> Result<(), InstrumentError> {
    if options.len() < min {
        return Err(invalid(at, Fault::TooFewOptions { min }));
    }
    let mut seen = HashSet::new();
    for o in options {
        if o.trim().is_empty() {
            return Err(invalid(at, Fault::EmptyOption));
        }
        if !seen.insert(o.as_str()) {
            return Err(invalid(at, Fault::OptionTwice { option: o.clone() }));
        }
    }
    Ok(())
}

impl Instrument {
    /// Checks ids, references, scales and conditions; the error says where the problem is.
    pub fn validate(&self) -> Result<(), InstrumentError> {
        check_id("id", &self.id)?;
        let s = &self.scale;
        if s.min >= s.max || s.max > 100 {
            return Err(invalid("scale", Fault::ScaleRange { min: s.min, max: s.max }));
        }
        let points = usize::from(s.max - s.min) + 1;
        if !s.labels.is_empty() && s.labels.len() != points {
            return Err(invalid("scale.labels", Fault::ScaleLabels { labels: s.labels.len(), points }));
        }
        if self.dimensions.is_empty() {
            return Err(invalid("dimensions", Fault::NoDimensions));
        }
        let mut dim_ids = HashSet::new();
        for (i, d) in self.dimensions.iter().enumerate() {
            check_id(&format!("dimensions[{i}]"), &d.id)?;
            if !dim_ids.insert(d.id.as_str()) {
                return Err(invalid(format!("dimensions[{i}]"), Fault::DimensionTwice { id: d.id.clone() }));
            }
        }

        let mut ids: HashSet<&str> = HashSet::new();
        let mut section_ids = HashSet::new();
        let mut items_per_dim = vec![0usize; self.dimensions.len()];
        for (si, section) in self.sections.iter().enumerate() {
            let sat = format!("sections[{si}]");
            check_id(&sat, &section.id)?;
            if !section_ids.insert(section.id.as_str()) {
                return Err(invalid(sat, Fault::SectionTwice { id: section.id.clone() }));
            }
            if let Some(cond) = &section.show_if {
                let target = self.question(&cond.question).filter(|_| ids.contains(cond.question.as_str()));
                match target {
                    Some(Question::Choice { options, .. }) => {
                        if let Some(bad) = cond.any_of.iter().find(|v| !options.contains(v)) {
                            let fault = Fault::ConditionNotAnOption { value: bad.clone(), question: cond.question.clone() };
                            return Err(invalid(format!("{sat}.show_if"), fault));
                        }
                    }
                    _ => return Err(invalid(format!("{sat}.show_if"), Fault::ConditionNotChoice { question: cond.question.clone() })),
                }
            }
            for (qi, q) in section.questions.iter().enumerate() {
                let at = format!("{sat}.questions[{qi}] (id {:?})", q.id());
                check_id(&at, q.id())?;
                if !ids.insert(q.id()) {
                    return Err(invalid(at, Fault::QuestionIdTaken));
                }
                let blank_label = matches!(q, Question::Choice { label: Some(l), .. } if l.trim().is_empty());
                if q.text().trim().is_empty() || blank_label {
                    return Err(invalid(at, Fault::TextEmpty));
                }
                match q {
                    Question::Likert { dimension, .. } => {
                        let d = self
                            .dimensions
                            .iter()
                            .position(|d| &d.id == dimension)
                            .ok_or_else(|| invalid(&at, Fault::UnknownDimension { dimension: dimension.clone() }))?;
                        items_per_dim[d] += 1;
                    }
                    Question::Bipolar { min, max, .. } if min >= max || *max > 100 => {
                        return Err(invalid(at, Fault::ScaleRange { min: *min, max: *max }));
                    }
                    Question::Choice { options, .. } => check_options(&at, options, 2)?,
                    Question::Ranking { options, .. } => {
                        check_options(&at, options, 2)?;
                        check_separator(&at, options.iter(), RANK_SEPARATOR, true)?;
                        if options.len() > 50 {
                            return Err(invalid(at, Fault::TooManyRankingOptions));
                        }
                    }
                    Question::MultiChoice { options, none, .. } => {
                        check_options(&at, options, 2)?;
                        if options.len() > 50 {
                            return Err(invalid(at, Fault::TooManyChoiceOptions));
                        }
                        check_separator(&at, options.iter().chain([none]), MULTI_SEPARATOR, false)?;
                        if none != none.trim() || options.iter().any(|o| o.eq_ignore_ascii_case(none)) {
                            return Err(invalid(at, Fault::NoneClashes { none: none.clone() }));
                        }
                    }
                    Question::Text { max_chars: 0, .. } => return Err(invalid(at, Fault::MaxCharsZero)),
                    Question::Randomized { randomization, .. } => {
                        randomization.validate().map_err(|e| invalid(&at, Fault::Randomization(e)))?
                    }
                    _ => {}
                }
            }
        }
        if let Some(d) = items_per_dim.iter().position(|&n| n == 0) {
            let fault = Fault::NoLikertItems { dimension: self.dimensions[d].id.clone() };
            return Err(invalid(format!("dimensions[{d}]"), fault));
        }
        self.validate_translations()
    }
}

catalog! {
    /// The words of instrument errors, for the survey's author.
    pub(crate) enum Words {
        NotValid {
            en: "instrument is not valid: {detail}",
            de: "das Instrument ist ungültig: {detail}",
            fr: "l’instrument n’est pas valide\u{a0}: {detail}",
            es: "el instrumento no es válido: {detail}",
        },
        Invalid {
            en: "instrument {at}: {message}",
            de: "Instrument {at}: {message}",
            fr: "instrument {at}\u{a0}: {message}",
            es: "instrumento {at}: {message}",
        },
        BadId {
            en: "id {id} must be 1–{max} characters of letters, digits, '_' or '-'",
            de: "die ID {id} muss aus 1–{max} Buchstaben, Ziffern, '_' oder '-' bestehen",
            fr: "l’identifiant {id} doit compter 1 à {max} lettres, chiffres, '_' ou '-'",
            es: "el identificador {id} debe tener de 1 a {max} letras, dígitos, '_' o '-'",
        },
        RankedOptionHasSeparator {
            en: "option {option} contains {separator}, which separates the ranked options in response files",
            de: "die Antwortmöglichkeit {option} enthält {separator}, das in Antwortdateien die Einträge einer Reihenfolge trennt",
            fr: "l’option {option} contient {separator}, qui sépare les options classées dans les fichiers de réponses",
            es: "la opción {option} contiene {separator}, que separa las opciones clasificadas en los archivos de respuestas",
        },
        ChosenOptionHasSeparator {
            en: "option {option} contains {separator}, which separates the chosen options in response files",
            de: "die Antwortmöglichkeit {option} enthält {separator}, das in Antwortdateien die gewählten Antworten trennt",
            fr: "l’option {option} contient {separator}, qui sépare les options choisies dans les fichiers de réponses",
            es: "la opción {option} contiene {separator}, que separa las opciones elegidas en los archivos de respuestas",
        },
        TooFewOptions {
            en: "needs at least {min} options",
            de: "braucht mindestens {min} Antwortmöglichkeiten",
            fr: "nécessite au moins {min} options",
            es: "necesita al menos {min} opciones",
        },
        EmptyOption {
            en: "has an empty option",
            de: "hat eine leere Antwortmöglichkeit",
            fr: "a une option vide",
            es: "tiene una opción vacía",
        },
        OptionTwice {
            en: "option {option} is listed twice",
            de: "die Antwortmöglichkeit {option} steht zweimal in der Liste",
            fr: "l’option {option} figure deux fois",
            es: "la opción {option} aparece dos veces",
        },
        ScaleRange {
            en: "min {min} must be below max {max} (max ≤ 100)",
            de: "min {min} muss kleiner als max {max} sein (max ≤ 100)",
            fr: "min {min} doit être inférieur à max {max} (max ≤ 100)",
            es: "min {min} debe ser menor que max {max} (max ≤ 100)",
        },
        ScaleLabels {
            en: "has {labels} labels for {points} scale points",
            de: "hat {labels} Beschriftungen für {points} Skalenpunkte",
            fr: "a {labels} libellés pour {points} points d’échelle",
            es: "tiene {labels} etiquetas para {points} puntos de la escala",
        },
        NoDimensions {
            en: "at least one dimension is needed",
            de: "mindestens eine Dimension ist nötig",
            fr: "au moins une dimension est nécessaire",
            es: "se necesita al menos una dimensión",
        },
        DimensionTwice {
            en: "dimension id {id} is used twice",
            de: "die Dimensions-ID {id} kommt zweimal vor",
            fr: "l’identifiant de dimension {id} est utilisé deux fois",
            es: "el identificador de dimensión {id} se usa dos veces",
        },
        SectionTwice {
            en: "section id {id} is used twice",
            de: "die Abschnitts-ID {id} kommt zweimal vor",
            fr: "l’identifiant de section {id} est utilisé deux fois",
            es: "el identificador de sección {id} se usa dos veces",
        },
        ConditionNotAnOption {
            en: "{value} is not an option of question {question}",
            de: "{value} ist keine Antwortmöglichkeit der Frage {question}",
            fr: "{value} n’est pas une option de la question {question}",
            es: "{value} no es una opción de la pregunta {question}",
        },
        ConditionNotChoice {
            en: "question {question} must be a choice question on an earlier page",
            de: "die Frage {question} muss eine Auswahlfrage auf einer früheren Seite sein",
            fr: "la question {question} doit être une question à choix sur une page précédente",
            es: "la pregunta {question} debe ser una pregunta de opción en una página anterior",
        },
        QuestionIdTaken {
            en: "id is used by another question",
            de: "eine andere Frage hat bereits diese ID",
            fr: "l’identifiant est déjà utilisé par une autre question",
            es: "el identificador ya lo usa otra pregunta",
        },
        TextEmpty {
            en: "text is empty",
            de: "der Text ist leer",
            fr: "le texte est vide",
            es: "el texto está vacío",
        },
        UnknownDimension {
            en: "dimension {dimension} is not defined in \"dimensions\"",
            de: "die Dimension {dimension} ist unter \"dimensions\" nicht definiert",
            fr: "la dimension {dimension} n’est pas définie dans \"dimensions\"",
            es: "la dimensión {dimension} no está definida en \"dimensions\"",
        },
        TooManyRankingOptions {
            en: "a ranking can have at most 50 options",
            de: "eine Reihenfolge kann höchstens 50 Antwortmöglichkeiten haben",
            fr: "un classement peut avoir au plus 50 options",
            es: "una clasificación puede tener como máximo 50 opciones",
        },
        TooManyChoiceOptions {
            en: "a multi-choice question can have at most 50 options",
            de: "eine Mehrfachauswahl kann höchstens 50 Antwortmöglichkeiten haben",
            fr: "une question à choix multiples peut avoir au plus 50 options",
            es: "una pregunta de opción múltiple puede tener como máximo 50 opciones",
        },
        NoneClashes {
            en: "\"none\" {none} must differ from every option, without spaces around it",
            de: "\"none\" {none} muss sich von jeder Antwortmöglichkeit unterscheiden und darf keine Leerzeichen am Rand haben",
            fr: "\"none\" {none} doit différer de chaque option, sans espaces autour",
            es: "\"none\" {none} debe ser distinto de cada opción, sin espacios alrededor",
        },
        MaxCharsZero {
            en: "max_chars must be above 0",
            de: "max_chars muss größer als 0 sein",
            fr: "max_chars doit être supérieur à 0",
            es: "max_chars debe ser mayor que 0",
        },
        Randomization {
            en: "randomization: {message}",
            de: "randomization: {message}",
            fr: "randomization\u{a0}: {message}",
            es: "randomization: {message}",
        },
        NoLikertItems {
            en: "dimension {dimension} has no Likert items",
            de: "die Dimension {dimension} hat keine Likert-Aussagen",
            fr: "la dimension {dimension} n’a aucune affirmation de Likert",
            es: "la dimensión {dimension} no tiene afirmaciones Likert",
        },
        BadLanguageCode {
            en: "a language must be a 2- or 3-letter lowercase code such as \"de\"",
            de: "eine Sprache muss ein Code aus 2 oder 3 Kleinbuchstaben sein, etwa \"de\"",
            fr: "une langue doit être un code de 2 ou 3 lettres minuscules, comme \"de\"",
            es: "un idioma debe ser un código de 2 o 3 letras minúsculas, como \"de\"",
        },
        IsEmpty {
            en: "is empty",
            de: "ist leer",
            fr: "est vide",
            es: "está vacío",
        },
        NoSuchDimension {
            en: "no dimension has this id",
            de: "keine Dimension hat diese ID",
            fr: "aucune dimension n’a cet identifiant",
            es: "ninguna dimensión tiene este identificador",
        },
        NoSuchSection {
            en: "no section has this id",
            de: "kein Abschnitt hat diese ID",
            fr: "aucune section n’a cet identifiant",
            es: "ninguna sección tiene este identificador",
        },
        NoSuchQuestion {
            en: "no question has this id",
            de: "keine Frage hat diese ID",
            fr: "aucune question n’a cet identifiant",
            es: "ninguna pregunta tiene este identificador",
        },
        FieldNotTranslatable {
            en: "a {kind} question has no {field} to translate",
            de: "eine Frage vom Typ {kind} hat kein Feld {field} zum Übersetzen",
            fr: "une question de type {kind} n’a pas de champ {field} à traduire",
            es: "una pregunta de tipo {kind} no tiene un campo {field} que traducir",
        },
        NoOptions {
            en: "a {kind} question has no options",
            de: "eine Frage vom Typ {kind} hat keine Antwortmöglichkeiten",
            fr: "une question de type {kind} n’a pas d’options",
            es: "una pregunta de tipo {kind} no tiene opciones",
        },
        NotAnOptionOfThis {
            en: "{option} is not an option of this question",
            de: "{option} ist keine Antwortmöglichkeit dieser Frage",
            fr: "{option} n’est pas une option de cette question",
            es: "{option} no es una opción de esta pregunta",
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::instrument::{Instrument, DEFAULT_INSTRUMENT_JSON};
    use crate::lang::{check_catalog, Lang};

    #[test]
    fn the_catalog_is_complete() {
        let mut faults = check_catalog(super::Words::ALL);
        faults.extend(check_catalog(crate::instrument::randomized::Words::ALL));
        assert!(faults.is_empty(), "{faults:#?}");
    }

    fn edited(from: &str, to: &str) -> String {
        assert!(DEFAULT_INSTRUMENT_JSON.contains(from), "fixture text {from:?} not in default instrument");
        DEFAULT_INSTRUMENT_JSON.replacen(from, to, 1)
    }

    fn error_of(json: &str) -> String {
        Instrument::from_json(json).unwrap_err().to_string()
    }

    #[test]
    fn unknown_dimension_is_named_with_its_place() {
        let e = error_of(&edited("\"dimension\": \"enablement\"", "\"dimension\": \"enablment\""));
        assert!(e.contains("\"enablment\" is not defined"), "{e}");
        assert!(e.contains("sections[1].questions[0]"), "{e}");
    }

    #[test]
    fn duplicate_ids_and_typos_are_rejected() {
        let e = error_of(&edited("\"id\": \"en2\"", "\"id\": \"en1\""));
        assert!(e.contains("id is used by another question"), "{e}");
        let e = error_of(&edited("\"reverse\": true", "\"reversed\": true"));
        assert!(e.contains("unknown field `reversed`"), "{e}");
        assert!(e.contains("line"), "{e}");
    }

    #[test]
    fn conditions_must_point_back_to_a_choice_option() {
        let mut ins = Instrument::default_instrument();
        let leaders = ins.sections.iter_mut().find_map(|s| s.show_if.as_mut()).unwrap();
        leaders.any_of = vec!["Boss".into()];
        let e = error_of(&serde_json::to_string(&ins).unwrap());
        assert!(e.contains("\"Boss\" is not an option of question \"role\""), "{e}");
    }

    #[test]
    fn ranking_options_may_not_contain_the_separator() {
        let e = error_of(&edited("\"HR and payroll\"", "\"HR > payroll\""));
        assert!(e.contains("option \"HR > payroll\" contains '>'"), "{e}");
        assert!(e.contains("(id \"systems_rank\")"), "{e}");
        // Elsewhere '>' is fine: choice options are stored whole.
        let mut ins = Instrument::default_instrument();
        ins.translations.clear(); // they label the options as they are
        let role = ins.sections.iter_mut().flat_map(|s| s.questions.iter_mut()).find(|q| q.id() == "role");
        if let Some(crate::instrument::Question::Choice { options, .. }) = role {
            options[1] = "Manager (> 5 reports)".into();
        }
        assert!(Instrument::from_json(&serde_json::to_string(&ins).unwrap()).is_ok());
    }

    #[test]
    fn bad_scale_and_ids() {
        let e = error_of(&edited("\"min\": 1,\n    \"max\": 5", "\"min\": 5,\n    \"max\": 5"));
        assert!(e.contains("scale"), "{e}");
        let e = error_of(&edited("\"id\": \"en1\"", "\"id\": \"en 1\""));
        assert!(e.contains("letters, digits"), "{e}");
    }

    #[test]
    fn errors_are_worded_per_language_and_english_as_before() {
        let e = Instrument::from_json(&edited("\"dimension\": \"enablement\"", "\"dimension\": \"enablment\"")).unwrap_err();
        let english = "instrument sections[1].questions[0] (id \"en1\"): dimension \"enablment\" is not defined in \"dimensions\"";
        assert_eq!(e.to_string(), english);
        let german =
            "Instrument sections[1].questions[0] (id \"en1\"): die Dimension \"enablment\" ist unter \"dimensions\" nicht definiert";
        assert_eq!(e.describe(Lang::De), german);
        let design = crate::instrument::randomized::Design::Warner { p: 0.5 };
        let e = super::invalid("sections[0].questions[0]", super::Fault::Randomization(design.validate().unwrap_err()));
        assert!(e.to_string().ends_with("randomization: Warner's p must be strictly between 0 and 1 and not 0.5 (got 0.5)"), "{e}");
        assert!(e.describe(Lang::Fr).ends_with("différent de 0,5 (obtenu\u{a0}: 0,5)"), "{}", e.describe(Lang::Fr));
    }
}
