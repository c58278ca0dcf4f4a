//! Linked-table disclosure control: which populations may show a statistic, decided for
//! all reachable populations at once so that no combination of released numbers isolates
//! fewer than `k` contributors.
//!
//! Rows are grouped into *cells*, the finest cross-classification by every segment column
//! (wave included). Every population a reader can reach is a union of cells, so everything
//! a reader can compute from additive statistics (counts, sums, hence means and shares)
//! released for populations P₁ … Pₘ is a linear combination Σ yᶜ·xᶜ of the cells' values xᶜ
//! with y in the span of the populations' cell-indicator vectors. A combination tells about
//! the contributors of the cells where y ≠ 0, so it is safe when those cells hold 0 or at
//! least `k` contributors. [`Echelon`] keeps the span in reduced row echelon form, with the
//! cells holding `k` or more contributors first: the combinations that touch only smaller
//! cells are then exactly the rows whose pivot is a small cell, and a population is
//! released only when every such combination still rests on `k` or more contributors
//! (checked by [`Echelon::small_part_is_safe`], conservatively).
//!
//! Verbatim comments are different: a comment shown in two views is known to come from
//! their intersection, so for texts the *Boolean* combinations of populations must be safe.
//! [`Atoms`] keeps the partition of cells that the released populations generate and
//! releases a population only when every part holds 0 or at least `t` authors.

use std::collections::HashMap;

/// The answers behind one statistic, counted per cell: `counts[cell]` contributors.
pub type CellCounts = Vec<u32>;

/// Most subsets of small-cell combinations [`Echelon::small_part_is_safe`] looks at before it
/// gives up and calls the population unsafe.
const SEARCH_BUDGET: usize = 4_000;

/// The span of the released populations over one statistic's cells, in reduced row echelon
/// form with integer rows.
#[derive(Debug, Clone)]
pub struct Echelon {
    /// Minimum contributors behind any combination.
    k: u32,
    /// Column of each cell (`None` for cells without contributors, which no combination
    /// can tell anything about).
    column_of: Vec<Option<usize>>,
    /// Contributors of each column.
    weight: Vec<u32>,
    /// First column of a small cell (1 … k − 1 contributors); columns before it hold ≥ k.
    first_small: usize,
    /// Rows of the span: pivot column and values (primitive, pivot positive).
    rows: Vec<(usize, Vec<i64>)>,
    /// Set when a known population could not be added (integer overflow): the span is then
    /// unknown, and nothing more is safe.
    lost: bool,
}

/// What adding one population to an [`Echelon`] would do.
#[derive(Debug, Clone)]
pub enum Addition {
    /// Nothing new: the population's statistic already follows from released ones.
    Known,
    /// A new, safe row to insert with [`Echelon::insert`].
    Safe((usize, Vec<i64>)),
    /// Releasing the population would let a reader isolate fewer than `k` contributors.
    Unsafe,
}

impl Echelon {
    /// An empty span over cells with `counts` contributors.
    pub fn new(counts: &[u32], k: u32) -> Echelon {
        let mut order: Vec<usize> = (0..counts.len()).filter(|&c| counts[c] > 0).collect();
        // Large cells first (the order inside them does not matter), then small cells with
        // the most contributors first, so pivots of small combinations are large cells.
        crate::sort::sort_by_key(&mut order, |&c| (counts[c] < k, std::cmp::Reverse(counts[c]), c));
        let mut column_of = vec![None; counts.len()];
        for (col, &cell) in order.iter().enumerate() {
            column_of[cell] = Some(col);
        }
        let weight: Vec<u32> = order.iter().map(|&c| counts[c]).collect();
        let first_small = weight.iter().position(|&w| w < k).unwrap_or(weight.len());
        Echelon { k, column_of, weight, first_small, rows: Vec::new(), lost: false }
    }

    /// What releasing the population made of `cells` would add.
    pub fn check(&self, cells: &[usize]) -> Addition {
        let Some(v) = self.reduced(cells).filter(|_| !self.lost) else { return Addition::Unsafe };
        let Some(pivot) = v.iter().position(|&x| x != 0) else { return Addition::Known };
        if pivot < self.first_small {
            return Addition::Safe((pivot, v));
        }
        match self.small_part_is_safe(pivot, &v) {
            true => Addition::Safe((pivot, v)),
            false => Addition::Unsafe,
        }
    }

    /// Adds the population made of `cells` whatever it isolates: it was released before, so
    /// the reader knows it already and later checks must count it.
    pub fn assume(&mut self, cells: &[usize]) {
        let Some(v) = self.reduced(cells) else {
            self.lost = true;
            return;
        };
        // A zero row: the population follows from those already in the span.
        if let Some(pivot) = v.iter().position(|&x| x != 0) {
            self.lost |= !self.insert((pivot, v));
        }
    }

    /// The indicator row of the population made of `cells`, reduced by the span; `None` on
    /// overflow.
    fn reduced(&self, cells: &[usize]) -> Option<Vec<i64>> {
        let mut v = vec![0i64; self.weight.len()];
        for &c in cells {
            if let Some(col) = self.column_of.get(c).copied().flatten() {
                v[col] = 1;
            }
        }
        self.reduce(v)
    }

    /// Adds a row that [`check`](Self::check) found safe, keeping the form reduced.
    /// Returns false (and changes nothing) when the integers would overflow.
    pub fn insert(&mut self, (pivot, row): (usize, Vec<i64>)) -> bool {
        let mut rows = self.rows.clone();
        for (_, r) in rows.iter_mut() {
            match eliminate(r, &row, pivot) {
                Some(x) => *r = x,
                None => return false,
            }
        }
        rows.push((pivot, row));
        self.rows = rows;
        true
    }

    /// `v` reduced by every row (zero in every pivot column); `None` on overflow.
    fn reduce(&self, mut v: Vec<i64>) -> Option<Vec<i64>> {
        for (pivot, row) in &self.rows {
            if v[*pivot] != 0 {
                v = eliminate(&v, row, *pivot)?;
            }
        }
        Some(v)
    }

    /// True when every combination of the small-pivot rows and `v` (a new row with its
    /// pivot among the small cells) rests on `k` or more contributors.
    ///
    /// Cells whose columns are equal in every such row always enter a combination together,
    /// so they are merged first (their contributors add up). A combination with coefficients
    /// aᵢ ≠ 0 for the rows I is then non-zero at least at the columns where exactly one row
    /// of I is non-zero (pivots among them); if even that lower bound reaches `k` for every
    /// I, the span is safe. A subset whose bound already reaches `k` on columns no later row
    /// touches keeps it in every extension, so the search skips those. Past
    /// [`SEARCH_BUDGET`] subsets the answer is a conservative "unsafe".
    fn small_part_is_safe(&self, pivot: usize, v: &[i64]) -> bool {
        let mut rows: Vec<Vec<i64>> = Vec::new();
        for (_, row) in self.rows.iter().filter(|(p, _)| *p >= self.first_small) {
            let Some(r) = eliminate(row, v, pivot) else { return false };
            rows.push(r);
        }
        rows.push(v.to_vec());
        let (supports, weight) = merge_parallel(&rows, &self.weight[self.first_small..], self.first_small);
        let mut last_row = vec![0usize; weight.len()];
        for (i, s) in supports.iter().enumerate() {
            s.iter().for_each(|&c| last_row[c] = i);
        }
        // Every combination is constant on the merged columns; when each holds k or more,
        // any non-zero combination rests on k or more.
        if weight.iter().all(|&w| w >= self.k) {
            return true;
        }
        let mut search = SubsetSearch { rows: &supports, weight: &weight, last_row: &last_row, k: self.k, hits: vec![0; weight.len()] };
        let mut budget = SEARCH_BUDGET;
        search.all_safe(0, 0, &mut Vec::new(), &mut budget)
    }
}

/// The supports of `rows` (over columns `offset..`) after merging columns that are equal in
/// every row, and the merged columns' weights.
fn merge_parallel(rows: &[Vec<i64>], weight: &[u32], offset: usize) -> (Vec<Vec<usize>>, Vec<u32>) {
    let mut class_of: HashMap<Vec<i64>, usize> = HashMap::new();
    let mut merged: Vec<u32> = Vec::new();
    let mut column_class = vec![usize::MAX; weight.len()];
    for (c, &w) in weight.iter().enumerate() {
        let key: Vec<i64> = rows.iter().map(|r| r[offset + c]).collect();
        if key.iter().all(|&x| x == 0) {
            continue;
        }
        let class = *class_of.entry(key).or_insert_with(|| {
            merged.push(0);
            merged.len() - 1
        });
        merged[class] += w;
        column_class[c] = class;
    }
    let supports = rows
        .iter()
        .map(|r| {
            let mut s: Vec<usize> = (0..weight.len()).filter(|&c| r[offset + c] != 0).map(|c| column_class[c]).collect();
            s.sort_unstable();
            s.dedup();
            s
        })
        .collect();
    (supports, merged)
}

/// Depth-first search over subsets of small-cell rows for one whose lower bound is under `k`.
struct SubsetSearch<'a> {
    rows: &'a [Vec<usize>],
    weight: &'a [u32],
    /// The last row non-zero in each column.
    last_row: &'a [usize],
    k: u32,
    /// How many chosen rows are non-zero in each column.
    hits: Vec<u32>,
}

impl SubsetSearch<'_> {
    /// True when every non-empty extension of the chosen rows (`chosen`, whose bound is
    /// `bound`) by rows from `from` on keeps the lower bound at `k` or more.
    fn all_safe(&mut self, from: usize, bound: u32, chosen: &mut Vec<usize>, budget: &mut usize) -> bool {
        for i in from..self.rows.len() {
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            // Columns where exactly one chosen row is non-zero give the bound.
            let mut b = bound;
            for &c in &self.rows[i] {
                self.hits[c] += 1;
                match self.hits[c] {
                    1 => b += self.weight[c],
                    2 => b -= self.weight[c],
                    _ => {}
                }
            }
            chosen.push(i);
            // Those of them no later row touches stay non-zero in every extension.
            let mut settled = 0u32;
            for &r in chosen.iter() {
                for &c in &self.rows[r] {
                    if self.hits[c] == 1 && self.last_row[c] <= i {
                        settled += self.weight[c];
                    }
                }
            }
            let ok = b >= self.k && (settled >= self.k || self.all_safe(i + 1, b, chosen, budget));
            chosen.pop();
            for &c in &self.rows[i] {
                self.hits[c] -= 1;
            }
            if !ok {
                return false;
            }
        }
        true
    }
}

/// `a` with its `pivot` column cleared by `b` (whose pivot it is), made primitive; `None`
/// on overflow.
fn eliminate(a: &[i64], b: &[i64], pivot: usize) -> Option<Vec<i64>> {
    let (fa, fb) = (b[pivot], a[pivot]);
    if fb == 0 {
        return Some(a.to_vec());
    }
    let mut out = Vec::with_capacity(a.len());
    for (&x, &y) in a.iter().zip(b) {
        out.push(x.checked_mul(fa)?.checked_sub(y.checked_mul(fb)?)?);
    }
    let g = out.iter().fold(0i64, |g, &x| gcd(g, x.unsigned_abs() as i64));
    if g > 1 {
        out.iter_mut().for_each(|x| *x /= g);
    }
    if out.iter().find(|&&x| x != 0).is_some_and(|&x| x < 0) {
        out.iter_mut().for_each(|x| *x = -*x);
    }
    Some(out)
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The populations released so far, kept to refuse one whose difference with another is
/// mixed in sign with a part of 1 … k − 1 contributors. Counts cannot be negative, so in
/// `A − B = (A \ B) − (B \ A)` a reader bounds each part by the other: when Engineering shows
/// two answers of "1" more than Leader does, at least two Engineering non-leaders answered "1",
/// and if there are two of them, both did. [`Echelon`] looks only at how many contributors a
/// combination touches, whatever the signs, so this check runs beside it (pairs only).
#[derive(Debug, Clone)]
pub struct SignedParts {
    k: u32,
    counts: Vec<CellCounts>,
    released: Vec<Vec<bool>>,
}

impl SignedParts {
    /// No population released yet, over cells with `counts` contributors per cell (one or more
    /// kinds of contributors that must each stay safe), threshold `k`.
    pub fn new(counts: &[CellCounts], k: u32) -> SignedParts {
        SignedParts { k, counts: counts.to_vec(), released: Vec::new() }
    }

    /// True when, with every population released so far, neither part of a mixed-sign
    /// difference holds 1 … k − 1 contributors.
    pub fn safe(&self, cells: &[usize]) -> bool {
        let inside = self.marked(cells);
        let small = |x: u32| x > 0 && x < self.k;
        self.released.iter().all(|before| {
            self.counts.iter().all(|counts| {
                let (mut only_new, mut only_old) = (0u32, 0u32);
                for (c, &n) in counts.iter().enumerate() {
                    match (inside[c], before[c]) {
                        (true, false) => only_new += n,
                        (false, true) => only_old += n,
                        _ => {}
                    }
                }
                !(only_new > 0 && only_old > 0 && (small(only_new) || small(only_old)))
            })
        })
    }

    /// Records the population made of `cells` as released.
    pub fn add(&mut self, cells: &[usize]) {
        let inside = self.marked(cells);
        self.released.push(inside);
    }

    fn marked(&self, cells: &[usize]) -> Vec<bool> {
        let mut inside = vec![false; self.counts.first().map_or(0, Vec::len)];
        for &c in cells {
            if let Some(slot) = inside.get_mut(c) {
                *slot = true;
            }
        }
        inside
    }
}

/// The partition of cells generated by the populations released so far, for statistics
/// that are not additive (verbatim comments: a text is known to come from the intersection
/// of the views that show it).
#[derive(Debug, Clone)]
pub struct Atoms {
    t: u32,
    counts: Vec<u32>,
    atom_of: Vec<u32>,
    atoms: u32,
}

impl Atoms {
    /// One atom (all cells) with `counts` contributors per cell, threshold `t`.
    pub fn new(counts: &[u32], t: u32) -> Atoms {
        Atoms { t, counts: counts.to_vec(), atom_of: vec![0; counts.len()], atoms: 1 }
    }

    /// Splits every atom by the population made of `cells` when every part then holds 0 or
    /// at least `t` contributors; returns whether it did.
    pub fn try_add(&mut self, cells: &[usize]) -> bool {
        let n = self.atoms as usize;
        let (mut inside, mut total) = (vec![0u32; n], vec![0u32; n]);
        let in_pop = self.marked(cells);
        for (c, &a) in self.atom_of.iter().enumerate() {
            total[a as usize] += self.counts[c];
            if in_pop[c] {
                inside[a as usize] += self.counts[c];
            }
        }
        let fine = |x: u32| x == 0 || x >= self.t;
        if !(0..n).all(|a| fine(inside[a]) && fine(total[a] - inside[a])) {
            return false;
        }
        self.split(&in_pop);
        true
    }

    /// Splits every atom by the population made of `cells`, whatever the parts hold: it was
    /// released before, so the reader knows it already.
    pub fn assume(&mut self, cells: &[usize]) {
        let in_pop = self.marked(cells);
        self.split(&in_pop);
    }

    /// One flag per cell: in `cells` or not.
    fn marked(&self, cells: &[usize]) -> Vec<bool> {
        let mut in_pop = vec![false; self.counts.len()];
        for &c in cells {
            if let Some(slot) = in_pop.get_mut(c) {
                *slot = true;
            }
        }
        in_pop
    }

    /// Moves the cells marked in `in_pop` to a new atom per old atom.
    fn split(&mut self, in_pop: &[bool]) {
        let n = self.atoms as usize;
        let mut renamed: Vec<Option<u32>> = vec![None; n];
        for (c, a) in self.atom_of.iter_mut().enumerate() {
            if in_pop[c] {
                let old = *a as usize;
                *a = *renamed[old].get_or_insert_with(|| {
                    self.atoms += 1;
                    self.atoms - 1
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Releases populations (cell lists) in order; returns which were released.
    fn release(counts: &[u32], k: u32, pops: &[&[usize]]) -> Vec<bool> {
        let mut e = Echelon::new(counts, k);
        pops.iter()
            .map(|p| match e.check(p) {
                Addition::Known => true,
                Addition::Safe(row) => e.insert(row),
                Addition::Unsafe => false,
            })
            .collect()
    }

    #[test]
    fn a_difference_of_nested_populations_under_k_is_refused() {
        // Cells: 0 holds 20, 1 holds 2. Everyone = {0,1}; the group {0} would leave 2.
        assert_eq!(release(&[20, 2], 5, &[&[0, 1], &[0]]), vec![true, false]);
        // With 6 in cell 1 the difference is safe.
        assert_eq!(release(&[20, 6], 5, &[&[0, 1], &[0]]), vec![true, true]);
    }

    #[test]
    fn a_small_population_is_refused_and_two_small_ones_pool() {
        // A population of 3 alone is refused; two hidden groups of 3 and 4 pool to 7.
        assert_eq!(release(&[30, 3, 4], 5, &[&[0, 1, 2], &[0], &[1]]), vec![true, true, false]);
        assert_eq!(release(&[30, 3, 1], 5, &[&[0, 1, 2], &[0]]), vec![true, false]);
    }

    #[test]
    fn siblings_that_would_isolate_a_small_group_are_refused_across_tables() {
        // 2 × 2 table: rows A,B and columns X,Y; cells AX=10, AY=2, BX=10, BY=10.
        // Margins A = {0,1}, X = {0,2} and everyone are released; the cell AX (= A − AY
        // ... ) would give AY = A − AX: refused. BX is then safe? B − BX = BY (10) yes,
        // but X − BX = AX, A − AX = AY: refused too.
        let counts = [10, 2, 10, 10];
        let out = release(&counts, 5, &[&[0, 1, 2, 3], &[0, 1], &[0, 2], &[0], &[2]]);
        assert_eq!(out, vec![true, true, true, false, false]);
    }

    #[test]
    fn structural_links_between_columns_are_caught() {
        // Department D (cells 0: D∧Leader = 6) is all leaders; Leader = {0, 1} with cell 1 = 2.
        // Releasing everyone, D and Leader would give Leader − D = the 2 people of cell 1.
        let counts = [6, 2, 40];
        assert_eq!(release(&counts, 5, &[&[0, 1, 2], &[0], &[0, 1]]), vec![true, true, false]);
    }

    #[test]
    fn cells_without_contributors_do_not_count() {
        // The population {1} has no contributors: releasing it tells nothing.
        assert_eq!(release(&[20, 0, 7], 5, &[&[0, 1, 2], &[1], &[0]]), vec![true, true, true]);
    }

    #[test]
    fn populations_released_before_count_as_known() {
        // Cells: 0 holds 20, 1 holds 2. A group {0} published earlier makes everyone unsafe now.
        let mut e = Echelon::new(&[20, 2], 5);
        e.assume(&[0]);
        assert!(matches!(e.check(&[0, 1]), Addition::Unsafe));
        // Texts: an earlier split of {0} from {1} is kept even though {1} is small.
        let mut atoms = Atoms::new(&[20, 12, 2], 10);
        atoms.assume(&[0, 2]);
        assert!(!atoms.try_add(&[0]), "{{0}} would leave {{2}} (2 authors) on its own");
        assert!(atoms.try_add(&[0, 1, 2]), "everyone splits nothing new");
    }

    #[test]
    fn atoms_refuse_intersections_under_the_threshold() {
        // Cells: A∧X = 2, A∧Y = 12, B∧X = 12, B∧Y = 12 authors; t = 10.
        let mut atoms = Atoms::new(&[2, 12, 12, 12], 10);
        assert!(atoms.try_add(&[0, 1, 2, 3]));
        assert!(atoms.try_add(&[0, 1]), "A (14) and B (24) are both large enough");
        assert!(!atoms.try_add(&[1, 3]), "Y would split A into A∧Y (12) and A∧X (2)");
        assert!(!atoms.try_add(&[0, 2]), "X would split A the same way");
        assert!(atoms.try_add(&[2, 3]), "B is already an atom: nothing new");
    }
}
