//! SQLite storage for collected answers (native only, feature `serve`).
//!
//! Three tables and nothing that ties them together:
//! - `responses`: one row per answer, the canonical JSON of the row and nothing else. Its key is
//!   a content hash salted with a random nonce that is not kept, so the key order (the export
//!   order) is unrelated to arrival, and there is no rowid, time, address or code.
//! - `invites`: the SHA-256 of each invite code and whether it was used. Marking a code used
//!   and inserting the answer happen in one transaction, with no shared id between the two.
//! - `published`: the aggregates-only report shown on the public page; `publications`: the
//!   record of what every publication released (no rows, no sizes), for the next one.
//!
//! The database runs in WAL mode with `synchronous=FULL`: a commit has reached the disk when it
//! returns, so an answer acknowledged after [`Store::submit`] survives a crash or power cut.
//! The schema is versioned with `PRAGMA user_version` and migrated on open ([`MIGRATIONS`]).

mod invites;

use std::fmt;
use std::path::Path;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use sha2::{Digest, Sha256};

pub use invites::{code_hash, new_code, normalize_code};

/// The schema, one step per version: step `i` takes `user_version` from `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: answers, invite codes, the published report.
    "CREATE TABLE responses (key BLOB PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID;
     CREATE TABLE invites (code_hash BLOB PRIMARY KEY, used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))) WITHOUT ROWID;
     CREATE TABLE published (id INTEGER PRIMARY KEY CHECK (id = 1), report TEXT NOT NULL);",
    // 2: what each publication released (privacy::prior::Publication as JSON), so the next
    // report of the same database is decided with them and cannot be subtracted from them.
    "CREATE TABLE publications (record TEXT NOT NULL);",
];

/// What went wrong in the database, with the file it is about.
#[derive(Debug)]
pub struct StoreError(String);

impl StoreError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> StoreError {
        StoreError(message.into())
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError(format!("database: {e}"))
    }
}

/// One answer to store: its canonical JSON and, when invite codes are on, the code's hash.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The row as canonical JSON (keys sorted, no spaces): the only thing stored about it.
    pub body: String,
    /// SHA-256 of the invite code the answer came with, if codes are required.
    pub code_hash: Option<[u8; 32]>,
}

/// What happened to one [`Submission`] in [`Store::submit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored and durable.
    Stored,
    /// The invite code was already used: nothing stored.
    CodeUsed,
    /// The invite code was never issued: nothing stored.
    CodeUnknown,
}

/// How many answers and invite codes the database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Stored answers.
    pub responses: u64,
    /// Invite codes issued.
    pub invites: u64,
    /// Invite codes used.
    pub invites_used: u64,
}

/// An open database of collected answers.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode with full sync, and
    /// migrates its schema to the current version. Fails on a database from a newer secpulse.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError(format!("cannot open {}: {e}", path.display())))?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError(format!("{}: cannot use write-ahead logging (journal mode is {mode})", path.display())));
        }
        // secure_delete: what is deleted or moved is overwritten, not left in free pages.
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;")?;
        let mut store = Store { conn };
        store.migrate().map_err(|e| StoreError(format!("{}: {e}", path.display())))?;
        Ok(store)
    }

    /// Opens an existing database read-only (for `secpulse score` and exports).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError(format!("cannot open {}: {e}", path.display())))?;
        conn.execute_batch("PRAGMA busy_timeout = 5000;")?;
        let store = Store { conn };
        let version = store.version()?;
        if version != MIGRATIONS.len() {
            let why = if version > MIGRATIONS.len() { "a newer secpulse" } else { "an older secpulse; open it with `secpulse serve` once" };
            return Err(StoreError(format!("{}: schema version {version} is from {why}", path.display())));
        }
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn version(&self) -> Result<usize, StoreError> {
        let v: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(usize::try_from(v).unwrap_or(usize::MAX))
    }

    /// Runs the migrations the database has not had yet, each in its own transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let current = self.version()?;
        if current > MIGRATIONS.len() {
            return Err(StoreError(format!("schema version {current} is from a newer secpulse (this one knows {})", MIGRATIONS.len())));
        }
        for (step, sql) in MIGRATIONS.iter().enumerate().skip(current) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", step + 1))?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Stores a batch of answers in one durable transaction (group commit) and says what
    /// happened to each. For an answer with a code, the code is marked used in `invites` and
    /// the answer inserted in `responses` in this same transaction, or neither.
    pub fn submit(&mut self, batch: &[Submission]) -> Result<Vec<Outcome>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(batch.len());
        {
            let mut use_code = tx.prepare_cached("UPDATE invites SET used = 1 WHERE code_hash = ?1 AND used = 0")?;
            let mut known = tx.prepare_cached("SELECT 1 FROM invites WHERE code_hash = ?1")?;
            let mut insert = tx.prepare_cached("INSERT INTO responses (key, body) VALUES (?1, ?2)")?;
            for submission in batch {
                if let Some(hash) = &submission.code_hash {
                    if use_code.execute([&hash[..]])? == 0 {
                        let issued = known.query_row([&hash[..]], |_| Ok(())).optional()?.is_some();
                        outcomes.push(if issued { Outcome::CodeUsed } else { Outcome::CodeUnknown });
                        continue;
                    }
                }
                insert.execute(params![&salted_key(&submission.body)[..], submission.body])?;
                outcomes.push(Outcome::Stored);
            }
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Every stored answer as JSON Lines, in key order (unrelated to arrival).
    pub fn export_jsonl(&self) -> Result<Vec<u8>, StoreError> {
        let mut out = Vec::new();
        self.for_each_body(|body| {
            out.extend_from_slice(body.as_bytes());
            out.push(b'\n');
        })?;
        Ok(out)
    }

    /// Calls `f` with each stored answer's JSON, in key order.
    pub fn for_each_body(&self, mut f: impl FnMut(&str)) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare("SELECT body FROM responses ORDER BY key")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?);
        }
        Ok(())
    }

    /// How many answers and codes the database holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))?.max(0) as u64) };
        Ok(Counts {
            responses: count("SELECT count(*) FROM responses")?,
            invites: count("SELECT count(*) FROM invites")?,
            invites_used: count("SELECT count(*) FROM invites WHERE used = 1")?,
        })
    }

    /// Records the hashes of newly issued invite codes; returns how many were new.
    pub fn add_invites(&mut self, hashes: &[[u8; 32]]) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut added = 0;
        {
            let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO invites (code_hash) VALUES (?1)")?;
            for hash in hashes {
                added += insert.execute([&hash[..]])?;
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Stores `report` (published JSON, aggregates only) as the one the public page shows,
    /// and the `record` of what it released, in one transaction.
    pub fn set_published(&mut self, report: &str, record: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("INSERT OR REPLACE INTO published (id, report) VALUES (1, ?1)", [report])?;
        tx.execute("INSERT INTO publications (record) VALUES (?1)", [record])?;
        tx.commit()?;
        Ok(())
    }

    /// The records of every earlier publication, oldest first.
    pub fn publication_records(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT record FROM publications ORDER BY rowid")?;
        let records = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(records)
    }

    /// The published report, if one was published.
    pub fn published(&self) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT report FROM published WHERE id = 1", [], |r| r.get(0)).optional()?)
    }

    /// Copies the whole database to `dest` (a new file) as one consistent snapshot, safe while
    /// serving. `VACUUM INTO` writes every table afresh in key order, so the copy's layout
    /// (which page, which place in a page) says nothing about the order answers arrived in,
    /// unlike a page-by-page copy of the live file.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError(format!("{} already exists: back up to a new file", dest.display())));
        }
        let name = dest.to_str().ok_or_else(|| StoreError(format!("{}: not a UTF-8 path", dest.display())))?;
        self.conn.execute("VACUUM INTO ?1", [name]).map_err(|e| StoreError(format!("cannot back up to {}: {e}", dest.display())))?;
        Ok(())
    }

    /// Moves everything from the write-ahead log into the main file and empties the log.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Checkpoints, then rewrites the file in key order (`VACUUM`) and checkpoints again: while
    /// answers come in, where each lands in the file follows arrival; after this it does not.
    /// Run when collection stops (shutdown, the end of an import).
    pub fn seal(&self) -> Result<(), StoreError> {
        self.checkpoint()?;
        self.conn.execute_batch("VACUUM;")?;
        self.checkpoint()
    }

    /// `PRAGMA integrity_check`: "ok", or what is wrong.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(lines.join("; "))
    }
}

/// The storage key of an answer: SHA-256 of a fresh random nonce and the body. The nonce is
/// not kept, so equal answers get different keys and key order says nothing about arrival.
fn salted_key(body: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(invites::random_bytes::<16>());
    hasher.update(body.as_bytes());
    hasher.finalize().into()
}

/// True when `bytes` start like an SQLite database file.
pub fn is_database(bytes: &[u8]) -> bool {
    bytes.starts_with(b"SQLite format 3\0")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database path in a fresh directory, which is removed with the database when the guard is dropped.
    fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::Builder::new().prefix("secpulse-store-").tempdir().unwrap();
        let path = dir.path().join("t.db");
        (dir, path)
    }

    #[test]
    fn migrates_a_new_database_to_the_current_version() {
        let (_dir, path) = temp_db();
        let store = Store::open(&path).unwrap();
        assert_eq!(store.version().unwrap(), MIGRATIONS.len());
        drop(store);
        assert_eq!(Store::open(&path).unwrap().version().unwrap(), MIGRATIONS.len());
    }

    #[test]
    fn a_code_is_used_once_and_unknown_codes_store_nothing() {
        let (_dir, path) = temp_db();
        let mut store = Store::open(&path).unwrap();
        let code = code_hash(&new_code());
        store.add_invites(&[code]).unwrap();
        let with = |hash| Submission { body: "{\"en1\":4}".into(), code_hash: Some(hash) };
        let outcomes = store.submit(&[with(code), with(code), with([7; 32])]).unwrap();
        assert_eq!(outcomes, [Outcome::Stored, Outcome::CodeUsed, Outcome::CodeUnknown]);
        assert_eq!(store.counts().unwrap(), Counts { responses: 1, invites: 1, invites_used: 1 });
    }

    /// Where each answer's bytes sit in the file, in the order they were submitted.
    fn positions(path: &Path, bodies: &[String]) -> Vec<usize> {
        let bytes = std::fs::read(path).unwrap();
        let find = |b: &str| bytes.windows(b.len()).position(|w| w == b.as_bytes()).expect("the answer is in the main file");
        bodies.iter().map(|b| find(b)).collect()
    }

    #[test]
    fn a_sealed_file_and_a_backup_do_not_keep_arrival_order() {
        let (_dir, path) = temp_db();
        let mut store = Store::open(&path).unwrap();
        let bodies: Vec<String> = (0..40).map(|i| format!("{{\"en1\":{},\"note\":\"arrival-{i:02}\"}}", 1 + i % 5)).collect();
        for b in &bodies {
            store.submit(&[Submission { body: b.clone(), code_hash: None }]).unwrap();
        }
        // Share of neighbours (in arrival order) whose bytes lie in the same direction as the first pair's.
        let in_order = |p: &[usize]| {
            let dirs: Vec<bool> = p.windows(2).map(|w| w[1] > w[0]).collect();
            dirs.iter().filter(|&&d| d == dirs[0]).count() as f64 / dirs.len() as f64
        };
        store.checkpoint().unwrap();
        let live = in_order(&positions(&path, &bodies));
        assert!(live > 0.9, "the live file follows arrival ({live}); the test would not see a change");
        let backup = path.with_file_name("backup.db");
        store.backup_to(&backup).unwrap();
        store.seal().unwrap();
        let (sealed, copied) = (in_order(&positions(&path, &bodies)), in_order(&positions(&backup, &bodies)));
        assert!(sealed < 0.8 && copied < 0.8, "after sealing {sealed}, in the backup {copied}: still in arrival order");
        assert_eq!(Store::open_read_only(&backup).unwrap().counts().unwrap().responses, 40);
    }

    #[test]
    fn equal_answers_are_both_kept() {
        let (_dir, path) = temp_db();
        let mut store = Store::open(&path).unwrap();
        let same = Submission { body: "{\"en1\":4}".into(), code_hash: None };
        store.submit(&[same.clone(), same]).unwrap();
        assert_eq!(store.export_jsonl().unwrap(), b"{\"en1\":4}\n{\"en1\":4}\n");
    }
}
