//! Headcounts: how many people were invited, overall and per group, from a CSV with the
//! header `column,value,headcount` (e.g. `department,Finance,180`; `*,*,2400` for everyone).
//! Errors say the line and what is wrong.

use std::fmt;

/// The `column` (and `value`) of the row that gives everyone's headcount.
pub const EVERYONE: &str = "*";

/// People invited, per population.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headcounts {
    /// Everyone's headcount, when a `*,*,N` row gives it.
    pub total: Option<u64>,
    /// (column, value, headcount), in file order.
    pub groups: Vec<(String, String, u64)>,
}

/// Why a headcounts file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadcountError {
    /// 1-based line (0 when the problem is the file as a whole).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for HeadcountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "headcounts: {}", self.message),
            line => write!(f, "headcounts line {line}: {}", self.message),
        }
    }
}

impl std::error::Error for HeadcountError {}

fn error(line: u64, message: impl Into<String>) -> HeadcountError {
    HeadcountError { line, message: message.into() }
}

impl Headcounts {
    /// Reads `column,value,headcount` rows (header required; headcounts are whole numbers ≥ 1).
    pub fn from_csv(bytes: &[u8]) -> Result<Headcounts, HeadcountError> {
        let text = std::str::from_utf8(bytes).map_err(|e| error(0, format!("not UTF-8 text (byte {})", e.valid_up_to())))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().map_err(|e| error(1, e.to_string()))?.iter().map(|h| h.trim().to_lowercase()).collect();
        if header != ["column", "value", "headcount"] {
            return Err(error(1, format!("the header must be column,value,headcount (found {})", header.join(","))));
        }
        let mut out = Headcounts::default();
        for record in reader.records() {
            let record = record.map_err(|e| error(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(i).unwrap_or("").trim().to_string();
            let (column, value, count) = (field(0), field(1), field(2));
            if column.is_empty() || value.is_empty() {
                return Err(error(line, "column and value must not be empty (use *,* for everyone)"));
            }
            let headcount: u64 = match count.parse() {
                Ok(n) if n >= 1 => n,
                _ => return Err(error(line, format!("headcount {count:?} is not a whole number of at least 1"))),
            };
            if column == EVERYONE {
                if out.total.replace(headcount).is_some() {
                    return Err(error(line, "everyone's headcount (*,*) is given twice"));
                }
            } else if out.groups.iter().any(|(c, v, _)| *c == column && *v == value) {
                return Err(error(line, format!("{column} = {value:?} is listed twice")));
            } else {
                out.groups.push((column, value, headcount));
            }
        }
        if out.total.is_none() && out.groups.is_empty() {
            return Err(error(0, "no headcounts (expected rows such as department,Finance,180)"));
        }
        Ok(out)
    }

    /// The breakdown columns the headcounts name, in file order.
    pub fn columns(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (c, _, _) in &self.groups {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_says_where_they_are_wrong() {
        let h = Headcounts::from_csv(b"column,value,headcount\n*,*,400\ndepartment,Finance,40\ndepartment,\"Sales, EMEA\",60\n").unwrap();
        assert_eq!(h.total, Some(400));
        assert_eq!(h.groups[1], ("department".into(), "Sales, EMEA".into(), 60));
        assert_eq!(h.columns(), ["department"]);
        let err = |text: &str| Headcounts::from_csv(text.as_bytes()).unwrap_err().to_string();
        assert_eq!(err("dept,n\n"), "headcounts line 1: the header must be column,value,headcount (found dept,n)");
        assert_eq!(err("column,value,headcount\nrole,Staff,12\nrole,Staff,3\n"), "headcounts line 3: role = \"Staff\" is listed twice");
        assert_eq!(
            err("column,value,headcount\nrole,Staff,twelve\n"),
            "headcounts line 2: headcount \"twelve\" is not a whole number of at least 1"
        );
        assert_eq!(err("column,value,headcount\nrole,Staff,0\n"), "headcounts line 2: headcount \"0\" is not a whole number of at least 1");
        assert!(
            err("column,value,headcount\nrole,Staff\n").starts_with("headcounts line 2:"),
            "{}",
            err("column,value,headcount\nrole,Staff\n")
        );
        assert_eq!(err("column,value,headcount\n"), "headcounts: no headcounts (expected rows such as department,Finance,180)");
    }
}
