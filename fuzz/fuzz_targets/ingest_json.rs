//! Fuzzes the JSON reader and scoring of whatever it reads (must never panic).
#![no_main]

#[path = "common/ingest.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::read_and_score(data, secpulse::ingest::Format::Json));
