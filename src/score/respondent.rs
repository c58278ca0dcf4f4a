//! Respondent-level scores: keyed item answers averaged into dimension scores
//! and an overall score, computed once per table, column by column.

use crate::ingest::{ResponseTable, MISSING};
use crate::instrument::{Instrument, LikertItem, Scale};

/// A Likert item with its answer column, ready for keyed scoring.
#[derive(Debug, Clone)]
pub struct KeyedItem<'a> {
    /// The item.
    pub item: LikertItem<'a>,
    /// Raw answers, one per row (`MISSING` when blank).
    pub values: &'a [u8],
}

impl KeyedItem<'_> {
    /// The keyed answer of `row`, or `None` when blank: reverse items become `(min + max) − v`.
    pub fn keyed(&self, scale: &Scale, row: usize) -> Option<u8> {
        match self.values[row] {
            MISSING => None,
            v if self.item.reverse => Some(scale.reverse(v)),
            v => Some(v),
        }
    }
}

/// Every respondent's dimension and overall scores on 0–100 (`NaN` = missing).
#[derive(Debug, Clone)]
pub struct RespondentScores {
    /// `dims[d][row]`: the mean of the keyed answered items of dimension `d`, rescaled to 0–100,
    /// when the respondent answered at least half of them (rounded up) in every dimension.
    pub dims: Vec<Vec<f32>>,
    /// `overall[row]`: the mean of the respondent's dimension scores.
    pub overall: Vec<f32>,
}

/// The Likert items of `instrument` joined to their columns in `table`.
pub fn keyed_items<'a>(instrument: &'a Instrument, table: &'a ResponseTable) -> Vec<KeyedItem<'a>> {
    instrument.likert_items().into_iter().filter_map(|item| Some(KeyedItem { values: &table.answer(item.id)?.values, item })).collect()
}

/// What each raw answer to an item adds to a respondent's (sum, count): its keyed value and 1,
/// or nothing when blank. The lookup keeps the per-row loop free of branches. (A value off the
/// scale, which ingest never writes, reverses to at least 0 instead of wrapping around.)
fn additions(scale: &Scale, reverse: bool) -> [(u32, u32); 256] {
    std::array::from_fn(|v| match v as u8 {
        MISSING => (0, 0),
        v if reverse => (u32::from(scale.min + scale.max).saturating_sub(u32::from(v)), 1),
        v => (u32::from(v), 1),
    })
}

/// Computes every respondent's scores.
pub fn respondent_scores(instrument: &Instrument, rows: usize, items: &[KeyedItem<'_>]) -> RespondentScores {
    let scale = &instrument.scale;
    let span = f32::from(scale.max - scale.min);
    let mut overall_sum = vec![0f32; rows];
    let mut overall_count = vec![0u16; rows];
    let dims: Vec<Vec<f32>> = (0..instrument.dimensions.len())
        .map(|d| {
            let in_dim: Vec<&KeyedItem> = items.iter().filter(|k| k.item.dimension == d).collect();
            let needed = in_dim.len().div_ceil(2) as u32;
            let mut sums = vec![(0u32, 0u32); rows];
            for k in &in_dim {
                let add = additions(scale, k.item.reverse);
                for ((sum, count), &v) in sums.iter_mut().zip(k.values) {
                    let (keyed, answered) = add[usize::from(v)];
                    *sum += keyed;
                    *count += answered;
                }
            }
            let parts = sums.iter().zip(overall_sum.iter_mut().zip(overall_count.iter_mut()));
            parts
                .map(|(&(sum, count), (total, scored))| {
                    if count == 0 || count < needed {
                        return f32::NAN;
                    }
                    let mean = sum as f32 / count as f32;
                    let score = (mean - f32::from(scale.min)) / span * 100.0;
                    *total += score;
                    *scored += 1;
                    score
                })
                .collect()
        })
        .collect();
    // A respondent is scored only with a score in every dimension: then the overall score is
    // the mean of the same dimensions for everyone scored, so no combination of the released
    // overall and dimension statistics can single out respondents who skipped a dimension.
    let all = dims.len();
    let complete: Vec<bool> = overall_count.iter().map(|&n| usize::from(n) == all).collect();
    let mut dims = dims;
    for d in dims.iter_mut() {
        d.iter_mut().zip(&complete).filter(|(_, &c)| !c).for_each(|(v, _)| *v = f32::NAN);
    }
    let overall =
        overall_sum.iter().zip(&overall_count).zip(&complete).map(|((&s, &n), &c)| if c { s / f32::from(n) } else { f32::NAN }).collect();
    RespondentScores { dims, overall }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::AnswerColumn;

    /// Default instrument with the given answers for the enablement items en1..en4 (en2
    /// reversed), and 3 (the midpoint, 50 keyed either way) for every other Likert item.
    fn enablement_table(rows: &[[u8; 4]]) -> (Instrument, ResponseTable) {
        let ins = Instrument::default_instrument();
        let mut table = ResponseTable::for_instrument(&ins);
        table.rows = rows.len();
        let likert: Vec<&str> = ins.likert_items().iter().map(|i| i.id).collect();
        for col in &mut table.answers {
            col.values = vec![if likert.contains(&col.id.as_str()) { 3 } else { MISSING }; rows.len()];
        }
        for (i, id) in ["en1", "en2", "en3", "en4"].iter().enumerate() {
            let col: &mut AnswerColumn = table.answers.iter_mut().find(|c| c.id == *id).unwrap();
            col.values = rows.iter().map(|r| r[i]).collect();
        }
        (ins, table)
    }

    #[test]
    fn reverse_keying_and_half_rule() {
        const M: u8 = MISSING;
        // row 0: 5, 1 (reversed to 5), 5, 5 -> mean 5 -> 100
        // row 1: 4, 2 (-> 4), 3, blank -> mean 11/3 -> (11/3 - 1)/4*100 = 66.67
        // row 2: 2 answered of 4 = exactly half -> scored: 1, 5 (-> 1) -> 0
        // row 3: 1 answered of 4 < half -> missing
        let (ins, table) = enablement_table(&[[5, 1, 5, 5], [4, 2, 3, M], [1, 5, M, M], [3, M, M, M]]);
        let items = keyed_items(&ins, &table);
        let s = respondent_scores(&ins, table.rows, &items);
        let en = &s.dims[0];
        assert_eq!(en[0], 100.0);
        assert!((en[1] - 200.0 / 3.0).abs() < 1e-4, "{}", en[1]);
        assert_eq!(en[2], 0.0);
        assert!(en[3].is_nan());
        // Overall: the mean of the seven dimensions (six at 50).
        assert!((s.overall[0] - (100.0 + 6.0 * 50.0) / 7.0).abs() < 1e-4, "{}", s.overall[0]);
        // Row 3 has no enablement score, so no score at all: a respondent is scored only with
        // a score in every dimension.
        assert!(s.overall[3].is_nan() && s.dims.iter().all(|d| d[3].is_nan()));
        assert!(s.dims[1][..3].iter().all(|&v| v == 50.0));
    }
}
