//! The released reports of the views a reader asked for last, and of those prepared ahead of
//! time (the dashboard scores the views its filter menu offers while the reader looks), so that a
//! filter change reads a report instead of scoring one. Holds released reports only: whatever
//! made them went through [`Views::report`](super::Views::report) and its disclosure layer. The
//! dashboard keeps each as the JSON text it hands out, the smallest form it has (bench/README.md,
//! "Memory", round 4).

/// Why a view's report is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// The reader asked for it: it becomes the last used.
    Asked,
    /// Prepared ahead of time: a report already kept keeps its place, so the views the reader
    /// asked for outlast those only prepared.
    Ahead,
}

/// At most `capacity` released reports `R` (the dashboard's: a [`Report`](crate::report::Report)'s
/// JSON text) by view key `K`, the one used longest ago dropped first.
///
/// ```
/// use secpulse::views::cache::{ReportCache, Use};
/// let mut cache = ReportCache::new(2);
/// let mut scored = 0;
/// let mut score = |view: &&str| -> Result<String, ()> { scored += 1; Ok(format!("report of {view}")) };
/// cache.get(&"everyone", Use::Asked, &mut score)?;
/// let kept = cache.get(&"everyone", Use::Asked, &mut score)?;
/// assert_eq!((kept.as_str(), scored), ("report of everyone", 1));
/// # Ok::<(), ()>(())
/// ```
#[derive(Debug)]
pub struct ReportCache<K, R> {
    /// Reports by key, the one used last at the end.
    entries: Vec<(K, R)>,
    capacity: usize,
}

impl<K: PartialEq + Clone, R> ReportCache<K, R> {
    /// An empty cache of at most `capacity` reports (at least one).
    pub fn new(capacity: usize) -> ReportCache<K, R> {
        ReportCache { entries: Vec::new(), capacity: capacity.max(1) }
    }

    /// Forgets every report (the data, the comment analysis or the names to redact changed).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The report of `key`, made by `score` when it is not kept. A report made now, or asked for,
    /// becomes the last used; one prepared again ([`Use::Ahead`]) keeps its place.
    pub fn get<E>(&mut self, key: &K, used: Use, score: impl FnOnce(&K) -> Result<R, E>) -> Result<&R, E> {
        match self.entries.iter().position(|(kept, _)| kept == key) {
            Some(at) if used == Use::Ahead => return Ok(&self.entries[at].1),
            Some(at) => {
                let hit = self.entries.remove(at);
                self.entries.push(hit);
            }
            None => {
                let report = score(key)?;
                if self.entries.len() == self.capacity {
                    self.entries.remove(0);
                }
                self.entries.push((key.clone(), report));
            }
        }
        let last = self.entries.len() - 1;
        Ok(&self.entries[last].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores counted, keys of the views kept, after asking for `asked` (key, use) in order.
    fn run(capacity: usize, asked: &[(u32, Use)]) -> (usize, Vec<u32>) {
        let mut cache = ReportCache::new(capacity);
        let mut scored = 0;
        for (key, used) in asked {
            cache
                .get(key, *used, |_| {
                    scored += 1;
                    Ok::<_, ()>(())
                })
                .unwrap();
        }
        (scored, cache.entries.iter().map(|(key, _)| *key).collect())
    }

    #[test]
    fn a_kept_report_is_not_scored_again_and_the_oldest_goes_first() {
        let (scored, kept) = run(2, &[(1, Use::Asked), (2, Use::Asked), (1, Use::Asked), (3, Use::Asked)]);
        assert_eq!(scored, 3);
        assert_eq!(kept, [1, 3], "2 was used longest ago");
    }

    #[test]
    fn a_report_prepared_again_keeps_its_place() {
        let (scored, kept) = run(3, &[(1, Use::Asked), (2, Use::Ahead), (1, Use::Ahead), (3, Use::Ahead), (4, Use::Ahead)]);
        assert_eq!(scored, 4);
        assert_eq!(kept, [2, 3, 4], "1 was prepared again but not asked for: it is still the oldest");
    }
}
