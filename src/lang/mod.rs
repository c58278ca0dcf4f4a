//! The languages secpulse speaks (English, German, French, Spanish) and the message
//! catalogs the core words its text with: chart titles, takeaways, data tables, the
//! board report, the action plan, the CLI's report and error messages.
//!
//! Each area keeps its own catalog beside its code, written with [`catalog!`]: one enum
//! whose every message carries all four languages side by side, so a missing
//! translation does not compile. `{name}` placeholders are filled by [`Catalog::fill`];
//! a test checks that every language of every message has the same placeholders.
//! Numbers, percentages and intervals are formatted per language by [`number`].
//!
//! ```
//! use secpulse::lang::Lang;
//!
//! let lang: Lang = "de-CH".parse().unwrap();
//! assert_eq!(lang, Lang::De);
//! assert_eq!(lang.count(10_000), "10.000");
//! assert_eq!(lang.pct(36.2), "36\u{a0}%");
//! ```

pub mod number;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language with complete catalogs: the first subtag of a BCP 47 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default, and the language of the instrument's own text).
    #[default]
    En,
    /// German, addressing the reader as *Sie*.
    De,
    /// French, addressing the reader as *vous*.
    Fr,
    /// Spanish, addressing the reader as *usted*.
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The language's code: `"en"`, `"de"`, `"fr"`, `"es"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language `tag` asks for when it is one of ours (`"de-AT"` → German), else English.
    /// For pages, whose `lang` may be anything; the CLI uses [`str::parse`], which refuses.
    pub fn or_english(tag: &str) -> Lang {
        tag.parse().unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language tag whose first subtag is not one of [`Lang::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no translation for language {:?} (available: en, de, fr, es)", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Reads a BCP 47 tag by its first subtag, in any case: `"fr"`, `"FR-ca"`, `"es_MX"`.
    fn from_str(tag: &str) -> Result<Lang, UnknownLang> {
        let first = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == first).ok_or_else(|| UnknownLang(tag.to_string()))
    }
}

/// A message catalog made by [`catalog!`]: each message in every language.
pub trait Catalog: Copy {
    /// The message's template in `lang`, with its `{name}` placeholders unfilled.
    fn template(self, lang: Lang) -> &'static str;

    /// The message in `lang` (for messages without placeholders).
    fn text(self, lang: Lang) -> String {
        self.template(lang).to_string()
    }

    /// The message in `lang` with each `{name}` replaced by its value from `args`.
    /// A placeholder without a value stays as written, so a mistake shows instead of vanishing.
    fn fill(self, lang: Lang, args: &[(&str, &dyn fmt::Display)]) -> String {
        fill_template(self.template(lang), args)
    }
}

/// Replaces each `{name}` in `template` by its value from `args`.
pub fn fill_template(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').filter(|&c| after[..c].chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'));
        match close.and_then(|c| args.iter().find(|(name, _)| *name == &after[..c]).map(|(_, v)| (c, v))) {
            Some((c, value)) => {
                out.push_str(&value.to_string());
                rest = &after[c + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Picks the singular or plural message for a count `n` in `lang` (French counts 0 and 1 as singular).
pub fn plural<C: Catalog>(lang: Lang, n: u64, one: C, other: C) -> C {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En | Lang::De | Lang::Es => n == 1,
    };
    if singular {
        one
    } else {
        other
    }
}

/// Declares a message catalog: an enum of messages, each with its English, German,
/// French and Spanish text, implementing [`Catalog`]. A message without all four
/// languages does not compile. Under `cfg(test)` the enum also has `ALL`, for
/// [`check_catalog`]; outside tests a message no code uses is a dead-code warning.
macro_rules! catalog {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident { en: $en:expr, de: $de:expr, fr: $fr:expr, es: $es:expr $(,)? }
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $crate::lang::Catalog for $name {
            fn template(self, lang: $crate::lang::Lang) -> &'static str {
                let [en, de, fr, es] = match self {
                    $($name::$variant => [$en, $de, $fr, $es],)*
                };
                match lang {
                    $crate::lang::Lang::En => en,
                    $crate::lang::Lang::De => de,
                    $crate::lang::Lang::Fr => fr,
                    $crate::lang::Lang::Es => es,
                }
            }
        }

        #[cfg(test)]
        impl $name {
            /// Every message of the catalog (tests only).
            #[allow(dead_code)]
            pub(crate) const ALL: &'static [$name] = &[$($name::$variant,)*];
        }
    };
}
pub(crate) use catalog;

/// Checks a catalog: every message is non-empty in every language, has the same
/// `{placeholders}` as its English text, and has no stray spaces at either end.
/// Returns one line per fault, empty when the catalog is sound (for tests).
pub fn check_catalog<C: Catalog + fmt::Debug>(all: &[C]) -> Vec<String> {
    let mut faults = Vec::new();
    for &message in all {
        let english = placeholders(message.template(Lang::En));
        for lang in Lang::ALL {
            let text = message.template(lang);
            if text.trim().is_empty() {
                faults.push(format!("{message:?} is empty in {lang}"));
            } else if text.trim() != text {
                faults.push(format!("{message:?} has spaces at an end in {lang}: {text:?}"));
            }
            let found = placeholders(text);
            if found != english {
                faults.push(format!("{message:?} in {lang} has placeholders {found:?}, English has {english:?}"));
            }
        }
    }
    faults
}

/// The sorted `{name}` placeholders of a template.
fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    catalog! {
        /// A catalog for these tests.
        enum Sample {
            Greeting { en: "Hello {name}", de: "Hallo {name}", fr: "Bonjour {name}", es: "Hola {name}" },
            One { en: "{n} person", de: "{n} Person", fr: "{n} personne", es: "{n} persona" },
            Other { en: "{n} people", de: "{n} Personen", fr: "{n} personnes", es: "{n} personas" },
            Broken { en: "{a} and {b}", de: "{a} und {c}", fr: " {a} et {b}", es: "" },
        }
    }

    #[test]
    fn reads_tags_by_their_first_subtag() {
        assert_eq!("de".parse(), Ok(Lang::De));
        assert_eq!("FR-ca".parse(), Ok(Lang::Fr));
        assert_eq!("es_MX".parse(), Ok(Lang::Es));
        assert_eq!(" en-GB ".parse(), Ok(Lang::En));
        let err = "pt-BR".parse::<Lang>().unwrap_err();
        assert_eq!(err.to_string(), "no translation for language \"pt-BR\" (available: en, de, fr, es)");
        assert_eq!(Lang::or_english("pt-BR"), Lang::En);
        assert_eq!(Lang::or_english(""), Lang::En);
    }

    #[test]
    fn fills_placeholders_and_keeps_unknown_ones_visible() {
        assert_eq!(Sample::Greeting.fill(Lang::De, &[("name", &"Ana")]), "Hallo Ana");
        assert_eq!(Sample::Greeting.fill(Lang::Fr, &[]), "Bonjour {name}");
        assert_eq!(fill_template("{ a } {x} {", &[("x", &1)]), "{ a } 1 {");
        assert_eq!(fill_template("{x}{x}", &[("x", &"é")]), "éé");
    }

    #[test]
    fn french_counts_zero_as_singular() {
        let say = |lang, n: u64| plural(lang, n, Sample::One, Sample::Other).fill(lang, &[("n", &n)]);
        assert_eq!(say(Lang::Fr, 0), "0 personne");
        assert_eq!(say(Lang::En, 0), "0 people");
        assert_eq!(say(Lang::De, 1), "1 Person");
        assert_eq!(say(Lang::Es, 2), "2 personas");
    }

    #[test]
    fn the_checker_finds_each_kind_of_fault() {
        assert!(check_catalog(&[Sample::Greeting, Sample::One, Sample::Other]).is_empty());
        let faults = check_catalog(&[Sample::Broken]);
        assert_eq!(faults.len(), 4, "{faults:#?}");
        assert!(faults.iter().any(|f| f.contains("in de has placeholders [\"a\", \"c\"]")));
        assert!(faults.iter().any(|f| f.contains("spaces at an end in fr")));
        assert!(faults.iter().any(|f| f.contains("empty in es")));
    }
}
