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
//! This works because a published wave does not change: the record keeps each wave's size
//! and a later policy refuses ([`PriorError::WaveChanged`]) when a published wave has gained or
//! lost respondents. Publish a wave once its collection is closed.

use serde::{Deserialize, Serialize};

use super::disclosure::Measure;

/// What one publication released.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    /// The instrument the responses were scored against, as `id@version`.
    pub instrument: String,
    /// The wave column.
    pub wave_column: String,
    /// Each wave in the published responses, with its respondents then.
    pub waves: Vec<WaveSize>,
    /// Every statistic released, with its population.
    pub released: Vec<Release>,
}

/// One wave of a publication and its size when it was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveSize {
    /// The wave's value in the wave column.
    pub wave: String,
    /// Respondents in that wave.
    pub respondents: usize,
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
    /// A published wave has gained or lost respondents since.
    WaveChanged {
        /// The wave.
        wave: String,
        /// Its respondents when published.
        published: usize,
        /// Its respondents now.
        now: usize,
    },
    /// A released population names a column or value these responses do not have.
    UnknownGroup {
        /// The column.
        column: String,
        /// The value.
        value: String,
    },
}

impl std::fmt::Display for PriorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PriorError::NoWaveColumn => {
                write!(f, "publishing again needs a wave column: without one, nothing tells the rows already published from new ones")
            }
            PriorError::OtherInstrument { published, now } => {
                write!(f, "the earlier publication scored instrument {published}, these responses are scored with {now}")
            }
            PriorError::OtherWaveColumn { published, now } => {
                write!(f, "the earlier publication used wave column {published:?}, this one uses {now:?}")
            }
            PriorError::WaveChanged { wave, published, now } => write!(
                f,
                "wave {wave:?} had {published} respondents when it was published and has {now} now: \
                 publishing it again would let a reader subtract the two reports (publish a wave once, after it closes)"
            ),
            PriorError::UnknownGroup { column, value } => {
                write!(f, "the earlier publication shows {column} = {value:?}, which these responses do not have")
            }
        }
    }
}

impl std::error::Error for PriorError {}
