//! Checks that an instrument is internally consistent before anything uses it.

use std::collections::HashSet;
use std::fmt;

use super::{Instrument, Question, MULTI_SEPARATOR};

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
        message: String,
    },
}

impl fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstrumentError::Json(e) => write!(f, "instrument is not valid: {e}"),
            InstrumentError::Invalid { at, message } => write!(f, "instrument {at}: {message}"),
        }
    }
}

impl std::error::Error for InstrumentError {}

/// Separates the options of a ranking answer in response files ("A>B>C", most important first),
/// so no ranking option may contain it.
const RANK_SEPARATOR: char = '>';

/// Longest id accepted; ids are column names in response files.
const MAX_ID_LEN: usize = 64;

pub(super) fn invalid(at: impl Into<String>, message: impl Into<String>) -> InstrumentError {
    InstrumentError::Invalid { at: at.into(), message: message.into() }
}

fn check_id(at: &str, id: &str) -> Result<(), InstrumentError> {
    let ok = !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(invalid(at, format!("id {id:?} must be 1–{MAX_ID_LEN} characters of letters, digits, '_' or '-'")))
    }
}

/// Fails when an option contains `separator`, which joins the `what` options in response files.
fn check_separator<'a>(
    at: &str,
    mut options: impl Iterator<Item = &'a String>,
    separator: char,
    what: &str,
) -> Result<(), InstrumentError> {
    match options.find(|o| o.contains(separator)) {
        Some(o) => Err(invalid(at, format!("option {o:?} contains {separator:?}, which separates the {what} options in response files"))),
        None => Ok(()),
    }
}

fn check_options(at: &str, options: &[String], min: usize) -> Result<(), InstrumentError> {
    if options.len() < min {
        return Err(invalid(at, format!("needs at least {min} options")));
    }
    let mut seen = HashSet::new();
    for o in options {
        if o.trim().is_empty() {
            return Err(invalid(at, "has an empty option"));
        }
        if !seen.insert(o.as_str()) {
            return Err(invalid(at, format!("option {o:?} is listed twice")));
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
            return Err(invalid("scale", format!("min {} must be below max {} (max ≤ 100)", s.min, s.max)));
        }
        let points = usize::from(s.max - s.min) + 1;
        if !s.labels.is_empty() && s.labels.len() != points {
            return Err(invalid("scale.labels", format!("has {} labels for {points} scale points", s.labels.len())));
        }
        if self.dimensions.is_empty() {
            return Err(invalid("dimensions", "at least one dimension is needed"));
        }
        let mut dim_ids = HashSet::new();
        for (i, d) in self.dimensions.iter().enumerate() {
            check_id(&format!("dimensions[{i}]"), &d.id)?;
            if !dim_ids.insert(d.id.as_str()) {
                return Err(invalid(format!("dimensions[{i}]"), format!("dimension id {:?} is used twice", d.id)));
            }
        }

        let mut ids: HashSet<&str> = HashSet::new();
        let mut section_ids = HashSet::new();
        let mut items_per_dim = vec![0usize; self.dimensions.len()];
        for (si, section) in self.sections.iter().enumerate() {
            let sat = format!("sections[{si}]");
            check_id(&sat, &section.id)?;
            if !section_ids.insert(section.id.as_str()) {
                return Err(invalid(sat, format!("section id {:?} is used twice", section.id)));
            }
            if let Some(cond) = &section.show_if {
                let target = self.question(&cond.question).filter(|_| ids.contains(cond.question.as_str()));
                match target {
                    Some(Question::Choice { options, .. }) => {
                        if let Some(bad) = cond.any_of.iter().find(|v| !options.contains(v)) {
                            return Err(invalid(
                                format!("{sat}.show_if"),
                                format!("{bad:?} is not an option of question {:?}", cond.question),
                            ));
                        }
                    }
                    _ => {
                        return Err(invalid(
                            format!("{sat}.show_if"),
                            format!("question {:?} must be a choice question on an earlier page", cond.question),
                        ))
                    }
                }
            }
            for (qi, q) in section.questions.iter().enumerate() {
                let at = format!("{sat}.questions[{qi}] (id {:?})", q.id());
                check_id(&at, q.id())?;
                if !ids.insert(q.id()) {
                    return Err(invalid(at, "id is used by another question"));
                }
                if q.text().trim().is_empty() {
                    return Err(invalid(at, "text is empty"));
                }
                match q {
                    Question::Likert { dimension, .. } => {
                        let d = self
                            .dimensions
                            .iter()
                            .position(|d| &d.id == dimension)
                            .ok_or_else(|| invalid(&at, format!("dimension {dimension:?} is not defined in \"dimensions\"")))?;
                        items_per_dim[d] += 1;
                    }
                    Question::Bipolar { min, max, .. } if min >= max || *max > 100 => {
                        return Err(invalid(at, format!("min {min} must be below max {max} (max ≤ 100)")));
                    }
                    Question::Choice { options, .. } => check_options(&at, options, 2)?,
                    Question::Ranking { options, .. } => {
                        check_options(&at, options, 2)?;
                        check_separator(&at, options.iter(), RANK_SEPARATOR, "ranked")?;
                        if options.len() > 50 {
                            return Err(invalid(at, "a ranking can have at most 50 options"));
                        }
                    }
                    Question::MultiChoice { options, none, .. } => {
                        check_options(&at, options, 2)?;
                        if options.len() > 50 {
                            return Err(invalid(at, "a multi-choice question can have at most 50 options"));
                        }
                        check_separator(&at, options.iter().chain([none]), MULTI_SEPARATOR, "chosen")?;
                        if none != none.trim() || options.iter().any(|o| o.eq_ignore_ascii_case(none)) {
                            return Err(invalid(at, format!("\"none\" {none:?} must differ from every option, without spaces around it")));
                        }
                    }
                    Question::Text { max_chars: 0, .. } => return Err(invalid(at, "max_chars must be above 0")),
                    Question::Randomized { randomization, .. } => {
                        randomization.validate().map_err(|e| invalid(&at, format!("randomization: {e}")))?
                    }
                    _ => {}
                }
            }
        }
        if let Some(d) = items_per_dim.iter().position(|&n| n == 0) {
            return Err(invalid(format!("dimensions[{d}]"), format!("dimension {:?} has no Likert items", self.dimensions[d].id)));
        }
        self.validate_translations()
    }
}

#[cfg(test)]
mod tests {
    use crate::instrument::{Instrument, DEFAULT_INSTRUMENT_JSON};

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
}
