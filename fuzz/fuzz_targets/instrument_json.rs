//! Fuzzes instrument loading and validation (must fail cleanly, never panic).
#![no_main]

use libfuzzer_sys::fuzz_target;
use secpulse::instrument::Instrument;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(ins) = Instrument::from_json(text) {
            let _ = ins.likert_items();
            let _ = ins.with_item_summary();
        }
    }
});
