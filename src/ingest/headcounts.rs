//! Headcounts: how many people were invited, overall and per group, from a CSV with the
//! header `column,value,headcount` (e.g. `department,Finance,180`; `*,*,2400` for everyone).
//! Errors say the line and what is wrong.

use std::fmt;

use crate::lang::{catalog, Catalog, Lang};

/// The `column` (and `value`) of the row that gives everyone's headcount.
pub const EVERYONE: &str = "*";

/// People invited, per population.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headcounts {
    /// Everyone's headcount, when a `*,*,N` row gives it.
    pub total: Option<u64>,
    /// (column, value, headcount), in file order.
    pub groups: Vec<(String, String, u64)>,
}

/// Why a headcounts file cannot be used; worded per language by [`HeadcountError::describe`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadcountError {
    /// 1-based line (0 when the problem is the file as a whole).
    pub line: u64,
    /// What is wrong.
    pub fault: HeadcountFault,
}

/// What is wrong with a headcounts file, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadcountFault {
    /// The file is not UTF-8 from this byte on.
    NotUtf8 {
        /// 0-based offset of the first bad byte.
        byte: usize,
    },
    /// The CSV reader's own message (English in every language).
    Csv(String),
    /// The header is not `column,value,headcount`.
    BadHeader {
        /// The header found, lower-cased and joined by commas.
        found: String,
    },
    /// A row with an empty column or value.
    EmptyColumnOrValue,
    /// A headcount that is not a whole number of at least 1.
    BadHeadcount {
        /// The cell as written.
        value: String,
    },
    /// Two `*,*` rows.
    EveryoneTwice,
    /// The same column and value twice.
    ListedTwice {
        /// The column.
        column: String,
        /// The value.
        value: String,
    },
    /// No rows.
    NoHeadcounts,
}

impl HeadcountError {
    /// The error in `lang`, with its line: "Personenzahlen, Zeile 3: role = \"Staff\" steht zweimal in der Liste".
    pub fn describe(&self, lang: Lang) -> String {
        let message = match &self.fault {
            HeadcountFault::NotUtf8 { byte } => Words::NotUtf8.fill(lang, &[("byte", &lang.count(*byte as u64))]),
            HeadcountFault::Csv(message) => message.clone(),
            HeadcountFault::BadHeader { found } => Words::BadHeader.fill(lang, &[("found", found)]),
            HeadcountFault::EmptyColumnOrValue => Words::EmptyColumnOrValue.text(lang),
            HeadcountFault::BadHeadcount { value } => Words::BadHeadcount.fill(lang, &[("value", &format!("{value:?}"))]),
            HeadcountFault::EveryoneTwice => Words::EveryoneTwice.text(lang),
            HeadcountFault::ListedTwice { column, value } => {
                Words::ListedTwice.fill(lang, &[("column", column), ("value", &format!("{value:?}"))])
            }
            HeadcountFault::NoHeadcounts => Words::NoHeadcounts.text(lang),
        };
        match self.line {
            0 => Words::InFile.fill(lang, &[("message", &message)]),
            line => Words::AtLine.fill(lang, &[("line", &lang.count(line)), ("message", &message)]),
        }
    }
}

impl fmt::Display for HeadcountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for HeadcountError {}

fn error(line: u64, fault: HeadcountFault) -> HeadcountError {
    HeadcountError { line, fault }
}

catalog! {
    /// The words of headcounts errors.
    pub(crate) enum Words {
        InFile {
            en: "headcounts: {message}",
            de: "Personenzahlen: {message}",
            fr: "effectifs\u{a0}: {message}",
            es: "plantilla: {message}",
        },
        AtLine {
            en: "headcounts line {line}: {message}",
            de: "Personenzahlen, Zeile {line}: {message}",
            fr: "effectifs, ligne {line}\u{a0}: {message}",
            es: "plantilla, línea {line}: {message}",
        },
        NotUtf8 {
            en: "not UTF-8 text (byte {byte})",
            de: "kein UTF-8-Text (Byte {byte})",
            fr: "pas du texte UTF-8 (octet {byte})",
            es: "no es texto UTF-8 (byte {byte})",
        },
        BadHeader {
            en: "the header must be column,value,headcount (found {found})",
            de: "die Kopfzeile muss column,value,headcount lauten (gefunden: {found})",
            fr: "l’en-tête doit être column,value,headcount (trouvé\u{a0}: {found})",
            es: "el encabezado debe ser column,value,headcount (se encontró {found})",
        },
        EmptyColumnOrValue {
            en: "column and value must not be empty (use *,* for everyone)",
            de: "column und value dürfen nicht leer sein (verwenden Sie *,* für alle)",
            fr: "column et value ne doivent pas être vides (utilisez *,* pour tout le monde)",
            es: "column y value no pueden estar vacíos (use *,* para todos)",
        },
        BadHeadcount {
            en: "headcount {value} is not a whole number of at least 1",
            de: "die Personenzahl {value} ist keine ganze Zahl von mindestens 1",
            fr: "l’effectif {value} n’est pas un nombre entier d’au moins 1",
            es: "la plantilla {value} no es un número entero igual o mayor que 1",
        },
        EveryoneTwice {
            en: "everyone's headcount (*,*) is given twice",
            de: "die Personenzahl für alle (*,*) ist zweimal angegeben",
            fr: "l’effectif total (*,*) est indiqué deux fois",
            es: "la plantilla de todas las personas (*,*) aparece dos veces",
        },
        ListedTwice {
            en: "{column} = {value} is listed twice",
            de: "{column} = {value} steht zweimal in der Liste",
            fr: "{column} = {value} figure deux fois",
            es: "{column} = {value} aparece dos veces",
        },
        NoHeadcounts {
            en: "no headcounts (expected rows such as department,Finance,180)",
            de: "keine Personenzahlen (erwartet werden Zeilen wie department,Finance,180)",
            fr: "aucun effectif (lignes attendues, par exemple department,Finance,180)",
            es: "no hay cifras de plantilla (se esperaban filas como department,Finance,180)",
        },
    }
}

impl Headcounts {
    /// Reads `column,value,headcount` rows (header required; headcounts are whole numbers ≥ 1).
    pub fn from_csv(bytes: &[u8]) -> Result<Headcounts, HeadcountError> {
        let text = std::str::from_utf8(bytes).map_err(|e| error(0, HeadcountFault::NotUtf8 { byte: e.valid_up_to() }))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let header: Vec<String> =
            reader.headers().map_err(|e| error(1, HeadcountFault::Csv(e.to_string())))?.iter().map(|h| h.trim().to_lowercase()).collect();
        if header != ["column", "value", "headcount"] {
            return Err(error(1, HeadcountFault::BadHeader { found: header.join(",") }));
        }
        let mut out = Headcounts::default();
        for record in reader.records() {
            let record = record.map_err(|e| error(e.position().map_or(0, |p| p.line()), HeadcountFault::Csv(e.to_string())))?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(i).unwrap_or("").trim().to_string();
            let (column, value, count) = (field(0), field(1), field(2));
            if column.is_empty() || value.is_empty() {
                return Err(error(line, HeadcountFault::EmptyColumnOrValue));
            }
            let headcount: u64 = match count.parse() {
                Ok(n) if n >= 1 => n,
                _ => return Err(error(line, HeadcountFault::BadHeadcount { value: count })),
            };
            if column == EVERYONE {
                if out.total.replace(headcount).is_some() {
                    return Err(error(line, HeadcountFault::EveryoneTwice));
                }
            } else if out.groups.iter().any(|(c, v, _)| *c == column && *v == value) {
                return Err(error(line, HeadcountFault::ListedTwice { column, value }));
            } else {
                out.groups.push((column, value, headcount));
            }
        }
        if out.total.is_none() && out.groups.is_empty() {
            return Err(error(0, HeadcountFault::NoHeadcounts));
        }
        Ok(out)
    }

    /// The breakdown columns the headcounts name, in file order.
    pub fn columns(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (c, _, _) in &self.groups {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::check_catalog;

    #[test]
    fn the_catalog_is_complete() {
        let faults = check_catalog(Words::ALL);
        assert!(faults.is_empty(), "{faults:#?}");
    }

    #[test]
    fn errors_are_worded_per_language() {
        let e = Headcounts::from_csv(b"column,value,headcount\nrole,Staff,12\nrole,Staff,3\n").unwrap_err();
        assert_eq!(e.describe(Lang::De), "Personenzahlen, Zeile 3: role = \"Staff\" steht zweimal in der Liste");
        assert_eq!(e.describe(Lang::Es), "plantilla, línea 3: role = \"Staff\" aparece dos veces");
    }

    #[test]
    fn reads_rows_and_says_where_they_are_wrong() {
        let h = Headcounts::from_csv(b"column,value,headcount\n*,*,400\ndepartment,Finance,40\ndepartment,\"Sales, EMEA\",60\n").unwrap();
        assert_eq!(h.total, Some(400));
        assert_eq!(h.groups[1], ("department".into(), "Sales, EMEA".into(), 60));
        assert_eq!(h.columns(), ["department"]);
        let err = |text: &str| Headcounts::from_csv(text.as_bytes()).unwrap_err().to_string();
        assert_eq!(err("dept,n\n"), "headcounts line 1: the header must be column,value,headcount (found dept,n)");
        assert_eq!(err("column,value,headcount\nrole,Staff,12\nrole,Staff,3\n"), "headcounts line 3: role = \"Staff\" is listed twice");
        assert_eq!(
            err("column,value,headcount\nrole,Staff,twelve\n"),
            "headcounts line 2: headcount \"twelve\" is not a whole number of at least 1"
        );
        assert_eq!(err("column,value,headcount\nrole,Staff,0\n"), "headcounts line 2: headcount \"0\" is not a whole number of at least 1");
        assert!(
            err("column,value,headcount\nrole,Staff\n").starts_with("headcounts line 2:"),
            "{}",
            err("column,value,headcount\nrole,Staff\n")
        );
        assert_eq!(err("column,value,headcount\n"), "headcounts: no headcounts (expected rows such as department,Finance,180)");
    }
}
