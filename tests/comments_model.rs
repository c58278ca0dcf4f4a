//! The committed weights of the comment analyser's learned layer (`src/text/model.bin`) are what
//! the training command produces from the two development sets and the own batches
//! (`train::OWN_SETS`): retraining reproduces them byte for byte. The development sets live beside
//! the repository (`../shared/data`, or `SECPULSE_COMMENTS_DATA`); on a machine without them the
//! check says so and passes.

use secpulse::text::train::{read_labelled, read_own_sets, train, Config};
use secpulse::text::Analyzer;
use std::path::PathBuf;

const COMMITTED: &[u8] = include_bytes!("../src/text/model.bin");

#[test]
fn retraining_reproduces_the_committed_weights() {
    let dir = std::env::var("SECPULSE_COMMENTS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let mut data = Vec::new();
    for name in ["comments-dev.jsonl", "comments-dev2.jsonl"] {
        let path = dir.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("SKIPPED: {} not found (set SECPULSE_COMMENTS_DATA to the directory of the dev sets)", path.display());
            return;
        };
        data.extend(read_labelled(&text, name).expect("the dev sets parse"));
    }
    data.extend(read_own_sets(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the own batches parse"));
    let retrained = train(&data, &Config::default());
    assert!(
        retrained == COMMITTED,
        "retrained weights differ from src/text/model.bin: run `cargo run --release --example train_comments` and commit"
    );
}

#[test]
fn the_committed_weights_load_and_other_bytes_are_refused() {
    assert!(Analyzer::with_model(COMMITTED).is_ok());
    let err = Analyzer::with_model(&COMMITTED[..100]).err().expect("a truncated model is refused");
    assert!(err.contains("bytes"), "{err}");
}
