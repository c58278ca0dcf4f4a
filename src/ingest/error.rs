//! Row-level [`Problem`]s and file-level [`IngestError`]s, with messages that say where,
//! in any of the [`Lang`]uages: each error keeps what is wrong as data ([`Cause`]) and is
//! worded by `describe(lang)`; `Display` is the English wording.
//!
//! Literal file content (a cell value, a column name) is shown as it is in the file, in
//! straight quotes with escapes, in every language: it is data, not prose.

use std::fmt;

use serde::Serialize;

use crate::lang::{catalog, plural, Catalog, Lang};

/// Something wrong with one row of a response file (a value off the scale, an unknown
/// option, a row with the wrong number of fields). Under [`super::ErrorPolicy::SkipRow`]
/// the row is dropped and the problem is reported in the summary.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based physical line where the record starts (JSON array: line of the object).
    pub line: u64,
    /// 1-based data row, header excluded.
    pub row: u64,
    /// The column (question id or header name), when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong, worded: `"7" is outside 1–5`. English, except in a summary passed
    /// through [`super::IngestSummary::in_language`].
    pub message: String,
    /// What is wrong, as data (`{"kind": "outside_scale", "value": "\"7\"", "min": 1, "max": 5}`).
    pub cause: Cause,
}

impl Problem {
    /// A problem at `line` / `row` (in `column`), with `cause` worded in English.
    pub fn new(line: u64, row: u64, column: Option<String>, cause: Cause) -> Problem {
        Problem { line, row, column, message: cause.describe(Lang::En), cause }
    }

    /// The problem with its place, in `lang`: "Zeile 1.205 (Datensatz 1.204), Spalte en2: …".
    pub fn describe(&self, lang: Lang) -> String {
        let (line, row, message) = (lang.count(self.line), lang.count(self.row), self.cause.describe(lang));
        match &self.column {
            Some(column) => Words::AtColumn.fill(lang, &[("line", &line), ("row", &row), ("column", column), ("message", &message)]),
            None => Words::AtRow.fill(lang, &[("line", &line), ("row", &row), ("message", &message)]),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// What a JSON value is, for problems that found the wrong kind.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum JsonKind {
    /// `[…]`.
    Array,
    /// `{…}`.
    Object,
    /// `"…"`.
    String,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
}

impl JsonKind {
    fn describe(self, lang: Lang) -> String {
        match self {
            JsonKind::Array => Words::AnArray,
            JsonKind::Object => Words::AnObject,
            JsonKind::String => Words::AString,
            JsonKind::Number => Words::ANumber,
            JsonKind::Bool => Words::TrueOrFalse,
            JsonKind::Null => Words::Null,
        }
        .text(lang)
    }
}

/// What is wrong with a row, as data. `value` fields hold the cell as shown: quoted and
/// shortened text (`"seven"`), or a JSON number as written.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    /// A whole number off the question's scale.
    OutsideScale {
        /// The cell.
        value: String,
        /// Lowest value on the scale.
        min: u8,
        /// Highest value on the scale.
        max: u8,
    },
    /// A number with a fractional part where a scale value is expected.
    NotWhole {
        /// The cell.
        value: String,
        /// Lowest value on the scale.
        min: u8,
        /// Highest value on the scale.
        max: u8,
    },
    /// Not a number, in a numeric question's cell.
    NotNumber {
        /// The cell.
        value: String,
    },
    /// Not one of the options of a choice, ranking or multi-choice question.
    UnknownOption {
        /// The cell (or the item of a ranking or multi-choice answer).
        value: String,
        /// The question id.
        question: String,
        /// The first options, as the instrument lists them.
        options: Vec<String>,
        /// How many options the question has (more than `options` when the list is cut).
        total: usize,
    },
    /// The same column twice in one JSON object.
    GivenTwice {
        /// The column.
        column: String,
    },
    /// A cell whose bytes are not UTF-8.
    NotUtf8,
    /// A value spelt like the label of the blank group, which would be taken for it.
    ReservedForBlank {
        /// The cell.
        value: String,
    },
    /// A ranking with an empty item (`A>>B`).
    EmptyRankingItem,
    /// A multi-choice answer with an empty item.
    EmptyAnswerItem,
    /// An option ranked twice.
    RankedTwice {
        /// The item.
        value: String,
    },
    /// An option chosen twice in a multi-choice answer.
    ChosenTwice {
        /// The item.
        value: String,
    },
    /// "None of these" chosen with other options.
    NoneWithOthers {
        /// The "none of these" option.
        option: String,
    },
    /// A CSV record whose field count differs from the header's.
    WrongFieldCount {
        /// Fields in the record.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// A JSON row that is not an object.
    RowNotObject {
        /// What it is instead.
        found: JsonKind,
    },
    /// A JSON object with an empty key.
    EmptyKey,
    /// A JSON ranking array with an item that is not text.
    RankingItemNotText {
        /// What the item is.
        found: JsonKind,
    },
    /// An array or object where a single value is expected.
    NotSingleValue {
        /// What was found.
        found: JsonKind,
    },
}

/// How many options an unknown-option message lists.
pub(crate) const OPTIONS_SHOWN: usize = 8;

impl Cause {
    /// What is wrong, in `lang`, without the place: `"7" liegt außerhalb der Skala 1–5`.
    pub fn describe(&self, lang: Lang) -> String {
        let scale = |min: &u8, max: &u8| format!("{}–{}", lang.count(u64::from(*min)), lang.count(u64::from(*max)));
        match self {
            Cause::OutsideScale { value, min, max } => Words::OutsideScale.fill(lang, &[("value", value), ("scale", &scale(min, max))]),
            Cause::NotWhole { value, min, max } => Words::NotWhole.fill(lang, &[("value", value), ("scale", &scale(min, max))]),
            Cause::NotNumber { value } => Words::NotNumber.fill(lang, &[("value", value)]),
            Cause::UnknownOption { value, question, options, total } => {
                let listed = options.join(", ");
                let args: [(&str, &dyn fmt::Display); 4] =
                    [("value", value), ("question", question), ("options", &listed), ("total", &lang.count(*total as u64))];
                let words = if *total > options.len() { Words::UnknownOptionOfMany } else { Words::UnknownOption };
                words.fill(lang, &args)
            }
            Cause::GivenTwice { column } => Words::GivenTwice.fill(lang, &[("column", column)]),
            Cause::NotUtf8 => Words::CellNotUtf8.text(lang),
            Cause::ReservedForBlank { value } => Words::ReservedForBlank.fill(lang, &[("value", value)]),
            Cause::EmptyRankingItem => Words::EmptyRankingItem.text(lang),
            Cause::EmptyAnswerItem => Words::EmptyAnswerItem.text(lang),
            Cause::RankedTwice { value } => Words::RankedTwice.fill(lang, &[("value", value)]),
            Cause::ChosenTwice { value } => Words::ChosenTwice.fill(lang, &[("value", value)]),
            Cause::NoneWithOthers { option } => Words::NoneWithOthers.fill(lang, &[("option", option)]),
            Cause::WrongFieldCount { found, expected } => {
                let words = plural(lang, *found as u64, Words::WrongFieldCountOne, Words::WrongFieldCount);
                words.fill(lang, &[("found", &lang.count(*found as u64)), ("expected", &lang.count(*expected as u64))])
            }
            Cause::RowNotObject { found } => Words::RowNotObject.fill(lang, &[("found", &found.describe(lang))]),
            Cause::EmptyKey => Words::EmptyKey.text(lang),
            Cause::RankingItemNotText { found } => Words::RankingItemNotText.fill(lang, &[("found", &found.describe(lang))]),
            Cause::NotSingleValue { found } => Words::NotSingleValue.fill(lang, &[("found", &found.describe(lang))]),
        }
    }
}

/// Where a limit was exceeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// 1-based line of the record.
    pub line: u64,
    /// The column, when the limit is about one.
    pub column: Option<String>,
}

/// Why a response file could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub enum IngestError {
    /// The input has no data (nothing, or only a byte-order mark and whitespace).
    Empty,
    /// The input is not UTF-8; `offset` is the 0-based byte offset of the first bad byte.
    InvalidUtf8 {
        /// 1-based line of the bad byte.
        line: u64,
        /// 0-based byte offset in the file.
        offset: usize,
    },
    /// Two header columns have the same name (after trimming); positions are 1-based.
    DuplicateColumn {
        /// The repeated name.
        name: String,
        /// Position of the first occurrence.
        first: usize,
        /// Position of the second occurrence.
        second: usize,
    },
    /// A header column has an empty name; `column` is its 1-based position.
    EmptyColumnName {
        /// 1-based position in the header.
        column: usize,
    },
    /// Numeric questions of the instrument that have no column in the file.
    MissingColumns(Vec<String>),
    /// The JSON is malformed; line and column are 1-based (serde_json's).
    Json {
        /// 1-based line.
        line: u64,
        /// 1-based column (byte) in that line.
        column: u64,
        /// What the parser expected (English; worded per language by [`IngestError::describe`]).
        message: String,
    },
    /// A limit of [`super::Limits`] was exceeded.
    Limit {
        /// Which limit, e.g. `max_rows`.
        limit: &'static str,
        /// Its value.
        value: usize,
        /// Where it was exceeded, when known.
        at: Option<At>,
    },
    /// The first row problem, under [`super::ErrorPolicy::Fail`] (boxed: it is the largest error).
    Row(Box<Problem>),
}

impl IngestError {
    /// The error in `lang`: "die Kopfzeile enthält die Spalte \"en1\" zweimal (Spalten 2 und 5)".
    pub fn describe(&self, lang: Lang) -> String {
        let n = |v: u64| lang.count(v);
        match self {
            IngestError::Empty => Words::FileEmpty.text(lang),
            IngestError::InvalidUtf8 { line, offset } => {
                Words::FileNotUtf8.fill(lang, &[("line", &n(*line)), ("offset", &n(*offset as u64))])
            }
            IngestError::DuplicateColumn { name, first, second } => Words::DuplicateColumn
                .fill(lang, &[("name", &format!("{name:?}")), ("first", &n(*first as u64)), ("second", &n(*second as u64))]),
            IngestError::EmptyColumnName { column } => Words::EmptyColumnName.fill(lang, &[("column", &n(*column as u64))]),
            IngestError::MissingColumns(ids) => {
                plural(lang, ids.len() as u64, Words::MissingColumn, Words::MissingColumns).fill(lang, &[("ids", &ids.join(", "))])
            }
            IngestError::Json { line, column, message } => {
                let detail = json_detail(message, lang);
                Words::InvalidJson.fill(lang, &[("line", &n(*line)), ("column", &n(*column)), ("detail", &detail)])
            }
            IngestError::Limit { limit, value, at } => {
                let (limit, value) = (limit as &dyn fmt::Display, &n(*value as u64) as &dyn fmt::Display);
                match at {
                    None => Words::LimitExceeded.fill(lang, &[("limit", limit), ("value", value)]),
                    Some(At { line, column: None }) => {
                        Words::LimitExceededAtLine.fill(lang, &[("limit", limit), ("value", value), ("line", &n(*line))])
                    }
                    Some(At { line, column: Some(column) }) => Words::LimitExceededAtColumn
                        .fill(lang, &[("limit", limit), ("value", value), ("line", &n(*line)), ("column", column)]),
                }
            }
            IngestError::Row(p) => p.describe(lang),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for IngestError {}

/// The JSON parser's `message` in `lang`: ours and serde_json's usual ones are worded, any
/// other becomes "not valid JSON here" (the line and column still say where). English as is.
fn json_detail(message: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    let words = match message {
        "expected `,` or `]` after an object" => Words::ExpectedAfterObject,
        "the array is not closed with `]`" => Words::ArrayNotClosed,
        "unexpected data after the array" | "trailing characters" => Words::DataAfterEnd,
        "expected a JSON object" => Words::ExpectedObject,
        "expected value" | "expected ident" => Words::ExpectedValue,
        "trailing comma" => Words::TrailingComma,
        "key must be a string" => Words::KeyNotString,
        m if m.starts_with("EOF while parsing") => Words::EndOfInput,
        m => match m.strip_prefix("expected ").filter(|t| t.starts_with('`')) {
            Some(tokens) => {
                let tokens = tokens.replace(" or ", &format!(" {} ", Words::Or.text(lang)));
                return Words::ExpectedTokens.fill(lang, &[("tokens", &tokens)]);
            }
            None => Words::NotValidJsonHere,
        },
    };
    words.text(lang)
}

/// A file without one usable row: why, for [`super::Ingested::with_rows`].
#[derive(Debug, Clone, PartialEq)]
pub struct NoRows {
    /// The first problem, when rows were dropped.
    pub first: Option<Box<Problem>>,
    /// Problems besides the first.
    pub more: usize,
}

impl NoRows {
    /// Why no row is usable, in `lang`, with the first problem's place.
    pub fn describe(&self, lang: Lang) -> String {
        match &self.first {
            None => Words::NoResponseRows.text(lang),
            Some(p) if self.more > 0 => {
                let words = plural(lang, self.more as u64, Words::NoUsableRowsAndOneMore, Words::NoUsableRowsAndMore);
                words.fill(lang, &[("problem", &p.describe(lang)), ("more", &lang.count(self.more as u64))])
            }
            Some(p) => Words::NoUsableRows.fill(lang, &[("problem", &p.describe(lang))]),
        }
    }
}

impl fmt::Display for NoRows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for NoRows {}

catalog! {
    /// The words of ingest problems and errors.
    pub(crate) enum Words {
        AtRow {
            en: "line {line} (row {row}): {message}",
            de: "Zeile {line} (Datensatz {row}): {message}",
            fr: "ligne {line} (enregistrement {row})\u{a0}: {message}",
            es: "línea {line} (registro {row}): {message}",
        },
        AtColumn {
            en: "line {line} (row {row}), column {column}: {message}",
            de: "Zeile {line} (Datensatz {row}), Spalte {column}: {message}",
            fr: "ligne {line} (enregistrement {row}), colonne {column}\u{a0}: {message}",
            es: "línea {line} (registro {row}), columna {column}: {message}",
        },
        OutsideScale {
            en: "{value} is outside {scale}",
            de: "{value} liegt außerhalb der Skala {scale}",
            fr: "{value} est hors de l’échelle {scale}",
            es: "{value} está fuera de la escala {scale}",
        },
        NotWhole {
            en: "{value} is not a whole number in {scale}",
            de: "{value} ist keine ganze Zahl der Skala {scale}",
            fr: "{value} n’est pas un nombre entier de l’échelle {scale}",
            es: "{value} no es un número entero de la escala {scale}",
        },
        NotNumber {
            en: "{value} is not a number",
            de: "{value} ist keine Zahl",
            fr: "{value} n’est pas un nombre",
            es: "{value} no es un número",
        },
        UnknownOption {
            en: "{value} is not an option of {question} ({options})",
            de: "{value} ist keine Antwortmöglichkeit von {question} ({options})",
            fr: "{value} n’est pas une option de {question} ({options})",
            es: "{value} no es una opción de {question} ({options})",
        },
        UnknownOptionOfMany {
            en: "{value} is not an option of {question} ({options}, … {total} in all)",
            de: "{value} ist keine Antwortmöglichkeit von {question} ({options}, … insgesamt {total})",
            fr: "{value} n’est pas une option de {question} ({options}, … {total} au total)",
            es: "{value} no es una opción de {question} ({options}, … {total} en total)",
        },
        GivenTwice {
            en: "{column} is given twice in this row",
            de: "{column} kommt in diesem Datensatz zweimal vor",
            fr: "{column} figure deux fois dans cet enregistrement",
            es: "{column} aparece dos veces en este registro",
        },
        CellNotUtf8 {
            en: "is not valid UTF-8",
            de: "ist kein gültiges UTF-8",
            fr: "n’est pas de l’UTF-8 valide",
            es: "no es UTF-8 válido",
        },
        ReservedForBlank {
            en: "{value} is reserved for blank answers; leave the cell empty instead",
            de: "{value} steht für leere Antworten; lassen Sie die Zelle stattdessen leer",
            fr: "{value} est réservé aux réponses vides\u{202f}; laissez plutôt la cellule vide",
            es: "{value} está reservado para las respuestas en blanco; deje la celda vacía",
        },
        EmptyRankingItem {
            en: "the ranking has an empty item",
            de: "die Reihenfolge hat einen leeren Eintrag",
            fr: "le classement contient un élément vide",
            es: "la clasificación tiene un elemento vacío",
        },
        EmptyAnswerItem {
            en: "the answer has an empty item",
            de: "die Antwort hat einen leeren Eintrag",
            fr: "la réponse contient un élément vide",
            es: "la respuesta tiene un elemento vacío",
        },
        RankedTwice {
            en: "{value} is ranked twice",
            de: "{value} steht zweimal in der Reihenfolge",
            fr: "{value} est classé deux fois",
            es: "{value} aparece dos veces en la clasificación",
        },
        ChosenTwice {
            en: "{value} is chosen twice",
            de: "{value} ist zweimal gewählt",
            fr: "{value} est choisi deux fois",
            es: "{value} está elegido dos veces",
        },
        NoneWithOthers {
            en: "{option} cannot be chosen together with other options",
            de: "{option} kann nicht zusammen mit anderen Antwortmöglichkeiten gewählt werden",
            fr: "{option} ne peut pas être choisi avec d’autres options",
            es: "{option} no se puede elegir junto con otras opciones",
        },
        WrongFieldCountOne {
            en: "the row has {found} field, the header has {expected}",
            de: "der Datensatz hat {found} Feld, die Kopfzeile hat {expected}",
            fr: "l’enregistrement a {found} champ, l’en-tête en a {expected}",
            es: "el registro tiene {found} campo, el encabezado tiene {expected}",
        },
        WrongFieldCount {
            en: "the row has {found} fields, the header has {expected}",
            de: "der Datensatz hat {found} Felder, die Kopfzeile hat {expected}",
            fr: "l’enregistrement a {found} champs, l’en-tête en a {expected}",
            es: "el registro tiene {found} campos, el encabezado tiene {expected}",
        },
        RowNotObject {
            en: "the row is {found}, not a JSON object",
            de: "der Datensatz ist {found}, kein JSON-Objekt",
            fr: "l’enregistrement est {found}, pas un objet JSON",
            es: "el registro es {found}, no un objeto JSON",
        },
        EmptyKey {
            en: "a key is empty",
            de: "ein Schlüssel ist leer",
            fr: "une clé est vide",
            es: "una clave está vacía",
        },
        RankingItemNotText {
            en: "ranking items must be option labels, found {found}",
            de: "Einträge einer Reihenfolge müssen Antwortmöglichkeiten sein, gefunden: {found}",
            fr: "les éléments d’un classement doivent être des libellés d’options, trouvé\u{a0}: {found}",
            es: "los elementos de una clasificación deben ser etiquetas de opciones; se encontró {found}",
        },
        NotSingleValue {
            en: "expected a single value, found {found}",
            de: "ein einzelner Wert wurde erwartet, gefunden: {found}",
            fr: "une seule valeur était attendue, trouvé\u{a0}: {found}",
            es: "se esperaba un solo valor; se encontró {found}",
        },
        AnArray { en: "an array", de: "ein Array", fr: "un tableau", es: "un array" },
        AnObject { en: "an object", de: "ein Objekt", fr: "un objet", es: "un objeto" },
        AString { en: "a string", de: "eine Zeichenkette", fr: "une chaîne", es: "una cadena" },
        ANumber { en: "a number", de: "eine Zahl", fr: "un nombre", es: "un número" },
        TrueOrFalse { en: "true or false", de: "true oder false", fr: "true ou false", es: "true o false" },
        Null { en: "null", de: "null", fr: "null", es: "null" },
        FileEmpty {
            en: "the file is empty",
            de: "die Datei ist leer",
            fr: "le fichier est vide",
            es: "el archivo está vacío",
        },
        FileNotUtf8 {
            en: "the file is not valid UTF-8: line {line}, byte offset {offset}",
            de: "die Datei ist kein gültiges UTF-8: Zeile {line}, Byte-Position {offset}",
            fr: "le fichier n’est pas de l’UTF-8 valide\u{a0}: ligne {line}, position d’octet {offset}",
            es: "el archivo no es UTF-8 válido: línea {line}, posición de byte {offset}",
        },
        DuplicateColumn {
            en: "the header has column {name} twice (columns {first} and {second})",
            de: "die Kopfzeile enthält die Spalte {name} zweimal (Spalten {first} und {second})",
            fr: "l’en-tête contient deux fois la colonne {name} (colonnes {first} et {second})",
            es: "el encabezado tiene dos veces la columna {name} (columnas {first} y {second})",
        },
        EmptyColumnName {
            en: "column {column} of the header has no name",
            de: "Spalte {column} der Kopfzeile hat keinen Namen",
            fr: "la colonne {column} de l’en-tête n’a pas de nom",
            es: "la columna {column} del encabezado no tiene nombre",
        },
        MissingColumn {
            en: "the file has no column for question {ids}",
            de: "der Datei fehlt die Spalte für Frage {ids}",
            fr: "le fichier n’a pas de colonne pour la question {ids}",
            es: "el archivo no tiene columna para la pregunta {ids}",
        },
        MissingColumns {
            en: "the file has no column for questions {ids}",
            de: "der Datei fehlen die Spalten für die Fragen {ids}",
            fr: "le fichier n’a pas de colonne pour les questions {ids}",
            es: "el archivo no tiene columnas para las preguntas {ids}",
        },
        InvalidJson {
            en: "invalid JSON at line {line}, column {column}: {detail}",
            de: "ungültiges JSON in Zeile {line}, Spalte {column}: {detail}",
            fr: "JSON non valide à la ligne {line}, colonne {column}\u{a0}: {detail}",
            es: "JSON no válido en la línea {line}, columna {column}: {detail}",
        },
        ExpectedAfterObject {
            en: "expected `,` or `]` after an object",
            de: "nach einem Objekt wird `,` oder `]` erwartet",
            fr: "`,` ou `]` attendu après un objet",
            es: "se esperaba `,` o `]` después de un objeto",
        },
        ArrayNotClosed {
            en: "the array is not closed with `]`",
            de: "das Array wird nicht mit `]` geschlossen",
            fr: "le tableau n’est pas fermé par `]`",
            es: "el array no se cierra con `]`",
        },
        DataAfterEnd {
            en: "unexpected data after the end",
            de: "unerwartete Daten nach dem Ende",
            fr: "données inattendues après la fin",
            es: "datos inesperados después del final",
        },
        ExpectedObject {
            en: "expected a JSON object",
            de: "ein JSON-Objekt wird erwartet",
            fr: "un objet JSON est attendu",
            es: "se esperaba un objeto JSON",
        },
        ExpectedValue {
            en: "expected a value",
            de: "ein Wert wird erwartet",
            fr: "une valeur est attendue",
            es: "se esperaba un valor",
        },
        ExpectedTokens {
            en: "expected {tokens}",
            de: "{tokens} wird erwartet",
            fr: "{tokens} attendu",
            es: "se esperaba {tokens}",
        },
        Or { en: "or", de: "oder", fr: "ou", es: "o" },
        TrailingComma {
            en: "a comma before the closing bracket",
            de: "ein Komma vor der schließenden Klammer",
            fr: "une virgule avant le crochet fermant",
            es: "una coma antes del corchete de cierre",
        },
        KeyNotString {
            en: "a key must be a string in quotes",
            de: "ein Schlüssel muss eine Zeichenkette in Anführungszeichen sein",
            fr: "une clé doit être une chaîne entre guillemets",
            es: "una clave debe ser una cadena entre comillas",
        },
        EndOfInput {
            en: "the file ends in the middle of a value",
            de: "die Datei endet mitten in einem Wert",
            fr: "le fichier se termine au milieu d’une valeur",
            es: "el archivo termina en medio de un valor",
        },
        NotValidJsonHere {
            en: "the text here is not valid JSON",
            de: "der Text an dieser Stelle ist kein gültiges JSON",
            fr: "le texte à cet endroit n’est pas du JSON valide",
            es: "el texto en este punto no es JSON válido",
        },
        LimitExceeded {
            en: "limit {limit} ({value}) exceeded",
            de: "Grenzwert {limit} ({value}) überschritten",
            fr: "limite {limit} ({value}) dépassée",
            es: "límite {limit} ({value}) superado",
        },
        LimitExceededAtLine {
            en: "limit {limit} ({value}) exceeded at line {line}",
            de: "Grenzwert {limit} ({value}) in Zeile {line} überschritten",
            fr: "limite {limit} ({value}) dépassée à la ligne {line}",
            es: "límite {limit} ({value}) superado en la línea {line}",
        },
        LimitExceededAtColumn {
            en: "limit {limit} ({value}) exceeded at line {line}, column {column}",
            de: "Grenzwert {limit} ({value}) in Zeile {line}, Spalte {column} überschritten",
            fr: "limite {limit} ({value}) dépassée à la ligne {line}, colonne {column}",
            es: "límite {limit} ({value}) superado en la línea {line}, columna {column}",
        },
        NoResponseRows {
            en: "the file has no response rows",
            de: "die Datei enthält keine Antwortzeilen",
            fr: "le fichier ne contient aucune ligne de réponse",
            es: "el archivo no contiene filas de respuestas",
        },
        NoUsableRows {
            en: "no usable rows: {problem}",
            de: "keine verwendbaren Zeilen: {problem}",
            fr: "aucune ligne utilisable\u{a0}: {problem}",
            es: "ninguna fila utilizable: {problem}",
        },
        NoUsableRowsAndOneMore {
            en: "no usable rows: {problem} (and {more} more problem)",
            de: "keine verwendbaren Zeilen: {problem} (und {more} weiteres Problem)",
            fr: "aucune ligne utilisable\u{a0}: {problem} (et {more} autre problème)",
            es: "ninguna fila utilizable: {problem} (y {more} problema más)",
        },
        SkippedProblem {
            en: "skipped {file}: {problem}",
            de: "übersprungen in {file}: {problem}",
            fr: "ignoré dans {file}\u{a0}: {problem}",
            es: "omitido en {file}: {problem}",
        },
        MoreProblemsOne {
            en: "… and {n} more problem",
            de: "… und {n} weiteres Problem",
            fr: "… et {n} autre problème",
            es: "… y {n} problema más",
        },
        MoreProblemsOther {
            en: "… and {n} more problems",
            de: "… und {n} weitere Probleme",
            fr: "… et {n} autres problèmes",
            es: "… y {n} problemas más",
        },
        SkippedRows {
            en: "skipped {skipped} of {read} rows with problems (use --strict to stop at the first)",
            de: "{skipped} von {read} Zeilen mit Problemen übersprungen (mit --strict beim ersten anhalten)",
            fr: "lignes ignorées pour cause de problème\u{a0}: {skipped} sur {read} (--strict arrête au premier)",
            es: "filas omitidas por problemas: {skipped} de {read} (use --strict para detenerse en el primero)",
        },
        NoUsableRowsAndMore {
            en: "no usable rows: {problem} (and {more} more problems)",
            de: "keine verwendbaren Zeilen: {problem} (und {more} weitere Probleme)",
            fr: "aucune ligne utilisable\u{a0}: {problem} (et {more} autres problèmes)",
            es: "ninguna fila utilizable: {problem} (y {more} problemas más)",
        },
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
    fn problem_display_matches_the_documented_form() {
        let outside = Cause::OutsideScale { value: "\"7\"".into(), min: 1, max: 5 };
        let p = Problem::new(1205, 1204, Some("en2".into()), outside);
        assert_eq!(p.to_string(), "line 1,205 (row 1,204), column en2: \"7\" is outside 1–5");
        assert_eq!(p.describe(Lang::De), "Zeile 1.205 (Datensatz 1.204), Spalte en2: \"7\" liegt außerhalb der Skala 1–5");
        let p = Problem::new(3, 2, None, Cause::EmptyKey);
        assert_eq!(p.to_string(), "line 3 (row 2): a key is empty");
    }

    #[test]
    fn json_parser_messages_are_worded() {
        let json = |message: &str| IngestError::Json { line: 2, column: 9, message: message.into() };
        assert_eq!(json("expected `,` or `}`").to_string(), "invalid JSON at line 2, column 9: expected `,` or `}`");
        assert_eq!(json("expected `,` or `}`").describe(Lang::De), "ungültiges JSON in Zeile 2, Spalte 9: `,` oder `}` wird erwartet");
        assert_eq!(
            json("EOF while parsing a list").describe(Lang::Es),
            "JSON no válido en la línea 2, columna 9: el archivo termina en medio de un valor"
        );
        assert_eq!(
            json("invalid escape").describe(Lang::Fr),
            "JSON non valide à la ligne 2, colonne 9\u{a0}: le texte à cet endroit n’est pas du JSON valide"
        );
    }
}
