//! `secpulse`: the command-line tool over the secpulse core — print the instrument,
//! make synthetic responses, score response files, analyse comments.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use secpulse::ingest::{self, ErrorPolicy, IngestOptions, IngestSummary};
use secpulse::instrument::{Instrument, Question};
use secpulse::privacy::{MinGroup, DEFAULT_MIN_GROUP};
use secpulse::report::{plain, Report};
use secpulse::score::{score, ScoreOptions};
use secpulse::synth;
use serde::Serialize;

/// Anonymous security-culture surveys: how do employees see their security team?
///
/// Score survey responses (CSV or JSON) into 0–100 scores with confidence intervals,
/// favourable shares, security NPS and the "says no ↔ offers options" balance, broken
/// down by department, role or wave — never showing a group smaller than the minimum
/// group size (default 5).
///
/// Start with:  secpulse synth --n 2000 --seed 1 > sample.csv && secpulse score --by department sample.csv
#[derive(Parser)]
#[command(name = "secpulse", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the survey instrument (the default one, or --instrument FILE checked and echoed).
    Instrument {
        /// Print JSON (the instrument plus a derived `items` list of Likert items) instead of text.
        #[arg(long)]
        json: bool,
        /// An instrument JSON file to check and print instead of the default.
        #[arg(long, value_name = "FILE")]
        instrument: Option<PathBuf>,
    },
    /// Write deterministic synthetic responses (realistic structure, a few groups under 5 people).
    Synth {
        /// Number of respondents.
        #[arg(long, default_value_t = 1000)]
        n: usize,
        /// Random seed: the same seed gives the same responses.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// Instrument to generate responses for (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        instrument: Option<PathBuf>,
    },
    /// Score a response file (CSV, JSON array or JSON Lines; `-` reads standard input).
    Score {
        /// The responses.
        #[arg(value_name = "RESPONSES")]
        responses: String,
        /// Instrument JSON the responses were collected with (default: the built-in one).
        #[arg(long, value_name = "FILE")]
        instrument: Option<PathBuf>,
        /// Break results down by this column (repeat for several), e.g. --by department --by role.
        #[arg(long = "by", value_name = "COLUMN")]
        by: Vec<String>,
        /// Column holding the survey wave (default: `wave` when the file has it).
        #[arg(long, value_name = "COLUMN")]
        wave: Option<String>,
        /// Hide any group with fewer respondents than this (at least 2).
        #[arg(long = "min-group", value_name = "K", default_value_t = DEFAULT_MIN_GROUP)]
        min_group: usize,
        /// Print the report as JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// Stop at the first bad row instead of skipping it and reporting it.
        #[arg(long)]
        strict: bool,
    },
}

/// A response file format.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects, one per line.
    Json,
}

/// An error for the user: printed as `secpulse: error: …`, exit status 1.
type CliResult = Result<(), String>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Instrument { json, instrument } => print_instrument(instrument.as_deref(), json),
        Command::Synth { n, seed, format, instrument } => write_synth(instrument.as_deref(), n, seed, format),
        Command::Score { responses, instrument, by, wave, min_group, json, strict } => {
            score_file(&responses, instrument.as_deref(), by, wave, min_group, json, strict)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("secpulse: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn load_instrument(path: Option<&Path>) -> Result<Instrument, String> {
    let Some(path) = path else { return Ok(Instrument::default_instrument()) };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read instrument {}: {e}", path.display()))?;
    Instrument::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a whole file, or standard input for `-`.
fn read_input(name: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if name == "-" {
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        File::open(name).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read {name}: {e}"))?;
    Ok(bytes)
}

fn stdout_error(e: io::Error) -> String {
    format!("cannot write output: {e}")
}

fn print_instrument(path: Option<&Path>, json: bool) -> CliResult {
    let ins = load_instrument(path)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &ins.with_item_summary()).map_err(|e| e.to_string())?;
        writeln!(out).map_err(stdout_error)?;
        return out.flush().map_err(stdout_error);
    }
    let mut text = format!("{} ({} v{})\n{}\n", ins.title, ins.id, ins.version, ins.intro);
    let scale = ins.scale.labels.join(" · ");
    text += &format!("Agreement scale {}–{}: {scale}\n", ins.scale.min, ins.scale.max);
    for section in &ins.sections {
        text += &format!("\n## {}", section.title);
        if let Some(cond) = &section.show_if {
            text += &format!("  (only when {} is {})", cond.question, cond.any_of.join(" or "));
        }
        text += "\n";
        for q in &section.questions {
            let kind = match q {
                Question::Likert { dimension, reverse, .. } => {
                    format!("likert, {dimension}{}", if *reverse { ", reverse keyed" } else { "" })
                }
                Question::Bipolar { left, right, min, max, .. } => format!("{min} = {left} … {max} = {right}"),
                Question::Recommend { .. } => "0–10".to_string(),
                Question::Choice { options, .. } => options.join(" / "),
                Question::Text { max_chars, .. } => format!("free text, up to {max_chars} characters"),
                Question::Ranking { options, .. } => format!("rank: {}", options.join(", ")),
            };
            text += &format!("  {:<14} {}\n  {:<14} [{kind}]\n", q.id(), q.text(), "");
        }
    }
    out.write_all(text.as_bytes()).and_then(|_| out.flush()).map_err(stdout_error)
}

fn write_synth(path: Option<&Path>, n: usize, seed: u64, format: Format) -> CliResult {
    let ins = load_instrument(path)?;
    let table = synth::generate(&ins, &synth::SynthOptions { n, seed, ..Default::default() });
    let out = BufWriter::new(io::stdout().lock());
    match format {
        Format::Csv => ingest::write_csv(&ins, &table, out),
        Format::Json => ingest::write_json(&ins, &table, out),
    }
    .map_err(stdout_error)
}

/// The `score --json` output: the report plus what happened while reading the file.
#[derive(Serialize)]
struct ScoreOutput<'a> {
    #[serde(flatten)]
    report: &'a Report,
    ingest: &'a IngestSummary,
}

/// Prints read progress on stderr for inputs large enough to take a while.
fn progress_printer(total: usize) -> impl FnMut(usize, usize) {
    let enabled = total > 32 << 20;
    let terminal = io::stderr().is_terminal();
    let mut last_tenth = 0;
    move |bytes, rows| {
        let tenth = bytes * 10 / total.max(1);
        if enabled && tenth > last_tenth {
            last_tenth = tenth;
            let end = if terminal { "\r" } else { "\n" };
            eprint!("secpulse: read {} rows ({}%){end}", plain::count(rows), tenth * 10);
        }
    }
}

fn score_file(
    responses: &str,
    instrument: Option<&Path>,
    by: Vec<String>,
    wave: Option<String>,
    min_group: usize,
    json: bool,
    strict: bool,
) -> CliResult {
    let ins = load_instrument(instrument)?;
    let min_group = MinGroup::new(min_group)?;
    let bytes = read_input(responses)?;
    let options = IngestOptions { policy: if strict { ErrorPolicy::Fail } else { ErrorPolicy::SkipRow }, ..Default::default() };
    let format = ingest::detect_format(&bytes);
    let mut progress = progress_printer(bytes.len());
    let ingested = ingest::read_responses_with_progress(&ins, &bytes, format, &options, &mut progress)
        .map_err(|e| format!("{responses}: {e}"))?;
    drop(bytes);
    let summary = &ingested.summary;
    for problem in &summary.problems {
        eprintln!("secpulse: skipped {responses}: {problem}");
    }
    if summary.problems_total > summary.problems.len() {
        eprintln!("secpulse: … and {} more problems", summary.problems_total - summary.problems.len());
    }
    if summary.rows_skipped > 0 {
        eprintln!(
            "secpulse: skipped {} of {} rows with problems (use --strict to stop at the first)",
            plain::count(summary.rows_skipped),
            plain::count(summary.rows_read)
        );
    }
    let table = &ingested.table;
    let wave = wave.or_else(|| table.segment("wave").map(|_| "wave".to_string()));
    let report = score(&ins, table, &ScoreOptions { by, wave, min_group }).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &ScoreOutput { report: &report, ingest: summary }).map_err(|e| e.to_string())?;
        writeln!(out).map_err(stdout_error)?;
    } else {
        out.write_all(plain::render(&report).as_bytes()).map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)
}
