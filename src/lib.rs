//! secpulse: anonymous security-culture surveys that measure how employees see
//! their security team.
//!
//! The crate is a pure Rust core (no browser types) with a thin wasm façade:
//! data flows one way, ingest → score → privacy → report → chart / CLI output.
//!
//! - [`lang`]: the four languages, the core's message catalogs and numbers per language.
//! - [`instrument`]: what is asked; the default security-team instrument ships as data.
//! - [`ingest`]: CSV and JSON response files → a columnar [`ingest::ResponseTable`], with errors that say where.
//! - [`synth`]: deterministic synthetic responses with realistic structure, for demos and benchmarks.
//! - [`text`]: sentiment, stance and themes of free-text comments about the security team.
//! - [`score`]: keyed respondent scores, group statistics, breakdowns, waves, NPS, rankings,
//!   driver analysis (relative importance of the dimensions for the outcomes).
//! - [`privacy`]: the minimum group size, applied in one place to everything shown.
//! - [`report`]: the report model every output is made from; the priority matrix; response rates.
//! - [`plan`]: the practices library (data) and the action plan ranked from a released report.
//! - [`chart`]: charts of a report, with their takeaways and data tables.
//! - [`board`]: the board-ready report (executive summary, strengths and risks, charts, method) and its HTML file.
//! - `store` and `serve` (feature `serve`, native only): SQLite storage of collected answers
//!   and the `secpulse serve` HTTP collector.

pub mod board;
pub mod chart;
pub mod ingest;
pub mod instrument;
pub mod lang;
pub mod plan;
pub mod privacy;
pub mod report;
pub mod score;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
pub mod serve;
mod sort;
pub mod stats;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
pub mod store;
pub mod synth;
pub mod text;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
