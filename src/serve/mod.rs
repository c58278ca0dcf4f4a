//! `secpulse serve`: the HTTP collector (native only, feature `serve`).
//!
//! One process: the embedded www/ files ([`assets`]), `POST /api/responses` checked with the
//! form's own core check and stored by one writer thread in durable group commits
//! ([`writer`], [`crate::store`]), admin routes behind a token ([`admin`]) and the public
//! page of the published report. Nothing about a request is stored or logged besides the
//! answer itself: no address, agent, header, cookie or time.

pub mod admin;
pub mod api;
pub mod assets;
pub mod limit;
pub mod publish;
pub mod window;
pub mod writer;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{ConnectInfo, DefaultBodyLimit};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::instrument::Instrument;
use crate::privacy::MinGroup;
use limit::RateLimiter;
use window::Window;
use writer::Writer;

/// Largest accepted request body: a full response with every free text at its maximum fits.
pub const MAX_BODY: usize = 64 * 1024;
/// Longest a client may take to send its request headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest a request may take from headers to answer (slow bodies included).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// How long shutdown waits for requests in flight before closing their connections.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);
/// Most connections served at once; more wait in the listen queue.
const MAX_CONNECTIONS: usize = 4096;

/// Everything `secpulse serve` is started with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The SQLite database (created if missing).
    pub db: PathBuf,
    /// Address to listen on, e.g. `127.0.0.1:8080` (port 0: any free port).
    pub listen: String,
    /// The instrument answers are checked against.
    pub instrument: Instrument,
    /// The survey round written into answers without one; answers for another round are refused.
    pub wave: Option<String>,
    /// When answers are taken.
    pub window: Window,
    /// Every answer needs an unused invite code (`secpulse invites`).
    pub invites: bool,
    /// Origins of other pages allowed to POST answers (CORS).
    pub allow_origins: Vec<String>,
    /// The admin token; admin routes are off without one.
    pub admin_token: Option<String>,
    /// Answers a minute from one client (0: no limit).
    pub rate_limit: u32,
    /// A header set by a trusted reverse proxy with the client's address (for the rate limit).
    pub client_ip_header: Option<String>,
    /// The minimum group size of the published report.
    pub min_group: MinGroup,
}

/// Counts since start, for the admin summary and the log line on shutdown.
#[derive(Default)]
pub struct Counters {
    /// Answers stored.
    pub accepted: AtomicU64,
    /// Answers refused (any reason).
    pub refused: AtomicU64,
}

/// The state every handler shares.
pub struct App {
    /// How the server was started.
    pub config: Config,
    /// The writer thread's queue.
    pub writer: Writer,
    /// The per-client rate limit (no addresses kept).
    pub limiter: Mutex<RateLimiter>,
    /// Counts since start.
    pub counters: Counters,
}

/// The routes, with body limit, timeout, compression and CORS.
pub fn router(app: Arc<App>) -> Router {
    let admin = Router::new()
        .route("/summary", get(admin::summary))
        .route("/responses.jsonl", get(admin::export_jsonl))
        .route("/responses.csv", get(admin::export_csv))
        .route("/publish", post(admin::publish))
        .route_layer(axum::middleware::from_fn_with_state(app.clone(), admin::require_token));
    let origins: Vec<HeaderValue> = app.config.allow_origins.iter().filter_map(|o| o.parse().ok()).collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, HeaderName::from_static(api::CODE_HEADER)]);
    let public_api = Router::new()
        .route("/responses", post(api::submit))
        .route("/status", get(api::status))
        .route("/report.json", get(api::published))
        .layer(cors);
    Router::new()
        .nest("/api/admin", admin)
        .nest("/api", public_api)
        .route("/healthz", get(api::healthz))
        .fallback(assets::static_file)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .with_state(app)
}

/// Runs the server until SIGTERM or SIGINT, then finishes requests in flight, stores the
/// last answers, checkpoints the database and rewrites it in key order (`Store::seal`). Prints `listening on http://ADDR/` on stderr.
pub fn run(config: Config) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| format!("cannot start: {e}"))?;
    let (writer, writer_thread) = Writer::start(&config.db).map_err(|e| e.to_string())?;
    if !assets::widgets_built() {
        eprintln!("secpulse serve: warning: built without the survey and dashboard widgets (www/pkg or www/secpulse-survey.js was missing); run scripts/build-wasm.sh and build again");
    }
    if !config.invites {
        eprintln!(
            "secpulse serve: warning: without --invites anyone who can reach the form can answer many times, \
             for example k − 1 made-up answers in a small group to get it shown and then subtract their own (docs/privacy.md)"
        );
    }
    let limiter = Mutex::new(RateLimiter::new(config.rate_limit));
    let app = Arc::new(App { config, writer, limiter, counters: Counters::default() });
    let served = runtime.block_on(serve(app.clone()));
    let (accepted, refused) = (app.counters.accepted.load(Ordering::Relaxed), app.counters.refused.load(Ordering::Relaxed));
    drop(app);
    drop(runtime);
    writer_thread.join().map_err(|_| "the writer thread failed".to_string())?;
    eprintln!("secpulse serve: stopped; {accepted} answers stored and {refused} refused since start; database checkpointed and sealed");
    served
}

/// Accepts connections until a shutdown signal, then drains them.
async fn serve(app: Arc<App>) -> Result<(), String> {
    let listener = TcpListener::bind(&app.config.listen).await.map_err(|e| format!("cannot listen on {}: {e}", app.config.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!("secpulse serve: listening on http://{address}/  (database {})", app.config.db.display());
    let routes = router(app);
    let (stop, stopped) = watch::channel(false);
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut connections = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown_signal());
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.map_err(|e| e.to_string())?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    eprintln!("secpulse serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        connections.spawn(connection(routes.clone(), stream, peer, stopped.clone(), permit));
        while connections.try_join_next().is_some() {}
    }
    while connections.try_join_next().is_some() {}
    eprintln!("secpulse serve: shutting down, finishing {} open connections", connections.len());
    drop(listener);
    let _ = stop.send(true);
    if tokio::time::timeout(DRAIN_TIMEOUT, async { while connections.join_next().await.is_some() {} }).await.is_err() {
        eprintln!("secpulse serve: closing {} connections still open after {DRAIN_TIMEOUT:?}", connections.len());
        connections.abort_all();
    }
    Ok(())
}

/// Serves one connection (HTTP/1.1, keep-alive) until it closes or shutdown asks it to.
async fn connection(
    routes: Router,
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    mut stop: watch::Receiver<bool>,
    _permit: tokio::sync::OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let service = hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
        let mut request = request.map(axum::body::Body::new);
        request.extensions_mut().insert(ConnectInfo(peer));
        routes.clone().oneshot(request)
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    let mut conn = std::pin::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => return,
        _ = stop.wait_for(|stop| *stop) => conn.as_mut().graceful_shutdown(),
    }
    let _ = conn.await;
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C).
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
