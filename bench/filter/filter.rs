//! Filter change, natively: builds [`Views`] over a response file once, then times
//! `Views::report` for filtered views (what the dashboard does when a filter changes): first
//! with scores only, then as the dashboard sets it up (wave column `wave`, comments analysed).
//!
//! ```text
//! cargo run --release --no-default-features --example filter_change -- bench/instrument.json /tmp/r1M.csv [runs]
//! ```
//! Prints one line per measure: median, min and max of `runs` (default 5) in milliseconds.

use std::time::Instant;

use secpulse::ingest::{read_responses, Format, IngestOptions, ResponseTable};
use secpulse::instrument::Instrument;
use secpulse::privacy::CommentOptions;
use secpulse::views::{View, ViewConfig, Views};

/// Median, min and max of `times` (milliseconds).
fn spread(mut times: Vec<f64>) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0], times[times.len() - 1])
}

/// Times `f` `runs` times and prints the median (min–max) under `name`.
fn time(name: &str, runs: usize, mut f: impl FnMut()) {
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let (median, min, max) = spread(times);
    println!("{name}\t{median:.1} ms\t({min:.1}–{max:.1})");
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, instrument, responses, rest @ ..] = args.as_slice() else {
        return Err("usage: filter_change INSTRUMENT.json RESPONSES.csv [runs]".into());
    };
    let runs: usize = rest.first().map_or(Ok(5), |r| r.parse())?;
    let instrument = Instrument::from_json(&std::fs::read_to_string(instrument)?)?;
    let bytes = std::fs::read(responses)?;
    let table = read_responses(&instrument, &bytes, Format::Csv, &IngestOptions::default())?.table;
    drop(bytes);
    let plain = ViewConfig::default();
    let dashboard = ViewConfig { wave: Some("wave".into()), comments: Some(CommentOptions::default()), ..ViewConfig::default() };
    for (setup, config) in [("scores only", plain), ("wave + comments", dashboard)] {
        measure(&instrument, table.clone(), config, setup, runs)?;
    }
    Ok(())
}

/// Loads `table` into views under `config`, then times the filtered views.
fn measure(
    instrument: &Instrument,
    table: ResponseTable,
    config: ViewConfig,
    setup: &str,
    runs: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let first = |views: &Views, column: &str| views.table().segment(column).map(|s| s.labels[0].clone()).unwrap_or_default();
    let start = Instant::now();
    let mut views = Views::new(instrument.clone(), table, config, None);
    views.report(&View::default())?;
    println!("{setup}: load (views + policy + first report)\t{:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    let (department, role) = (first(&views, "department"), first(&views, "role"));
    let cases = [
        ("everyone by department", View::by("department")),
        ("by role, department = first", View::by("role").showing("department", &department)),
        ("by department, role = first", View::by("department").showing("role", &role)),
    ];
    for (name, view) in cases {
        time(&format!("{setup}: {name}"), runs, || {
            views.report(&view).expect("the view is shown");
        });
    }
    Ok(())
}
