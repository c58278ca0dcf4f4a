//! The priority matrix: each dimension's score against its importance for an outcome, in four
//! quadrants ("fix first", "keep", "watch", "lower priority"). Made only of released numbers
//! (dimension scores and driver weights of a protected [`Report`]).

use serde::{Deserialize, Serialize};

use super::{DriverAnalysis, Outcome, Report};

/// Where a dimension falls in the priority matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Important and scored below the middle: improve it first.
    FixFirst,
    /// Important and scored above the middle: protect what works.
    Keep,
    /// Less important now but scored below the middle: keep an eye on it.
    Watch,
    /// Less important and scored above the middle.
    LowerPriority,
}

impl Quadrant {
    /// Plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::FixFirst => "Fix first",
            Quadrant::Keep => "Keep",
            Quadrant::Watch => "Watch",
            Quadrant::LowerPriority => "Lower priority",
        }
    }

    /// Every quadrant, most urgent first.
    pub const ALL: [Quadrant; 4] = [Quadrant::FixFirst, Quadrant::Watch, Quadrant::Keep, Quadrant::LowerPriority];
}

/// One dimension in the priority matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityPoint {
    /// Dimension id.
    pub dimension: String,
    /// Dimension name.
    pub name: String,
    /// Its 0–100 score.
    pub score: f64,
    /// Its share (%) of the outcome's explained variance.
    pub importance: f64,
    /// Bootstrap 95% interval of `importance`.
    pub importance_ci95: Option<[f64; 2]>,
    /// Its quadrant.
    pub quadrant: Quadrant,
}

/// The priority matrix of one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    /// The outcome the importance is measured on.
    pub outcome: Outcome,
    /// Complete respondents behind the weights.
    pub n: usize,
    /// % of the outcome's variance the dimensions explain together.
    pub r2: f64,
    /// Importance above this (an equal share, 100 ÷ dimensions) counts as important.
    pub importance_cut: f64,
    /// Scores below this (the mean of the dimension scores shown) count as weak.
    pub score_cut: f64,
    /// The dimensions, most urgent first (quadrant order, then importance).
    pub points: Vec<PriorityPoint>,
}

/// The priority matrix of `outcome` (NPS when `None`, else the balance if NPS is not released):
/// `None` when its driver weights or the dimension scores are not released.
pub fn priority(report: &Report, outcome: Option<Outcome>) -> Option<Priority> {
    let released = |d: &&DriverAnalysis| d.r2.is_some() && outcome.map_or(true, |o| d.outcome == o);
    let drivers = report.drivers.iter().find(released)?;
    let mut points: Vec<PriorityPoint> = drivers
        .weights
        .iter()
        .filter_map(|w| {
            let score = report.dimensions.iter().find(|d| d.id == w.dimension)?.score.score?;
            Some(PriorityPoint {
                dimension: w.dimension.clone(),
                name: report.dimension_name(&w.dimension).to_string(),
                score,
                importance: w.importance?,
                importance_ci95: w.ci95,
                quadrant: Quadrant::Keep,
            })
        })
        .collect();
    if points.len() < 2 {
        return None;
    }
    let importance_cut = 100.0 / drivers.weights.len() as f64;
    let score_cut = points.iter().map(|p| p.score).sum::<f64>() / points.len() as f64;
    for p in points.iter_mut() {
        p.quadrant = match (p.importance >= importance_cut, p.score < score_cut) {
            (true, true) => Quadrant::FixFirst,
            (true, false) => Quadrant::Keep,
            (false, true) => Quadrant::Watch,
            (false, false) => Quadrant::LowerPriority,
        };
    }
    let rank = |q: Quadrant| Quadrant::ALL.iter().position(|&x| x == q).unwrap_or(0);
    crate::sort::sort_by(&mut points, |a, b| rank(a.quadrant).cmp(&rank(b.quadrant)).then(b.importance.total_cmp(&a.importance)));
    Some(Priority { outcome: drivers.outcome, n: drivers.n?, r2: drivers.r2?, importance_cut, score_cut, points })
}
