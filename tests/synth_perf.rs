//! Generation speed: `cargo test --release --test synth_perf -- --ignored --nocapture`.

use std::time::Instant;

use secpulse::instrument::Instrument;
use secpulse::synth::{generate, SynthOptions};

/// One million rows of the default instrument; the target is well under a second natively in release.
#[test]
#[ignore]
fn a_million_rows() {
    let ins = Instrument::default_instrument();
    let options = SynthOptions { n: 1_000_000, ..SynthOptions::default() };
    let _warm = generate(&ins, &SynthOptions { n: 10_000, ..options.clone() });
    let start = Instant::now();
    let t = generate(&ins, &options);
    let secs = start.elapsed().as_secs_f64();
    let comments: usize = t.texts.iter().map(|c| c.entries.len()).sum();
    println!("1,000,000 rows in {secs:.3} s ({comments} comments)");
    assert_eq!(t.rows, 1_000_000);
    // Generous bound: the machine running the tests may be shared.
    assert!(secs < 5.0, "{secs} s");
}
