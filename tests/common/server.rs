//! A `secpulse serve` process on 127.0.0.1 (port chosen by the OS) for tests, and a tiny
//! HTTP/1.1 client over std's TcpStream (one request per connection, `Connection: close`).

#![allow(dead_code)] // each test file uses a different part

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The admin token every test server is started with.
pub const TOKEN: &str = "test-admin-token-0123456789";

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// The database file.
    pub db: PathBuf,
    log: Arc<Mutex<String>>,
}

/// One HTTP response.
#[derive(Debug)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The header block, lower-cased.
    pub headers: String,
    /// The body (de-chunked).
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The value of header `name` (lower case), if present.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_string))
    }
}

/// A fresh directory for one test, removed with everything in it when dropped (after the test's server,
/// which is declared after it).
pub fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("secpulse-serve-{name}-")).tempdir().unwrap()
}

/// Runs the secpulse binary with `args` and returns its stdout (panics on failure).
pub fn secpulse(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_secpulse")).args(args).output().expect("secpulse runs");
    assert!(out.status.success(), "secpulse {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

impl Server {
    /// Starts `secpulse serve` on `dir/survey.db` with the admin token and no rate limit, plus `extra` options.
    pub fn start(dir: &Path, extra: &[&str]) -> Server {
        let token_file = dir.join("admin.token");
        std::fs::write(&token_file, TOKEN).unwrap();
        let db = dir.join("survey.db");
        let mut args: Vec<String> = ["serve", "--listen", "127.0.0.1:0"].map(String::from).to_vec();
        args.extend(["--db".to_string(), db.display().to_string(), "--admin-token-file".into(), token_file.display().to_string()]);
        if !extra.contains(&"--rate-limit") {
            args.extend(["--rate-limit".to_string(), "0".to_string()]);
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        Server::spawn(&args, db)
    }

    /// Starts `secpulse serve` with exactly `args`.
    pub fn spawn(args: &[String], db: PathBuf) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_secpulse"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("secpulse serve starts");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let log = Arc::new(Mutex::new(String::new()));
        let mut addr = None;
        for line in lines.by_ref() {
            let line = line.unwrap();
            log.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(rest) = line.split("listening on http://").nth(1) {
                addr = Some(rest.split('/').next().unwrap().to_string());
                break;
            }
        }
        let addr = addr.unwrap_or_else(|| panic!("server did not start: {}", log.lock().unwrap()));
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                sink.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        Server { child, addr, db, log }
    }

    /// Sends one request and reads the whole reply.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut head =
            format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n", self.addr, body.len());
        for (name, value) in headers {
            head += &format!("{name}: {value}\r\n");
        }
        head += "\r\n";
        let mut raw = head.into_bytes();
        raw.extend_from_slice(body);
        self.raw(&raw)
    }

    /// Sends raw bytes and parses the reply.
    pub fn raw(&self, bytes: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        // The server may answer (413) and close before reading everything: that is fine.
        let _ = stream.write_all(bytes);
        let mut reply = Vec::new();
        let _ = stream.read_to_end(&mut reply);
        parse(&reply)
    }

    /// POSTs `body` as JSON, with an invite code header when given.
    pub fn post(&self, body: &str, code: Option<&str>) -> Reply {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(code) = code {
            headers.push(("X-Secpulse-Code", code));
        }
        self.request("POST", "/api/responses", &headers, body.as_bytes())
    }

    /// GETs an admin route with the right token.
    pub fn admin(&self, path: &str) -> Reply {
        self.request("GET", &format!("/api/admin/{path}"), &[("Authorization", &format!("Bearer {TOKEN}"))], b"")
    }

    /// What the server has written to stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Sends SIGTERM and waits; returns the exit success and the log.
    pub fn stop(mut self) -> (bool, String) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let ok = self.child.wait().map(|s| s.success()).unwrap_or(false);
        std::thread::sleep(Duration::from_millis(50));
        (ok, self.log())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse(reply: &[u8]) -> Reply {
    let split = reply.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(reply.len());
    let head = String::from_utf8_lossy(&reply[..split]).to_lowercase();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut body = reply.get(split + 4..).unwrap_or_default().to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    Reply { status, headers: head, body }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[end + 2..(end + 2 + size).min(data.len())]);
        data = data.get(end + 4 + size..).unwrap_or_default();
    }
    out
}
