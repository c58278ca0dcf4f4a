//! The published report of stored answers: released through the disclosure layer with the
//! records of the database's earlier publications (`Views::publish_after`), so a later report
//! cannot be subtracted from an earlier one, then rounded by `report::publish_json`.
//! Aggregates only, never a raw number.

use crate::ingest::{self, ErrorPolicy, Format, IngestOptions};
use crate::instrument::Instrument;
use crate::privacy::prior::Publication;
use crate::privacy::{CommentOptions, MinGroup};
use crate::views::{Protection, View, ViewConfig, Views};

/// The report to publish for the answers in `jsonl` (the database's export), broken down by
/// the columns `by`, decided with the earlier publications `prior` (in JSON); returns it with
/// this publication's record (JSON) to store for the next one.
pub fn published_report(
    instrument: &Instrument,
    jsonl: &[u8],
    by: &[String],
    min_group: MinGroup,
    prior: &[String],
) -> Result<(String, String), String> {
    if jsonl.is_empty() {
        return Err("there are no answers to publish yet".to_string());
    }
    let prior: Vec<Publication> = prior
        .iter()
        .map(|r| serde_json::from_str(r).map_err(|e| format!("a stored publication record is unreadable: {e}")))
        .collect::<Result<_, _>>()?;
    let options = IngestOptions { policy: ErrorPolicy::SkipRow, ..IngestOptions::default() };
    let table = ingest::read_responses(instrument, jsonl, Format::Json, &options).map_err(|e| e.to_string())?.table;
    let Some(wave) = table.segment("wave").map(|_| "wave".to_string()) else {
        return Err("the answers have no wave: start `secpulse serve` with --wave so each publication can be recorded".to_string());
    };
    let config = ViewConfig { wave: Some(wave), min_group, comments: Some(CommentOptions::default()), protection: Protection::Linked };
    let mut views = Views::new(instrument.clone(), table, config, None);
    let (json, publication) = views.publish_after(&View { by: by.to_vec(), ..View::default() }, &prior).map_err(|e| e.to_string())?;
    let record = publication.ok_or("the answers have no wave, so this publication cannot be recorded")?;
    Ok((json, serde_json::to_string(&record).map_err(|e| e.to_string())?))
}
