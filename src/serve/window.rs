//! When the survey takes answers: `--opens` / `--closes` times and the message a closed form shows.

use std::time::{SystemTime, UNIX_EPOCH};

/// A point in time given on the command line, kept with its text for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instant {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The time as the operator wrote it.
    pub text: String,
}

/// Reads `2026-03-01` (midnight UTC), `2026-03-01T09:00Z` or `2026-03-01T09:00:00Z`.
pub fn parse_time(text: &str) -> Result<Instant, String> {
    let bad = || format!("{text:?} is not a time like 2026-03-01 or 2026-03-01T09:00:00Z (UTC)");
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, t.strip_suffix('Z').ok_or_else(bad)?),
        None => (text, "00:00"),
    };
    let num = |s: &str| s.parse::<i64>().map_err(|_| bad());
    let d: Vec<&str> = date.split('-').collect();
    let t: Vec<&str> = time.split(':').collect();
    if d.len() != 3 || !(2..=3).contains(&t.len()) {
        return Err(bad());
    }
    let (y, m, day) = (num(d[0])?, num(d[1])?, num(d[2])?);
    let (h, min, s) = (num(t[0])?, num(t[1])?, t.get(2).map_or(Ok(0), |s| num(s))?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) || h > 23 || min > 59 || s > 59 || !(1970..=9999).contains(&y) {
        return Err(bad());
    }
    Ok(Instant { unix: days_from_civil(y, m, day) * 86_400 + h * 3600 + min * 60 + s, text: text.to_string() })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The period answers are taken in; either end may be open.
#[derive(Debug, Clone, Default)]
pub struct Window {
    /// No answers before this time.
    pub opens: Option<Instant>,
    /// No answers from this time on.
    pub closes: Option<Instant>,
}

impl Window {
    /// `None` while answers are taken, else the sentence the form shows.
    pub fn closed_message(&self, now: i64) -> Option<String> {
        if let Some(opens) = self.opens.as_ref().filter(|o| now < o.unix) {
            return Some(format!("This survey is not open yet: it opens at {} (UTC).", opens.text));
        }
        let closes = self.closes.as_ref().filter(|c| now >= c.unix)?;
        Some(format!("This survey closed at {} (UTC) and takes no more answers. Thank you for your interest.", closes.text))
    }
}

/// Seconds since 1970 now.
pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_utc_times() {
        assert_eq!(parse_time("1970-01-02").unwrap().unix, 86_400);
        assert_eq!(parse_time("2026-03-01T09:30Z").unwrap().unix, 1_772_357_400);
        assert_eq!(parse_time("2000-02-29T00:00:01Z").unwrap().unix, 951_782_401);
        for bad in ["2026-13-01", "yesterday", "2026-03-01T09:00", "2026-03-01T25:00Z"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn says_whether_it_is_open() {
        let window = Window { opens: Some(parse_time("2026-01-01").unwrap()), closes: Some(parse_time("2026-02-01").unwrap()) };
        assert!(window.closed_message(window.opens.as_ref().unwrap().unix - 1).unwrap().contains("not open yet"));
        assert!(window.closed_message(window.opens.as_ref().unwrap().unix).is_none());
        assert!(window.closed_message(window.closes.as_ref().unwrap().unix).unwrap().contains("closed"));
    }
}
