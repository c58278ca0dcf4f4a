//! The www/ files embedded at build time (see build.rs), answered with their type, the
//! Content-Security-Policy, an ETag and `no-cache` (revalidate, then 304).

use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

include!(concat!(env!("OUT_DIR"), "/www_files.rs"));

/// The policy every page runs under: no inline script, no eval, only wasm compilation.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'none'";

/// The pages of the server, by URL path.
const PAGES: [(&str, &str); 3] = [("", "serve/index.html"), ("admin", "serve/admin.html"), ("report", "serve/report.html")];

/// Whether this binary holds the survey and dashboard widgets (scripts/build-wasm.sh had built www/pkg and www/secpulse-survey.js).
pub fn widgets_built() -> bool {
    WIDGETS_BUILT
}

/// The embedded file at `path` (no leading slash), with its ETag.
pub fn lookup(path: &str) -> Option<(&'static [u8], &'static str)> {
    let path = PAGES.iter().find(|(url, _)| *url == path).map_or(path, |(_, file)| file);
    FILES.binary_search_by(|(p, _, _)| (*p).cmp(path)).ok().map(|i| (FILES[i].1, FILES[i].2))
}

/// The media type of a file name.
fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Answers GET and HEAD for an embedded file; anything else is 404, 405 or (widgets missing) 503.
pub async fn static_file(method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "GET, HEAD")], "method not allowed\n").into_response();
    }
    let path = uri.path().trim_start_matches('/');
    let Some((bytes, etag)) = lookup(path) else {
        // Only a plain widget path gets the "not built" answer; `pkg/../…` is not a widget.
        let widget =
            WIDGET_FILES.contains(&path) || (path.starts_with("pkg/") && !path.split('/').any(|part| part == ".." || part.is_empty()));
        if widget && !WIDGETS_BUILT {
            let why = "this secpulse binary was built before scripts/build-wasm.sh ran, so it holds no survey or dashboard widgets; \
                       run scripts/build-wasm.sh and build secpulse again\n";
            return (StatusCode::SERVICE_UNAVAILABLE, why).into_response();
        }
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    };
    let file = PAGES.iter().find(|(url, _)| *url == path).map_or(path, |(_, file)| file);
    let fresh = headers.get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes());
    let mut response = if fresh { StatusCode::NOT_MODIFIED.into_response() } else { bytes.into_response() };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(file)));
    h.insert(header::ETAG, HeaderValue::from_static(etag));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    response
}
