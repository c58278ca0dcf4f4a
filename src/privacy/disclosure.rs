//! The one disclosure-control layer every released number passes through.
//!
//! A [`Policy`] is decided once per survey (responses, wave column, `k`, comment threshold)
//! for every population a reader can reach: everyone, each value of each segment column,
//! each wave, and each segment value within each wave. For every statistic (a [`Measure`]:
//! people, overall score, each dimension's score, each dimension's favourable split with its
//! items, NPS, balance, each ranking, each multi-choice question's option shares, each randomized
//! item, each outcome's driver analysis, each comment question's counts
//! and its verbatim texts) it knows the contributors in every cell of the responses (the
//! [`Contributors`] that [`Counted`] counts at load, never the rows themselves) and
//! releases the statistic for a population only when no combination with the other released
//! populations isolates fewer than `k` contributors (see [`super::linked`]). The populations
//! are visited coarse first and, within a level, largest first, so the numbers a security
//! leader reads most (everyone, whole departments, whole waves) are the ones kept.
//!
//! [`Policy::protect`] then hides, in a report scored without any suppression, every number
//! whose population the policy does not release. A population outside the reachable set
//! (for example two segment columns crossed) is never released.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::linked::{Addition, Atoms, Echelon};
use super::prior::{wave_digests, PriorError, Publication, Release, WaveDigest};
use super::redact::Redactor;
use super::MinGroup;
use crate::ingest::NO_ANSWER;
use crate::ingest::{ResponseTable, NO_SEGMENT};
use crate::instrument::Instrument;
use crate::report::{CommentReport, Report, SegmentGroup};
use crate::score::contributors::{Contributors, ItemContributors, PerCell};
use crate::score::counts::Counted;
use crate::score::drivers::{MIN_DRIVER_BASE, MIN_SEGMENT_DRIVER_BASE};

/// One kind of statistic, with its own contributors (the answers behind it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Measure {
    /// Group sizes (respondents).
    People,
    /// The overall score (respondents with an overall score).
    Overall,
    /// Dimension `d`'s score (respondents with a score in it).
    Dimension(usize),
    /// Dimension `d`'s favourable split and its items' statistics (item answers).
    Split(usize),
    /// The security NPS.
    Nps,
    /// The says-no ↔ offers-options balance.
    Balance,
    /// Ranking question `q` (index among the table's ranking columns).
    Ranking(usize),
    /// Multi-choice question `q`'s option shares (index among the table's multi-choice
    /// columns); its contributors are the respondents who answered it.
    Selection(usize),
    /// Randomized-response item `q` (index among the instrument's randomized items).
    Sensitive(usize),
    /// Comment counts and label counts of text question `q` (index among the table's text columns).
    Comments(usize),
    /// Verbatim comment samples and their group tags of text question `q`.
    CommentTexts(usize),
    /// The driver analysis of outcome `o` (index in [`crate::score::drivers::outcomes`]):
    /// counted by its complete respondents, released only at [`MIN_DRIVER_BASE`] or more.
    Drivers(usize),
}

/// A population: the rows matching every (segment column index, code) literal; empty = everyone.
pub type Population = Vec<(usize, u32)>;

/// Which populations may show which statistics, for one survey.
#[derive(Debug, Clone)]
pub struct Policy {
    k: MinGroup,
    min_comments: MinGroup,
    columns: Vec<(String, Vec<String>)>,
    wave: Option<usize>,
    released: HashSet<(Measure, Population)>,
    /// For the primary-only mode: contributors per population instead of a decision.
    primary_only: Option<HashMap<(Measure, Population), u32>>,
    /// The table's wave digests, when [`Policy::with_prior`] computed them to check the earlier
    /// records (a pass writing and hashing every row), for [`Policy::publication`] to reuse.
    digests: Option<Vec<WaveDigest>>,
}

/// What a deployment fixes for a policy.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    /// The wave column, if any.
    pub wave: Option<&'a str>,
    /// The minimum group size.
    pub k: MinGroup,
    /// The comment threshold (never below `k`).
    pub min_comments: MinGroup,
    /// Each statistic hidden only when its own base is under the threshold: no protection
    /// against subtraction (for the auditor to show it can fail).
    pub primary_only: bool,
}

/// The cells of the responses: each cell's segment code in every segment column.
pub struct Cells {
    codes: Vec<Vec<u32>>,
    /// The cells holding each (segment column, code), in cell order.
    with_value: HashMap<(usize, u32), Vec<usize>>,
}

impl Cells {
    /// The cells of `counted`, whose table has `columns` segment columns.
    fn of_counted(counted: &Counted, columns: usize) -> Cells {
        Cells::new((0..counted.cell_count()).map(|c| (0..columns).map(|col| counted.cell_code(c, col)).collect()).collect())
    }

    /// Cells with these codes (one code per segment column each: a label index or `NO_SEGMENT`).
    pub fn new(codes: Vec<Vec<u32>>) -> Cells {
        let mut with_value: HashMap<(usize, u32), Vec<usize>> = HashMap::new();
        for (cell, of_cell) in codes.iter().enumerate() {
            for (col, &code) in of_cell.iter().enumerate() {
                with_value.entry((col, code)).or_default().push(cell);
            }
        }
        Cells { codes, with_value }
    }

    /// The cells of `population`, in cell order: those of its rarest literal that meet the others.
    fn of(&self, population: &Population) -> Vec<usize> {
        let Some(rarest) = population.iter().min_by_key(|l| self.with_value.get(l).map_or(0, Vec::len)) else {
            return (0..self.codes.len()).collect();
        };
        let candidates = self.with_value.get(rarest).map_or(&[][..], Vec::as_slice);
        candidates.iter().copied().filter(|&c| population.iter().all(|&(col, code)| self.codes[c][col] == code)).collect()
    }
}

/// A measure and its contributor counts per cell (several for a split: the dimension's
/// item answers together, then each item's, which all share one decision).
struct Family {
    /// The measures that share this family's decision, each with its own contributors
    /// (its base, for the primary-only mode).
    measures: Vec<(Measure, Vec<u32>)>,
    /// Contributor counts per cell that every released combination must keep at 0 or at
    /// least the threshold: the measures' own.
    masks: Vec<Vec<u32>>,
    /// More such counts: those a link to another family's statistic calls for.
    links: Vec<Vec<u32>>,
    threshold: u32,
    texts: bool,
}

impl Family {
    /// A family of one measure whose only contributors are `counts`.
    fn single(measure: Measure, counts: &PerCell, threshold: u32) -> Family {
        Family { measures: vec![(measure, counts.clone())], masks: vec![counts.clone()], links: Vec::new(), threshold, texts: false }
    }
}

impl Policy {
    /// Decides the policy for `table` from its cells' contributors, counted in `counted`
    /// ([`Counted::new`] of `table`), under `settings`.
    pub fn new(table: &ResponseTable, counted: &Counted, settings: Settings<'_>) -> Policy {
        Policy::of_cells(table, Cells::of_counted(counted, table.segments.len()), counted.contributors(), settings)
    }

    /// Decides the policy for the responses `table` whose cells are `cells` with the contributors
    /// `contributors` (indexed as `cells`), under `settings`; `table` gives only its segment
    /// columns' names and labels.
    pub fn of_cells(table: &ResponseTable, cells: Cells, contributors: &Contributors, settings: Settings<'_>) -> Policy {
        let mut policy = Policy::undecided(table, settings);
        policy.decide_all(&cells, contributors, settings.primary_only, &[]);
        policy
    }

    /// [`Policy::new`], decided so that nothing it releases can be subtracted from what the
    /// earlier publications `prior` released (of the same responses, waves since added) to
    /// single out fewer than `k` contributors: their releases count as already known.
    /// `instrument` is the one `table` was scored against (its records name it).
    pub fn with_prior(
        instrument: &Instrument,
        table: &ResponseTable,
        counted: &Counted,
        settings: Settings<'_>,
        prior: &[Publication],
    ) -> Result<Policy, PriorError> {
        let mut policy = Policy::undecided(table, settings);
        let cells = Cells::of_counted(counted, table.segments.len());
        let known = policy.known_from(prior, instrument, table, &cells)?;
        policy.decide_all(&cells, counted.contributors(), settings.primary_only, &known);
        Ok(policy)
    }

    /// A policy for `table` that releases nothing yet.
    fn undecided(table: &ResponseTable, settings: Settings<'_>) -> Policy {
        let Settings { wave, k, min_comments, .. } = settings;
        let min_comments = if min_comments.k() >= k.k() { min_comments } else { k };
        let wave = wave.and_then(|w| table.segments.iter().position(|s| s.name == w));
        let columns = table.segments.iter().map(|s| (s.name.clone(), s.labels.clone())).collect();
        Policy { k, min_comments, columns, wave, released: HashSet::new(), primary_only: None, digests: None }
    }

    /// Decides every statistic for every reachable population, with the cell sets `known`
    /// (released before, per statistic) taken as known.
    fn decide_all(&mut self, cells: &Cells, contributors: &Contributors, primary_only: bool, known: &[(Measure, Vec<usize>)]) {
        let populations: Vec<(Population, Vec<usize>)> = reachable(cells, self.columns.len(), self.wave)
            .into_iter()
            .map(|p| {
                let of = cells.of(&p);
                (p, of)
            })
            .collect();
        let families = families(contributors, self.k, self.min_comments);
        if primary_only {
            let mut bases = HashMap::new();
            for (measure, counts) in families.iter().flat_map(|f| &f.measures) {
                for (p, of) in &populations {
                    bases.insert((*measure, p.clone()), of.iter().map(|&c| counts[c]).sum());
                }
            }
            self.primary_only = Some(bases);
            return;
        }
        for f in &families {
            let known_here: Vec<&[usize]> =
                known.iter().filter(|(m, _)| f.measures.iter().any(|(fm, _)| fm == m)).map(|(_, of)| of.as_slice()).collect();
            self.decide(f, &populations, &known_here);
        }
    }

    /// The cells of every population the publications `prior` released, per statistic (each
    /// restricted to the waves they published); refused when they do not fit these responses.
    fn known_from(
        &mut self,
        prior: &[Publication],
        instrument: &Instrument,
        table: &ResponseTable,
        cells: &Cells,
    ) -> Result<Vec<(Measure, Vec<usize>)>, PriorError> {
        let mut known = Vec::new();
        if prior.is_empty() {
            return Ok(known);
        }
        let wave = self.wave.ok_or(PriorError::NoWaveColumn)?;
        let (wave_column, wave_labels) = &self.columns[wave];
        let now = format!("{}@{}", instrument.id, instrument.version);
        // Written and hashed once for every record (a pass over all rows), and kept for `publication`.
        let computed = wave_digests(instrument, table, wave, wave_labels);
        let digests = computed.as_deref().unwrap_or_default();
        for publication in prior {
            if publication.instrument != now {
                return Err(PriorError::OtherInstrument { published: publication.instrument.clone(), now });
            }
            if &publication.wave_column != wave_column {
                return Err(PriorError::OtherWaveColumn { published: publication.wave_column.clone(), now: wave_column.clone() });
            }
            let mut published_waves = HashSet::new();
            for w in &publication.waves {
                if !digests.contains(w) {
                    return Err(PriorError::WaveChanged { wave: w.wave.clone() });
                }
                let code = match wave_labels.iter().position(|l| *l == w.wave) {
                    Some(c) => c as u32,
                    None => NO_SEGMENT,
                };
                published_waves.insert(code);
            }
            for r in &publication.released {
                // Contradictory literals (no rows) tell nothing.
                let Some(p) = self.population_of(&r.population)? else { continue };
                let of: Vec<usize> = cells.of(&p).into_iter().filter(|&c| published_waves.contains(&cells.codes[c][wave])).collect();
                known.push((r.measure, of));
            }
        }
        self.digests = computed;
        Ok(known)
    }

    /// The population of `(column, value)` literals; `None` when they contradict each other.
    fn population_of(&self, literals: &[(String, String)]) -> Result<Option<Population>, PriorError> {
        let mut p = Population::new();
        for (column, value) in literals {
            let unknown = || PriorError::UnknownGroup { column: column.clone(), value: value.clone() };
            match self.population(&p, column, value).ok_or_else(unknown)? {
                Some(within) => p = within,
                None => return Ok(None),
            }
        }
        Ok(Some(p))
    }

    /// What this policy releases, to decide a later publication with ([`Policy::with_prior`]);
    /// `None` without a wave column.
    pub fn publication(&self, instrument: &Instrument, table: &ResponseTable) -> Option<Publication> {
        let wave = self.wave?;
        let (wave_column, wave_labels) = &self.columns[wave];
        let label = |col: usize, code: u32| match self.columns[col].1.get(code as usize) {
            Some(l) => l.clone(),
            None => NO_ANSWER.to_string(),
        };
        let waves = match &self.digests {
            Some(digests) => digests.clone(),
            None => wave_digests(instrument, table, wave, wave_labels)?,
        };
        let mut released: Vec<Release> = self
            .released
            .iter()
            .map(|(m, p)| Release {
                measure: *m,
                population: p.iter().map(|&(col, code)| (self.columns[col].0.clone(), label(col, code))).collect(),
            })
            .collect();
        released.sort_by(|a, b| (a.measure, &a.population).cmp(&(b.measure, &b.population)));
        let instrument = format!("{}@{}", instrument.id, instrument.version);
        Some(Publication { instrument, wave_column: wave_column.clone(), waves, released })
    }

    /// Visits the `populations` (each with its cells) coarse first, largest first, releasing
    /// each that stays safe, after the cell sets `known` (released before) are taken as known.
    fn decide(&mut self, family: &Family, populations: &[(Population, Vec<usize>)], known: &[&[usize]]) {
        let mut order: Vec<(usize, u32, &Population, &[usize])> = populations
            .iter()
            .map(|(p, of)| {
                let size: u32 = of.iter().map(|&c| family.masks[0][c]).sum();
                (p.len(), size, p, of.as_slice())
            })
            .collect();
        order.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        if family.texts {
            // Verbatim texts split authors by every released population at once (Boolean
            // atoms), so the first columns taken win: the waves (the dashboard's filter), then the
            // columns in instrument order (department first), each value largest first.
            let wave = self.wave;
            let priority = |p: &Population| p.first().map_or(0, |&(col, _)| if Some(col) == wave { 1 } else { 2 + col });
            order.sort_by(|a, b| a.0.cmp(&b.0).then(priority(a.2).cmp(&priority(b.2))).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
            let mut atoms = Atoms::new(&family.masks[0], family.threshold);
            known.iter().for_each(|of| atoms.assume(of));
            for (_, size, p, of) in order {
                if size >= family.threshold && atoms.try_add(of) {
                    self.release(family, p);
                }
            }
            return;
        }
        let mut spans: Vec<Echelon> = family.masks.iter().chain(&family.links).map(|m| Echelon::new(m, family.threshold)).collect();
        for of in known {
            spans.iter_mut().for_each(|s| s.assume(of));
        }
        // A population without contributors has nothing to show (and tells nothing).
        for (_, _, p, of) in order.into_iter().filter(|o| o.1 > 0) {
            let additions: Vec<Addition> = spans.iter().map(|s| s.check(of)).collect();
            if additions.iter().any(|a| matches!(a, Addition::Unsafe)) {
                continue;
            }
            for (span, addition) in spans.iter_mut().zip(additions) {
                if let Addition::Safe(insertion) = addition {
                    span.insert(insertion);
                }
            }
            self.release(family, p);
        }
    }

    /// Releases every measure of `family` for `population`.
    fn release(&mut self, family: &Family, population: &Population) {
        for (measure, _) in &family.measures {
            self.released.insert((*measure, population.clone()));
        }
    }

    /// The minimum group size.
    pub fn min_group(&self) -> MinGroup {
        self.k
    }

    /// The comment threshold in force (never below the minimum group size).
    pub fn min_comments(&self) -> MinGroup {
        self.min_comments
    }

    /// True when `measure` may be shown for `population` (never when nobody answered it).
    pub fn releases(&self, measure: Measure, population: &Population) -> bool {
        let threshold = |m: Measure| match m {
            Measure::Comments(_) | Measure::CommentTexts(_) => self.min_comments.k() as u32,
            Measure::Drivers(_) => driver_threshold(self.k),
            _ => self.k.k() as u32,
        };
        let shows = |m: Measure| match &self.primary_only {
            Some(bases) => bases.get(&(m, population.clone())).is_some_and(|&n| n >= threshold(m)),
            None => self.released.contains(&(m, population.clone())),
        };
        shows(Measure::People) && shows(measure)
    }

    /// The population of segment `column` = `value` within `within`; `None` when the value
    /// is unknown, and `Some(None)` when it contradicts `within` (an empty population).
    pub fn population(&self, within: &Population, column: &str, value: &str) -> Option<Option<Population>> {
        let col = self.columns.iter().position(|(name, _)| name == column)?;
        let labels = &self.columns[col].1;
        let code = match labels.iter().position(|l| l == value) {
            Some(c) => c as u32,
            None if value == NO_ANSWER => NO_SEGMENT,
            None => return None,
        };
        if let Some(&(_, existing)) = within.iter().find(|(c, _)| *c == col) {
            return Some((existing == code).then(|| within.clone()));
        }
        let mut p = within.clone();
        p.push((col, code));
        p.sort_unstable();
        Some(Some(p))
    }

    /// The population a view's filter keeps: segment `(column, value)` and/or wave `value`.
    pub fn view_population(&self, segment: Option<(&str, &str)>, wave: Option<&str>) -> Option<Population> {
        let mut p = Population::new();
        if let Some((column, value)) = segment {
            p = self.population(&p, column, value)??;
        }
        if let Some(w) = wave {
            let column = self.columns.get(self.wave?)?.0.clone();
            p = self.population(&p, &column, w)??;
        }
        Some(p)
    }

    /// Hides every number of `report` (scored without suppression for the rows of `view`)
    /// that the policy does not release, sets the report's minimum sizes, and redacts the
    /// comment samples it releases with `redactor` (no samples are released without one).
    pub fn protect(&self, report: &mut Report, view: &Population, redactor: Option<&Redactor>) {
        report.min_group = self.k.k();
        let shows = |m: Measure, p: &Population| self.releases(m, p);
        if !shows(Measure::People, view) {
            report.respondents = None;
        }
        hide_score_if(&mut report.overall, !shows(Measure::Overall, view));
        for (d, dim) in report.dimensions.iter_mut().enumerate() {
            hide_dimension(dim, !shows(Measure::Dimension(d), view), !shows(Measure::Split(d), view));
        }
        let dim_index = |id: &str| report.dimension_names.iter().position(|n| n.id == id);
        let item_dims: Vec<Option<usize>> = report.items.iter().map(|i| dim_index(&i.dimension)).collect();
        for (item, d) in report.items.iter_mut().zip(item_dims) {
            if !d.is_some_and(|d| shows(Measure::Split(d), view)) {
                (item.n, item.mean, item.favourable, item.neutral, item.unfavourable) = (None, None, None, None, None);
                (item.distribution, item.item_rest) = (None, None);
            }
        }
        if let Some(nps) = report.nps.as_mut().filter(|_| !shows(Measure::Nps, view)) {
            hide_nps(nps);
        }
        if let Some(b) = report.balance.as_mut().filter(|_| !shows(Measure::Balance, view)) {
            hide_balance(b);
        }
        for (q, r) in report.rankings.iter_mut().enumerate() {
            if !shows(Measure::Ranking(q), view) {
                (r.n, r.options) = (None, Vec::new());
            }
        }
        for (q, s) in report.selections.iter_mut().enumerate() {
            if !shows(Measure::Selection(q), view) {
                (s.n, s.options) = (None, Vec::new());
            }
        }
        let view_shows = Shown::of(report, |m| shows(m, view));
        for (column, groups) in report.segments.iter_mut() {
            for g in groups.iter_mut() {
                match self.population(view, column, &g.value).flatten() {
                    Some(p) => self.protect_group(g, &p, &view_shows),
                    None => hide_group(g, self.k),
                }
            }
        }
        if let Some(waves) = report.waves.as_mut() {
            for g in waves.waves.iter_mut() {
                match self.population(view, &waves.column, &g.value).flatten() {
                    Some(p) => self.protect_group(g, &p, &view_shows),
                    None => hide_group(g, self.k),
                }
            }
            let visible = |value: &str, measure: &str| {
                waves.waves.iter().find(|g| g.value == value).is_some_and(|g| shows_measure(g, measure, &report.dimension_names))
            };
            let kept: Vec<bool> = waves.deltas.iter().map(|d| visible(&d.from, &d.measure) && visible(&d.to, &d.measure)).collect();
            let mut keep = kept.into_iter();
            waves.deltas.retain(|_| keep.next().unwrap_or(false));
        }
        self.protect_sensitive(report, view);
        for (o, d) in report.drivers.iter_mut().enumerate() {
            // A part of the respondents needs the larger segment base besides the policy's release.
            let base = if view.is_empty() { MIN_DRIVER_BASE } else { MIN_SEGMENT_DRIVER_BASE };
            if !shows(Measure::Drivers(o), view) || d.n.map_or(true, |n| n < base) {
                hide_drivers(d);
            }
        }
        for (q, c) in report.comments.iter_mut().enumerate() {
            self.protect_comments(c, q, view);
            match redactor {
                Some(redactor) => redact_samples(c, redactor),
                None => c.samples.clear(),
            }
        }
    }

    /// Hides what `group` (population `p`) may not show; a difference to the rest needs the
    /// view's own statistic to be shown too.
    fn protect_group(&self, g: &mut SegmentGroup, p: &Population, view: &Shown) {
        if !self.releases(Measure::People, p) {
            hide_group(g, self.k);
            return;
        }
        let shows = |m: Measure| self.releases(m, p);
        if let Some(o) = g.overall.as_mut() {
            hide_score_if(&mut o.score, !shows(Measure::Overall));
            if !(shows(Measure::Overall) && view.overall) {
                o.vs_rest = None;
            }
        }
        for (d, dim) in g.dimensions.iter_mut().flatten().enumerate() {
            hide_dimension(dim, !shows(Measure::Dimension(d)), !shows(Measure::Split(d)));
            if !(shows(Measure::Dimension(d)) && view.dimensions.get(d).copied().unwrap_or(false)) {
                dim.vs_rest = None;
            }
        }
        if let Some(n) = g.nps.as_mut().filter(|_| !shows(Measure::Nps)) {
            hide_nps(n);
        }
        if let Some(b) = g.balance.as_mut().filter(|_| !shows(Measure::Balance)) {
            hide_balance(b);
        }
    }

    fn protect_sensitive(&self, report: &mut Report, view: &Population) {
        for (q, s) in report.sensitive.iter_mut().enumerate() {
            if !self.releases(Measure::Sensitive(q), view) {
                hide_estimate(&mut s.all);
            }
            for (column, groups) in s.segments.iter_mut() {
                for g in groups.iter_mut() {
                    let shown = self.population(view, column, &g.value).flatten().is_some_and(|p| self.releases(Measure::Sensitive(q), &p));
                    if !shown {
                        hide_estimate(&mut g.estimate);
                    }
                }
            }
        }
    }

    /// Comment counts per released population; samples only where the texts of the view
    /// are released, each tagged only with groups whose texts are released too.
    fn protect_comments(&self, c: &mut CommentReport, q: usize, view: &Population) {
        c.min_comments = self.min_comments.k();
        if !self.releases(Measure::Comments(q), view) {
            (c.n, c.summary) = (None, None);
        }
        for (column, groups) in c.segments.iter_mut() {
            for g in groups.iter_mut() {
                let p = self.population(view, column, &g.value).flatten();
                if !p.is_some_and(|p| self.releases(Measure::Comments(q), &p)) {
                    (g.n, g.summary, g.suppressed) = (None, None, true);
                    g.n_label = self.min_comments.label();
                }
            }
        }
        if !self.releases(Measure::CommentTexts(q), view) {
            c.samples.clear();
        }
        for s in c.samples.iter_mut() {
            s.groups.retain(|column, value| {
                self.population(&Population::new(), column, value).flatten().is_some_and(|p| self.releases(Measure::CommentTexts(q), &p))
            });
        }
    }
}

/// Redacts the released samples of `c` and keeps only the why-words still in their text
/// (so a why-word never brings back a redacted name or address).
fn redact_samples(c: &mut CommentReport, redactor: &Redactor) {
    for sample in c.samples.iter_mut() {
        let (clean, counts) = redactor.redact(&sample.text);
        c.redacted.add(&counts);
        let lower = clean.to_lowercase();
        let still_there = |w: &String| {
            let mut parts = w.split('\u{2026}').map(str::trim).filter(|p| !p.is_empty());
            parts.all(|p| lower.contains(&p.to_lowercase()) || p == "ALL CAPS" || p == "?")
        };
        for words in sample.why.values_mut() {
            words.retain(still_there);
        }
        sample.why.retain(|_, words| !words.is_empty());
        sample.text = clean;
    }
}

/// Which of the view's own statistics are shown (a group's difference to the rest needs them).
struct Shown {
    overall: bool,
    dimensions: Vec<bool>,
}

impl Shown {
    fn of(report: &Report, shows: impl Fn(Measure) -> bool) -> Shown {
        Shown { overall: shows(Measure::Overall), dimensions: (0..report.dimensions.len()).map(|d| shows(Measure::Dimension(d))).collect() }
    }
}

/// True when `group` shows `measure` ("overall" or a dimension id).
fn shows_measure(group: &SegmentGroup, measure: &str, dims: &[crate::report::Named]) -> bool {
    if measure == "overall" {
        return group.overall.as_ref().is_some_and(|o| o.score.score.is_some());
    }
    let d = dims.iter().position(|n| n.id == measure);
    d.and_then(|d| group.dimensions.as_ref()?.get(d)).is_some_and(|x| x.score.score.is_some())
}

fn hide_score_if(score: &mut crate::report::Score, hide: bool) {
    if hide {
        *score = crate::report::Score::hidden(None);
    }
}

fn hide_dimension(d: &mut crate::report::DimensionScore, score: bool, split: bool) {
    hide_score_if(&mut d.score, score);
    if score {
        d.vs_rest = None;
    }
    if split {
        (d.favourable, d.neutral, d.unfavourable, d.alpha) = (None, None, None, None);
        d.low_reliability = false;
    }
}

fn hide_nps(n: &mut crate::report::Nps) {
    (n.n, n.score, n.ci95, n.promoters, n.passives, n.detractors) = (None, None, None, None, None, None);
}

fn hide_balance(b: &mut crate::report::Balance) {
    (b.n, b.score, b.ci95, b.left_share, b.middle_share, b.right_share) = (None, None, None, None, None, None);
}

fn hide_drivers(d: &mut crate::report::DriverAnalysis) {
    (d.n, d.r2, d.r2_ci95) = (None, None, None);
    for w in d.weights.iter_mut() {
        (w.importance, w.ci95) = (None, None);
    }
}

/// The threshold of the driver families: every released combination of populations keeps
/// either none or at least this many complete respondents (never below `k`).
fn driver_threshold(k: MinGroup) -> u32 {
    MIN_DRIVER_BASE.max(k.k()) as u32
}

fn hide_estimate(e: &mut crate::report::SensitiveEstimate) {
    (e.n, e.reported_yes, e.share, e.ci95, e.width_vs_direct) = (None, None, None, None, None);
}

fn hide_group(g: &mut SegmentGroup, k: MinGroup) {
    (g.n, g.suppressed, g.n_label) = (None, true, k.label());
    (g.overall, g.dimensions, g.nps, g.balance) = (None, None, None, None);
}

/// Every population a reader can reach: everyone, each value of each column, and each
/// value of each other column within each wave.
fn reachable(cells: &Cells, columns: usize, wave: Option<usize>) -> Vec<Population> {
    let values = |col: usize| {
        let mut v: Vec<u32> = cells.codes.iter().map(|c| c[col]).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut out = vec![Population::new()];
    for col in 0..columns {
        out.extend(values(col).into_iter().map(|code| vec![(col, code)]));
    }
    if let Some(w) = wave {
        let waves = values(w);
        for col in (0..columns).filter(|&c| c != w) {
            for code in values(col) {
                for &wc in &waves {
                    let mut p = vec![(col, code), (w, wc)];
                    p.sort_unstable();
                    out.push(p);
                }
            }
        }
    }
    out
}

/// The measures with contributors in `contributors`, with their contributors per cell.
fn families(contributors: &Contributors, k: MinGroup, t: MinGroup) -> Vec<Family> {
    let drivers_t = driver_threshold(k);
    let k = k.k() as u32;
    let c = contributors;
    let linear = |measure, counts| Family::single(measure, counts, k);
    let mut out = vec![linear(Measure::People, &c.people)];
    out.extend(likert_families(c, k));
    out.extend(c.recommend.iter().map(|m| linear(Measure::Nps, m)));
    out.extend(c.bipolar.iter().map(|m| linear(Measure::Balance, m)));
    out.extend(c.rankings.iter().enumerate().map(|(q, m)| linear(Measure::Ranking(q), m)));
    out.extend(c.selections.iter().enumerate().map(|(q, m)| linear(Measure::Selection(q), m)));
    out.extend(c.randomized.iter().enumerate().map(|(q, m)| linear(Measure::Sensitive(q), m)));
    out.extend(c.drivers.iter().enumerate().map(|(o, m)| Family::single(Measure::Drivers(o), m, drivers_t)));
    let t = t.k() as u32;
    for (q, authors) in c.texts.iter().enumerate() {
        // One decision for the counts and the texts: a sample shows its labels and its group
        // tags, so counts released where texts are not could be matched against the samples.
        let measures = vec![(Measure::Comments(q), authors.clone()), (Measure::CommentTexts(q), authors.clone())];
        out.push(Family { measures, masks: vec![authors.clone()], links: Vec::new(), threshold: t, texts: true });
    }
    out
}

/// The families of the statistics made of Likert answers. The overall score and the dimension
/// scores share one decision: scored respondents have a score in every dimension (see
/// `respondent_scores`), so over any population the overall score is the same mean of the
/// dimension scores for everyone in it, and no weighing of the two singles anyone out. Each
/// dimension's favourable split and its items share another (the split is the sum of its items'
/// counts).
fn likert_families(c: &Contributors, k: u32) -> Vec<Family> {
    let mut measures = vec![(Measure::Overall, c.scored.clone())];
    let mut out = Vec::new();
    for (d, (scored, items)) in c.dimensions.iter().zip(&c.items).enumerate() {
        measures.push((Measure::Dimension(d), scored.clone()));
        // Item statistics count scored respondents only (`Scorer::items`), as the scores do.
        let ItemContributors { any, each, skipped } = items;
        let mut masks = vec![any.clone()];
        masks.extend(each.iter().cloned());
        // A scored respondent who skipped an item of `d` has a dimension score (the mean of the
        // items answered) that differs from what the item statistics add up to, and the item
        // statistics count only the answers given: over one population, the score next to the
        // item means gives those respondents' answered total. So the item statistics are released
        // only where every combination holds 0 or at least k such respondents.
        let links = vec![skipped.clone()];
        dedup_masks(&mut masks);
        out.push(Family { measures: vec![(Measure::Split(d), any.clone())], masks, links, threshold: k, texts: false });
    }
    let mut masks: Vec<Vec<u32>> = measures.iter().map(|(_, m)| m.clone()).collect();
    dedup_masks(&mut masks);
    out.push(Family { measures, masks, links: Vec::new(), threshold: k, texts: false });
    out
}

/// Drops repeated masks (the same counts in every cell decide the same way).
fn dedup_masks(masks: &mut Vec<Vec<u32>>) {
    let mut seen = HashSet::new();
    masks.retain(|m| seen.insert(m.clone()));
}
