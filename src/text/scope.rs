//! From matched cues to weighted, context-adjusted cues: negation scope, intensifiers, contrast
//! and concession, questions and requests, attacker context, sarcasm, ALL CAPS, placeholders.

use super::lexicon::{flag, wflag, Entry, Hit, Lexicon, Special, Word};
use super::tokenize::{Kind, Token, Tokens};
use super::{CommentAnalysis, Evidence, Sentiment, Stance, Theme};

/// How many tokens after a negator it reaches (never across punctuation or a contrast word).
const NEG_WINDOW: u32 = 3;
/// A negated cue keeps this share of its strength, with the sign flipped ("not bad" is mildly good).
const NEG_FACTOR: f32 = 0.75;
/// Clause after "but" and clause before it.
const AFTER_BUT: f32 = 1.3;
const BEFORE_BUT: f32 = 0.7;
/// Valence and stance kept in questions and requests ("Would be helpful to know ...").
const REQ_VAL: f32 = 0.25;
const REQ_STANCE: f32 = 0.3;
/// Praise inside a concession ("I get why", "fine in principle") keeps this share.
const CONC_VAL: f32 = 0.15;
/// A refusal next to an offered alternative keeps this share of its weight.
const ALT_REFUSAL: f32 = 0.3;
/// A sarcastic positive becomes a negative of this share.
const SARC_FACTOR: f32 = 0.8;

/// A cue in context.
pub(crate) struct Cue<'a> {
    pub entry: &'a Entry,
    /// Index of the entry in the lexicon (a feature of the learned layer).
    pub entry_idx: u32,
    /// Original byte span of the cue in the comment.
    pub span: (u32, u32),
    /// Original byte span of the negator, when negated.
    pub neg: Option<(u32, u32)>,
    /// Effective valence after every adjustment (before clause weight).
    pub val: f32,
    /// Effective stance (+ enabler, - blocker), before clause weight.
    pub stance: f32,
    /// Clause emphasis (contrast).
    pub weight: f32,
    /// A protection verb next to a threat ("blocked the phishing attack").
    pub protective: bool,
    /// In a comment about an incident: speed there is incident handling, not a bottleneck.
    pub threat_ctx: bool,
    /// Index of the cue's first token.
    pub tok: u32,
    /// Index of the cue's last token.
    pub tok_last: u32,
}

impl<'a> Cue<'a> {
    /// A cue of `entry` matched by `hit` at original span `span`, at full clause weight.
    fn new(entry: &'a Entry, hit: Hit, span: (u32, u32), neg: Option<(u32, u32)>, val: f32, stance: f32) -> Self {
        Cue {
            entry,
            entry_idx: hit.entry,
            span,
            neg,
            val,
            stance,
            weight: 1.0,
            protective: false,
            threat_ctx: false,
            tok: hit.start,
            tok_last: hit.end - 1,
        }
    }

    /// The words to show as evidence for this cue.
    pub fn words(&self, text: &str) -> String {
        let cue = &text[self.span.0 as usize..self.span.1 as usize];
        match self.neg {
            Some((a, b)) => {
                let neg = &text[a as usize..b as usize];
                let mut s = String::with_capacity(neg.len() + cue.len() + 5);
                s.push_str(neg);
                s.push_str(" … ");
                s.push_str(cue);
                s
            }
            None => cue.to_string(),
        }
    }

    /// Add this cue's evidence words to `out` unless they are there already (no allocation then).
    pub fn push_words(&self, text: &str, out: &mut Vec<String>) {
        let cue = &text[self.span.0 as usize..self.span.1 as usize];
        let dup = out.iter().any(|w| match self.neg {
            Some((a, b)) => {
                let neg = &text[a as usize..b as usize];
                w.len() == neg.len() + cue.len() + " … ".len()
                    && w.starts_with(neg)
                    && w.ends_with(cue)
                    && w[neg.len()..].starts_with(" … ")
            }
            None => w == cue,
        });
        if !dup {
            out.push(self.words(text));
        }
    }
}

/// All cues of a comment plus comment-level signals.
pub(crate) struct Cues<'a> {
    pub text: &'a str,
    pub list: Vec<Cue<'a>>,
    /// Extra negative weight from shouting with no other sentiment cue.
    pub shout_neg: f32,
    /// Markers shown as evidence: "ALL CAPS", "?" (question/request only), ...
    pub markers: Vec<&'static str>,
}

/// Empty text, punctuation only, or a short placeholder ("n/a", "nothing to add", "Pass.").
pub(crate) fn placeholder(text: &str, toks: &Tokens, words: &[Word]) -> Option<CommentAnalysis> {
    let mut n_words = 0;
    for (t, w) in toks.toks.iter().zip(words) {
        match t.kind {
            Kind::Punct(_) => {}
            Kind::Emoji | Kind::Num => return None,
            Kind::Word => {
                n_words += 1;
                if n_words > 6 || w.flags & wflag::PLACEHOLDER == 0 {
                    return None;
                }
            }
        }
    }
    let shown = text.trim();
    let words = if shown.is_empty() { vec!["(empty)".to_string()] } else { vec![shown.chars().take(40).collect()] };
    Some(CommentAnalysis {
        sentiment: Sentiment::Neutral,
        score: 0.0,
        stance: Stance::None,
        themes: Vec::new(),
        evidence: vec![
            Evidence { decision: "sentiment:neutral".into(), words },
            Evidence { decision: "stance:none".into(), words: Vec::new() },
        ],
    })
}

/// What [`annotate`] knows about a sentence.
#[derive(Clone, Copy, Default)]
struct Sentence {
    first_word: Option<usize>,
    question: bool,
    exclaim: bool,
    request: bool,
    threat: bool,
    concession: bool,
    behalf: bool,
    sarcastic: bool,
}

/// Per-comment buffers of [`annotate`], reused between comments.
#[derive(Default)]
pub(crate) struct ScopeBuf {
    sent_of: Vec<u32>,
    pos_in_sent: Vec<u32>,
    sentences: Vec<Sentence>,
    seg_of_cue: Vec<usize>,
    sent_of_cue: Vec<usize>,
    seg_weight: Vec<f32>,
    elongated_sents: Vec<usize>,
    sarc_sents: Vec<usize>,
}

/// Turn hits into cues in context: split sentences, read the cues left to right (negation,
/// intensifiers, contrast), then adjust them by sentence and by comment, in this order.
pub(crate) fn annotate<'a>(lex: &'a Lexicon, text: &'a str, toks: &Tokens, words: &[Word], hits: &[Hit], buf: &mut ScopeBuf) -> Cues<'a> {
    let tk: &[Token] = &toks.toks;
    let ScopeBuf { sent_of, pos_in_sent, sentences, seg_of_cue, sent_of_cue, seg_weight, elongated_sents, sarc_sents } = buf;
    split_sentences(tk, words, sent_of, pos_in_sent, sentences);
    let shout = is_shouting(tk, words);
    mark_sentences(lex, hits, words, sent_of, sentences);

    seg_of_cue.clear();
    sent_of_cue.clear();
    seg_weight.clear();
    seg_weight.push(1.0);
    elongated_sents.clear();
    let mut reader = Reader {
        lex,
        tk,
        words,
        pos_in_sent,
        shout,
        list: Vec::with_capacity(hits.len()),
        seg_of_cue,
        sent_of_cue,
        seg_weight,
        elongated_sents,
        cur_sent: 0,
        sub_pending: false,
        neg: Negation { parity: false, until: 0, span: None, last_end: None },
        int: Intensifier { mult: 1.0, until: 0, elongated: false },
    };
    reader.read(hits, sent_of);
    let mut list = reader.list;

    let at = Layout { tk, words, sent_of, sent_of_cue };
    adjust_by_sentence(&mut list, at.sent_of_cue, sentences);
    soften_refusals_with_alternative(&mut list);
    mark_incident_context(&mut list);
    turn_improvements(&mut list, &at, &lex.sp);
    apply_sarcasm(&mut list, text, &at, sentences, elongated_sents, sarc_sents);
    // clause weights (contrast) as the reader left them
    for (c, &g) in list.iter_mut().zip(seg_of_cue.iter()) {
        c.weight = seg_weight[g];
    }
    let (markers, shout_neg) = comment_markers(&list, sentences, shout);
    Cues { text, list, shout_neg, markers }
}

/// Where the tokens and cues of a comment sit: what the passes after [`Reader`] look up.
struct Layout<'b> {
    tk: &'b [Token],
    words: &'b [Word],
    /// Sentence of each token.
    sent_of: &'b [u32],
    /// Sentence of each cue.
    sent_of_cue: &'b [usize],
}

/// Token ends a sentence: `. ! ? ;` (a run of them ends one sentence).
#[inline]
fn ends_sentence(t: &Token) -> bool {
    matches!(t.kind, Kind::Punct('.' | '!' | '?' | ';'))
}

/// Split the tokens into sentences: the sentence of each token and its position there, and per
/// sentence its first word, "?" and "!". A sentence with "?" is a question only when it opens like
/// one ("Why ...?" is usually a complaint).
fn split_sentences(tk: &[Token], words: &[Word], sent_of: &mut Vec<u32>, pos_in_sent: &mut Vec<u32>, sentences: &mut Vec<Sentence>) {
    let n = tk.len();
    sent_of.clear();
    sent_of.resize(n, 0);
    sentences.clear();
    sentences.push(Sentence::default());
    pos_in_sent.clear();
    pos_in_sent.resize(n, 0);
    let mut k = 0u32;
    for i in 0..n {
        if i > 0 && ends_sentence(&tk[i - 1]) && !ends_sentence(&tk[i]) {
            sentences.push(Sentence::default());
            k = 0;
        }
        let s = sentences.len() - 1;
        sent_of[i] = s as u32;
        pos_in_sent[i] = k;
        k += 1;
        match tk[i].kind {
            Kind::Word | Kind::Num if sentences[s].first_word.is_none() => sentences[s].first_word = Some(i),
            Kind::Punct('?') => sentences[s].question = true,
            Kind::Punct('!') => sentences[s].exclaim = true,
            _ => {}
        }
    }
    for s in sentences.iter_mut() {
        if s.question {
            s.question = s.first_word.is_some_and(|f| words[f].flags & wflag::QWORD != 0);
        }
    }
}

/// The whole comment shouts: 3+ words of 2+ letters, at least 60 % of them ALL CAPS.
fn is_shouting(tk: &[Token], words: &[Word]) -> bool {
    let (mut caps_words, mut long_words) = (0, 0);
    for (t, w) in tk.iter().zip(words) {
        if t.kind == Kind::Word && w.chars >= 2 {
            long_words += 1;
            if t.caps {
                caps_words += 1;
            }
        }
    }
    long_words >= 3 && caps_words * 10 >= long_words * 6
}

/// Sentence flags from the cues in them: request ([`flag::REQ`]: a phrase, "please", or a request
/// word opening the sentence), threat, concession, on the team's behalf.
fn mark_sentences(lex: &Lexicon, hits: &[Hit], words: &[Word], sent_of: &[u32], sentences: &mut [Sentence]) {
    let sp = &lex.sp;
    for h in hits {
        let e = &lex.entries[h.entry as usize];
        let s = sent_of[h.start as usize] as usize;
        let first = sentences[s].first_word == Some(h.start as usize);
        if e.has(flag::REQ)
            && (h.end - h.start >= 2 || first || matches!(words[h.start as usize].id, id if id == sp.please || id == sp.pls))
        {
            sentences[s].request = true;
        }
        if e.has(flag::THREAT) {
            sentences[s].threat = true;
        }
        if e.has(flag::CONC) {
            sentences[s].concession = true;
        }
        if e.has(flag::BEHALF) {
            sentences[s].behalf = true;
        }
    }
}

/// Negation state of [`Reader`].
struct Negation {
    /// A negator is in force (two negators cancel).
    parity: bool,
    /// Token index the negator reaches up to (exclusive).
    until: u32,
    /// Original span of the negator in force.
    span: Option<(u32, u32)>,
    /// End of the last negator in the clause.
    last_end: Option<u32>,
}

/// Intensifier state of [`Reader`].
struct Intensifier {
    /// Multiplier of the last intensifier or diminisher.
    mult: f32,
    /// Token index it reaches up to (exclusive); 0 once used.
    until: u32,
    /// The intensifier was elongated ("sooo").
    elongated: bool,
}

/// The left-to-right read of the hits of [`annotate`]: clause weights (contrast and subordinate
/// clauses), negation and intensifier scope, and one [`Cue`] per sentiment, stance or theme cue.
struct Reader<'a, 'b> {
    lex: &'a Lexicon,
    tk: &'b [Token],
    words: &'b [Word],
    pos_in_sent: &'b [u32],
    shout: bool,
    list: Vec<Cue<'a>>,
    /// Per cue: its clause segment (index of `seg_weight`) and its sentence.
    seg_of_cue: &'b mut Vec<usize>,
    sent_of_cue: &'b mut Vec<usize>,
    /// Weight of each clause segment.
    seg_weight: &'b mut Vec<f32>,
    /// Sentences with an elongated praise cue (sarcasm candidates).
    elongated_sents: &'b mut Vec<usize>,
    cur_sent: usize,
    /// A sentence-initial "although" waits for its comma to start the main clause.
    sub_pending: bool,
    neg: Negation,
    int: Intensifier,
}

impl<'a> Reader<'a, '_> {
    /// Walk the tokens; punctuation ends any scope, each hit goes to [`Reader::hit`].
    fn read(&mut self, hits: &[Hit], sent_of: &[u32]) {
        let n = self.tk.len();
        let mut h = 0;
        let mut i = 0usize;
        while i < n {
            let s = sent_of[i] as usize;
            if s != self.cur_sent {
                self.cur_sent = s;
                self.seg_weight.push(1.0);
                self.sub_pending = false;
            }
            if let Kind::Punct(p) = self.tk[i].kind {
                self.punct(p);
                i += 1;
                continue;
            }
            if h >= hits.len() || hits[h].start as usize != i {
                i += 1;
                continue;
            }
            let hit = hits[h];
            h += 1;
            i = hit.end as usize;
            self.hit(hit, s);
        }
    }

    /// Punctuation ends negation and intensifier scope; the comma after a sentence-initial
    /// "although" clause starts the emphasised main clause.
    fn punct(&mut self, p: char) {
        self.neg.parity = false;
        self.neg.last_end = None;
        self.neg.until = 0;
        self.int.until = 0;
        if p == ',' && self.sub_pending {
            self.seg_weight.push(AFTER_BUT);
            self.sub_pending = false;
        }
    }

    /// One hit in sentence `s`: a contrast, subordinator, negator or intensifier changes the state;
    /// anything else with valence, stance or themes becomes a cue.
    fn hit(&mut self, hit: Hit, s: usize) {
        let e = &self.lex.entries[hit.entry as usize];
        let span = (self.tk[hit.start as usize].orig.0, self.tk[hit.end as usize - 1].orig.1);
        let at_clause_start =
            hit.start == 0 || self.pos_in_sent[hit.start as usize] == 0 || matches!(self.tk[hit.start as usize - 1].kind, Kind::Punct(_));
        if e.has(flag::BUT) {
            self.contrast(hit, at_clause_start);
            return;
        }
        if e.has(flag::SUB) {
            self.subordinate(hit, at_clause_start);
            return;
        }
        if e.has(flag::NEG) {
            self.negator(e, hit, span, s);
            return;
        }
        if e.has(flag::INT) || e.has(flag::DIM) {
            // an intensifier that is also a cue ("super") is handled as a cue when nothing follows
            self.int.mult = e.val;
            self.int.until = hit.end + 2;
            self.int.elongated = self.any_tok(hit, |t| t.elongated);
            if !e.has(flag::IJ) {
                return;
            }
        }
        if e.has(flag::REQ) && e.val == 0.0 && e.stance == 0.0 && e.themes.is_empty() {
            return;
        }
        self.cue(e, hit, span, s);
    }

    /// Some token of `hit` satisfies `f`.
    #[inline]
    fn any_tok(&self, hit: Hit, f: impl Fn(&Token) -> bool) -> bool {
        (hit.start..hit.end).any(|t| f(&self.tk[t as usize]))
    }

    /// "but", "however" ([`flag::BUT`]): weaken the clause before, emphasise the one after. A bare
    /// "still" or "yet" is a contrast only at the start of a clause.
    fn contrast(&mut self, hit: Hit, at_clause_start: bool) {
        let sp = &self.lex.sp;
        let first = self.words[hit.start as usize].id;
        let is_bare_adverb = (first == sp.still || first == sp.yet) && hit.end - hit.start == 1;
        if is_bare_adverb && !at_clause_start {
            return;
        }
        let last = self.seg_weight.len() - 1;
        self.seg_weight[last] *= BEFORE_BUT;
        self.seg_weight.push(AFTER_BUT);
        self.neg.parity = false;
    }

    /// "although", "though" ([`flag::SUB`]): the subordinate clause is the weak one.
    fn subordinate(&mut self, hit: Hit, at_clause_start: bool) {
        let at_end = (hit.end as usize) >= self.tk.len() || matches!(self.tk[hit.end as usize].kind, Kind::Punct(_));
        let seg_weight = &mut *self.seg_weight;
        let last = seg_weight.len() - 1;
        if at_end && !at_clause_start {
            // "... was great though." emphasises its own sentence over the one before
            seg_weight[last] *= AFTER_BUT;
            // the previous segment belongs to the previous sentence or clause
            if last > 0 {
                seg_weight[last - 1] *= BEFORE_BUT;
            }
        } else if self.pos_in_sent[hit.start as usize] == 0 {
            seg_weight.push(BEFORE_BUT);
            self.sub_pending = true;
        } else {
            seg_weight[last] *= BEFORE_BUT;
            seg_weight.push(AFTER_BUT);
        }
        self.neg.parity = false;
    }

    /// A negator ([`flag::NEG`]): opens (or, as a second negator, closes) negation scope. One with
    /// a stance or themes ("rather than", "instead of") is also a cue, without valence.
    fn negator(&mut self, e: &'a Entry, hit: Hit, span: (u32, u32), s: usize) {
        let neg = &mut self.neg;
        // "never refuses without an alternative": a "without" soon after a negator cancels it
        let active = neg.parity && hit.start < neg.until
            || self.words[hit.start as usize].id == self.lex.sp.without && neg.last_end.is_some_and(|x| hit.start <= x + 6);
        neg.last_end = Some(hit.end);
        neg.parity = !active;
        if !active {
            neg.span = Some(span);
        }
        // a negator's reach: the value column ("I expected a lecture and a refusal" reaches further)
        let reach = if e.val > 0.0 { e.val as u32 } else { NEG_WINDOW };
        neg.until = hit.end + reach;
        if e.stance != 0.0 || !e.themes.is_empty() {
            self.push(Cue::new(e, hit, span, None, 0.0, e.stance), s);
        }
    }

    /// A sentiment, stance or theme cue: negation, a pending intensifier, elongation and caps
    /// adjust its valence and stance.
    fn cue(&mut self, e: &'a Entry, hit: Hit, span: (u32, u32), s: usize) {
        let mut val = if e.has(flag::INT) || e.has(flag::DIM) { 0.0 } else { e.val };
        let mut stance = e.stance;
        let negated = self.neg.parity && hit.start < self.neg.until;
        if negated {
            val = -val * NEG_FACTOR;
            stance = -stance * NEG_FACTOR;
        }
        let int = &mut self.int;
        if int.until > hit.start && (val != 0.0 || stance != 0.0) {
            val *= int.mult;
            stance *= 1.0 + (int.mult - 1.0) * 0.5;
            int.until = 0;
            if int.elongated && val > 0.0 {
                self.elongated_sents.push(s);
            }
        }
        if self.any_tok(hit, |t| t.elongated) && val > 0.0 {
            self.elongated_sents.push(s);
        }
        if !self.shout && self.any_tok(hit, |t| t.caps && t.end - t.start >= 3) {
            val *= 1.5;
        }
        if self.shout {
            val *= 1.3;
        }
        self.push(Cue::new(e, hit, span, if negated { self.neg.span } else { None }, val, stance), s);
    }

    /// Add `cue`, with its clause segment and sentence `s`.
    fn push(&mut self, cue: Cue<'a>, s: usize) {
        self.list.push(cue);
        self.seg_of_cue.push(self.seg_weight.len() - 1);
        self.sent_of_cue.push(s);
    }
}

/// Adjust each cue by its sentence: next to a threat a threat adjective ([`flag::TADJ`]) loses
/// its valence and a protection verb ([`flag::PROT`]) becomes protective praise; "!" strengthens;
/// questions and requests weaken; a concession weakens praise; on the team's behalf, no stance.
fn adjust_by_sentence(list: &mut [Cue], sent_of_cue: &[usize], sentences: &[Sentence]) {
    for (c, &s) in list.iter_mut().zip(sent_of_cue.iter()) {
        let st = &sentences[s];
        if st.threat {
            if c.entry.has(flag::TADJ) {
                c.val = 0.0;
            }
            if c.entry.has(flag::PROT) && c.neg.is_none() {
                c.val = 1.6;
                c.stance = 0.0;
                c.protective = true;
            }
        }
        if st.exclaim {
            c.val *= 1.2;
        }
        if st.question || st.request {
            c.val *= REQ_VAL;
            c.stance *= REQ_STANCE;
        }
        if st.concession && c.val > 0.0 {
            c.val *= CONC_VAL;
        }
        // a complaint on the team's behalf ("understaffed", "deserve better") portrays no stance
        if st.behalf {
            c.stance = 0.0;
        }
    }
}

/// A refusal that comes with an alternative ("said no, then proposed two vetted vendors") is the
/// enabling pattern: the refusal keeps its theme but little of its weight. The alternative comes
/// after the refusal: "we proposed three ways, all vetoed" is no such case.
fn soften_refusals_with_alternative(list: &mut [Cue]) {
    let alternative = list
        .iter()
        .rposition(|c| c.neg.is_none() && c.stance > 0.0 && c.entry.themes.iter().any(|&(t, w)| t == Theme::OffersOptions && w >= 0.6));
    if let Some(alt) = alternative {
        for c in list[..alt].iter_mut() {
            let refusal = c.neg.is_none() && c.val < 0.0 && c.entry.themes.iter().any(|&(t, _)| t == Theme::SaysNo);
            if refusal {
                c.val *= ALT_REFUSAL;
                c.stance *= ALT_REFUSAL;
            }
        }
    }
}

/// In a comment about an incident, fast handling is incident response, not throughput, and not by
/// itself an enabling stance ("isolated it within minutes").
fn mark_incident_context(list: &mut [Cue]) {
    let incident = list.iter().any(|c| {
        c.entry.has(flag::THREAT) && c.neg.is_none() && c.entry.themes.iter().any(|&(t, w)| t == Theme::IncidentResponse && w >= 1.0)
    });
    if incident {
        for c in list.iter_mut() {
            if c.val > 0.0 && c.entry.themes.iter().any(|&(t, _)| t == Theme::Bottleneck) {
                c.threat_ctx = true;
                c.stance = 0.0;
            }
        }
    }
}

/// Improvements turn a complaint about waiting positive: "took months, now take days", "from
/// six-week waits to a couple of days", "... instead".
fn turn_improvements(list: &mut [Cue], at: &Layout, sp: &Special) {
    let Layout { words, sent_of, sent_of_cue, .. } = *at;
    let n = sent_of.len();
    for (ci, c) in list.iter_mut().enumerate() {
        let is_wait = c.val < 0.0 && c.neg.is_none() && c.entry.themes.iter().any(|&(t, _)| t == Theme::Bottleneck);
        if !is_wait {
            continue;
        }
        let s = sent_of_cue[ci] as u32;
        let p = c.tok as usize;
        let in_sent = |t: usize| sent_of[t] == s;
        let short_after = |q: usize| (q + 1..n).take_while(|&t| in_sent(t)).any(|t| words[t].flags & wflag::SHORT_TIME != 0);
        let before = |w: u32| (0..p).rev().take_while(|&t| in_sent(t)).any(|t| words[t].id == w);
        let after_marker = (p + 1..n).take_while(|&t| in_sent(t)).find(|&t| words[t].flags & wflag::IMPROVE != 0);
        let improved = after_marker.is_some_and(|q| (words[q].id != sp.to || before(sp.from)) && short_after(q))
            || (p + 1..(p + 4).min(n)).any(|t| in_sent(t) && words[t].id == sp.instead);
        if improved {
            c.val = c.val.abs() * 0.8;
            c.stance = c.stance.abs() * 0.8;
        }
    }
}

/// Positive and negative valence of all cues but the one at `skip`.
fn val_mass(list: &[Cue], skip: usize) -> (f32, f32) {
    let mut p = 0.0;
    let mut m = 0.0;
    for (j, c) in list.iter().enumerate() {
        if j != skip {
            if c.val > 0.0 {
                p += c.val
            } else {
                m -= c.val
            }
        }
    }
    (p, m)
}

/// Find sarcasm and turn the praise it covers into complaint: see [`sarcastic_sentences`]; a
/// sarcasm emoji or marker ([`flag::SARC`] without letters) covers the whole comment.
fn apply_sarcasm(
    list: &mut [Cue],
    text: &str,
    at: &Layout,
    sentences: &mut [Sentence],
    elongated_sents: &[usize],
    sarc_sents: &mut Vec<usize>,
) {
    let emoji_sarc = list.iter().any(|c| {
        c.entry.has(flag::SARC) && {
            let t = &text[c.span.0 as usize..c.span.1 as usize];
            !t.chars().any(char::is_alphabetic)
        }
    });
    sarcastic_sentences(list, at, sentences, elongated_sents, sarc_sents);
    if emoji_sarc || !sarc_sents.is_empty() {
        for (c, &s) in list.iter_mut().zip(at.sent_of_cue.iter()) {
            if (emoji_sarc || sarc_sents.contains(&s)) && !c.entry.has(flag::SARC) {
                if c.val > 0.0 && !c.protective {
                    c.val = -c.val * SARC_FACTOR;
                }
                if c.stance > 0.0 {
                    c.stance = -c.stance * 0.5;
                }
            }
        }
        for &s in sarc_sents.iter() {
            if let Some(st) = sentences.get_mut(s) {
                st.sarcastic = true;
            }
        }
    }
}

/// The sentences sarcasm covers, into `sarc_sents`: a sarcasm cue's sentence and the next; the
/// same for an interjection ([`flag::IJ`]) opening a sentence before punctuation when the
/// sentence speaks of repetition or the comment is mostly negative; and the sentences of elongated
/// praise in a clearly negative comment.
fn sarcastic_sentences(list: &[Cue], at: &Layout, sentences: &[Sentence], elongated_sents: &[usize], sarc_sents: &mut Vec<usize>) {
    sarc_sents.clear();
    for (ci, c) in list.iter().enumerate() {
        if c.entry.has(flag::SARC) {
            sarc_sents.push(at.sent_of_cue[ci]);
            sarc_sents.push(at.sent_of_cue[ci] + 1);
        }
    }
    for (ci, c) in list.iter().enumerate() {
        if is_sarcastic_interjection(list, ci, c, at, sentences) {
            let s = at.sent_of_cue[ci];
            sarc_sents.push(s);
            sarc_sents.push(s + 1);
        }
    }
    if is_elongated_praise_sarcastic(list, at.sent_of_cue, elongated_sents) {
        sarc_sents.extend(elongated_sents.iter().copied());
    }
}

/// Cue `c` (index `ci`) is an unnegated positive interjection opening its sentence, followed by
/// `, ! .`, in a sentence that speaks of repetition or a comment otherwise more negative than not.
fn is_sarcastic_interjection(list: &[Cue], ci: usize, c: &Cue, at: &Layout, sentences: &[Sentence]) -> bool {
    if !c.entry.has(flag::IJ) || c.val <= 0.0 || c.neg.is_some() {
        return false;
    }
    let Layout { tk, words, sent_of, sent_of_cue } = *at;
    let n = tk.len();
    let s = sent_of_cue[ci];
    if sentences[s].first_word != Some(c.tok as usize) {
        return false;
    }
    let end_tok = c.tok_last as usize;
    let followed_by_punct = end_tok + 1 < n && matches!(tk[end_tok + 1].kind, Kind::Punct(',' | '!' | '.'));
    if !followed_by_punct {
        return false;
    }
    let repeats = (0..n).any(|t| sent_of[t] as usize == s && words[t].flags & wflag::REPEAT != 0);
    let (p, m) = val_mass(list, ci);
    repeats || m > p
}

/// Elongated praise ("sooo helpful") in a comment with clear negative valence is sarcastic.
fn is_elongated_praise_sarcastic(list: &[Cue], sent_of_cue: &[usize], elongated_sents: &[usize]) -> bool {
    if elongated_sents.is_empty() {
        return false;
    }
    let (_, m) = val_mass(list, usize::MAX);
    let elong_pos: f32 =
        list.iter().zip(sent_of_cue.iter()).filter(|(c, s)| c.val > 0.0 && elongated_sents.contains(s)).map(|(c, _)| c.val).sum();
    m >= 1.0 && elong_pos > 0.0
}

/// Comment-level markers and the extra negative weight of shouting without clear praise:
/// "ALL CAPS" when shouting, "?" when every sentence is a question or request.
fn comment_markers(list: &[Cue], sentences: &[Sentence], shout: bool) -> (Vec<&'static str>, f32) {
    let mut markers = Vec::new();
    let mut shout_neg = 0.0;
    if shout {
        markers.push("ALL CAPS");
        // shouting without clear praise reads as a complaint
        let praise: f32 = list.iter().filter(|c| c.val > 0.0).map(|c| c.val).sum();
        if praise < 1.0 {
            shout_neg = 1.5;
        }
    }
    if !sentences.is_empty() && sentences.iter().all(|s| s.question || s.request || s.first_word.is_none()) {
        markers.push("?");
    }
    (markers, shout_neg)
}
