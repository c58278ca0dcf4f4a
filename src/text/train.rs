//! Training the learned layer (native only): full-batch Adam on the cross-entropy of the
//! sentiment and stance softmaxes and the twelve theme sigmoids, with L2 regularisation, then
//! quantisation to small integer weights. Deterministic: same data in the same order, same bytes.
//!
//! `cargo run --release --example train_comments` writes `src/text/model.bin` from the two
//! development sets and the project's own labelled batches ([`OWN_SETS`]);
//! `tests/comments_model.rs` checks that retraining reproduces it.

use super::learned::{Features, Model, BUCKETS, DENSE, OUTPUTS, STANCE0, THEME0};
use super::{Analyzer, CommentAnalysis, Sentiment, Stance, Theme};
use serde::Deserialize;

/// Adam step size.
const LEARNING_RATE: f64 = 0.05;
/// Largest quantised sparse weight: few levels compress well (the weights are most of the
/// text module's size in the wasm) and cost little accuracy (bench/comments/README.md).
const SPARSE_LEVELS: f64 = 7.0;

/// Training hyper-parameters (the defaults make `model.bin`; the others are for choosing them on
/// cross-validation).
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Adam steps over the whole training set.
    pub steps: usize,
    /// L2 penalty on the weights (not the biases).
    pub l2: f64,
    /// Class weights of sentiment and stance: (n / (classes * count)) to this power; 0 is
    /// unweighted, 1 balanced.
    pub balance: f64,
    /// Added to every theme's bias after training: themes are rarer than their absence, and a
    /// lower threshold trades a little precision for more recall.
    pub theme_shift: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config { steps: 300, l2: 5e-4, balance: 0.5, theme_shift: 1.0 }
    }
}

/// The project's own labelled batches used for training (paths from the crate root). Batch 5
/// (`tests/data/comments-own-batch5.jsonl`) stays out: it is the blind estimate of round 3.
pub const OWN_SETS: [&str; 3] =
    ["tests/data/comments-own.jsonl", "tests/data/comments-own-batch3.jsonl", "tests/data/comments-own-batch4.jsonl"];

/// A hand-labelled comment (one line of the development sets).
#[derive(Deserialize, Clone, Debug)]
pub struct Labelled {
    /// Record id ("d001", "e001", ...).
    pub id: String,
    /// The comment.
    pub text: String,
    /// Gold sentiment.
    pub sentiment: Sentiment,
    /// Gold stance.
    pub stance: Stance,
    /// Gold themes.
    pub themes: Vec<Theme>,
}

/// Parse JSON Lines of labelled comments; errors name the line.
pub fn read_labelled(jsonl: &str, what: &str) -> Result<Vec<Labelled>, String> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{what}:{}: {e}", i + 1)))
        .collect()
}

/// Read a file of labelled comments; errors name the file (and the line).
pub fn read_labelled_file(path: &std::path::Path) -> Result<Vec<Labelled>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    read_labelled(&text, &path.display().to_string())
}

/// The own batches of [`OWN_SETS`] under the crate root `root`, in that order.
pub fn read_own_sets(root: &std::path::Path) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    for name in OWN_SETS {
        out.extend(read_labelled_file(&root.join(name))?);
    }
    Ok(out)
}

/// One example: features and the target of every output.
struct Example {
    features: Features,
    target: [f64; OUTPUTS],
    /// Class weight of the example's sentiment and stance (balanced classes).
    weight: [f64; 2],
}

/// Class weights towards balanced ((n / (classes * count of the class)) to the power `power`):
/// rare classes count more, without flooding the predictions with them.
fn balanced<const K: usize>(labels: impl Iterator<Item = usize> + Clone, power: f64) -> [f64; K] {
    let mut count = [0usize; K];
    for l in labels.clone() {
        count[l] += 1;
    }
    let n = labels.count() as f64;
    let used = count.iter().filter(|&&c| c > 0).count() as f64;
    count.map(|c| if c == 0 { 0.0 } else { (n / (used * c as f64)).powf(power) })
}

fn examples(analyzer: &Analyzer, data: &[Labelled], balance: f64) -> Vec<Example> {
    let ws: [f64; 4] = balanced(data.iter().map(|d| d.sentiment as usize), balance);
    let wt: [f64; 3] = balanced(data.iter().map(|d| d.stance as usize), balance);
    data.iter()
        .map(|d| {
            let mut target = [0.0; OUTPUTS];
            target[d.sentiment as usize] = 1.0;
            target[STANCE0 + d.stance as usize] = 1.0;
            for t in &d.themes {
                target[THEME0 + t.index()] = 1.0;
            }
            Example { features: analyzer.features(&d.text), target, weight: [ws[d.sentiment as usize], wt[d.stance as usize]] }
        })
        .collect()
}

/// Parameters in f64 while training: sparse rows, dense rows, biases.
struct Params {
    w: Vec<f64>,
}

const N_SPARSE: usize = BUCKETS * OUTPUTS;
const N_DENSE: usize = DENSE * OUTPUTS;
const N_PARAMS: usize = N_SPARSE + N_DENSE + OUTPUTS;

impl Params {
    fn logits(&self, f: &Features) -> [f64; OUTPUTS] {
        let mut l: [f64; OUTPUTS] = std::array::from_fn(|o| self.w[N_SPARSE + N_DENSE + o]);
        let x = f64::from(f.norm);
        for ft in &f.sparse {
            let row = &self.w[ft.bucket as usize * OUTPUTS..][..OUTPUTS];
            l.iter_mut().zip(row).for_each(|(a, w)| *a += w * x);
        }
        for (j, &x) in f.dense.iter().enumerate() {
            let row = &self.w[N_SPARSE + j * OUTPUTS..][..OUTPUTS];
            l.iter_mut().zip(row).for_each(|(a, w)| *a += w * f64::from(x));
        }
        l
    }
}

/// Gradient of the loss with respect to the logits of one example.
fn logit_grad(l: &[f64; OUTPUTS], ex: &Example) -> [f64; OUTPUTS] {
    let mut g = [0.0; OUTPUTS];
    for (range, weight) in [(0..STANCE0, ex.weight[0]), (STANCE0..THEME0, ex.weight[1])] {
        let top = l[range.clone()].iter().fold(f64::MIN, |a, &b| a.max(b));
        let sum: f64 = l[range.clone()].iter().map(|&x| (x - top).exp()).sum();
        for o in range {
            g[o] = weight * ((l[o] - top).exp() / sum - ex.target[o]);
        }
    }
    for o in THEME0..OUTPUTS {
        g[o] = 1.0 / (1.0 + (-l[o]).exp()) - ex.target[o];
    }
    g
}

/// An analyser for computing features: the rules with an all-zero learned layer (features come
/// from the rules alone, so training does not need the committed `model.bin` to fit this build).
fn feature_analyzer() -> Analyzer {
    let zeros = Model::to_bytes(&[1.0; OUTPUTS], &[1.0; OUTPUTS], &[0.0; OUTPUTS], &[0; N_DENSE], &[0; N_SPARSE]);
    Analyzer::with_model(&zeros).expect("an all-zero model has this build's sizes")
}

/// Train on `data` and return the quantised model file.
pub fn train(data: &[Labelled], config: &Config) -> Vec<u8> {
    train_with(&feature_analyzer(), data, config)
}

/// [`train`] with the feature analyser given (built once for many trainings).
fn train_with(analyzer: &Analyzer, data: &[Labelled], config: &Config) -> Vec<u8> {
    let exs = examples(analyzer, data, config.balance);
    let n = exs.len().max(1) as f64;
    let mut p = Params { w: vec![0.0; N_PARAMS] };
    let (mut m, mut v) = (vec![0.0; N_PARAMS], vec![0.0; N_PARAMS]);
    let (b1, b2) = (0.9f64, 0.999f64);
    for step in 1..=config.steps {
        let mut grad = vec![0.0; N_PARAMS];
        for ex in &exs {
            let g = logit_grad(&p.logits(&ex.features), ex);
            let x = f64::from(ex.features.norm) / n;
            for ft in &ex.features.sparse {
                let row = &mut grad[ft.bucket as usize * OUTPUTS..][..OUTPUTS];
                row.iter_mut().zip(&g).for_each(|(a, b)| *a += b * x);
            }
            for (j, &x) in ex.features.dense.iter().enumerate() {
                let row = &mut grad[N_SPARSE + j * OUTPUTS..][..OUTPUTS];
                row.iter_mut().zip(&g).for_each(|(a, b)| *a += b * f64::from(x) / n);
            }
            let row = &mut grad[N_SPARSE + N_DENSE..];
            row.iter_mut().zip(&g).for_each(|(a, b)| *a += b / n);
        }
        for (g, w) in grad[..N_SPARSE + N_DENSE].iter_mut().zip(&p.w) {
            *g += config.l2 * w;
        }
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for i in 0..N_PARAMS {
            m[i] = b1 * m[i] + (1.0 - b1) * grad[i];
            v[i] = b2 * v[i] + (1.0 - b2) * grad[i] * grad[i];
            p.w[i] -= LEARNING_RATE * (m[i] / c1) / ((v[i] / c2).sqrt() + 1e-8);
        }
    }
    for b in &mut p.w[N_SPARSE + N_DENSE + THEME0..] {
        *b += config.theme_shift;
    }
    quantise(&p)
}

/// Integer weights with one scale per output: sparse weights in -`SPARSE_LEVELS`..=`SPARSE_LEVELS`,
/// dense (rule feature) weights in -127..=127, one per byte.
fn quantise(p: &Params) -> Vec<u8> {
    let quantised = |w: &[f64], levels: f64| -> ([f32; OUTPUTS], Vec<i8>) {
        let scale: [f32; OUTPUTS] = std::array::from_fn(|o| {
            let max = w.iter().skip(o).step_by(OUTPUTS).fold(0.0f64, |a, &b| a.max(b.abs()));
            if max == 0.0 {
                1.0
            } else {
                (max / levels) as f32
            }
        });
        let q = w.iter().enumerate().map(|(i, &x)| (x / f64::from(scale[i % OUTPUTS])).round().clamp(-levels, levels) as i8).collect();
        (scale, q)
    };
    let (sparse, rest) = p.w.split_at(N_SPARSE);
    let (dense, bias) = rest.split_at(N_DENSE);
    let (ss, sq) = quantised(sparse, SPARSE_LEVELS);
    let (ds, dq) = quantised(dense, 127.0);
    let bias: [f32; OUTPUTS] = std::array::from_fn(|o| bias[o] as f32);
    Model::to_bytes(&ss, &ds, &bias, &dq, &sq)
}

/// The text that decides grouping: letters and digits, lower case (copies of one comment that
/// differ in case, spacing or punctuation are one group).
fn normalised(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The cross-validation fold of an item: by its normalised text, so copies of one comment never
/// sit on both sides of a split.
pub fn fold_of(text: &str, k: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in normalised(text).as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h as usize % k
}

/// Grouped k-fold cross-validation: each item of `data` is analysed by a model trained on the
/// other folds (see [`fold_of`]) plus `extra`, which is only ever training data (an `extra` item
/// whose normalised text is in the held-out fold is left out of that fold's training).
/// Returns the analyses in the order of `data`.
pub fn cross_validate(data: &[Labelled], extra: &[Labelled], k: usize, config: &Config) -> Result<Vec<CommentAnalysis>, String> {
    let rules = feature_analyzer();
    let folds: Vec<usize> = data.iter().map(|d| fold_of(&d.text, k)).collect();
    let mut out: Vec<Option<CommentAnalysis>> = vec![None; data.len()];
    for fold in 0..k {
        let held_out: std::collections::HashSet<String> =
            data.iter().zip(&folds).filter(|(_, &f)| f == fold).map(|(d, _)| normalised(&d.text)).collect();
        let in_folds = data.iter().zip(&folds).filter(|(_, &f)| f != fold).map(|(d, _)| d);
        let from_extra = extra.iter().filter(|d| !held_out.contains(&normalised(&d.text)));
        let train_set: Vec<Labelled> = in_folds.chain(from_extra).cloned().collect();
        let model = Analyzer::with_model(&train_with(&rules, &train_set, config))?;
        for (i, d) in data.iter().enumerate().filter(|(i, _)| folds[*i] == fold) {
            out[i] = Some(model.analyze(&d.text));
        }
    }
    Ok(out.into_iter().flatten().collect())
}
