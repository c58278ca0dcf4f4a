//! `secpulse serve` over HTTP on 127.0.0.1: status codes, the core row check, invite codes,
//! what is (not) stored, export order, static files and path traversal, admin token, shutdown.

#[path = "common/server.rs"]
mod server;

use server::{secpulse, temp_dir, Server, TOKEN};

const VALID: &str = r#"{"en1":4,"nps":9,"department":"Finance"}"#;

#[test]
fn valid_answers_are_stored_and_bad_ones_refused_with_their_status() {
    let dir = temp_dir("status");
    let server = Server::start(dir.path(), &["--wave", "2026-H1"]);
    assert_eq!(server.post(VALID, None).status, 201);
    let bad = server.post(r#"{"en1":7,"nickname":"x"}"#, None);
    assert_eq!(bad.status, 400);
    let text = bad.text();
    assert!(text.contains("column nickname: is not a question of this survey"), "{text}");
    assert!(text.contains("column en1: 7 is outside 1–5"), "{text}");
    assert!(server.post(r#"{"en1":4,"#, None).text().contains("line 1, column"));
    assert_eq!(server.post(r#"{"en1":4,"#, None).status, 400);
    assert_eq!(server.post(r#"{"department":"Finance"}"#, None).status, 400, "no rating");
    assert_eq!(server.request("POST", "/api/responses", &[], VALID.as_bytes()).status, 415);
    assert_eq!(server.request("POST", "/api/responses", &[("Content-Type", "text/plain")], VALID.as_bytes()).status, 415);
    let huge = format!(r#"{{"en1":4,"does_well":"{}"}}"#, "x".repeat(200_000));
    assert_eq!(server.post(&huge, None).status, 413);
    assert_eq!(server.post(r#"{"en1":4,"wave":"2025-H1"}"#, None).status, 410, "another round");
    assert_eq!(server.request("GET", "/api/responses", &[], b"").status, 405);
    assert_eq!(server.request("GET", "/healthz", &[], b"").status, 200);
    let export = server.admin("responses.jsonl").text();
    assert_eq!(export.lines().count(), 1, "only the valid answer is stored: {export}");
    assert!(export.contains(r#""wave":"2026-H1""#), "the server's wave is written in: {export}");
}

#[test]
fn closed_and_not_yet_open_surveys_answer_410_with_a_message() {
    let dir = temp_dir("closed");
    let closed = Server::start(dir.path(), &["--closes", "2000-01-01"]);
    let reply = closed.post(VALID, None);
    assert_eq!(reply.status, 410);
    assert!(reply.text().contains("closed at 2000-01-01"), "{}", reply.text());
    assert!(closed.request("GET", "/api/status", &[], b"").text().contains(r#""open":false"#));
    drop(closed);
    let later_dir = temp_dir("later");
    let later = Server::start(later_dir.path(), &["--opens", "2999-01-01T09:00Z"]);
    assert!(later.post(VALID, None).text().contains("not open yet"));
}

#[test]
fn the_rate_limit_answers_429_and_keeps_no_address() {
    let dir = temp_dir("rate");
    let server = Server::start(dir.path(), &["--rate-limit", "2"]);
    let statuses: Vec<u16> = (0..3).map(|_| server.post(VALID, None).status).collect();
    assert_eq!(statuses, [201, 201, 429]);
    assert_eq!(server.post(VALID, None).header("retry-after").as_deref(), Some("60"));
}

#[test]
fn invite_codes_are_needed_used_once_and_not_linked_to_answers() {
    let dir = temp_dir("invites");
    let db = dir.path().join("survey.db");
    let codes = secpulse(&["invites", "--db", db.to_str().unwrap(), "--n", "3"]);
    let codes: Vec<&str> = codes.lines().skip(1).collect();
    assert_eq!(codes.len(), 3);
    let server = Server::start(dir.path(), &["--invites"]);
    assert_eq!(server.post(VALID, None).status, 403, "no code");
    assert_eq!(server.post(VALID, Some("0000-0000-0000-0000")).status, 403, "unknown code");
    assert_eq!(server.post(VALID, Some(codes[0])).status, 201);
    assert_eq!(server.post(VALID, Some(codes[0])).status, 409, "reused");
    assert_eq!(server.post(VALID, Some(&codes[1].to_lowercase().replace('-', " "))).status, 201, "typed loosely");
    let summary = server.admin("summary").text();
    assert!(summary.contains(r#""invites_used":2"#) && summary.contains(r#""responses":2"#), "{summary}");
    let (ok, _) = server.stop();
    assert!(ok);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let columns = |table: &str| -> Vec<String> {
        let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')")).unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(columns("responses"), ["key", "body"]);
    assert_eq!(columns("invites"), ["code_hash", "used"]);
    let bytes = std::fs::read(&db).unwrap();
    for code in &codes {
        assert!(!contains(&bytes, code.as_bytes()), "a code in clear in the database");
    }
}

#[test]
fn nothing_about_the_request_is_stored_or_logged() {
    let dir = temp_dir("metadata");
    let server = Server::start(dir.path(), &[]);
    let marker = "Marker answer text that must not reach the log";
    let body = format!(r#"{{"en1":4,"does_well":"{marker}"}}"#);
    let headers = [
        ("Content-Type", "application/json"),
        ("User-Agent", "AgentSmith/9.9 (unique-agent)"),
        ("Cookie", "session=cookie-value-123"),
        ("X-Forwarded-For", "203.0.113.77"),
        ("Referer", "https://intranet.example/people/alice"),
    ];
    assert_eq!(server.request("POST", "/api/responses", &headers, body.as_bytes()).status, 201);
    let (ok, log) = server.stop();
    assert!(ok, "{log}");
    assert!(!log.contains(marker) && !log.contains("203.0.113.77"), "{log}");
    assert!(log.contains("checkpointed"), "{log}");
    let wal = dir.path().join("survey.db-wal");
    assert!(std::fs::metadata(&wal).map_or(true, |m| m.len() == 0), "the log is checkpointed on shutdown");
    let bytes = std::fs::read(dir.path().join("survey.db")).unwrap();
    assert!(contains(&bytes, marker.as_bytes()));
    for needle in ["AgentSmith", "cookie-value", "203.0.113", "127.0.0.1", "alice", "2026", "Mon, "] {
        assert!(!contains(&bytes, needle.as_bytes()), "{needle} is in the database");
    }
}

/// The operator must not tell clients apart by how they wrote the same answers: numbers as
/// `4`, `4.0` or `4e0`, key order, spacing, escaped letters and `null` for a skipped question are
/// all stored as one row, the ingest's own.
#[test]
fn the_same_answers_written_differently_are_stored_identically() {
    let dir = temp_dir("canonical");
    let server = Server::start(dir.path(), &[]);
    let forms = [
        r#"{"en1":4,"nps":9,"department":"Finance","does_well":"Fast"}"#,
        r#"{ "does_well" : "F\u0061st", "department":"Finance", "nps":9.0, "en1":4e0 }"#,
        r#"{"en1":4.0,"en2":null,"nps":9,"department":"Fin\u0061nce","does_well":"Fast"}"#,
    ];
    for body in forms {
        assert_eq!(server.post(body, None).status, 201, "{body}");
    }
    let export = server.admin("responses.jsonl").text();
    let rows: Vec<&str> = export.lines().collect();
    assert_eq!(rows.len(), 3, "{export}");
    assert!(rows.iter().all(|r| *r == rows[0]), "stored rows differ: {export}");
    assert_eq!(rows[0], r#"{"department":"Finance","en1":4,"nps":9,"does_well":"Fast"}"#, "instrument order, integers");
}

#[test]
fn export_order_does_not_follow_arrival() {
    let dir = temp_dir("order");
    let server = Server::start(dir.path(), &[]);
    let n = 200;
    for i in 0..n {
        assert_eq!(server.post(&format!(r#"{{"en1":4,"does_well":"arrival {i:04}"}}"#), None).status, 201);
    }
    let export = server.admin("responses.jsonl").text();
    let order: Vec<f64> = export.lines().map(|l| l.split("arrival ").nth(1).unwrap()[..4].parse::<f64>().unwrap()).collect();
    assert_eq!(order.len(), n);
    // Spearman's rho between export position and arrival: ~N(0, 1/sqrt(n-1)) when unrelated
    // (sd 0.071 here); |rho| > 0.3 would happen by chance about once in 10^5 runs.
    let mean = (n as f64 - 1.0) / 2.0;
    let (mut cov, mut var) = (0.0, 0.0);
    for (position, arrival) in order.iter().enumerate() {
        cov += (position as f64 - mean) * (arrival - mean);
        var += (position as f64 - mean).powi(2);
    }
    let rho = cov / var;
    assert!(rho.abs() < 0.3, "export order follows arrival: rho = {rho}");
    // Nor do neighbours in arrival stay neighbours: few consecutive arrivals are adjacent in the export.
    let adjacent = order.windows(2).filter(|w| (w[0] - w[1]).abs() == 1.0).count();
    assert!(adjacent < 15, "{adjacent} adjacent pairs kept (about 2 expected)");
}

#[test]
fn static_files_have_their_types_and_traversal_finds_nothing() {
    let dir = temp_dir("static");
    let server = Server::start(dir.path(), &[]);
    let js = server.request("GET", "/secpulse.js", &[], b"");
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-type").as_deref(), Some("text/javascript; charset=utf-8"));
    assert!(js.header("content-security-policy").unwrap().contains("script-src 'self' 'wasm-unsafe-eval'"));
    let etag = js.header("etag").unwrap();
    assert_eq!(server.request("GET", "/secpulse.js", &[("If-None-Match", &etag)], b"").status, 304);
    let page = server.request("GET", "/", &[], b"");
    assert!(page.status == 200 && page.text().contains("<secpulse-survey"));
    let wasm = server.request("GET", "/pkg/secpulse_survey_bg.wasm", &[], b"");
    match wasm.status {
        200 => assert_eq!(wasm.header("content-type").as_deref(), Some("application/wasm")),
        503 => assert!(wasm.text().contains("scripts/build-wasm.sh"), "a build without widgets says so"),
        other => panic!("widget file: {other}"),
    }
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/survey/../../Cargo.toml",
        "/serve/..%2f..%2fCargo.toml",
        "//etc/passwd",
        "/pkg/../../build.rs",
        "/..%5c..%5cCargo.toml",
        "/index.html",
        "/.git/config",
    ] {
        let reply = server.request("GET", path, &[], b"");
        assert!(matches!(reply.status, 400 | 404), "{path}: {}", reply.status);
        assert!(!reply.text().contains("[package]") && !reply.text().contains("root:"), "{path}");
    }
    let raw = server.raw(b"GET ../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(matches!(raw.status, 400 | 404), "{}", raw.status);
}

#[test]
fn admin_routes_need_the_token_and_publish_only_the_protected_report() {
    let dir = temp_dir("admin");
    let db = dir.path().join("survey.db");
    secpulse(&["import", "--db", db.to_str().unwrap(), "--synthetic", "300"]);
    let server = Server::start(dir.path(), &[]);
    for auth in [None, Some("Bearer wrong-token-wrong-token"), Some("Bearer "), Some(TOKEN)] {
        let headers: Vec<(&str, &str)> = auth.map(|a| vec![("Authorization", a)]).unwrap_or_default();
        let reply = server.request("GET", "/api/admin/responses.csv", &headers, b"");
        assert_eq!(reply.status, 401, "{auth:?}");
    }
    let csv = server.admin("responses.csv");
    assert_eq!(csv.status, 200);
    assert!(csv.text().starts_with("department,") || csv.text().lines().next().unwrap().contains("en1"));
    assert_eq!(csv.text().lines().count(), 301);
    assert_eq!(server.request("GET", "/api/report.json", &[], b"").status, 404, "nothing published yet");
    let publish = server.request("POST", "/api/admin/publish", &[("Authorization", &format!("Bearer {TOKEN}"))], b"");
    assert_eq!(publish.status, 200, "{}", publish.text());
    let public = server.request("GET", "/api/report.json", &[], b"");
    assert_eq!(public.status, 200);
    let report: serde_json::Value = serde_json::from_slice(&public.body).unwrap();
    assert_eq!(report["respondents"], 300, "{}", &public.text()[..200.min(public.body.len())]);
    // A published wave that grew since may not be published again (it could be subtracted).
    assert_eq!(server.post(r#"{"en1":4,"nps":9,"wave":"2026-H1"}"#, None).status, 201);
    let again = server.request("POST", "/api/admin/publish", &[("Authorization", &format!("Bearer {TOKEN}"))], b"");
    assert_eq!(again.status, 422, "{}", again.text());
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&server.request("GET", "/api/report.json", &[], b"").body).unwrap()["respondents"],
        300
    );
    drop(server);
    let off =
        Server::spawn(&["serve".into(), "--listen".into(), "127.0.0.1:0".into(), "--db".into(), db.display().to_string()], db.clone());
    assert_eq!(off.admin("summary").status, 404, "no token file: admin routes are off");
}

#[test]
fn score_and_backup_read_the_database() {
    let dir = temp_dir("score");
    let db = dir.path().join("survey.db");
    let db = db.to_str().unwrap();
    secpulse(&["import", "--db", db, "--synthetic", "200"]);
    assert!(secpulse(&["score", db]).contains("Respondents: 200"));
    let copy = dir.path().join("copy.db");
    secpulse(&["backup", "--db", db, copy.to_str().unwrap()]);
    assert!(secpulse(&["score", copy.to_str().unwrap()]).contains("Respondents: 200"));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
