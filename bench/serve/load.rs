//! Load generator for `secpulse serve` (and the ceiling server): N client threads on keep-alive
//! connections POST valid, distinct responses (synthetic answers, each tagged in `does_well`)
//! and report accepted/s and latency percentiles. Loopback only.
//!
//! cargo run --example serve_load -- --addr 127.0.0.1:8080 --clients 200 --total 100000
//!   [--tag T] [--codes FILE] [--acks FILE] [--seconds S]
//! With --codes each request carries the next code of FILE (one per line, CSV header skipped).
//! With --acks the tag of every acknowledged (2xx) response is written to FILE, one a line.
//! A dropped connection is reopened once; a refused connection (a killed server) ends that client.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use secpulse::instrument::Instrument;
use secpulse::synth::{generate, SynthOptions};

struct Args {
    addr: String,
    clients: usize,
    total: usize,
    tag: String,
    codes: Vec<String>,
    acks: Option<String>,
    seconds: u64,
}

fn args() -> Args {
    let mut a =
        Args { addr: "127.0.0.1:8080".into(), clients: 200, total: 100_000, tag: "load".into(), codes: vec![], acks: None, seconds: 600 };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    for pair in argv.chunks(2) {
        let value = pair.get(1).cloned().unwrap_or_default();
        match pair[0].as_str() {
            "--addr" => a.addr = value,
            "--clients" => a.clients = value.parse().expect("--clients N"),
            "--total" => a.total = value.parse().expect("--total N"),
            "--tag" => a.tag = value,
            "--codes" => {
                let text = std::fs::read_to_string(&value).expect("--codes FILE");
                a.codes = text.lines().skip(1).map(|l| l.split(',').next().unwrap_or("").to_string()).collect();
            }
            "--acks" => a.acks = Some(value),
            "--seconds" => a.seconds = value.parse().expect("--seconds S"),
            other => panic!("unknown option {other}"),
        }
    }
    a
}

/// Valid answer bodies: synthetic rows (without free text, which the tag replaces).
fn bodies(n: usize) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let instrument = Instrument::default_instrument();
    let table = generate(&instrument, &SynthOptions { n, seed: 7, ..SynthOptions::default() });
    let mut json = Vec::new();
    secpulse::ingest::write_json(&instrument, &table, &mut json).unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    rows.into_iter()
        .filter_map(|r| r.as_object().cloned())
        .map(|mut r| {
            r.remove("should_change");
            r
        })
        .collect()
}

/// One HTTP/1.1 exchange on a kept-alive connection: the status code.
fn exchange(stream: &mut TcpStream, request: &[u8], buf: &mut Vec<u8>) -> std::io::Result<u16> {
    stream.write_all(request)?;
    buf.clear();
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let length: usize =
                head.lines().find_map(|l| l.strip_prefix("content-length: ")).and_then(|v| v.trim().parse().ok()).unwrap_or(0);
            while buf.len() < end + 4 + length {
                let n = stream.read(&mut chunk)?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or(std::io::ErrorKind::InvalidData.into());
        }
    }
}

fn main() {
    let a = Arc::new(args());
    let templates = Arc::new(bodies(5000));
    let next = Arc::new(AtomicUsize::new(0));
    let stats = Arc::new(Mutex::new((Vec::<u32>::new(), std::collections::BTreeMap::<u16, usize>::new(), 0usize)));
    let acks = Arc::new(Mutex::new(Vec::<String>::new()));
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..a.clients {
        let (a, templates, next, stats, acks) = (a.clone(), templates.clone(), next.clone(), stats.clone(), acks.clone());
        tasks.push(std::thread::spawn(move || {
            let mut stream: Option<TcpStream> = None;
            let mut buf = Vec::new();
            let (mut latencies, mut statuses, mut errors) = (Vec::new(), std::collections::BTreeMap::new(), 0usize);
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= a.total || Instant::now() > deadline {
                    break;
                }
                let tag = format!("{} {i}", a.tag);
                let mut row = templates[i % templates.len()].clone();
                row.insert("does_well".into(), serde_json::Value::String(tag.clone()));
                let body = serde_json::Value::Object(row).to_string();
                let code = a.codes.get(i).map(|c| format!("X-Secpulse-Code: {c}\r\n")).unwrap_or_default();
                let request = format!(
                    "POST /api/responses HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n{code}Content-Length: {}\r\n\r\n{body}",
                    a.addr,
                    body.len()
                );
                let t = Instant::now();
                if stream.is_none() {
                    match TcpStream::connect(&a.addr) {
                        Ok(s) => {
                            let _ = s.set_nodelay(true);
                            stream = Some(s);
                        }
                        Err(_) => {
                            // The server is gone (the crash test killed it): this client stops.
                            errors += 1;
                            break;
                        }
                    }
                }
                match exchange(stream.as_mut().unwrap(), request.as_bytes(), &mut buf) {
                    Ok(status) => {
                        latencies.push(t.elapsed().as_micros() as u32);
                        *statuses.entry(status).or_insert(0) += 1;
                        if (200..300).contains(&status) {
                            mine.push(tag);
                        }
                    }
                    Err(_) => {
                        errors += 1;
                        stream = None;
                    }
                }
            }
            let mut s = stats.lock().unwrap();
            s.0.extend(latencies);
            for (k, v) in statuses {
                *s.1.entry(k).or_insert(0) += v;
            }
            s.2 += errors;
            acks.lock().unwrap().extend(mine);
        }));
    }
    for t in tasks {
        t.join().unwrap();
    }
    let elapsed = started.elapsed().as_secs_f64();
    let (mut latencies, statuses, errors) = std::mem::take(&mut *stats.lock().unwrap());
    latencies.sort_unstable();
    let pct = |p: f64| {
        latencies.get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1))).map_or(0.0, |&us| us as f64 / 1000.0)
    };
    let accepted: usize = statuses.iter().filter(|(s, _)| (200..300).contains(*s)).map(|(_, n)| n).sum();
    let statuses: serde_json::Map<String, serde_json::Value> = statuses.iter().map(|(k, v)| (k.to_string(), (*v).into())).collect();
    let summary = serde_json::json!({
        "clients": a.clients, "requests": latencies.len(), "accepted": accepted, "statuses": statuses,
        "connection_errors": errors, "seconds": (elapsed * 100.0).round() / 100.0,
        "accepted_per_s": (accepted as f64 / elapsed).round(), "p50_ms": pct(0.50), "p99_ms": pct(0.99),
    });
    println!("{summary}");
    if let Some(path) = &a.acks {
        let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
        for tag in acks.lock().unwrap().iter() {
            writeln!(f, "{tag}").unwrap();
        }
    }
}
