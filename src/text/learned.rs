//! The learned layer beside the rules: a linear model (multinomial logistic regression for
//! sentiment and stance, one logistic regression per theme) over the rule engine's features plus
//! hashed word, word-pair, cue and character features, with the words of the verdict clause
//! ("..., but <verdict>") as features of their own. Its quantised weights (`model.bin`) are
//! trained by `cargo run --release --example train_comments` (see `train.rs` and
//! bench/comments/README.md). Inference sums 8-bit integer weights, so it is deterministic and
//! cheap; every label keeps the words whose features pushed it most ("why" words).

use super::lexicon::{wflag, Word};
use super::scope::Cues;
use super::sentiment::{self, Mass};
use super::tokenize::{Kind, Tokens};
use super::{stance, themes, Sentiment, Stance, Theme};

/// Number of hash buckets for the sparse features.
pub(crate) const BUCKETS: usize = 2048;
/// Number of dense (rule engine) features.
pub(crate) const DENSE: usize = 55;
/// Outputs: 4 sentiment logits, 3 stance logits, 12 theme logits.
pub(crate) const OUTPUTS: usize = 19;
/// First stance output.
pub(crate) const STANCE0: usize = 4;
/// First theme output.
pub(crate) const THEME0: usize = 7;
/// Shortest word (in bytes) that gets character 4-grams.
const MIN_GRAM_WORD: usize = 3;
/// The file's first bytes.
const MAGIC: &[u8; 4] = b"SPC1";
/// Praise and criticism (raw cue valence) each needed before the learned layer may say mixed.
const MIXED_EVIDENCE: f32 = 0.3;
/// One-sided cue valence from which a comment (not a question) has a tone, never neutral.
const CLEAR_TONE: f32 = 1.0;
/// "Why" words kept per decision from the learned layer.
const WHY_WORDS: usize = 3;

/// One hashed feature occurrence and the text it came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Feat {
    /// Hash bucket.
    pub bucket: u32,
    /// Index in [`Features::spans`] of the words that produced it, for "why" words.
    pub source: u32,
}

/// The features of one comment.
#[derive(Clone, Debug)]
pub(crate) struct Features {
    /// Rule engine features (labels, masses, theme weights, markers, where praise, criticism and
    /// stance sit in the clauses and sentences), each in [-1, 1].
    pub dense: [f32; DENSE],
    /// Hashed word, word-pair, cue and character 4-gram features, and the words of the verdict
    /// clause (after the last contrast word or sentence end) once more as their own kind.
    pub sparse: Vec<Feat>,
    /// Byte spans of the comment behind the features: one per token (same index), then word
    /// pairs and cues of several tokens.
    pub spans: Vec<(u32, u32)>,
    /// The value of each sparse occurrence: 1 / sqrt(number of occurrences), so long comments do
    /// not weigh more.
    pub norm: f32,
}

impl Default for Features {
    fn default() -> Self {
        Features { dense: [0.0; DENSE], sparse: Vec::new(), spans: Vec::new(), norm: 0.0 }
    }
}

/// What the rules decided, and the weights behind it.
pub(crate) struct RuleView {
    /// Praise and criticism.
    pub mass: Mass,
    /// The rules' sentiment.
    pub sentiment: Sentiment,
    /// Blocker and enabler weight.
    pub blk_ena: (f32, f32),
    /// The rules' stance.
    pub stance: Stance,
    /// Weight of each theme.
    pub theme_w: [f32; 12],
    /// Only questions and requests.
    pub question: bool,
}

impl RuleView {
    /// Run the rule decisions over the cues.
    pub fn of(cues: &Cues) -> RuleView {
        let mass = sentiment::mass(cues);
        let sentiment = sentiment::decide(cues, &mass);
        let blk_ena = stance::weights(cues);
        RuleView {
            mass,
            sentiment,
            blk_ena,
            stance: stance::decide(blk_ena.0, blk_ena.1),
            theme_w: themes::weights(cues),
            question: cues.markers.contains(&"?"),
        }
    }
}

/// `x / (1 + |x|)`: maps weights into (-1, 1) with the same result on every platform.
fn squash(x: f32) -> f32 {
    x / (1.0 + x.abs())
}

/// FNV-1a over a feature kind and its parts (stable across platforms and releases).
struct FeatureHash(u32);

/// [`FeatureHash::new`]`(b'g')`, the start of every character 4-gram's hash.
const GRAM_HASH: u32 = (0x811c_9dc5 ^ b'g' as u32).wrapping_mul(0x0100_0193);

impl FeatureHash {
    #[inline(always)] // hot, and opt-level "z" would call it
    fn new(kind: u8) -> FeatureHash {
        let mut h = FeatureHash(0x811c_9dc5);
        h.byte(kind);
        h
    }
    #[inline(always)] // hot, and opt-level "z" would call it
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    #[inline(always)] // hot, and opt-level "z" would call it
    fn bytes(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(b);
        }
    }
    #[inline(always)] // hot, and opt-level "z" would call it
    fn bucket(&self) -> u32 {
        self.0 % BUCKETS as u32
    }
}

/// The word as a feature key: numbers (digits or number words other than "a"/"an") become "#".
#[inline(always)] // hot, and opt-level "z" would call it
fn key<'t>(toks: &'t Tokens, words: &[Word], i: usize) -> &'t [u8] {
    let t = &toks.toks[i];
    let s = toks.text(i);
    match t.kind {
        Kind::Num => b"#",
        Kind::Emoji => b":)",
        _ if words[i].flags & wflag::NUM != 0 && s != "a" && s != "an" => b"#",
        _ => s.as_bytes(),
    }
}

/// Fill `out` with the features of a comment.
pub(crate) fn extract(toks: &Tokens, words: &[Word], cues: &Cues, rule: &RuleView, out: &mut Features) {
    let d = &mut out.dense;
    *d = [0.0; DENSE];
    d[rule.sentiment as usize] = 1.0;
    d[STANCE0 + rule.stance as usize] = 1.0;
    for t in Theme::ALL {
        d[THEME0 + t.index()] = if themes::tagged(rule.theme_w[t.index()]) { 1.0 } else { 0.0 };
        d[25 + t.index()] = squash(rule.theme_w[t.index()]);
    }
    let m = &rule.mass;
    [d[19], d[20], d[21], d[22]] = [squash(m.pos), squash(m.neg), squash(m.raw_pos), squash(m.raw_neg)];
    [d[23], d[24]] = [squash(rule.blk_ena.0), squash(rule.blk_ena.1)];
    d[37] = if rule.question { 1.0 } else { 0.0 };
    d[38] = if cues.markers.contains(&"ALL CAPS") { 1.0 } else { 0.0 };
    let (n_words, n_nums) =
        toks.toks.iter().fold((0usize, 0usize), |(w, n), t| (w + usize::from(t.kind == Kind::Word), n + usize::from(t.kind == Kind::Num)));
    d[39] = if n_nums > 0 { 1.0 } else { 0.0 };
    d[40] = squash(n_words as f32 / 10.0);
    d[50] = squash(n_nums as f32 / 2.0);
    let sentences = Sentences::of(toks);
    clause_features(cues, sentences, &mut d[41..50]);
    cue_order_features(cues, &mut d[51..55]);

    let Features { sparse: sp, spans, .. } = out;
    sp.clear();
    spans.clear();
    spans.extend(toks.toks.iter().map(|t| t.orig));
    for c in &cues.list {
        let mut h = FeatureHash::new(b'c');
        h.bytes(&c.entry_idx.to_le_bytes());
        h.byte(u8::from(c.neg.is_some()));
        let source = if c.tok == c.tok_last { c.tok } else { push_span(spans, c.span) };
        sp.push(Feat { bucket: h.bucket(), source });
    }
    let n = toks.toks.len();
    sp.reserve(cues.list.len() + 2 * n + toks.lower.len());
    let mut k = if n > 0 { key(toks, words, 0) } else { b"" };
    for i in 0..n {
        let t = &toks.toks[i];
        let mut h = FeatureHash::new(b'u');
        h.bytes(k);
        sp.push(Feat { bucket: h.bucket(), source: i as u32 });
        let next = toks.toks.get(i + 1).map(|next| (next, key(toks, words, i + 1)));
        if let Some((next, k_next)) = next {
            let mut h = FeatureHash::new(b'b');
            h.bytes(k);
            h.byte(b' ');
            h.bytes(k_next);
            let source = push_span(spans, (t.orig.0, next.orig.1));
            sp.push(Feat { bucket: h.bucket(), source });
        }
        if t.kind == Kind::Word {
            char_grams(toks.text(i).as_bytes(), i as u32, sp);
        }
        if let Some((_, k_next)) = next {
            k = k_next;
        }
    }
    for i in sentences.verdict_start(toks)..n {
        if toks.toks[i].kind == Kind::Word {
            let mut h = FeatureHash::new(b'v');
            h.bytes(key(toks, words, i));
            sp.push(Feat { bucket: h.bucket(), source: i as u32 });
        }
    }
    out.norm = 1.0 / (sp.len().max(1) as f32).sqrt();
}

/// Sentence bounds of a comment: where the first sentence ends, where the last one starts (token
/// indices) and how many sentences there are.
#[derive(Clone, Copy)]
struct Sentences {
    first_end: usize,
    last_start: usize,
    count: usize,
}

/// Words after which the writer's verdict follows ("nice people, but ...").
const CONTRAST_WORDS: [&str; 3] = ["but", "however", "though"];

impl Sentences {
    /// Find the sentence ends (`. ! ? ;` and line breaks followed by more words).
    fn of(toks: &Tokens) -> Sentences {
        let ends = |t: &super::tokenize::Token| matches!(t.kind, Kind::Punct('.' | '!' | '?' | ';'));
        let n = toks.toks.len();
        let mut s = Sentences { first_end: n, last_start: 0, count: 1 };
        let mut words_after = false;
        // from the end: a sentence end counts when words follow it
        for (i, t) in toks.toks.iter().enumerate().rev() {
            if ends(t) && words_after {
                s.first_end = i;
                s.last_start = s.last_start.max(i + 1);
                s.count += 1;
            }
            words_after |= t.kind == Kind::Word;
        }
        s
    }

    /// The first token of the verdict clause: after the last contrast word or the last sentence
    /// end, whichever is later (0 when the comment is one clause).
    fn verdict_start(&self, toks: &Tokens) -> usize {
        let contrast = (0..toks.toks.len()).rev().find(|&i| toks.toks[i].kind == Kind::Word && CONTRAST_WORDS.contains(&toks.text(i)));
        contrast.map_or(self.last_start, |i| self.last_start.max(i + 1))
    }
}

/// Where praise, criticism and stance sit (`out` has 9 slots): praise and criticism before and
/// after a contrast ("nice people, but ..."), the net valence and stance of the first and of the
/// last sentence (the last only when there are several), and the number of sentences.
fn clause_features(cues: &Cues, sentences: Sentences, out: &mut [f32]) {
    let Sentences { first_end, last_start, count: sentences } = sentences;
    let (mut before, mut after, mut first, mut last) = ((0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0));
    for c in &cues.list {
        let side = if c.weight < 1.0 {
            &mut before
        } else if c.weight > 1.0 {
            &mut after
        } else {
            continue;
        };
        if c.val > 0.0 {
            side.0 += c.val;
        } else {
            side.1 -= c.val;
        }
    }
    for c in &cues.list {
        let t = c.tok as usize;
        if t < first_end {
            first.0 += c.val;
            first.1 += c.stance;
        }
        if sentences > 1 && t >= last_start {
            last.0 += c.val;
            last.1 += c.stance;
        }
    }
    let values = [before.0, before.1, after.0, after.1, first.0, last.0, first.1, last.1, (sentences - 1) as f32 / 2.0];
    for (o, v) in out.iter_mut().zip(values) {
        *o = squash(v);
    }
}

/// The sign of the first and of the last evaluative cue, and how many cues say blocker and
/// enabler (`out` has 4 slots).
fn cue_order_features(cues: &Cues, out: &mut [f32]) {
    let sign = |v: f32| {
        if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    let mut evaluative = cues.list.iter().filter(|c| c.val != 0.0);
    let first = evaluative.next().map_or(0.0, |c| sign(c.val));
    let last = evaluative.next_back().map_or(first, |c| sign(c.val));
    let blockers = cues.list.iter().filter(|c| c.stance < 0.0).count() as f32;
    let enablers = cues.list.iter().filter(|c| c.stance > 0.0).count() as f32;
    out.copy_from_slice(&[first, last, squash(blockers / 2.0), squash(enablers / 2.0)]);
}

/// Add a span and return its index.
fn push_span(spans: &mut Vec<(u32, u32)>, span: (u32, u32)) -> u32 {
    spans.push(span);
    spans.len() as u32 - 1
}

/// Character 4-grams of `<word>` (bytes; words shorter than [`MIN_GRAM_WORD`] give none: short
/// words are common and their unigram says it all).
fn char_grams(word: &[u8], source: u32, out: &mut Vec<Feat>) {
    if word.len() < MIN_GRAM_WORD {
        return;
    }
    // the grams of "<" + word + "<", by position: the first, every one inside the word, the last
    let l = word.len();
    let first = [b'<', word[0], word[1], word[2]];
    let last = [word[l - 3], word[l - 2], word[l - 1], b'<'];
    let inside = word.windows(4).map(|w| [w[0], w[1], w[2], w[3]]);
    // one extend of a known length: no capacity check per gram
    let grams = std::iter::once(first).chain(inside).chain(std::iter::once(last));
    out.extend(grams.map(|gram| Feat { bucket: gram_bucket(gram), source }));
}

/// The bucket of one character 4-gram (`FeatureHash::new(b'g')` then its four bytes).
#[inline(always)] // hot, and opt-level "z" would call it
fn gram_bucket(gram: [u8; 4]) -> u32 {
    let mut h = FeatureHash(GRAM_HASH);
    for b in gram {
        h.byte(b);
    }
    h.bucket()
}

/// Quantised weights: per output, an 8-bit weight per bucket and per dense feature, two scales
/// and a bias.
pub(crate) struct Model {
    sparse_scale: [f32; OUTPUTS],
    dense_scale: [f32; OUTPUTS],
    bias: [f32; OUTPUTS],
    /// `BUCKETS` rows of `OUTPUTS` weights.
    sparse: Vec<i8>,
    /// `DENSE` rows of `OUTPUTS` weights (8-bit integers, held as `f32` to skip the conversion
    /// per use).
    dense: Vec<f32>,
    /// `BUCKETS` rows of `OUTPUTS` pushes (see [`Model::push`]), computed once for "why" words.
    pushes: Vec<f32>,
    /// The sparse weights packed for summing four at a time (see [`Model::sparse_sums`]).
    packed: Vec<[u64; PACKED_WORDS]>,
}

/// 64-bit words per packed row: four 16-bit lanes each.
const PACKED_WORDS: usize = OUTPUTS.div_ceil(4);
/// Features summed in the packed lanes before they could overflow (256 * 255 < 65,536).
const PACKED_RUN: usize = 256;

/// A row of 8-bit weights as 16-bit lanes holding weight + 128 (0..=255).
fn pack(row: &[i8]) -> [u64; PACKED_WORDS] {
    let mut out = [0u64; PACKED_WORDS];
    for (o, &w) in row.iter().enumerate() {
        out[o / 4] |= ((i32::from(w) + 128) as u64) << (16 * (o % 4));
    }
    out
}

/// The learned layer's decisions with their "why" words.
pub(crate) struct Prediction {
    /// Sentiment label.
    pub sentiment: Sentiment,
    /// Stance label.
    pub stance: Stance,
    /// Tagged themes, in [`Theme::ALL`] order.
    pub themes: Vec<Theme>,
    /// p(positive) - p(negative), rounded to 3 decimals.
    pub score: f32,
}

impl Model {
    /// Read a model file (the format `train.rs` writes: magic, sizes, scales, biases, weights).
    pub fn parse(bytes: &[u8]) -> Result<Model, String> {
        let header = 4 + 6;
        let floats = 3 * OUTPUTS * 4;
        let want = header + floats + (DENSE + BUCKETS) * OUTPUTS;
        if bytes.len() != want || &bytes[..4] != MAGIC {
            return Err(format!("comment model: expected {want} bytes starting with {MAGIC:?}, got {} bytes", bytes.len()));
        }
        let dims = [BUCKETS, DENSE, OUTPUTS].map(|x| x as u16);
        let got = [0, 1, 2].map(|i| u16::from_le_bytes([bytes[4 + 2 * i], bytes[5 + 2 * i]]));
        if got != dims {
            return Err(format!("comment model: sizes {got:?} (buckets, dense, outputs), this build expects {dims:?}"));
        }
        let f = |k: usize| -> [f32; OUTPUTS] {
            std::array::from_fn(|o| {
                let at = header + (k * OUTPUTS + o) * 4;
                f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
            })
        };
        let w = &bytes[header + floats..];
        let (dense, sparse) = w.split_at(DENSE * OUTPUTS);
        let mut model = Model {
            sparse_scale: f(0),
            dense_scale: f(1),
            bias: f(2),
            dense: dense.iter().map(|&b| f32::from(b as i8)).collect(),
            sparse: sparse.iter().map(|&b| b as i8).collect(),
            pushes: Vec::new(),
            packed: Vec::new(),
        };
        model.pushes = (0..BUCKETS * OUTPUTS).map(|i| model.push(i / OUTPUTS, i % OUTPUTS)).collect();
        model.packed = model.sparse.chunks(OUTPUTS).map(pack).collect();
        Ok(model)
    }

    /// The file bytes of a model (inverse of [`Model::parse`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_bytes(
        sparse_scale: &[f32; OUTPUTS],
        dense_scale: &[f32; OUTPUTS],
        bias: &[f32; OUTPUTS],
        dense: &[i8],
        sparse: &[i8],
    ) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for x in [BUCKETS, DENSE, OUTPUTS] {
            out.extend((x as u16).to_le_bytes());
        }
        for v in [sparse_scale, dense_scale, bias] {
            for x in v {
                out.extend(x.to_le_bytes());
            }
        }
        out.extend(dense.iter().chain(sparse).map(|&x| x as u8));
        out
    }

    /// The sum of the sparse weights of every output (exact integers): four outputs per 64-bit
    /// add, in runs short enough that no 16-bit lane overflows.
    fn sparse_sums(&self, f: &Features) -> [i32; OUTPUTS] {
        let mut acc = [0i32; OUTPUTS];
        for run in f.sparse.chunks(PACKED_RUN) {
            // five named sums stay in registers (an array would live on the stack)
            let (mut l0, mut l1, mut l2, mut l3, mut l4) = (0u64, 0u64, 0u64, 0u64, 0u64);
            for ft in run {
                let [r0, r1, r2, r3, r4] = self.packed[ft.bucket as usize];
                (l0, l1, l2, l3, l4) = (l0 + r0, l1 + r1, l2 + r2, l3 + r3, l4 + r4);
            }
            let lanes = [l0, l1, l2, l3, l4];
            let offset = 128 * run.len() as i32;
            for (o, a) in acc.iter_mut().enumerate() {
                *a += ((lanes[o / 4] >> (16 * (o % 4))) & 0xffff) as i32 - offset;
            }
        }
        acc
    }

    /// The logits of every output.
    pub fn logits(&self, f: &Features) -> [f32; OUTPUTS] {
        let acc = self.sparse_sums(f);
        let mut dacc = [0f32; OUTPUTS];
        for (j, &x) in f.dense.iter().enumerate() {
            if x != 0.0 {
                let row = &self.dense[j * OUTPUTS..][..OUTPUTS];
                for (a, &w) in dacc.iter_mut().zip(row) {
                    *a += w * x;
                }
            }
        }
        std::array::from_fn(|o| self.bias[o] + acc[o] as f32 * f.norm * self.sparse_scale[o] + dacc[o] * self.dense_scale[o])
    }

    /// Decide every label from the features. Mixed needs words of praise and of criticism among
    /// the rules' cues, and a clear one-sided tone outside a question is not neutral (else the
    /// better of the other labels wins); a theme is tagged when the
    /// learned layer or the rules (high precision) tag it.
    pub fn predict(&self, f: &Features, rule: &RuleView) -> Prediction {
        let mut l = self.logits(f);
        if rule.mass.raw_pos < MIXED_EVIDENCE || rule.mass.raw_neg < MIXED_EVIDENCE {
            l[Sentiment::Mixed as usize] = f32::MIN;
        }
        if rule.mass.raw_pos.max(rule.mass.raw_neg) >= CLEAR_TONE && rule.mass.raw_pos.min(rule.mass.raw_neg) == 0.0 && !rule.question {
            l[Sentiment::Neutral as usize] = f32::MIN;
        }
        let s = argmax(&l[..STANCE0]);
        let st = argmax(&l[STANCE0..THEME0]);
        let themes = Theme::ALL.into_iter().filter(|t| l[THEME0 + t.index()] > 0.0 || themes::tagged(rule.theme_w[t.index()])).collect();
        let top = l[..STANCE0].iter().fold(f32::MIN, |a, &b| a.max(b));
        let e: Vec<f32> = l[..STANCE0].iter().map(|&x| (x - top).exp()).collect();
        let sum: f32 = e.iter().sum();
        let score = (e[Sentiment::Positive as usize] - e[Sentiment::Negative as usize]) / sum;
        Prediction { sentiment: Sentiment::ALL[s], stance: Stance::ALL[st], themes, score: (score * 1000.0).round() / 1000.0 }
    }

    /// How much one bucket pushes output `o` (relative to the other labels of its task).
    fn push(&self, bucket: usize, o: usize) -> f32 {
        let row = &self.sparse[bucket * OUTPUTS..][..OUTPUTS];
        let (lo, hi) = if o < STANCE0 {
            (0, STANCE0)
        } else if o < THEME0 {
            (STANCE0, THEME0)
        } else {
            (o, o + 1)
        };
        let mean = if hi - lo > 1 { row[lo..hi].iter().map(|&w| f32::from(w)).sum::<f32>() / (hi - lo) as f32 } else { 0.0 };
        (f32::from(row[o]) - mean) * self.sparse_scale[o]
    }

    /// Add to `words` (unless there) the comment words whose features pushed output `o` most
    /// (`push` is a buffer to reuse).
    pub fn why(&self, f: &Features, o: usize, text: &str, push: &mut Vec<f32>, words: &mut Vec<String>) {
        push.clear();
        push.resize(f.spans.len(), 0.0);
        for ft in &f.sparse {
            push[ft.source as usize] += self.pushes[ft.bucket as usize * OUTPUTS + o];
        }
        // the largest pushes, best first (ties: the earlier span)
        let mut top: [(f32, usize); WHY_WORDS] = [(0.0, usize::MAX); WHY_WORDS];
        for (i, &p) in push.iter().enumerate() {
            if p > top[WHY_WORDS - 1].0 {
                let at = top.iter().position(|&(q, _)| p > q).unwrap_or(WHY_WORDS - 1);
                top.copy_within(at..WHY_WORDS - 1, at + 1);
                top[at] = (p, i);
            }
        }
        for &(_, i) in top.iter().filter(|&&(_, i)| i != usize::MAX) {
            let (a, b) = f.spans[i];
            let w = text.get(a as usize..b as usize).unwrap_or("").trim();
            if !w.is_empty() && !words.iter().any(|x| x == w) {
                words.push(w.to_string());
            }
        }
    }
}

/// Index of the first largest value.
fn argmax(xs: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in xs.iter().enumerate() {
        if x > xs[best] {
            best = i;
        }
    }
    best
}
