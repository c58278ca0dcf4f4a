//! The published report of stored answers: scored and released through the disclosure layer
//! (`views`), then rounded by `report::publish_json`. Aggregates only, never a raw number.

use crate::ingest::{self, ErrorPolicy, Format, IngestOptions};
use crate::instrument::Instrument;
use crate::privacy::{CommentOptions, MinGroup};
use crate::score::comments::AnalyzedComments;
use crate::text::Analyzer;
use crate::views::{score_with_comments, ScoreOptions};

/// The report to publish for the answers in `jsonl` (the database's export), broken down
/// by the columns `by`, with waves when the answers have a `wave`.
pub fn published_report(instrument: &Instrument, jsonl: &[u8], by: &[String], min_group: MinGroup) -> Result<String, String> {
    if jsonl.is_empty() {
        return Err("there are no answers to publish yet".to_string());
    }
    let options = IngestOptions { policy: ErrorPolicy::SkipRow, ..IngestOptions::default() };
    let ingested = ingest::read_responses(instrument, jsonl, Format::Json, &options).map_err(|e| e.to_string())?;
    let table = &ingested.table;
    let wave = table.segment("wave").map(|_| "wave".to_string());
    let comment_options = CommentOptions::default();
    let analyzed = AnalyzedComments::new(&Analyzer::new(), table);
    let score_options = ScoreOptions { by: by.to_vec(), wave, min_group };
    let report = score_with_comments(instrument, table, &score_options, Some((&analyzed, &comment_options))).map_err(|e| e.to_string())?;
    Ok(crate::report::publish_json(&report))
}
