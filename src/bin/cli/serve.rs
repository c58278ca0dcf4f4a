//! The commands over the answers database (feature `serve`): `serve`, `invites`, `import`,
//! `publish`, `backup`; and reading a database wherever a responses file is read.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use secpulse::ingest::row_check::check_row;
use secpulse::privacy::{MinGroup, DEFAULT_MIN_GROUP};
use secpulse::serve::{self, publish::published_report, window};
use secpulse::store::{self, code_hash, new_code, Store, Submission};

use super::{load_instrument, stdout_error, CliResult};

/// The database file, shared by every command over it.
#[derive(Args)]
pub struct DbArg {
    /// The SQLite database of collected answers.
    #[arg(long, value_name = "PATH", default_value = "secpulse.db")]
    pub db: PathBuf,
}

/// `secpulse serve`.
#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
    /// Address to listen on (port 0: any free port; the address is printed on stderr).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: String,
    /// Instrument JSON answers are checked against (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    instrument: Option<PathBuf>,
    /// The survey round: written into answers without one; answers for another round get 410.
    #[arg(long, value_name = "W")]
    wave: Option<String>,
    /// Take no answers before this time (UTC), e.g. 2026-03-01 or 2026-03-01T09:00:00Z.
    #[arg(long, value_name = "T")]
    opens: Option<String>,
    /// Take no answers from this time on (UTC).
    #[arg(long, value_name = "T")]
    closes: Option<String>,
    /// Every answer needs an unused invite code made with `secpulse invites`.
    #[arg(long)]
    invites: bool,
    /// Allow survey pages on this origin (e.g. https://intranet.example) to POST answers; repeatable.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    allow_origins: Vec<String>,
    /// A file holding the admin token (one line, at least 16 characters); admin routes are off without it.
    #[arg(long, value_name = "FILE")]
    admin_token_file: Option<PathBuf>,
    /// Answers a minute one client may send (0: no limit). Counted under a keyed hash in memory only.
    #[arg(long, value_name = "N", default_value_t = 30)]
    rate_limit: u32,
    /// Header a trusted reverse proxy sets to the client's address (e.g. X-Real-IP), for the rate limit only.
    #[arg(long, value_name = "NAME")]
    client_ip_header: Option<String>,
    /// Minimum group size of the published report.
    #[arg(long = "min-group", value_name = "K", default_value_t = DEFAULT_MIN_GROUP)]
    min_group: usize,
}

/// `secpulse invites`.
#[derive(Args)]
pub struct InvitesArgs {
    #[command(flatten)]
    db: DbArg,
    /// How many codes to make.
    #[arg(long, default_value_t = 100)]
    n: usize,
    /// The survey's address; adds a `link` column with the code in the link (after `#`, so it
    /// reaches no server log).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
}

/// `secpulse import`.
#[derive(Args)]
pub struct ImportArgs {
    #[command(flatten)]
    db: DbArg,
    /// A responses file (CSV, JSON array or JSON Lines; `-` reads standard input) or another database.
    #[arg(value_name = "RESPONSES", required_unless_present = "synthetic")]
    responses: Option<String>,
    /// Import this many synthetic answers (three waves: 2025-H1, 2025-H2, 2026-H1) instead.
    #[arg(long, value_name = "N", conflicts_with = "responses")]
    synthetic: Option<usize>,
    /// Seed of the synthetic answers.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Instrument JSON the answers are checked against (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    instrument: Option<PathBuf>,
}

/// `secpulse publish`.
#[derive(Args)]
pub struct PublishArgs {
    #[command(flatten)]
    db: DbArg,
    /// Instrument JSON the answers were collected with (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    instrument: Option<PathBuf>,
    /// Break the report down by this column (repeat for several).
    #[arg(long = "by", value_name = "COLUMN")]
    by: Vec<String>,
    /// Hide any group with fewer respondents than this.
    #[arg(long = "min-group", value_name = "K", default_value_t = DEFAULT_MIN_GROUP)]
    min_group: usize,
}

/// `secpulse backup`.
#[derive(Args)]
pub struct BackupArgs {
    #[command(flatten)]
    db: DbArg,
    /// The copy to write (must not exist).
    #[arg(value_name = "OUT")]
    out: PathBuf,
}

/// Starts the server.
pub fn serve(args: ServeArgs) -> CliResult {
    let parse = |t: Option<String>, flag: &str| t.map(|t| window::parse_time(&t).map_err(|e| format!("{flag}: {e}"))).transpose();
    let window = window::Window { opens: parse(args.opens, "--opens")?, closes: parse(args.closes, "--closes")? };
    let admin_token = args.admin_token_file.as_deref().map(read_token).transpose()?;
    serve::run(serve::Config {
        db: args.db.db,
        listen: args.listen,
        instrument: load_instrument(args.instrument.as_deref())?,
        wave: args.wave,
        window,
        invites: args.invites,
        allow_origins: args.allow_origins,
        admin_token,
        rate_limit: args.rate_limit,
        client_ip_header: args.client_ip_header,
        min_group: MinGroup::new(args.min_group)?,
    })
}

/// The admin token in `path`: its first line, at least 16 characters.
fn read_token(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read the admin token {}: {e}", path.display()))?;
    let token = text.lines().next().unwrap_or("").trim().to_string();
    if token.chars().count() < 16 {
        return Err(format!("{}: the admin token must be at least 16 characters", path.display()));
    }
    Ok(token)
}

/// Makes `n` invite codes, stores their hashes and prints the codes as CSV.
pub fn invites(args: InvitesArgs) -> CliResult {
    let codes: Vec<String> = (0..args.n).map(|_| new_code()).collect();
    let hashes: Vec<[u8; 32]> = codes.iter().map(|c| code_hash(c)).collect();
    let mut db = Store::open(&args.db.db).map_err(|e| e.to_string())?;
    db.add_invites(&hashes).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let header = if args.url.is_some() { "code,link" } else { "code" };
    writeln!(out, "{header}").map_err(stdout_error)?;
    for code in &codes {
        match &args.url {
            Some(url) => writeln!(out, "{code},{url}#code={code}"),
            None => writeln!(out, "{code}"),
        }
        .map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    eprintln!("secpulse: {} invite codes added to {} (only their hashes are stored)", codes.len(), args.db.db.display());
    Ok(())
}

/// Stores answers from a file (or synthetic ones), each checked like a submitted answer.
pub fn import(args: ImportArgs) -> CliResult {
    let instrument = load_instrument(args.instrument.as_deref())?;
    let table = match (&args.responses, args.synthetic) {
        (_, Some(n)) => secpulse::synth::dashboard_sample(&instrument, n, args.seed)?,
        (Some(name), None) => {
            let input = super::ResponsesInput::open(name)?;
            let options = secpulse::ingest::IngestOptions::default();
            input.read(&instrument, &options, &mut |_, _| {}).map_err(|e| e.describe(name, secpulse::lang::Lang::En))?.table
        }
        (None, None) => return Err("give a responses file or --synthetic N".to_string()),
    };
    let mut json = Vec::new();
    secpulse::ingest::write_json(&instrument, &table, &mut json).map_err(|e| e.to_string())?;
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&json).map_err(|e| e.to_string())?;
    let mut batch = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let check = check_row(&instrument, row);
        if let Some(problem) = check.errors.first() {
            return Err(format!(
                "row {}: {}{} (nothing imported)",
                i + 1,
                problem.column.as_deref().map_or(String::new(), |c| format!("column {c}: ")),
                problem.message
            ));
        }
        batch.push(Submission { body: row.to_string(), code_hash: None });
    }
    let mut db = Store::open(&args.db.db).map_err(|e| e.to_string())?;
    db.submit(&batch).map_err(|e| e.to_string())?;
    // The file's layout would otherwise follow the imported file's row order.
    db.seal().map_err(|e| e.to_string())?;
    eprintln!("secpulse: imported {} answers into {}", batch.len(), args.db.db.display());
    Ok(())
}

/// Scores the stored answers through the disclosure layer (with the records of the database's
/// earlier publications) and stores the published report and its record.
pub fn publish(args: PublishArgs) -> CliResult {
    let instrument = load_instrument(args.instrument.as_deref())?;
    let mut db = Store::open(&args.db.db).map_err(|e| e.to_string())?;
    let jsonl = db.export_jsonl().map_err(|e| e.to_string())?;
    let prior = db.publication_records().map_err(|e| e.to_string())?;
    let (report, record) = published_report(&instrument, &jsonl, &args.by, MinGroup::new(args.min_group)?, &prior)?;
    db.set_published(&report, &record).map_err(|e| e.to_string())?;
    eprintln!("secpulse: published the aggregates-only report of {} to its public page (/report)", args.db.db.display());
    Ok(())
}

/// Copies the database with SQLite's online backup.
pub fn backup(args: BackupArgs) -> CliResult {
    if args.out.exists() {
        return Err(format!("{} exists; give a new file name", args.out.display()));
    }
    Store::open_read_only(&args.db.db).and_then(|s| s.backup_to(&args.out)).map_err(|e| e.to_string())?;
    eprintln!("secpulse: backed up {} to {}", args.db.db.display(), args.out.display());
    Ok(())
}

/// The answers in a database file as JSON Lines, or `None` when `bytes` are not a database.
pub fn database_rows(name: &str, bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    if !store::is_database(bytes) {
        return Ok(None);
    }
    Store::open_read_only(Path::new(name)).and_then(|s| s.export_jsonl()).map(Some).map_err(|e| e.to_string())
}
