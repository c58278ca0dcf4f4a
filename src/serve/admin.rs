//! Admin routes behind the token of `--admin-token-file` (compared in constant time):
//! a summary, the stored answers as JSON Lines or CSV (in storage order, unrelated to
//! arrival), and publishing the aggregates-only report for the public page.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::api::{internal, Refusal};
use super::publish::published_report;
use super::App;
use crate::ingest::{self, ErrorPolicy, Format, IngestOptions};
use crate::store::Store;

/// True when `given` equals `token`; the time taken does not depend on where they differ or
/// on their lengths (both are hashed first).
pub fn token_matches(token: &str, given: &str) -> bool {
    let (a, b) = (Sha256::digest(token.as_bytes()), Sha256::digest(given.as_bytes()));
    a.ct_eq(&b).into()
}

/// Lets a request through only with `Authorization: Bearer <token>`.
pub async fn require_token(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let Some(token) = &app.config.admin_token else {
        let message = "Admin routes are off: start secpulse serve with --admin-token-file.";
        return Refusal::new(StatusCode::NOT_FOUND, "admin_off", message).into_response();
    };
    let given = request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| token_matches(token, g.trim())) {
        let mut response = Refusal::new(StatusCode::UNAUTHORIZED, "bad_token", "A valid admin token is needed.").into_response();
        response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        return response;
    }
    let mut response = next.run(request).await;
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    response
}

/// Runs `f` on a read-only connection off the async threads.
async fn with_store<T: Send + 'static>(app: &App, f: impl FnOnce(&Store) -> Result<T, String> + Send + 'static) -> Result<T, Response> {
    let db = app.config.db.clone();
    let done = tokio::task::spawn_blocking(move || Store::open_read_only(&db).map_err(|e| e.to_string()).and_then(|s| f(&s))).await;
    done.map_err(|e| internal(&e.to_string()))?.map_err(|e| internal(&e))
}

/// `GET /api/admin/summary`: counts of answers and codes, and whether the survey is open.
pub async fn summary(State(app): State<Arc<App>>) -> Response {
    match with_store(&app, |s| s.counts().map_err(|e| e.to_string())).await {
        Ok(counts) => Json(json!({
            "responses": counts.responses,
            "invites": counts.invites,
            "invites_used": counts.invites_used,
            "accepted_since_start": app.counters.accepted.load(Ordering::Relaxed),
            "refused_since_start": app.counters.refused.load(Ordering::Relaxed),
            "open": app.config.window.closed_message(super::window::now()).is_none(),
            "wave": app.config.wave,
            "widgets": super::assets::widgets_built(),
        }))
        .into_response(),
        Err(response) => response,
    }
}

/// `GET /api/admin/responses.jsonl`: every stored answer, one JSON object a line.
pub async fn export_jsonl(State(app): State<Arc<App>>) -> Response {
    match with_store(&app, |s| s.export_jsonl().map_err(|e| e.to_string())).await {
        Ok(bytes) => attachment(bytes, "application/x-ndjson", "responses.jsonl"),
        Err(response) => response,
    }
}

/// `GET /api/admin/responses.csv`: every stored answer as CSV with the instrument's columns.
pub async fn export_csv(State(app): State<Arc<App>>) -> Response {
    let instrument = app.config.instrument.clone();
    let csv = with_store(&app, move |s| {
        let jsonl = s.export_jsonl().map_err(|e| e.to_string())?;
        if jsonl.is_empty() {
            return Ok(Vec::new());
        }
        let options = IngestOptions { policy: ErrorPolicy::SkipRow, ..IngestOptions::default() };
        let table = ingest::read_responses(&instrument, &jsonl, Format::Json, &options).map_err(|e| e.to_string())?.table;
        let mut out = Vec::new();
        ingest::write_csv(&instrument, &table, &mut out).map_err(|e| e.to_string())?;
        Ok(out)
    })
    .await;
    match csv {
        Ok(bytes) => attachment(bytes, "text/csv; charset=utf-8", "responses.csv"),
        Err(response) => response,
    }
}

fn attachment(bytes: Vec<u8>, kind: &'static str, name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    ([(header::CONTENT_TYPE, kind.to_string()), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response()
}

/// What `POST /api/admin/publish` may ask for.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PublishRequest {
    /// Columns to break the report down by.
    #[serde(default)]
    by: Vec<String>,
}

/// `POST /api/admin/publish` (body optional: `{"by": ["department"]}`): scores the stored
/// answers through the disclosure layer, decided with the earlier publications' records,
/// and stores the rounded aggregates-only report the public page shows; answers with it, or
/// 422 with the reason (e.g. a published wave has grown since: publish once per closed wave).
pub async fn publish(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: PublishRequest = if body.is_empty() {
        PublishRequest::default()
    } else if !headers.get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json")) {
        return Refusal::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "not_json", "Send application/json.").into_response();
    } else {
        match serde_json::from_slice(&body) {
            Ok(request) => request,
            Err(e) => return Refusal::new(StatusCode::BAD_REQUEST, "bad_json", e.to_string()).into_response(),
        }
    };
    let (db, instrument, min_group) = (app.config.db.clone(), app.config.instrument.clone(), app.config.min_group);
    let made = tokio::task::spawn_blocking(move || -> Result<Result<String, String>, String> {
        let mut store = Store::open(&db).map_err(|e| e.to_string())?;
        let jsonl = store.export_jsonl().map_err(|e| e.to_string())?;
        let prior = store.publication_records().map_err(|e| e.to_string())?;
        let (report, record) = match published_report(&instrument, &jsonl, &request.by, min_group, &prior) {
            Ok(made) => made,
            Err(refused) => return Ok(Err(refused)),
        };
        store.set_published(&report, &record).map_err(|e| e.to_string())?;
        Ok(Ok(report))
    })
    .await;
    match made {
        Ok(Ok(Ok(report))) => ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], report).into_response(),
        Ok(Ok(Err(refused))) => Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, "cannot_publish", refused).into_response(),
        Ok(Err(e)) => internal(&e),
        Err(e) => internal(&e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::token_matches;

    #[test]
    fn tokens_match_exactly() {
        assert!(token_matches("s3cret-token", "s3cret-token"));
        assert!(!token_matches("s3cret-token", "s3cret-tokem"));
        assert!(!token_matches("s3cret-token", ""));
        assert!(!token_matches("s3cret-token", "s3cret-token-and-more"));
    }
}
