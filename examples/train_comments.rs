//! Train the learned layer of the comment analyser and write `src/text/model.bin`, or
//! cross-validate it. See bench/comments/README.md.
//!
//! `cargo run --release --example train_comments [-- --data DIR] [--out FILE]`: trains on
//! DIR/comments-dev.jsonl + DIR/comments-dev2.jsonl (DIR defaults to `../shared/data`, beside the
//! repository) and writes FILE (default `src/text/model.bin`).
//!
//! `... -- --cv K --pred-dir DIR2`: grouped K-fold cross-validation over the same data; writes
//! one prediction file per input set to DIR2 (`comments-dev.cv.jsonl`, ...) for
//! `shared/bench/eval_comments.py`.

use secpulse::text::train::{cross_validate, read_labelled, train, Labelled};
use secpulse::text::Analyzer;
use std::path::{Path, PathBuf};

const SETS: [&str; 2] = ["comments-dev", "comments-dev2"];

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(arg(&args, "--data").unwrap_or_else(|| "../shared/data".into()));
    let mut sets: Vec<(String, Vec<Labelled>)> = Vec::new();
    for name in SETS {
        let path = dir.join(format!("{name}.jsonl"));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        sets.push((name.to_string(), read_labelled(&text, &path.display().to_string())?));
    }
    let all: Vec<Labelled> = sets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
    if let Some(k) = arg(&args, "--cv") {
        let k: usize = k.parse().map_err(|e| format!("--cv {k}: {e}"))?;
        let out = PathBuf::from(arg(&args, "--pred-dir").unwrap_or_else(|| "bench/results/comments".into()));
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let mut preds = cross_validate(&all, k)?.into_iter();
        for (name, set) in &sets {
            let lines: String = set
                .iter()
                .zip(preds.by_ref())
                .map(|(d, a)| {
                    let themes: Vec<&str> = a.themes.iter().map(|t| t.as_str()).collect();
                    let v = serde_json::json!({"id": d.id, "sentiment": a.sentiment, "stance": a.stance, "themes": themes});
                    format!("{v}\n")
                })
                .collect();
            write(&out.join(format!("{name}.cv.jsonl")), lines.as_bytes())?;
        }
        return Ok(());
    }
    let bytes = train(&Analyzer::new(), &all);
    write(Path::new(&arg(&args, "--out").unwrap_or_else(|| "src/text/model.bin".into())), &bytes)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
