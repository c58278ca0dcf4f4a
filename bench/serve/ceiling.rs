//! The ceiling for `secpulse serve`'s load benchmark: a bare axum + SQLite server that only
//! inserts each POSTed body (WAL, synchronous=FULL, one connection behind a mutex, one
//! transaction per request). No validation, no limits: what storing alone costs here.
//!
//! cargo run --example serve_ceiling -- 127.0.0.1:8081 /tmp/ceiling.db

use std::sync::{Arc, Mutex};

use axum::{body::Bytes, extract::State, http::StatusCode, routing::post, Router};
use rusqlite::Connection;

#[tokio::main]
async fn main() {
    let mut argv = std::env::args().skip(1);
    let addr = argv.next().unwrap_or_else(|| "127.0.0.1:8081".into());
    let db = argv.next().unwrap_or_else(|| "ceiling.db".into());
    let conn = Connection::open(db).unwrap();
    conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS r (body TEXT NOT NULL);").unwrap();
    let state = Arc::new(Mutex::new(conn));
    let app = Router::new()
        .route(
            "/api/responses",
            post(|State(db): State<Arc<Mutex<Connection>>>, body: Bytes| async move {
                let text = String::from_utf8_lossy(&body).into_owned();
                match db.lock().unwrap().execute("INSERT INTO r (body) VALUES (?1)", [text]) {
                    Ok(_) => StatusCode::CREATED,
                    Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
                }
            }),
        )
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(&addr).await.unwrap();
    eprintln!("ceiling: listening on http://{addr}/");
    axum::serve(listener, app).await.unwrap();
}
