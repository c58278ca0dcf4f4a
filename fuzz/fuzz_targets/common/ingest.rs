//! The body the CSV and JSON ingest fuzz targets share: read `data` as `format` under tight
//! limits with both error policies, then score whatever was read (must never panic).

use secpulse::ingest::{read_responses, ErrorPolicy, Format, IngestOptions, Limits};
use secpulse::instrument::Instrument;
use secpulse::views::{score, ScoreOptions};

/// Reads and scores `data` as `format`.
pub fn read_and_score(data: &[u8], format: Format) {
    let ins = Instrument::default_instrument();
    let tight = Limits { max_bytes: 1 << 20, max_rows: 200, max_columns: 64, max_field_bytes: 4096 };
    for policy in [ErrorPolicy::SkipRow, ErrorPolicy::Fail] {
        let options = IngestOptions { policy, limits: tight };
        if let Ok(read) = read_responses(&ins, data, format, &options) {
            let by: Vec<String> = read.table.segments.iter().map(|s| s.name.clone()).collect();
            let wave = by.last().cloned();
            let _ = score(&ins, &read.table, &ScoreOptions { by, wave, ..Default::default() });
        }
    }
}
