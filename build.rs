//! Embeds the www/ files `secpulse serve` hands out (feature `serve` only).
//!
//! Writes `$OUT_DIR/www_files.rs`: a list of `(url path, bytes, etag)` built with
//! `include_bytes!`, `WIDGET_FILES`, and `WIDGETS_BUILT`, false when `www/pkg/` or `www/secpulse-survey.js` (made by
//! scripts/build-wasm.sh, not committed) was missing at build time. A binary built without the widgets then says so
//! on start and answers the widget files with 503 and the fix, never with a silent 404.

use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The demo pages of www/ that score synthetic data in the browser, and the demo's sample
/// report (built by scripts/build-wasm.sh): not part of the server.
const DEMO_PAGES: [&str; 4] = ["index.html", "survey.html", "published.html", "report.json"];
/// The built files the survey and the dashboard load: the survey's one module file
/// (scripts/bundle-survey.sh) and the wasm cores (see www/core.js).
const WIDGET_FILES: [&str; 8] = [
    "secpulse-survey.js",
    "pkg/secpulse_viewer.js",
    "pkg/secpulse_viewer_bg.wasm",
    "pkg/secpulse.js",
    "pkg/secpulse_bg.wasm",
    "pkg/secpulse_survey.js",
    "pkg/secpulse_survey_bg.wasm",
    "pkg/secpulse_survey_instrument.json",
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SERVE");
    if std::env::var_os("CARGO_FEATURE_SERVE").is_none() {
        return;
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("www");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let built = WIDGET_FILES.iter().all(|w| files.iter().any(|(path, _)| path == w));
    let mut code = String::from("/// The embedded www/ files: URL path (no leading slash), contents, ETag.\n");
    code += "pub static FILES: &[(&str, &[u8], &str)] = &[\n";
    for (path, file) in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        let _ = writeln!(code, "    ({path:?}, include_bytes!({:?}), \"\\\"{:016x}\\\"\"),", file.display().to_string(), hasher.finish());
    }
    code += "];\n/// The built files the survey and the dashboard load (scripts/build-wasm.sh; not committed).\n";
    let _ = writeln!(code, "pub const WIDGET_FILES: [&str; {}] = {WIDGET_FILES:?};", WIDGET_FILES.len());
    code += "/// False when www/pkg/ or www/secpulse-survey.js (scripts/build-wasm.sh) was missing when this binary was built.\n";
    let _ = writeln!(code, "pub const WIDGETS_BUILT: bool = {built};");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("www_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    warn_if_survey_bundle_stale(&root);
    if !built {
        println!("cargo:warning=www/pkg/ or www/secpulse-survey.js is missing: `secpulse serve` is built without the survey and dashboard widgets (run scripts/build-wasm.sh, then build again)");
    }
}

/// Warns when a module in www/survey/ changed after www/secpulse-survey.js was bundled from it
/// (the server would hand out the old form; e2e/survey-load.test.mjs also checks the shared modules).
fn warn_if_survey_bundle_stale(root: &Path) {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let Some(bundled) = modified(&root.join("secpulse-survey.js")) else { return };
    let Ok(entries) = std::fs::read_dir(root.join("survey")) else { return };
    if entries.flatten().any(|entry| modified(&entry.path()).is_some_and(|changed| changed > bundled)) {
        println!("cargo:warning=www/survey/ changed after www/secpulse-survey.js was bundled from it: run scripts/bundle-survey.sh, then build again");
    }
}

/// Every file under `dir` except the demo pages, type declarations and the survey's modules
/// (`survey/`: pages load them bundled, as `secpulse-survey.js`), as (URL path, file).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let rel = path.strip_prefix(root).expect("under root").to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            collect(root, &path, files);
        } else if !DEMO_PAGES.contains(&rel.as_str()) && !rel.ends_with(".d.ts") && !rel.starts_with('.') && !rel.starts_with("survey/") {
            files.push((rel, path));
        }
    }
}
