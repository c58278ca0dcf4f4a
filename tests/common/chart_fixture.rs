//! A hand-built response table for chart and filter tests: departments of very
//! different sizes (including groups of 3 and 4 people), three waves, comments.

#![allow(dead_code)]

use secpulse::ingest::{ResponseTable, SegmentColumn, MISSING};
use secpulse::instrument::Instrument;

/// Department sizes: Engineering is large and critical, Finance small but positive,
/// Legal (3) and Procurement (4) must never be shown at k = 5.
pub const DEPARTMENTS: [(&str, usize, i32); 6] =
    [("Engineering", 120, -1), ("IT", 60, 0), ("Sales", 45, 0), ("Finance", 30, 1), ("Legal", 3, 1), ("Procurement", 4, -1)];

/// Comments the fixture's respondents write (bias-free: picked by row).
pub const COMMENTS: [&str; 6] = [
    "They help",
    "They always say no and reviews take weeks.",
    "They found a way to make our launch work, thank you!",
    "Great phishing training, very clear.",
    "Nobody knows who they are or how to reach them.",
    "Approvals are slow but the people are friendly.",
];

/// Deterministic pseudo-random numbers (xorshift) so tests need no RNG crate.
pub struct Noise(u64);

impl Noise {
    pub fn new(seed: u64) -> Noise {
        Noise(seed.max(1))
    }
    pub fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Builds the table, with the department of every row set and waves W1..W3 spread evenly.
pub fn table(instrument: &Instrument) -> ResponseTable {
    table_with(instrument, &DEPARTMENTS)
}

/// Like [`table`], with custom department names and sizes.
pub fn table_with(instrument: &Instrument, departments: &[(&str, usize, i32)]) -> ResponseTable {
    let mut t = ResponseTable::for_instrument(instrument);
    let mut noise = Noise::new(42);
    let reverse: Vec<bool> = t.answers.iter().map(|c| instrument.likert_items().iter().any(|i| i.id == c.id && i.reverse)).collect();
    let dept = t.segments.iter().position(|s| s.name == "department").expect("department column");
    t.segments[dept].labels = departments.iter().map(|d| d.0.to_string()).collect();
    let mut wave = SegmentColumn {
        name: "wave".into(),
        labels: vec!["2025-W1".into(), "2025-W2".into(), "2026-W1".into()],
        codes: Default::default(),
    };
    let mut row = 0usize;
    for (d, &(_, size, bias)) in departments.iter().enumerate() {
        for _ in 0..size {
            let w = (row % 3) as i32;
            for (c, col) in t.answers.iter_mut().enumerate() {
                let v = match col.id.as_str() {
                    "nps" => (noise.next(11) as i32 + bias * 2 + w).clamp(0, 10),
                    "en_balance" => (noise.next(7) as i32 + 1 + bias * 2).clamp(1, 7),
                    _ => {
                        let base = noise.next(5) as i32 + 1 + bias + if w == 2 { 1 } else { 0 };
                        let v = base.clamp(1, 5);
                        if reverse[c] {
                            6 - v
                        } else {
                            v
                        }
                    }
                };
                col.values.push(if noise.next(40) == 0 { MISSING } else { v as u8 });
            }
            for s in t.segments.iter_mut() {
                s.codes.push(if s.name == "department" { d as u32 } else { noise.next(s.labels.len() as u64) as u32 });
            }
            wave.codes.push(w as u32);
            if noise.next(3) == 0 {
                // Varied tone, stance and themes, picked by row (not by `noise`, so answers stay put).
                let text = COMMENTS[(row + d) % COMMENTS.len()];
                t.texts[0].entries.push((row as u32, text.into()));
            }
            row += 1;
        }
    }
    t.segments.push(wave);
    t.rows = row;
    t
}
