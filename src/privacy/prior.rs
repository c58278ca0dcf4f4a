//! Publishing again: what an earlier publication released, so that a later one is decided
//! with it.
//!
//! Two reports of the same responses, published a week apart, can be subtracted: "Finance"
//! in wave 1 (published in March) from "Finance" over waves 1 and 2 (published in September)
//! is Finance in wave 2, even when the September report hides that group because it holds one
//! person. A [`Publication`] records, for one publication, which statistic was released for
//! which population (column and value labels, never rows) and how many respondents each wave
//! had. A later policy starts from those releases as things the reader already knows
//! ([`super::disclosure::Policy::with_prior`]), so every difference across publications rests
//! on 0 or at least k contributors as well.
//!
//! This works because a published wave does not change: the record keeps a digest of each
//! wave's rows (blank-wave rows as a wave of their own) and a later policy refuses
//! ([`PriorError::WaveChanged`]) when a published wave has gained, lost or changed a row.
//! Publish a wave once its collection is closed.
//!
//! A record holds no answers, but it lists what was refused, and a digest of a wave of one row
//! can be checked against guesses of that row: keep records as private as the responses (the
//! collector keeps them in its database).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::disclosure::Measure;
use crate::ingest::{ResponseTable, NO_ANSWER};
use crate::instrument::Instrument;
use crate::lang::{catalog, Catalog, Lang};

/// What one publication released.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    /// The instrument the responses were scored against, as `id@version`.
    pub instrument: String,
    /// The wave column.
    pub wave_column: String,
    /// Each wave in the published responses, with a digest of its rows then.
    pub waves: Vec<WaveDigest>,
    /// Every statistic released, with its population.
    pub released: Vec<Release>,
}

/// One wave of a publication and a digest of its rows when it was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveDigest {
    /// The wave's value in the wave column (`(no answer)` for rows without one).
    pub wave: String,
    /// SHA-256 (hex) over the SHA-256 of each of the wave's rows (as JSON), in sorted order:
    /// the same for the same rows in any order, different when any answer differs.
    pub digest: String,
}

/// One released statistic and the population it describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Release {
    /// The statistic.
    pub measure: Measure,
    /// The population as `(column, value)` literals; empty = everyone.
    pub population: Vec<(String, String)>,
}

/// Why an earlier publication cannot be taken into account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PriorError {
    /// The responses have no wave column, so nothing tells the published rows from new ones.
    NoWaveColumn,
    /// The publication scored another instrument (or version).
    OtherInstrument {
        /// `id@version` of the publication.
        published: String,
        /// `id@version` now.
        now: String,
    },
    /// The publication used another wave column.
    OtherWaveColumn {
        /// The publication's wave column.
        published: String,
        /// The wave column now.
        now: String,
    },
    /// A published wave has gained, lost or changed a row since.
    WaveChanged {
        /// The wave.
        wave: String,
    },
    /// A released population names a column or value these responses do not have.
    UnknownGroup {
        /// The column.
        column: String,
        /// The value.
        value: String,
    },
}

impl PriorError {
    /// Why publishing again is refused, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let q = |s: &str| format!("{s:?}");
        match self {
            PriorError::NoWaveColumn => Words::NoWaveColumn.text(lang),
            PriorError::OtherInstrument { published, now } => Words::OtherInstrument.fill(lang, &[("published", published), ("now", now)]),
            PriorError::OtherWaveColumn { published, now } => {
                Words::OtherWaveColumn.fill(lang, &[("published", &q(published)), ("now", &q(now))])
            }
            PriorError::WaveChanged { wave } => Words::WaveChanged.fill(lang, &[("wave", &q(wave))]),
            PriorError::UnknownGroup { column, value } => Words::UnknownGroup.fill(lang, &[("column", column), ("value", &q(value))]),
        }
    }
}

impl std::fmt::Display for PriorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

catalog! {
    /// Why publishing again is refused.
    pub(crate) enum Words {
        NoWaveColumn {
            en: "publishing again needs a wave column: without one, nothing tells the rows already published from new ones",
            de: "erneutes Veröffentlichen braucht eine Spalte für die Runde: ohne sie lassen sich bereits veröffentlichte Zeilen nicht von neuen unterscheiden",
            fr: "publier à nouveau nécessite une colonne de vague\u{a0}: sans elle, rien ne distingue les lignes déjà publiées des nouvelles",
            es: "volver a publicar necesita una columna de ronda: sin ella, nada distingue las filas ya publicadas de las nuevas",
        },
        OtherInstrument {
            en: "the earlier publication scored instrument {published}, these responses are scored with {now}",
            de: "die frühere Veröffentlichung wurde mit dem Fragebogen {published} ausgewertet, diese Antworten mit {now}",
            fr: "la publication précédente utilisait le questionnaire {published}, ces réponses sont évaluées avec {now}",
            es: "la publicación anterior usó el cuestionario {published}; estas respuestas se evalúan con {now}",
        },
        OtherWaveColumn {
            en: "the earlier publication used wave column {published}, this one uses {now}",
            de: "die frühere Veröffentlichung nutzte die Rundenspalte {published}, diese nutzt {now}",
            fr: "la publication précédente utilisait la colonne de vague {published}, celle-ci utilise {now}",
            es: "la publicación anterior usó la columna de ronda {published}; esta usa {now}",
        },
        WaveChanged {
            en: "wave {wave} has changed since it was published (answers added, removed or edited): publishing it again would let a reader subtract the two reports (publish a wave once, after it closes)",
            de: "die Runde {wave} hat sich seit ihrer Veröffentlichung geändert (Antworten hinzugefügt, entfernt oder bearbeitet): eine erneute Veröffentlichung ließe Lesende die beiden Berichte voneinander abziehen (veröffentlichen Sie eine Runde einmal, nachdem sie abgeschlossen ist)",
            fr: "la vague {wave} a changé depuis sa publication (réponses ajoutées, supprimées ou modifiées)\u{a0}: la publier à nouveau permettrait de soustraire les deux rapports (publiez une vague une seule fois, après sa clôture)",
            es: "la ronda {wave} ha cambiado desde que se publicó (respuestas añadidas, eliminadas o editadas): volver a publicarla permitiría restar los dos informes (publique una ronda una sola vez, después de cerrarla)",
        },
        UnknownGroup {
            en: "the earlier publication shows {column} = {value}, which these responses do not have",
            de: "die frühere Veröffentlichung zeigt {column} = {value}, was in diesen Antworten nicht vorkommt",
            fr: "la publication précédente montre {column} = {value}, absent de ces réponses",
            es: "la publicación anterior muestra {column} = {value}, que no aparece en estas respuestas",
        },
    }
}

impl std::error::Error for PriorError {}

/// Reads a publication record file: one [`Publication`] per line (JSON Lines, the file
/// `secpulse score --publish --record` and the dashboard's Publish keep); blank lines are
/// skipped. The error names the line: `line 3: not a publication record: …`.
///
/// ```
/// use secpulse::privacy::prior::read_records;
/// assert!(read_records("\n").unwrap().is_empty());
/// assert_eq!(read_records("{}").unwrap_err().split(':').next(), Some("line 1"));
/// ```
pub fn read_records(text: &str) -> Result<Vec<Publication>, String> {
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    lines.map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: not a publication record: {e}", i + 1))).collect()
}

/// One line of a publication record file for `publication` (see [`read_records`]).
pub fn record_line(publication: &Publication) -> String {
    serde_json::to_string(publication).expect("a publication serialises") + "\n"
}

/// The digest of every wave of `table` (wave column `wave`, labels `labels`), blank-wave rows
/// as the wave `(no answer)`; `None` when the rows cannot be written.
pub(crate) fn wave_digests(instrument: &Instrument, table: &ResponseTable, wave: usize, labels: &[String]) -> Option<Vec<WaveDigest>> {
    let mut json = Vec::new();
    crate::ingest::write_json(instrument, table, &mut json).ok()?;
    // One row per line after the opening bracket, each but the last followed by a comma.
    let lines = json.split(|&b| b == b'\n').skip(1).take(table.rows);
    let mut by_wave: BTreeMap<u32, Vec<[u8; 32]>> = BTreeMap::new();
    for (line, code) in lines.zip(table.segments[wave].codes.iter()) {
        let row = line.strip_suffix(b",").unwrap_or(line);
        by_wave.entry(code).or_default().push(Sha256::digest(row).into());
    }
    let digests = by_wave.into_iter().map(|(code, mut rows)| {
        rows.sort_unstable();
        let digest = rows.iter().fold(Sha256::new(), |h, r| h.chain_update(r)).finalize();
        let wave = labels.get(code as usize).cloned().unwrap_or_else(|| NO_ANSWER.to_string());
        WaveDigest { wave, digest: digest.iter().map(|b| format!("{b:02x}")).collect() }
    });
    Some(digests.collect())
}
