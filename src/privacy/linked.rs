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

use std::borrow::Cow;
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
    /// Whether each column is the pivot of a row.
    is_pivot: Vec<bool>,
    /// Set when a known population could not be added (integer overflow): the span is then
    /// unknown, and nothing more is safe.
    lost: bool,
}

/// What adding one population to an [`Echelon`] would do.
#[derive(Debug, Clone)]
pub enum Addition {
    /// Nothing new: the population's statistic already follows from released ones.
    Known,
    /// A new, safe row, ready to insert with [`Echelon::insert`].
    Safe(Insertion),
    /// Releasing the population would let a reader isolate fewer than `k` contributors.
    Unsafe,
}

/// A new row of an [`Echelon`] (pivot column and values) with the rows it changes, computed
/// by [`Echelon::check`] so that inserting it cannot fail.
#[derive(Debug, Clone)]
pub struct Insertion {
    pivot: usize,
    row: Vec<i64>,
    /// Index and new values of each row that has a non-zero in the new pivot column.
    updated: Vec<(usize, Vec<i64>)>,
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
        let is_pivot = vec![false; weight.len()];
        Echelon { k, column_of, weight, first_small, rows: Vec::new(), is_pivot, lost: false }
    }

    /// What releasing the population made of `cells` would add.
    pub fn check(&self, cells: &[usize]) -> Addition {
        match self.isolated_as_it_is(cells) {
            true => Addition::Unsafe,
            false => self.check_row(cells),
        }
    }

    /// [`Echelon::check`] by reducing the population's row and searching its small combinations.
    fn check_row(&self, cells: &[usize]) -> Addition {
        let Some(v) = self.reduced(cells).filter(|_| !self.lost) else { return Addition::Unsafe };
        let Some(pivot) = v.iter().position(|&x| x != 0) else { return Addition::Known };
        if pivot >= self.first_small && !self.small_part_is_safe(pivot, &v) {
            return Addition::Unsafe;
        }
        // Integers that would overflow leave the span unknown: refused.
        self.insertion(pivot, v).map_or(Addition::Unsafe, Addition::Safe)
    }

    /// True when the population made of `cells` holds 1 … k − 1 contributors and none of its
    /// cells is a pivot: the span then leaves its indicator row as it is, a combination of small
    /// cells only, under `k` by itself. The same answer as reducing the row and searching
    /// ([`Echelon::small_part_is_safe`] looks at that row alone first), without building it: most
    /// of the populations of a table with many small cells (one per wave, say) end here.
    fn isolated_as_it_is(&self, cells: &[usize]) -> bool {
        let mut contributors = 0u32;
        for col in cells.iter().filter_map(|&c| self.column_of.get(c).copied().flatten()) {
            if self.is_pivot[col] {
                return false;
            }
            contributors = contributors.saturating_add(self.weight[col]);
        }
        (1..self.k).contains(&contributors)
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
            match self.insertion(pivot, v) {
                Some(insertion) => self.insert(insertion),
                None => self.lost = true,
            }
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

    /// The reduced row `row` with pivot `pivot` and the rows it clears that column of (the
    /// others keep a zero there); `None` when the integers would overflow.
    fn insertion(&self, pivot: usize, row: Vec<i64>) -> Option<Insertion> {
        let mut updated = Vec::new();
        for (i, (_, r)) in self.rows.iter().enumerate().filter(|(_, (_, r))| r[pivot] != 0) {
            updated.push((i, eliminate(r, &row, pivot)?));
        }
        Some(Insertion { pivot, row, updated })
    }

    /// Adds a row that [`check`](Self::check) found safe, keeping the form reduced.
    pub fn insert(&mut self, insertion: Insertion) {
        let Insertion { pivot, row, updated } = insertion;
        for (i, r) in updated {
            self.rows[i].1 = r;
        }
        self.rows.push((pivot, row));
        self.is_pivot[pivot] = true;
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
        let mut rows: Vec<Cow<'_, [i64]>> = Vec::new();
        for (_, row) in self.rows.iter().filter(|(p, _)| *p >= self.first_small) {
            match row[pivot] {
                0 => rows.push(Cow::Borrowed(row)),
                _ => match eliminate(row, v, pivot) {
                    Some(r) => rows.push(Cow::Owned(r)),
                    None => return false,
                },
            }
        }
        rows.push(Cow::Borrowed(v));
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
/// every row, and the merged columns' weights. Columns zero in every row are left out.
///
/// The classes are refined row by row: a column's class after a row is its class before and
/// its value in that row, so two columns share a class exactly when they are equal in every row.
fn merge_parallel<R: AsRef<[i64]>>(rows: &[R], weight: &[u32], offset: usize) -> (Vec<Vec<usize>>, Vec<u32>) {
    // Class 0: zero in every row so far.
    let mut class = vec![0usize; weight.len()];
    let mut classes = 1;
    let mut split: HashMap<(usize, i64), usize> = HashMap::new();
    let mut non_zero: Vec<Vec<usize>> = Vec::with_capacity(rows.len());
    for row in rows {
        let row = &row.as_ref()[offset..];
        let columns: Vec<usize> = (0..row.len()).filter(|&c| row[c] != 0).collect();
        split.clear();
        for &c in &columns {
            class[c] = *split.entry((class[c], row[c])).or_insert_with(|| {
                classes += 1;
                classes - 1
            });
        }
        non_zero.push(columns);
    }
    // Number the classes that occur (not class 0) in column order.
    let mut number = vec![usize::MAX; classes];
    let mut merged: Vec<u32> = Vec::new();
    for (c, &w) in weight.iter().enumerate().filter(|&(c, _)| class[c] != 0) {
        if number[class[c]] == usize::MAX {
            number[class[c]] = merged.len();
            merged.push(0);
        }
        merged[number[class[c]]] += w;
    }
    let supports = non_zero
        .into_iter()
        .map(|columns| {
            let mut s: Vec<usize> = columns.into_iter().map(|c| number[class[c]]).collect();
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
    let mut out = a.to_vec();
    if fb == 0 {
        return Some(out);
    }
    // out = fa·a − fb·b, touching only what changes: every column when fa ≠ 1, else b's non-zeros.
    if fa != 1 {
        for x in out.iter_mut() {
            *x = x.checked_mul(fa)?;
        }
    }
    for (x, &y) in out.iter_mut().zip(b).filter(|(_, &y)| y != 0) {
        *x = x.checked_sub(y.checked_mul(fb)?)?;
    }
    // The gcd of the entries; 1 as soon as it reaches 1 (most rows hold ±1).
    let mut g = 0i64;
    for &x in out.iter().filter(|&&x| x != 0) {
        g = gcd(g, x.unsigned_abs() as i64);
        if g == 1 {
            break;
        }
    }
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
                Addition::Safe(insertion) => {
                    e.insert(insertion);
                    true
                }
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
    fn the_shortcut_for_small_populations_agrees_with_the_full_check() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let mut shortcuts = 0;
        for _ in 0..300 {
            let counts: Vec<u32> = (0..rng.random_range(2..12)).map(|_| rng.random_range(0..9)).collect();
            let mut e = Echelon::new(&counts, 5);
            for _ in 0..12 {
                let pop: Vec<usize> = (0..counts.len()).filter(|_| rng.random_bool(0.4)).collect();
                let full = e.check_row(&pop);
                if e.isolated_as_it_is(&pop) {
                    shortcuts += 1;
                    assert!(matches!(full, Addition::Unsafe), "counts {counts:?}, population {pop:?}: {full:?}");
                } else if let Addition::Safe(insertion) = full {
                    e.insert(insertion);
                }
            }
        }
        assert!(shortcuts > 100, "the shortcut was taken {shortcuts} times");
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
