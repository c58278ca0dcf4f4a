//! Analyse comments from a JSON Lines file (or `-` for stdin) and print one JSON object per line.
//! Stand-in for `secpulse comments` until the CLI lands; used by `bench/comments/eval.sh`.
//!
//! `cargo run --release --example comments -- FILE [--bench]`: with `--bench`, time the analysis of
//! every `text` in FILE repeated until at least 100,000 comments (or `--n=N`), and print comments/s
//! instead (`--labels`: labels without evidence, the dashboard's bulk path).

use secpulse::text::{analyze_jsonl, Analyzer};
use std::io::{self, BufReader, Read};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "-".into());
    let mut data = String::new();
    if path == "-" {
        io::stdin().read_to_string(&mut data)?;
    } else {
        data = std::fs::read_to_string(&path)?;
    }
    let analyzer = Analyzer::new();
    if args.iter().any(|a| a == "--bench") {
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        let want = args.iter().find_map(|a| a.strip_prefix("--n=")).and_then(|n| n.parse().ok()).unwrap_or(100_000usize);
        let reps = want.div_ceil(texts.len().max(1));
        let labels_only = args.iter().any(|a| a == "--labels");
        let start = std::time::Instant::now();
        let mut n = 0usize;
        let mut checksum = 0usize;
        for _ in 0..reps {
            for t in &texts {
                checksum += if labels_only { analyzer.labels(t).themes.len() } else { analyzer.analyze(t).themes.len() };
                n += 1;
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let what = if labels_only { "labels only" } else { "with evidence" };
        println!("{n} comments ({what}) in {secs:.3} s = {:.0} comments/s (checksum {checksum})", n as f64 / secs);
        return Ok(());
    }
    let stdout = io::stdout();
    let report = analyze_jsonl(&analyzer, BufReader::new(data.as_bytes()), stdout.lock())?;
    for e in &report.errors {
        eprintln!("{path}: {e}");
    }
    Ok(())
}
