//! Native ingest throughput: `read_responses` of a whole file in memory, and `ChunkedReader`
//! fed 8 MB pieces, each timed over several runs after a warm-up; medians in MB/s.
//!
//!   cargo run --release --example ingest_speed -- bench/instrument.json data.csv [runs=5]
//!
//! With `stream` as the third argument, reads the file once from disk in 8 MB pieces instead
//! (never holding it whole; for the peak memory of reading alone, under `/usr/bin/time -v`).

use std::io::Read;
use std::time::Instant;

use secpulse::ingest::{read_responses, ChunkedReader, Format, IngestOptions};
use secpulse::instrument::Instrument;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, instrument, data, ..] = &args[..] else {
        eprintln!("usage: ingest_speed INSTRUMENT.json DATA.csv [RUNS]");
        std::process::exit(2);
    };
    let instrument = Instrument::from_json(&std::fs::read_to_string(instrument).expect("instrument")).expect("instrument");
    if args.get(3).is_some_and(|a| a == "stream") {
        return stream(&instrument, data);
    }
    let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(5);
    let bytes = std::fs::read(data).expect("data");
    let options = IngestOptions::default();
    let whole = || read_responses(&instrument, &bytes, Format::Csv, &options).expect("read").table.rows;
    let pieces = || {
        let mut reader = ChunkedReader::new(&instrument, None, &options).with_size_hint(bytes.len());
        for piece in bytes.chunks(8 << 20) {
            reader.push(piece);
        }
        reader.finish().expect("read").table.rows
    };
    let mb = bytes.len() as f64 / 1e6;
    for (name, read) in [("whole", &whole as &dyn Fn() -> usize), ("8 MB pieces", &pieces)] {
        let rows = read();
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(read());
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[runs / 2];
        println!("{name}: {rows} rows, {mb:.0} MB, median {:.0} ms, {:.0} MB/s", median * 1e3, mb / median);
    }
}

/// Reads `data` from disk in 8 MB pieces, once.
fn stream(instrument: &Instrument, data: &str) {
    let t = Instant::now();
    let mut file = std::fs::File::open(data).expect("data");
    let size = file.metadata().expect("data").len() as usize;
    let mut reader = ChunkedReader::new(instrument, None, &IngestOptions::default()).with_size_hint(size);
    let mut piece = vec![0; 8 << 20];
    loop {
        let n = file.read(&mut piece).expect("read");
        if n == 0 {
            break;
        }
        reader.push(&piece[..n]);
    }
    let bytes = reader.bytes_pushed();
    let rows = reader.finish().expect("read").table.rows;
    let s = t.elapsed().as_secs_f64();
    println!("stream: {rows} rows, {:.0} MB, {:.0} ms, {:.0} MB/s", bytes as f64 / 1e6, s * 1e3, bytes as f64 / 1e6 / s);
}
