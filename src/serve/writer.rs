//! The one thread that writes answers: it takes every submission waiting, stores them in one
//! durable transaction (group commit) and only then answers each request.

use std::path::Path;
use std::thread::JoinHandle;

use tokio::sync::{mpsc, oneshot};

use crate::store::{Outcome, Store, StoreError, Submission};

/// Most submissions in one transaction.
const MAX_BATCH: usize = 1024;

/// One submission and where to send what happened to it.
type Job = (Submission, oneshot::Sender<Result<Outcome, String>>);

/// The sending side of the writer thread; dropping every clone ends the thread.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Opens the database and starts the writer thread; join the handle after dropping every
    /// [`Writer`] to have the last batch stored and the database sealed (`Store::seal`).
    pub fn start(db: &Path) -> Result<(Writer, JoinHandle<()>), StoreError> {
        let mut store = Store::open(db)?;
        let (jobs, mut queue) = mpsc::channel::<Job>(4 * MAX_BATCH);
        let thread = std::thread::Builder::new()
            .name("secpulse-writer".into())
            .spawn(move || {
                while let Some(first) = queue.blocking_recv() {
                    let mut batch = vec![first];
                    while batch.len() < MAX_BATCH {
                        match queue.try_recv() {
                            Ok(job) => batch.push(job),
                            Err(_) => break,
                        }
                    }
                    store_batch(&mut store, batch);
                }
                if let Err(e) = store.seal() {
                    eprintln!("secpulse serve: sealing the database on shutdown failed: {e}");
                }
            })
            .map_err(|e| StoreError::new(format!("cannot start the writer thread: {e}")))?;
        Ok((Writer { jobs }, thread))
    }

    /// Stores `submission`; returns once it is durable (or was refused).
    pub async fn submit(&self, submission: Submission) -> Result<Outcome, String> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send((submission, reply)).await.map_err(|_| "the server is shutting down".to_string())?;
        answer.await.map_err(|_| "the writer stopped".to_string())?
    }
}

/// Commits one batch and answers every job in it.
fn store_batch(store: &mut Store, batch: Vec<Job>) {
    let (submissions, replies): (Vec<Submission>, Vec<_>) = batch.into_iter().unzip();
    match store.submit(&submissions) {
        Ok(outcomes) => {
            for (reply, outcome) in replies.into_iter().zip(outcomes) {
                let _ = reply.send(Ok(outcome));
            }
        }
        Err(e) => {
            eprintln!("secpulse serve: storing {} answers failed, none acknowledged: {e}", submissions.len());
            for reply in replies {
                let _ = reply.send(Err(e.to_string()));
            }
        }
    }
}
