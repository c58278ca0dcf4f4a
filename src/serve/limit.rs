//! A per-client rate limit that keeps no address: clients are counted under a keyed hash of
//! their address, in memory only, and key and counts are thrown away every minute.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// How long a count lasts.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Counts submissions per client in the current minute.
pub struct RateLimiter {
    per_window: u32,
    started: Instant,
    key: RandomState,
    counts: HashMap<u64, u32>,
}

impl RateLimiter {
    /// Allows `per_window` submissions per client a minute (0: no limit).
    pub fn new(per_window: u32) -> RateLimiter {
        RateLimiter { per_window, started: Instant::now(), key: RandomState::new(), counts: HashMap::new() }
    }

    /// Counts one submission from `client`; false when it is over the limit.
    pub fn allow(&mut self, client: IpAddr) -> bool {
        self.allow_at(client, Instant::now())
    }

    fn allow_at(&mut self, client: IpAddr, now: Instant) -> bool {
        if self.per_window == 0 {
            return true;
        }
        if now.duration_since(self.started) >= WINDOW {
            // A new minute: a new key, so nothing of the last minute can be matched again.
            *self = RateLimiter::new(self.per_window);
            self.started = now;
        }
        let count = self.counts.entry(self.key.hash_one(client)).or_insert(0);
        *count = count.saturating_add(1);
        *count <= self.per_window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_client_per_minute() {
        let mut limiter = RateLimiter::new(2);
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let t = Instant::now();
        assert!(limiter.allow_at(a, t) && limiter.allow_at(a, t));
        assert!(!limiter.allow_at(a, t));
        assert!(limiter.allow_at(b, t));
        assert!(limiter.allow_at(a, t + WINDOW));
        assert!(RateLimiter::new(0).allow(a));
    }
}
