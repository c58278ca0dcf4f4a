//! The practices library: what a security team can do, as data (`default_practices.json`,
//! printed by `secpulse plan --print-practices`), checked against the instrument with errors
//! that say where.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::instrument::{Instrument, Question};
use crate::lang::Lang;
use crate::text::Theme;

/// The shipped library.
const DEFAULT_PRACTICES: &str = include_str!("default_practices.json");

/// Longest id accepted.
const MAX_ID_LEN: usize = 64;

/// A library of practices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    /// Library id.
    pub id: String,
    /// Version of the wording.
    pub version: String,
    /// Title.
    pub title: String,
    /// The free-text questions whose comment themes trigger practices (e.g. "should_change").
    #[serde(default)]
    pub comment_questions: Vec<String>,
    /// The practices, in the order ties are broken.
    pub practices: Vec<Practice>,
    /// A readable name of each practice area, by area id ("customer_focus" → "Customer focus");
    /// an area without one is shown by its id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub areas: BTreeMap<String, String>,
    /// The library's wording in other languages, by language code (`de`, `fr`, `es`); a
    /// language given must word every practice.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, LibraryTranslation>,
}

/// One language's wording of a library: its title and every practice's texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryTranslation {
    /// The library's title.
    pub title: String,
    /// Each practice's texts, by practice id.
    pub practices: BTreeMap<String, PracticeText>,
    /// The practice areas' names, by area id.
    #[serde(default)]
    pub areas: BTreeMap<String, String>,
}

/// A practice's texts in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeText {
    /// What to do, in a few words.
    pub title: String,
    /// Why it helps.
    pub why: String,
    /// A first step for this month.
    pub first_step: String,
    /// What should move by the next wave.
    pub expect: String,
}

/// One practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// Stable id.
    pub id: String,
    /// Practice area, e.g. "customer_focus".
    pub area: String,
    /// What to do, in a few words.
    pub title: String,
    /// Dimension ids whose place in the priority matrix triggers it.
    pub dimensions: Vec<String>,
    /// Likert item ids whose weakness triggers it.
    #[serde(default)]
    pub items: Vec<String>,
    /// Comment themes (e.g. "bottleneck") that trigger it.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Why it helps.
    pub why: String,
    /// A first step for this month.
    pub first_step: String,
    /// What should move by the next wave.
    pub next_wave: NextWave,
    /// How much work it is.
    pub effort: Effort,
}

/// The item a practice should move by the next wave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextWave {
    /// Likert item id.
    pub item: String,
    /// What to look for, in words.
    pub expect: String,
}

/// How much work a practice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    /// Days, within the team.
    Low,
    /// Weeks, or needs other teams.
    Medium,
    /// Months, or needs budget.
    High,
}

/// Why a practices library cannot be used; the message names the place in the file.
#[derive(Debug)]
pub enum PracticesError {
    /// Not valid JSON for a library (serde's message has line and column).
    Json(serde_json::Error),
    /// Well-formed, but inconsistent or not matching the instrument.
    Invalid {
        /// Where, e.g. `practices[3] (id "fast-lane").items[1]`.
        at: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for PracticesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PracticesError::Json(e) => write!(f, "practices library is not valid: {e}"),
            PracticesError::Invalid { at, message } => write!(f, "practices library {at}: {message}"),
        }
    }
}

impl std::error::Error for PracticesError {}

fn invalid(at: impl Into<String>, message: impl Into<String>) -> PracticesError {
    PracticesError::Invalid { at: at.into(), message: message.into() }
}

fn check_id(at: &str, id: &str) -> Result<(), PracticesError> {
    let ok = !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    ok.then_some(()).ok_or_else(|| invalid(at, format!("id {id:?} must be 1–{MAX_ID_LEN} characters of letters, digits, '_' or '-'")))
}

fn check_text(at: String, text: &str) -> Result<(), PracticesError> {
    if text.trim().is_empty() {
        return Err(invalid(at, "must not be empty"));
    }
    Ok(())
}

/// Checks area names: each names an area some practice has, and none is empty.
fn check_area_names(path: &str, names: &BTreeMap<String, String>, practices: &[Practice]) -> Result<(), PracticesError> {
    for (area, name) in names {
        if !practices.iter().any(|p| &p.area == area) {
            return Err(invalid(format!("{path}.{area}"), "no practice has this area"));
        }
        check_text(format!("{path}.{area}"), name)?;
    }
    Ok(())
}

/// Checks that every entry of `values` is one of `known`.
fn check_refs(path: &str, values: &[String], known: &[String], what: &str) -> Result<(), PracticesError> {
    for (i, v) in values.iter().enumerate() {
        if !known.contains(v) {
            return Err(invalid(format!("{path}[{i}]"), format!("unknown {what} {v:?}; known: {}", known.join(", "))));
        }
    }
    Ok(())
}

impl Library {
    /// The shipped library (checked by the tests against the default instrument).
    pub fn default_library() -> Library {
        serde_json::from_str(DEFAULT_PRACTICES).expect("the shipped practices library is valid JSON")
    }

    /// Reads a library from JSON and checks it against `instrument`.
    pub fn from_json(json: &str, instrument: &Instrument) -> Result<Library, PracticesError> {
        let library: Library = serde_json::from_str(json).map_err(PracticesError::Json)?;
        library.validate(instrument)?;
        Ok(library)
    }

    /// Checks ids, texts and every reference to the instrument (dimensions, Likert items,
    /// free-text questions) and to the comment themes.
    pub fn validate(&self, instrument: &Instrument) -> Result<(), PracticesError> {
        check_id("id", &self.id)?;
        let dimensions: Vec<String> = instrument.dimensions.iter().map(|d| d.id.clone()).collect();
        let items: Vec<String> = instrument.likert_items().iter().map(|i| i.id.to_string()).collect();
        let themes: Vec<String> = Theme::ALL.iter().map(|t| t.as_str().to_string()).collect();
        let texts: Vec<String> =
            instrument.questions().filter(|q| matches!(q, Question::Text { .. })).map(|q| q.id().to_string()).collect();
        check_refs("comment_questions", &self.comment_questions, &texts, "free-text question")?;
        if self.practices.is_empty() {
            return Err(invalid("practices", "needs at least one practice"));
        }
        let mut seen = HashSet::new();
        for (i, p) in self.practices.iter().enumerate() {
            let at = format!("practices[{i}] (id {:?})", p.id);
            check_id(&at, &p.id)?;
            check_id(&format!("{at}.area"), &p.area)?;
            if !seen.insert(p.id.as_str()) {
                return Err(invalid(at, "the id is used twice"));
            }
            for (field, text) in
                [("title", &p.title), ("why", &p.why), ("first_step", &p.first_step), ("next_wave.expect", &p.next_wave.expect)]
            {
                check_text(format!("{at}.{field}"), text)?;
            }
            if p.dimensions.is_empty() && p.items.is_empty() && p.themes.is_empty() {
                return Err(invalid(at, "is never triggered: give it dimensions, items or themes"));
            }
            check_refs(&format!("{at}.dimensions"), &p.dimensions, &dimensions, "dimension")?;
            check_refs(&format!("{at}.items"), &p.items, &items, "Likert item")?;
            check_refs(&format!("{at}.themes"), &p.themes, &themes, "comment theme")?;
            if !items.contains(&p.next_wave.item) {
                return Err(invalid(format!("{at}.next_wave.item"), format!("unknown Likert item {:?}", p.next_wave.item)));
            }
        }
        check_area_names("areas", &self.areas, &self.practices)?;
        self.validate_translations()
    }

    /// The readable name of practice area `area` (its id with spaces when the library names none).
    pub fn area_name(&self, area: &str) -> String {
        self.areas.get(area).cloned().unwrap_or_else(|| area.replace('_', " "))
    }

    /// Checks the translations: known languages other than English, every practice worded,
    /// no practice the library lacks, no empty text.
    fn validate_translations(&self) -> Result<(), PracticesError> {
        for (code, tr) in &self.translations {
            let at = format!("translations.{code}");
            if !matches!(code.parse::<Lang>(), Ok(lang) if lang != Lang::En && lang.code() == code) {
                return Err(invalid(at, "unknown language: use de, fr or es (the library's own texts are the English)"));
            }
            check_text(format!("{at}.title"), &tr.title)?;
            check_area_names(&format!("{at}.areas"), &tr.areas, &self.practices)?;
            if let Some(p) = self.practices.iter().find(|p| !tr.practices.contains_key(&p.id)) {
                return Err(invalid(format!("{at}.practices"), format!("no wording for practice {:?}", p.id)));
            }
            for (id, text) in &tr.practices {
                let at = format!("{at}.practices.{id}");
                if !self.practices.iter().any(|p| &p.id == id) {
                    return Err(invalid(at, "the library has no practice with this id"));
                }
                for (field, value) in
                    [("title", &text.title), ("why", &text.why), ("first_step", &text.first_step), ("expect", &text.expect)]
                {
                    check_text(format!("{at}.{field}"), value)?;
                }
            }
        }
        Ok(())
    }

    /// A copy worded in `lang`: the translation's title and practice texts replace the
    /// library's own; a language without a translation (or English) leaves it as it is.
    pub fn in_language(&self, lang: Lang) -> Library {
        let mut out = self.clone();
        let Some(tr) = self.translations.get(lang.code()) else { return out };
        out.title.clone_from(&tr.title);
        out.areas.extend(tr.areas.iter().map(|(id, name)| (id.clone(), name.clone())));
        for p in &mut out.practices {
            if let Some(t) = tr.practices.get(&p.id) {
                p.title.clone_from(&t.title);
                p.why.clone_from(&t.why);
                p.first_step.clone_from(&t.first_step);
                p.next_wave.expect.clone_from(&t.expect);
            }
        }
        out
    }
}
