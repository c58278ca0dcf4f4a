//! Which rows of a table a statistic is computed over.

/// Which rows a statistic is computed over.
#[derive(Debug, Clone, Copy)]
pub enum Rows<'a> {
    /// Every row of a table with this many rows.
    All(usize),
    /// The listed row indices.
    Only(&'a [u32]),
}

impl Rows<'_> {
    /// Calls `f` with each row index.
    pub fn for_each(self, mut f: impl FnMut(usize)) {
        match self {
            Rows::All(n) => (0..n).for_each(f),
            Rows::Only(rows) => rows.iter().for_each(|&r| f(r as usize)),
        }
    }

    /// True when there are no rows.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Number of rows.
    pub fn len(self) -> usize {
        match self {
            Rows::All(n) => n,
            Rows::Only(rows) => rows.len(),
        }
    }
}
