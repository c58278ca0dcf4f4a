//! Train the learned layer of the comment analyser and write `src/text/model.bin`, or
//! cross-validate it. See bench/comments/README.md.
//!
//! `cargo run --release --example train_comments [-- --data DIR] [--out FILE]`: trains on
//! DIR/comments-dev.jsonl + DIR/comments-dev2.jsonl (DIR defaults to `../shared/data`, beside the
//! repository) and the own batches of `train::OWN_SETS`, and writes FILE (default
//! `src/text/model.bin`).
//!
//! `... -- --cv K --pred-dir DIR2`: grouped K-fold cross-validation over the dev sets, with the own
//! batches in every fold's training data only (`--no-own` leaves them out); writes one prediction
//! file per dev set to DIR2 (`comments-dev.cv.jsonl`, ...) for `shared/bench/eval_comments.py`.
//! `--steps N`, `--l2 X`, `--balance P`, `--theme-shift B` override the training hyper-parameters (for choosing them
//! on cross-validation).

use secpulse::text::train::{cross_validate, read_labelled_file, read_own_sets, train, Config, Labelled};
use std::path::{Path, PathBuf};

const SETS: [&str; 2] = ["comments-dev", "comments-dev2"];

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

/// The value of `--name`, parsed, or `default`.
fn parsed<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    arg(args, name).map_or(Ok(default), |v| v.parse().map_err(|e| format!("{name} {v}: {e}")))
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(arg(&args, "--data").unwrap_or_else(|| "../shared/data".into()));
    let sets: Vec<(&str, Vec<Labelled>)> =
        SETS.iter().map(|name| Ok((*name, read_labelled_file(&dir.join(format!("{name}.jsonl")))?))).collect::<Result<_, String>>()?;
    let own = if args.iter().any(|a| a == "--no-own") { Vec::new() } else { read_own_sets(Path::new(env!("CARGO_MANIFEST_DIR")))? };
    let defaults = Config::default();
    let config = Config {
        steps: parsed(&args, "--steps", defaults.steps)?,
        l2: parsed(&args, "--l2", defaults.l2)?,
        balance: parsed(&args, "--balance", defaults.balance)?,
        theme_shift: parsed(&args, "--theme-shift", defaults.theme_shift)?,
    };
    let dev: Vec<Labelled> = sets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
    if let Some(k) = arg(&args, "--cv") {
        let k: usize = k.parse().map_err(|e| format!("--cv {k}: {e}"))?;
        let out = PathBuf::from(arg(&args, "--pred-dir").unwrap_or_else(|| "bench/results/comments".into()));
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let mut preds = cross_validate(&dev, &own, k, &config)?.into_iter();
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
    let all: Vec<Labelled> = dev.into_iter().chain(own).collect();
    let bytes = train(&all, &config);
    write(Path::new(&arg(&args, "--out").unwrap_or_else(|| "src/text/model.bin".into())), &bytes)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
