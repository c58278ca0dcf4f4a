//! Fuzzes the CSV reader and scoring of whatever it reads (must never panic).
#![no_main]

use libfuzzer_sys::fuzz_target;
use secpulse::ingest::{read_responses, ErrorPolicy, Format, IngestOptions, Limits};
use secpulse::instrument::Instrument;
use secpulse::views::{score, ScoreOptions};

fuzz_target!(|data: &[u8]| {
    let ins = Instrument::default_instrument();
    let tight = Limits { max_bytes: 1 << 20, max_rows: 200, max_columns: 64, max_field_bytes: 4096 };
    for policy in [ErrorPolicy::SkipRow, ErrorPolicy::Fail] {
        let options = IngestOptions { policy, limits: tight };
        if let Ok(read) = read_responses(&ins, data, Format::Csv, &options) {
            let by: Vec<String> = read.table.segments.iter().map(|s| s.name.clone()).collect();
            let wave = by.last().cloned();
            let _ = score(&ins, &read.table, &ScoreOptions { by, wave, ..Default::default() });
        }
    }
});
