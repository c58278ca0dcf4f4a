//! A quick, opt-in timing of the readers on a generated file (not part of `cargo test`).
//!
//! ```text
//! python3 shared/bench/gen_responses.py --n 1000000 --seed 1 --format csv > DIR/r.csv
//! # DIR/instrument.json: an instrument matching the generator's codebook
//! SECPULSE_BENCH_DIR=DIR cargo test --release --test ingest_timing -- --ignored --nocapture
//! ```

use std::time::Instant;

use secpulse::ingest::{read_responses, Format, IngestOptions};
use secpulse::instrument::Instrument;

#[test]
#[ignore = "needs SECPULSE_BENCH_DIR with generated data"]
fn ingest_throughput() {
    let dir = std::env::var("SECPULSE_BENCH_DIR").expect("SECPULSE_BENCH_DIR");
    let ins = Instrument::from_json(&std::fs::read_to_string(format!("{dir}/instrument.json")).unwrap()).unwrap();
    let mut tables = Vec::new();
    for (file, format) in [("r.csv", Format::Csv), ("r.json", Format::Json)] {
        let Ok(bytes) = std::fs::read(format!("{dir}/{file}")) else { continue };
        let first = read_responses(&ins, &bytes, format, &IngestOptions::default()).unwrap();
        tables.push(first.table);
        for _ in 0..3 {
            let (t, cpu) = (Instant::now(), cpu_seconds());
            let ing = read_responses(&ins, &bytes, format, &IngestOptions::default()).unwrap();
            let (s, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            let mb = bytes.len() as f64 / 1e6;
            println!(
                "{file}: {} rows, {mb:.1} MB: wall {s:.3} s = {:.0} MB/s, CPU {cpu:.2} s = {:.0} MB/s ({} problems)",
                ing.table.rows,
                mb / s,
                mb / cpu,
                ing.summary.problems_total
            );
        }
    }
    if let [csv, json] = &tables[..] {
        assert!(csv == json, "the CSV and JSON files give different tables");
        println!("CSV and JSON give the same table");
    }
}

/// CPU time of this process (user + system), from /proc: the machine may be shared.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<f64> = after_name.split_whitespace().map(|f| f.parse().unwrap_or(0.0)).collect();
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second).
    (fields.get(11).unwrap_or(&0.0) + fields.get(12).unwrap_or(&0.0)) / 100.0
}
