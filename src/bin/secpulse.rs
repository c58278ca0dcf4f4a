//! `secpulse`: the command-line tool over the secpulse core — print the instrument,
//! make synthetic responses, score response files, analyse comments; with the `serve` feature
//! also collect answers (`serve`, `invites`, `import`, `publish`, `backup`).

#[cfg(feature = "serve")]
#[path = "cli/serve.rs"]
mod serve_cli;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use secpulse::ingest::headcounts::Headcounts;
use secpulse::ingest::{self, ErrorPolicy, IngestOptions, IngestSummary, ResponseTable};
use secpulse::instrument::{Instrument, Question};
use secpulse::lang::Lang;
use secpulse::plan::{build_in, render, Library, Plan};
use secpulse::privacy::prior::Publication;
use secpulse::privacy::redact::Redactor;
use secpulse::privacy::CommentOptions;
use secpulse::privacy::{MinGroup, DEFAULT_MIN_COMMENTS, DEFAULT_MIN_GROUP};
use secpulse::report::participation::participation;
use secpulse::report::priority::{priority, Priority};
use secpulse::report::{plain, publish_json, Outcome, Report};
use secpulse::score::comments::AnalyzedComments;
use secpulse::views::streamed::{self, Streamed, StreamedScore};
use secpulse::views::{score_with_comments, Protection, ScoreOptions, View, ViewConfig, Views};
use secpulse::{board, synth, text};
use serde::Serialize;

/// Anonymous security-culture surveys: how do employees see their security team?
///
/// Score survey responses (CSV or JSON) into 0–100 scores with confidence intervals,
/// favourable shares, security NPS and the "says no ↔ offers options" balance, broken
/// down by department, role or wave — never showing a group smaller than the minimum
/// group size (default 5).
///
/// Start with:  secpulse synth --n 2000 --seed 1 > sample.csv && secpulse score --by department sample.csv
///
/// Collect answers:  secpulse serve --db survey.db --wave 2026-H1 --admin-token-file admin.token
/// (then open http://127.0.0.1:8080/ for the survey, /admin for the dashboard, /report for the published report)
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
        /// Print the wording in this language from the instrument's translations (e.g. de, fr, es:
        /// the default instrument has these), with each option's label after its code; for review.
        /// Leave it out for the instrument's own wording.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
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
    /// Score a response file (CSV, JSON array or JSON Lines; `-` reads standard input) or a `secpulse serve` database.
    Score {
        /// The responses: a file, `-`, or the SQLite database of `secpulse serve`.
        #[arg(value_name = "RESPONSES")]
        responses: String,
        #[command(flatten)]
        scoring: Scoring,
        /// Print the report as JSON instead of tables (with an `ingest` section on what was read).
        #[arg(long)]
        json: bool,
        /// Print the report to publish: JSON of aggregates only, without the `ingest` section
        /// (which quotes bad cells); `<secpulse-report src="report.json">` renders it.
        #[arg(long, conflicts_with = "json")]
        publish: bool,
        /// With --publish: the JSON Lines file of what earlier publications of these responses
        /// released. The report is decided so that it cannot be subtracted from them, and its own
        /// record is appended. Keep it as private as the responses (docs/privacy.md).
        #[arg(long, value_name = "FILE", requires = "publish")]
        record: Option<PathBuf>,
        /// Skip the analysis of free-text comments (faster on very large files).
        #[arg(long)]
        no_comments: bool,
        /// Hide comment summaries and samples of groups with fewer comments than this.
        #[arg(long = "min-comments", value_name = "K", default_value_t = DEFAULT_MIN_COMMENTS)]
        min_comments: usize,
        /// A file of names (one per line) to redact from quoted comments, besides e-mails, phone numbers, personal links and ids.
        #[arg(long = "redact-names", value_name = "FILE")]
        redact_names: Option<PathBuf>,
    },
    /// Rank practices into an action plan: from the priority matrix (driver analysis), weak
    /// items and comment themes, each with the released numbers that triggered it.
    Plan {
        /// The responses (CSV, JSON array or JSON Lines; `-` reads standard input).
        #[arg(value_name = "RESPONSES", required_unless_present = "print_practices")]
        responses: Option<String>,
        #[command(flatten)]
        scoring: Scoring,
        /// A practices library JSON to use instead of the built-in one (see --print-practices).
        #[arg(long, value_name = "FILE")]
        practices: Option<PathBuf>,
        /// Print the built-in practices library as JSON (to copy and edit) and exit.
        #[arg(long, conflicts_with_all = ["practices"])]
        print_practices: bool,
        /// Output: readable text, JSON (plan, priority matrices, response rates), a Markdown
        /// checklist or a CSV checklist.
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
        /// Same as --format json.
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Show the first N practices (0 = every triggered practice).
        #[arg(long, value_name = "N", default_value_t = 5)]
        top: usize,
    },
    /// Write the board-ready report: one self-contained HTML file (executive summary with the
    /// response rate when --headcounts is given, strengths and risks, charts with the priority
    /// chart, the action plan, breakdown table, method) that prints on A4 and Letter. Results
    /// are broken down by `department` unless --by says otherwise.
    Report {
        /// The responses (CSV, JSON array or JSON Lines; `-` reads standard input), or a
        /// published report JSON (`score --publish`).
        #[arg(value_name = "FILE")]
        file: String,
        /// Where to write the HTML (`-` writes to standard output).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        scoring: Scoring,
    },
    /// Analyse free-text comments: JSON Lines with `id` and `text` in, one result per line out.
    Comments {
        /// JSON Lines file of {"id": …, "text": …} (`-` reads standard input).
        #[arg(value_name = "FILE")]
        file: String,
        /// Write JSON Lines (id, sentiment, score, stance, themes, evidence) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Collect answers: serve the survey, store each answer durably in SQLite, admin dashboard and exports, public report.
    ///
    /// Pages: / (the survey), /admin (dashboard and exports, with the token), /report (the published report).
    /// Stores no address, user agent, header, cookie or time with an answer; logs no answers.
    ///
    /// Example:
    ///   secpulse invites --db survey.db --n 500 --url https://survey.intranet.example/ > codes.csv
    ///   secpulse serve --db survey.db --wave 2026-H1 --closes 2026-06-30 --invites \
    ///       --admin-token-file /etc/secpulse/admin.token
    #[command(verbatim_doc_comment)]
    #[cfg(feature = "serve")]
    Serve(serve_cli::ServeArgs),
    /// Make invite codes for `serve --invites`: stores their hashes, prints the codes as CSV for a mail merge.
    #[cfg(feature = "serve")]
    Invites(serve_cli::InvitesArgs),
    /// Store answers from a responses file (or --synthetic N) in the database, each checked like a submitted one.
    #[cfg(feature = "serve")]
    Import(serve_cli::ImportArgs),
    /// Publish the aggregates-only report of the stored answers on the server's public page (/report).
    #[cfg(feature = "serve")]
    Publish(serve_cli::PublishArgs),
    /// Copy the database with SQLite's online backup (safe while `serve` runs).
    #[cfg(feature = "serve")]
    Backup(serve_cli::BackupArgs),
}

/// How a response file is read and scored (shared by `score`, `plan` and `report`).
#[derive(Args)]
struct Scoring {
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
    /// Stop at the first bad row instead of skipping it and reporting it.
    #[arg(long)]
    strict: bool,
    /// Headcounts CSV (`column,value,headcount`; `*,*,N` for everyone) for response rates;
    /// its columns are added to the breakdowns.
    #[arg(long, value_name = "FILE")]
    headcounts: Option<PathBuf>,
    /// The language of the report's words and numbers: en, de, fr or es (a tag such as de-CH
    /// is read by its first part). The instrument's statements follow when it has a translation.
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    lang: Lang,
}

/// Reads `--lang`: one of the languages with catalogs, or an error that names them.
fn parse_lang(tag: &str) -> Result<Lang, String> {
    tag.parse::<Lang>().map_err(|e| e.to_string())
}

/// A response file format.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects, one per line.
    Json,
}

/// How `plan` prints the plan.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PlanFormat {
    /// Readable text.
    Text,
    /// JSON: the plan, the priority matrices and the response rates.
    Json,
    /// A Markdown checklist.
    Markdown,
    /// A CSV checklist (one row per practice).
    Csv,
}

/// An error for the user: printed as `secpulse: error: …`, exit status 1.
type CliResult = Result<(), String>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Instrument { json, instrument, lang } => print_instrument(instrument.as_deref(), json, lang.as_deref()),
        Command::Synth { n, seed, format, instrument } => write_synth(instrument.as_deref(), n, seed, format),
        Command::Score { responses, scoring, json, publish, record, no_comments, min_comments, redact_names } => {
            let comments = if no_comments { None } else { Some((min_comments, redact_names)) };
            let output = if publish {
                Output::Publish(record)
            } else if json {
                Output::Json
            } else {
                Output::Text
            };
            score_file(&responses, scoring, comments, output)
        }
        Command::Plan { print_practices: true, .. } => print_practices(),
        Command::Plan { responses, scoring, practices, format, json, top, .. } => {
            let format = if json { PlanFormat::Json } else { format };
            plan_file(responses.as_deref().unwrap_or("-"), scoring, practices.as_deref(), (format, top))
        }
        Command::Report { file, output, scoring } => write_board_report(&file, scoring, &output),
        Command::Comments { file, json } => analyse_comments(&file, json),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve_cli::serve(args),
        #[cfg(feature = "serve")]
        Command::Invites(args) => serve_cli::invites(args),
        #[cfg(feature = "serve")]
        Command::Import(args) => serve_cli::import(args),
        #[cfg(feature = "serve")]
        Command::Publish(args) => serve_cli::publish(args),
        #[cfg(feature = "serve")]
        Command::Backup(args) => serve_cli::backup(args),
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
    load_instrument_in(path, Lang::En)
}

/// [`load_instrument`], with what is wrong in a custom instrument worded in `lang`.
fn load_instrument_in(path: Option<&Path>, lang: Lang) -> Result<Instrument, String> {
    let Some(path) = path else { return Ok(Instrument::default_instrument()) };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read instrument {}: {e}", path.display()))?;
    Instrument::from_json(&text).map_err(|e| format!("{}: {}", path.display(), e.describe(lang)))
}

/// Bytes read from a responses file at a time: the file is read in pieces of this size, so
/// it is never held in memory whole (CSV; JSON is read whole).
const READ_CHUNK: usize = 8 << 20;

/// A responses input, opened: its first bytes, and either the rest to read in pieces (CSV)
/// or nothing more (JSON, and a `secpulse serve` database as its answers in JSON Lines).
struct ResponsesInput {
    name: String,
    /// The whole input (`rest` is `None`), or its first bytes.
    head: Vec<u8>,
    rest: Option<Box<dyn Read>>,
    /// The file's size, when known (not for standard input).
    size: Option<usize>,
}

impl ResponsesInput {
    /// Opens a file, or standard input for `-`, and reads its first piece (all of it for
    /// JSON or a database).
    fn open(name: &str) -> Result<ResponsesInput, String> {
        let fail = |e: io::Error| format!("cannot read {name}: {e}");
        let (mut rest, size): (Box<dyn Read>, Option<usize>) = if name == "-" {
            (Box::new(io::stdin().lock()), None)
        } else {
            let file = File::open(name).map_err(fail)?;
            let size = file.metadata().ok().map(|m| m.len() as usize);
            (Box::new(file), size)
        };
        let mut head = Vec::with_capacity(READ_CHUNK);
        (&mut rest).take(READ_CHUNK as u64).read_to_end(&mut head).map_err(fail)?;
        let whole = head.len() < READ_CHUNK;
        #[cfg(feature = "serve")]
        if let Some(rows) = serve_cli::database_rows(name, &head)? {
            return Ok(ResponsesInput { name: name.to_string(), head: rows, rest: None, size });
        }
        if !whole && ingest::detect_format(&head) == ingest::Format::Json {
            rest.read_to_end(&mut head).map_err(fail)?;
            return Ok(ResponsesInput { name: name.to_string(), head, rest: None, size });
        }
        Ok(ResponsesInput { name: name.to_string(), head, rest: (!whole).then_some(rest), size })
    }

    /// The whole input, when it was read whole.
    fn whole(&self) -> Option<&[u8]> {
        self.rest.is_none().then_some(&self.head[..])
    }

    /// Reads the responses piece by piece, counting each piece and dropping its rows
    /// ([`StreamedScore`]), calling `progress(bytes, rows)`.
    fn read_counted(
        self,
        ins: &Instrument,
        options: &IngestOptions,
        comments: Option<&CommentOptions>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Streamed, ReadError> {
        let ResponsesInput { name, head, rest, .. } = self;
        let Some(mut rest) = rest else {
            let ingested = ingest::read_responses_with_progress(ins, &head, ingest::detect_format(&head), options, progress);
            return Ok(Streamed::of_ingested(ins, ingested.map_err(ReadError::Ingest)?, comments));
        };
        let mut reader = StreamedScore::new(ins, options, comments, streamed::PIECE_ROWS);
        read_pieces(&name, head, &mut rest, &mut |piece| reader.push_with_progress(piece, progress))?;
        reader.finish_with_progress(progress).map_err(ReadError::Ingest)
    }

    /// Reads the responses, the rest of the file piece by piece, calling `progress(bytes, rows)`.
    fn read(
        self,
        ins: &Instrument,
        options: &IngestOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ingest::Ingested, ReadError> {
        let ResponsesInput { name, head, rest, size } = self;
        let Some(mut rest) = rest else {
            return ingest::read_responses_with_progress(ins, &head, ingest::detect_format(&head), options, progress)
                .map_err(ReadError::Ingest);
        };
        let mut reader = ingest::ChunkedReader::new(ins, None, options).with_size_hint(size.unwrap_or(0));
        read_pieces(&name, head, &mut rest, &mut |piece| reader.push_with_progress(piece, progress))?;
        reader.finish_with_progress(progress).map_err(ReadError::Ingest)
    }
}

/// Hands `head`, then the rest of input `name` in pieces of [`READ_CHUNK`] bytes, to `push`.
fn read_pieces(name: &str, head: Vec<u8>, rest: &mut dyn Read, push: &mut dyn FnMut(&[u8])) -> Result<(), ReadError> {
    push(&head);
    let mut piece = head;
    loop {
        piece.clear();
        (&mut *rest).take(READ_CHUNK as u64).read_to_end(&mut piece).map_err(|e| ReadError::Io(format!("cannot read {name}: {e}")))?;
        if piece.is_empty() {
            return Ok(());
        }
        push(&piece);
    }
}

/// Why responses could not be read.
enum ReadError {
    /// The file could not be read (worded already).
    Io(String),
    /// What is wrong in the file.
    Ingest(ingest::IngestError),
}

impl ReadError {
    /// The message, with what is wrong in the file worded in `lang` after `name: `.
    fn describe(self, name: &str, lang: Lang) -> String {
        match self {
            ReadError::Io(message) => message,
            ReadError::Ingest(e) => format!("{name}: {}", e.describe(lang)),
        }
    }
}

fn stdout_error(e: io::Error) -> String {
    format!("cannot write output: {e}")
}

/// The instrument worded in `lang` (as it is for none), or an error naming the languages it has.
fn worded(ins: Instrument, lang: Option<&str>) -> Result<Instrument, String> {
    let Some(lang) = lang else { return Ok(ins) };
    if ins.translations.contains_key(lang) {
        return Ok(ins.in_language(lang));
    }
    let known: Vec<&str> = ins.languages().collect();
    let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
    Err(format!("--lang {lang:?}: the instrument has no translation for it (translations: {known})"))
}

fn print_instrument(path: Option<&Path>, json: bool, lang: Option<&str>) -> CliResult {
    let ins = worded(load_instrument(path)?, lang)?;
    let label = |q: &Question, code: &str| {
        let shown = lang.and_then(|l| ins.translations[l].questions.get(q.id())?.options.get(code));
        shown.map_or_else(|| code.to_string(), |s| format!("{code} = {s}"))
    };
    let labels = |q: &Question, codes: &[String]| codes.iter().map(|c| label(q, c)).collect::<Vec<_>>();
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
                Question::Randomized { randomization, .. } => {
                    format!("yes/no, randomized on the device ({randomization:?})")
                }
                Question::Choice { options, .. } => labels(q, options).join(" / "),
                Question::Text { max_chars, .. } => format!("free text, up to {max_chars} characters"),
                Question::Ranking { options, .. } => format!("rank: {}", labels(q, options).join(", ")),
                Question::MultiChoice { options, none, .. } => {
                    format!(
                        "choose any: {}{}",
                        labels(q, options).join(" / "),
                        if none.is_empty() { String::new() } else { format!(" (or only: {})", label(q, none)) }
                    )
                }
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

/// The `score --json` output: the report, its priority matrices, and what happened while
/// reading the file.
#[derive(Serialize)]
struct ScoreOutput<'a> {
    #[serde(flatten)]
    report: &'a Report,
    priority: Vec<Priority>,
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
            eprint!("secpulse: read {} rows ({}%){end}", Lang::En.count(rows as u64), tenth * 10);
        }
    }
}

/// What `score` prints.
#[derive(Clone, PartialEq, Eq)]
enum Output {
    /// Readable tables.
    Text,
    /// The report with an `ingest` section.
    Json,
    /// The aggregates-only report to publish, with the file of earlier publications' records.
    Publish(Option<PathBuf>),
}

/// Comment threshold and the block-list file, unless comments are skipped.
type CommentArgs = Option<(usize, Option<PathBuf>)>;

/// Builds the comment options: threshold and a redactor with the block-listed names.
fn comment_options(min_comments: usize, names: Option<&Path>) -> Result<CommentOptions, String> {
    let names: Vec<String> = match names {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read names {}: {e}", path.display()))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    };
    Ok(CommentOptions {
        min_comments: MinGroup::new(min_comments).map_err(|e| format!("--min-comments: {e}"))?,
        redactor: Redactor::new(&names),
        ..Default::default()
    })
}

/// Reads, scores and protects a response file (with response rates when headcounts are given).
fn released_report(responses: &str, scoring: Scoring, comments: CommentArgs) -> Result<(Report, IngestSummary), String> {
    let (report, summary, _) = released_report_after(ResponsesInput::open(responses)?, scoring, comments, None)?;
    Ok((report, summary))
}

/// [`released_report`]; with `prior` (earlier publications' records), decided with them
/// (`Views::report_after`), and this publication's record.
fn released_report_after(
    input: ResponsesInput,
    scoring: Scoring,
    comments: CommentArgs,
    prior: Option<&[Publication]>,
) -> Result<(Report, IngestSummary, Option<Publication>), String> {
    let Scoring { instrument, mut by, wave, min_group, strict, headcounts, lang } = scoring;
    let ins = load_instrument_in(instrument.as_deref(), lang)?;
    let comment_options = comments.map(|(k, names)| comment_options(k, names.as_deref())).transpose()?;
    let min_group = MinGroup::new(min_group)?;
    let headcounts = headcounts.as_deref().map(|path| read_headcounts(path, lang)).transpose()?;
    for column in headcounts.iter().flat_map(Headcounts::columns) {
        if !by.contains(&column) {
            by.push(column);
        }
    }
    let options = IngestOptions { policy: if strict { ErrorPolicy::Fail } else { ErrorPolicy::SkipRow }, ..Default::default() };
    let responses = input.name.clone();
    let responses = responses.as_str();
    let mut progress = progress_printer(input.size.unwrap_or(input.head.len()));
    if prior.is_none() && streamed::supported(&ins) {
        // Every statistic comes from counts: count the file piece by piece, never holding it.
        let counted = input.read_counted(&ins, &options, comment_options.as_ref(), &mut progress);
        let counted = counted.map_err(|e| e.describe(responses, lang))?;
        print_notes(counted.summary(), responses, lang);
        let wave = wave_or_default(wave, counted.table());
        let report = counted.report(&ScoreOptions { by, wave, min_group }).map_err(|e| e.describe(lang))?;
        return Ok((finished(report, &ins, lang, headcounts.as_ref())?, counted.summary().clone(), None));
    }
    let ingested = input.read(&ins, &options, &mut progress).map_err(|e| e.describe(responses, lang))?;
    let summary = ingested.summary;
    print_notes(&summary, responses, lang);
    let wave = wave_or_default(wave, &ingested.table);
    let (mut report, record) = match prior {
        Some(prior) => {
            let config = ViewConfig { wave, min_group, comments: comment_options, protection: Protection::Linked };
            let view = View { by, ..View::default() };
            Views::new(ins.clone(), ingested.table, config, None).report_after(&view, prior).map_err(|e| e.describe(lang))?
        }
        None => {
            let table = &ingested.table;
            let analyzed = comment_options.as_ref().map(|_| AnalyzedComments::new(&text::Analyzer::new(), table));
            let comments = analyzed.as_ref().zip(comment_options.as_ref());
            (score_with_comments(&ins, table, &ScoreOptions { by, wave, min_group }, comments).map_err(|e| e.describe(lang))?, None)
        }
    };
    if prior.is_some() {
        // A publication keeps the instrument's own wording: its record compares groups by label.
        add_participation(&mut report, headcounts.as_ref())?;
        return Ok((report, summary, record));
    }
    Ok((finished(report, &ins, lang, headcounts.as_ref())?, summary, record))
}

/// Prints what reading `responses` reported (skipped rows, absent columns), in `lang`.
fn print_notes(summary: &IngestSummary, responses: &str, lang: Lang) {
    for line in summary.notes(responses, lang) {
        eprintln!("secpulse: {line}");
    }
}

/// The wave column: the one asked for, else a column named `wave` when the responses have one.
fn wave_or_default(wave: Option<String>, table: &ResponseTable) -> Option<String> {
    wave.or_else(|| table.segment("wave").map(|_| "wave".to_string()))
}

/// The report with its response rates (when headcounts are given), in `lang`.
fn finished(mut report: Report, ins: &Instrument, lang: Lang, headcounts: Option<&Headcounts>) -> Result<Report, String> {
    add_participation(&mut report, headcounts)?;
    Ok(in_language(report, ins, lang))
}

/// Adds the response rates of `headcounts` to `report`, warning of groups over their headcount.
fn add_participation(report: &mut Report, headcounts: Option<&Headcounts>) -> Result<(), String> {
    if let Some(h) = headcounts {
        let rates = participation(report, h).map_err(|e| e.to_string())?;
        let over = rates.groups.values().flatten().chain(&rates.overall).filter(|r| r.rate.is_some_and(|x| x > 100.0));
        for r in over {
            eprintln!("secpulse: warning: {} has more respondents than its headcount ({}); check the headcounts", r.value, r.headcount);
        }
        report.participation = Some(rates);
    }
    Ok(())
}

/// The report in the wording of the instrument's `lang` translation (statements, dimension
/// names, option labels and groups); as it is, with a note, for an instrument without one.
fn in_language(report: Report, ins: &Instrument, lang: Lang) -> Report {
    if lang == Lang::En || ins.translations.contains_key(lang.code()) {
        return report.in_language(ins, lang.code());
    }
    eprintln!("secpulse: the instrument has no \"{lang}\" translation; its statements and names stay as written");
    report
}

fn read_headcounts(path: &Path, lang: Lang) -> Result<Headcounts, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read headcounts {}: {e}", path.display()))?;
    Headcounts::from_csv(&bytes).map_err(|e| format!("{}: {}", path.display(), e.describe(lang)))
}

/// The priority matrix of each outcome whose drivers are released.
fn priorities(report: &Report) -> Vec<Priority> {
    [Outcome::Nps, Outcome::Balance].into_iter().filter_map(|o| priority(report, Some(o))).collect()
}

fn write_json(value: &impl Serialize) -> CliResult {
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| e.to_string())?;
    writeln!(out).and_then(|_| out.flush()).map_err(stdout_error)
}

fn write_text(text: &str) -> CliResult {
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(text.as_bytes()).and_then(|_| out.flush()).map_err(stdout_error)
}

fn score_file(responses: &str, scoring: Scoring, comments: CommentArgs, output: Output) -> CliResult {
    if let Output::Publish(record) = &output {
        return publish(responses, scoring, comments, record.as_deref());
    }
    let lang = scoring.lang;
    let (report, summary) = released_report(responses, scoring, comments)?;
    if output == Output::Json {
        write_json(&ScoreOutput { report: &report, priority: priorities(&report), ingest: &summary })
    } else {
        write_text(&plain::render_in(&report, lang))
    }
}

/// `score --publish`: the published report (aggregates only, shares rounded), decided with the
/// earlier publications recorded in `record` (JSON Lines), to which its own record is appended.
fn publish(responses: &str, scoring: Scoring, comments: CommentArgs, record: Option<&Path>) -> CliResult {
    let prior = match record {
        Some(path) if path.exists() => read_records(path)?,
        _ => Vec::new(),
    };
    let (report, _, publication) = released_report_after(ResponsesInput::open(responses)?, scoring, comments, Some(&prior))?;
    match (record, publication) {
        (Some(path), Some(publication)) => {
            let line = secpulse::privacy::prior::record_line(&publication);
            let mut file =
                std::fs::OpenOptions::new().create(true).append(true).open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            file.write_all(line.as_bytes()).and_then(|()| file.sync_all()).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        (Some(_), None) => {
            return Err("--record needs a wave column: without one, nothing tells the rows published now from later ones".into())
        }
        (None, Some(_)) => eprintln!(
            "secpulse: publishing without --record: a later report of these responses with more waves could be \
             subtracted from this one (docs/privacy.md, \"Publishing again\")"
        ),
        (None, None) => {}
    }
    write_text(&(publish_json(&report) + "\n"))
}

/// `secpulse report`: scores the responses (or reads a published report) and writes the
/// board report's HTML file; responses are broken down by department unless `--by` says otherwise.
fn write_board_report(file: &str, mut scoring: Scoring, output: &Path) -> CliResult {
    let lang = scoring.lang;
    let input = ResponsesInput::open(file)?;
    let report = match input.whole().and_then(Report::published_text) {
        Some(json) => Report::from_json(json).map_err(|e| format!("{file}: {e}"))?,
        None => {
            if scoring.by.is_empty() {
                scoring.by.push("department".to_string());
            }
            released_report_after(input, scoring, None, None)?.0
        }
    };
    let html = board::html::render(&board::Board::in_language(&report, lang), &report);
    if output == Path::new("-") {
        return write_text(&html);
    }
    std::fs::write(output, html).map_err(|e| format!("cannot write {}: {e}", output.display()))
}

/// The records of earlier publications in `path`, one JSON object per line.
fn read_records(path: &Path) -> Result<Vec<Publication>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    secpulse::privacy::prior::read_records(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The `plan --format json` output.
#[derive(Serialize)]
struct PlanOutput<'a> {
    plan: &'a Plan,
    priority: Vec<Priority>,
    participation: Option<&'a secpulse::report::Participation>,
}

fn print_practices() -> CliResult {
    write_json(&Library::default_library())
}

fn plan_file(responses: &str, scoring: Scoring, practices: Option<&Path>, (format, top): (PlanFormat, usize)) -> CliResult {
    let library = match practices {
        Some(path) => {
            let ins = load_instrument(scoring.instrument.as_deref())?;
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read practices {}: {e}", path.display()))?;
            Library::from_json(&text, &ins).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Library::default_library(),
    };
    let lang = scoring.lang;
    let (report, _) = released_report(responses, scoring, Some((DEFAULT_MIN_COMMENTS, None)))?;
    let plan = build_in(&report, &library, lang).top(top);
    match format {
        PlanFormat::Json => {
            write_json(&PlanOutput { plan: &plan, priority: priorities(&report), participation: report.participation.as_ref() })
        }
        PlanFormat::Markdown => write_text(&render::markdown(&plan)),
        PlanFormat::Csv => write_text(&render::csv(&plan)),
        PlanFormat::Text => {
            let mut text = String::new();
            for p in priorities(&report) {
                text += &plain::priority_text(&p, lang);
            }
            write_text(&(text + &render::text(&plan)))
        }
    }
}

fn analyse_comments(file: &str, json: bool) -> CliResult {
    let input: Box<dyn BufRead> = if file == "-" {
        Box::new(BufReader::new(io::stdin().lock()))
    } else {
        Box::new(BufReader::new(File::open(file).map_err(|e| format!("cannot read {file}: {e}"))?))
    };
    let analyzer = text::Analyzer::new();
    let mut out = BufWriter::new(io::stdout().lock());
    let report = if json {
        text::analyze_jsonl(&analyzer, input, &mut out).map_err(|e| format!("{file}: {e}"))?
    } else {
        let mut lines = Vec::new();
        let report = text::analyze_jsonl(&analyzer, input, &mut lines).map_err(|e| format!("{file}: {e}"))?;
        print_comment_table(&lines, &mut out).map_err(stdout_error)?;
        report
    };
    out.flush().map_err(stdout_error)?;
    for error in &report.errors {
        eprintln!("secpulse: {file}: {error}");
    }
    if report.errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{} of {} lines could not be analysed (see above)", report.errors.len(), report.errors.len() + report.analyzed))
    }
}

/// Renders the JSON Lines results as a readable table.
fn print_comment_table(jsonl: &[u8], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{:<10} {:<9} {:>6} {:<8} {:<34} why", "id", "sentiment", "score", "stance", "themes")?;
    for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).map_err(io::Error::other)?;
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        let themes: Vec<&str> = v["themes"].as_array().into_iter().flatten().filter_map(|t| t.as_str()).collect();
        let mut why: Vec<&str> = Vec::new();
        let words = v["evidence"].as_array().into_iter().flatten().filter_map(|e| e["words"].as_array()).flatten();
        for word in words.filter_map(|w| w.as_str()) {
            if !why.contains(&word) {
                why.push(word);
            }
        }
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        writeln!(
            out,
            "{id:<10} {:<9} {:>+6.2} {:<8} {:<34} {}",
            s("sentiment"),
            v["score"].as_f64().unwrap_or(0.0),
            s("stance"),
            themes.join(","),
            why.join(", ")
        )?;
    }
    Ok(())
}
