//! The public API: `POST /api/responses`, `GET /api/status`, `GET /api/report.json`, `/healthz`.

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

use super::{window, App};
use crate::ingest::row_check::{canonical_row, check_row, RowError};
use crate::store::{code_hash, Outcome, Store, Submission};

/// The request header that carries an invite code (never stored: only its hash is looked up).
pub const CODE_HEADER: &str = "x-secpulse-code";
/// The row key the survey round is in.
const WAVE: &str = "wave";

/// A refusal: status, a short machine-readable `error`, a sentence for people, and the row
/// check's positioned problems when there are any.
pub struct Refusal {
    status: StatusCode,
    error: &'static str,
    message: String,
    problems: Vec<RowError>,
}

impl Refusal {
    /// A refusal without row problems.
    pub fn new(status: StatusCode, error: &'static str, message: impl Into<String>) -> Refusal {
        Refusal { status, error, message: message.into(), problems: Vec::new() }
    }
}

/// The body of every JSON refusal.
#[derive(Serialize)]
struct RefusalBody<'a> {
    error: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [RowError],
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = RefusalBody { error: self.error, message: &self.message, errors: &self.problems };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
        }
        response
    }
}

/// What `GET /api/status` says: whether answers are taken now, and how.
#[derive(Serialize)]
pub struct Status {
    /// True while answers are taken.
    pub open: bool,
    /// Why not, when closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The survey round answers are collected for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// True when every answer needs an invite code.
    pub invites: bool,
}

/// `GET /api/status`.
pub async fn status(State(app): State<Arc<App>>) -> Json<Status> {
    let message = app.config.window.closed_message(window::now());
    Json(Status { open: message.is_none(), message, wave: app.config.wave.clone(), invites: app.config.invites })
}

/// `GET /healthz`: the process answers and the writer takes jobs.
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// `GET /api/report.json`: the published report, or 404 before anything is published.
pub async fn published(State(app): State<Arc<App>>) -> Response {
    let db = app.config.db.clone();
    let found = tokio::task::spawn_blocking(move || Store::open_read_only(&db).and_then(|s| s.published())).await;
    match found {
        Ok(Ok(Some(report))) => ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], report).into_response(),
        Ok(Ok(None)) => Refusal::new(StatusCode::NOT_FOUND, "not_published", "No report has been published yet.").into_response(),
        Ok(Err(e)) => internal(&e.to_string()),
        Err(e) => internal(&e.to_string()),
    }
}

/// A 500 that says nothing about the request; the cause goes to the log.
pub fn internal(cause: &str) -> Response {
    eprintln!("secpulse serve: internal error: {cause}");
    Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "The server could not do this; see its log.").into_response()
}

/// `POST /api/responses`: checks one answer as the form does and stores it durably.
/// 201 once stored; 400 with positioned problems, 403 without a valid code, 409 for a used
/// code, 410 while closed, 413 too large, 415 not JSON, 429 too many from one client.
pub async fn submit(State(app): State<Arc<App>>, ConnectInfo(peer): ConnectInfo<SocketAddr>, headers: HeaderMap, body: Bytes) -> Response {
    let result = accept(&app, peer, &headers, &body).await;
    let counter = match &result {
        Ok(_) => &app.counters.accepted,
        Err(_) => &app.counters.refused,
    };
    counter.fetch_add(1, Ordering::Relaxed);
    match result {
        Ok(()) => (StatusCode::CREATED, Json(json!({ "ok": true }))).into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

async fn accept(app: &App, peer: SocketAddr, headers: &HeaderMap, body: &[u8]) -> Result<(), Refusal> {
    if !is_json(headers) {
        return Err(Refusal::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "not_json", "Send the answers as application/json."));
    }
    let client = client_address(app, peer, headers);
    if !app.limiter.lock().map_or(true, |mut l| l.allow(client)) {
        let message = "Too many answers from your network in the last minute; please try again in a minute.";
        return Err(Refusal::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", message));
    }
    if let Some(message) = app.config.window.closed_message(window::now()) {
        return Err(Refusal::new(StatusCode::GONE, "closed", message));
    }
    let mut row: Value = serde_json::from_slice(body).map_err(|e| {
        Refusal::new(StatusCode::BAD_REQUEST, "bad_json", format!("The body is not JSON: line {}, column {}: {e}", e.line(), e.column()))
    })?;
    check_wave(app, &mut row)?;
    let check = check_row(&app.config.instrument, &row);
    if !check.ok {
        let message = check.errors.iter().map(describe).collect::<Vec<_>>().join("; ");
        return Err(Refusal { status: StatusCode::BAD_REQUEST, error: "invalid", message, problems: check.errors });
    }
    let Some(body) = canonical_row(&app.config.instrument, &row) else {
        return Err(Refusal::new(StatusCode::BAD_REQUEST, "invalid", "The answers do not read as one response."));
    };
    let code_hash = invite_code(app, headers)?;
    let submission = Submission { body, code_hash };
    match app.writer.submit(submission).await {
        Ok(Outcome::Stored) => Ok(()),
        Ok(Outcome::CodeUsed) => Err(Refusal::new(StatusCode::CONFLICT, "code_used", "This invite code has already been used.")),
        Ok(Outcome::CodeUnknown) => {
            Err(Refusal::new(StatusCode::FORBIDDEN, "code_unknown", "This invite code is not valid. Check it for typos."))
        }
        Err(e) => {
            eprintln!("secpulse serve: an answer could not be stored: {e}");
            Err(Refusal::new(StatusCode::SERVICE_UNAVAILABLE, "not_stored", "Your answers could not be stored; please try again."))
        }
    }
}

/// "column en1: …" for one row problem.
fn describe(e: &RowError) -> String {
    match &e.column {
        Some(column) => format!("column {column}: {}", e.message),
        None => e.message.clone(),
    }
}

/// True for `Content-Type: application/json` (any parameters).
fn is_json(headers: &HeaderMap) -> bool {
    let value = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    value.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
}

/// The client's address for the rate limit only: the peer, or the proxy's header when configured.
fn client_address(app: &App, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    let forwarded = app.config.client_ip_header.as_ref().and_then(|name| headers.get(name.as_str()));
    let last_hop = forwarded.and_then(|v| v.to_str().ok()).and_then(|v| v.rsplit(',').next());
    last_hop.and_then(|ip| ip.trim().parse().ok()).unwrap_or(peer.ip())
}

/// With `--wave`, a row without a wave gets it, and a row for another wave is refused.
fn check_wave(app: &App, row: &mut Value) -> Result<(), Refusal> {
    let (Some(wave), Some(fields)) = (&app.config.wave, row.as_object_mut()) else { return Ok(()) };
    match fields.get(WAVE) {
        None => {
            fields.insert(WAVE.to_string(), Value::String(wave.clone()));
            Ok(())
        }
        Some(Value::String(given)) if given == wave => Ok(()),
        Some(_) => Err(Refusal::new(StatusCode::GONE, "wave_closed", format!("This survey collects answers for round {wave} only."))),
    }
}

/// The hash of the request's invite code when codes are on; refuses a missing one.
fn invite_code(app: &App, headers: &HeaderMap) -> Result<Option<[u8; 32]>, Refusal> {
    if !app.config.invites {
        return Ok(None);
    }
    let code = headers.get(CODE_HEADER).and_then(|v| v.to_str().ok()).map(str::trim).filter(|c| !c.is_empty());
    let code = code
        .ok_or_else(|| Refusal::new(StatusCode::FORBIDDEN, "code_required", "This survey needs the invite code from your invitation."))?;
    Ok(Some(code_hash(code)))
}
