//! Fuzzes comment redaction (must never panic; output stays proportional to input).
#![no_main]

use libfuzzer_sys::fuzz_target;
use secpulse::privacy::redact::Redactor;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (out, _) = Redactor::new(&["Jane Doe", "Ørjan", "a.b"]).redact(text);
        assert!(out.len() <= 8 * text.len() + 8);
    }
});
