//! From matched cues to weighted, context-adjusted cues: negation scope, intensifiers, contrast
//! and concession, questions and requests, attacker context, sarcasm, ALL CAPS, placeholders.

use super::lexicon::{flag, wflag, Entry, Hit, Lexicon, Word};
use super::tokenize::{Kind, Tokens};
use super::{CommentAnalysis, Evidence, Sentiment, Stance};

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

impl Cue<'_> {
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

#[derive(Clone, Copy)]
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

/// Turn hits into cues in context.
pub(crate) fn annotate<'a>(lex: &'a Lexicon, text: &'a str, toks: &Tokens, words: &[Word], hits: &[Hit], buf: &mut ScopeBuf) -> Cues<'a> {
    let n = toks.toks.len();
    let tk: &[super::tokenize::Token] = &toks.toks;
    let sp = &lex.sp;
    let ScopeBuf { sent_of, pos_in_sent, sentences, seg_of_cue, sent_of_cue, seg_weight, elongated_sents, sarc_sents } = buf;
    // sentence of each token; a sentence ends after . ! ? ; (a run of them)
    sent_of.clear();
    sent_of.resize(n, 0);
    sentences.clear();
    let new_sentence = || Sentence {
        first_word: None,
        question: false,
        exclaim: false,
        request: false,
        threat: false,
        concession: false,
        behalf: false,
        sarcastic: false,
    };
    sentences.push(new_sentence());
    pos_in_sent.clear();
    pos_in_sent.resize(n, 0);
    let mut k = 0u32;
    for i in 0..n {
        let prev_end = i > 0 && matches!(tk[i - 1].kind, Kind::Punct('.' | '!' | '?' | ';'));
        let this_end = matches!(tk[i].kind, Kind::Punct('.' | '!' | '?' | ';'));
        if prev_end && !this_end {
            sentences.push(new_sentence());
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
        // only a question when it opens like one ("Why ...?" is usually a complaint)
        if s.question {
            s.question = s.first_word.is_some_and(|f| words[f].flags & wflag::QWORD != 0);
        }
    }
    // comment-level ALL CAPS
    let (mut caps_words, mut long_words) = (0, 0);
    for (t, w) in tk.iter().zip(words) {
        if t.kind == Kind::Word && w.chars >= 2 {
            long_words += 1;
            if t.caps {
                caps_words += 1;
            }
        }
    }
    let shout = long_words >= 3 && caps_words * 10 >= long_words * 6;

    // sentence-level flags from cues
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

    let mut list: Vec<Cue> = Vec::with_capacity(hits.len());
    seg_of_cue.clear();
    sent_of_cue.clear();
    seg_weight.clear();
    seg_weight.push(1.0);
    let mut sub_pending = false;
    // negation state
    let mut neg_parity = false;
    let mut neg_until = 0u32;
    let mut neg_span: Option<(u32, u32)> = None;
    let mut last_neg_end: Option<u32> = None;
    // intensifier state
    let mut int_mult = 1.0f32;
    let mut int_until = 0u32;
    let mut int_elong = false;
    elongated_sents.clear();

    let mut h = 0;
    let mut i = 0usize;
    let mut cur_sent = 0usize;
    while i < n {
        let s = sent_of[i] as usize;
        if s != cur_sent {
            cur_sent = s;
            seg_weight.push(1.0);
            sub_pending = false;
        }
        if let Kind::Punct(p) = tk[i].kind {
            neg_parity = false;
            last_neg_end = None;
            neg_until = 0;
            int_until = 0;
            if p == ',' && sub_pending {
                seg_weight.push(AFTER_BUT);
                sub_pending = false;
            }
            i += 1;
            continue;
        }
        if h >= hits.len() || hits[h].start as usize != i {
            i += 1;
            continue;
        }
        let hit = hits[h];
        h += 1;
        let e = &lex.entries[hit.entry as usize];
        let tok_a = &tk[hit.start as usize];
        let tok_b = &tk[hit.end as usize - 1];
        let span = (tok_a.orig.0, tok_b.orig.1);
        i = hit.end as usize;
        let at_clause_start =
            hit.start == 0 || pos_in_sent[hit.start as usize] == 0 || matches!(tk[hit.start as usize - 1].kind, Kind::Punct(_));
        if e.has(flag::BUT) {
            let first = words[hit.start as usize].id;
            let is_bare_adverb = (first == sp.still || first == sp.yet) && hit.end - hit.start == 1;
            if is_bare_adverb && !at_clause_start {
                continue;
            }
            let last = seg_weight.len() - 1;
            seg_weight[last] *= BEFORE_BUT;
            seg_weight.push(AFTER_BUT);
            neg_parity = false;
            continue;
        }
        if e.has(flag::SUB) {
            let at_end = (hit.end as usize) >= n || matches!(tk[hit.end as usize].kind, Kind::Punct(_));
            let last = seg_weight.len() - 1;
            if at_end && !at_clause_start {
                // "... was great though." emphasises its own sentence over the one before
                seg_weight[last] *= AFTER_BUT;
                // the previous segment belongs to the previous sentence or clause
                if last > 0 {
                    seg_weight[last - 1] *= BEFORE_BUT;
                }
            } else if pos_in_sent[hit.start as usize] == 0 {
                seg_weight.push(BEFORE_BUT);
                sub_pending = true;
            } else {
                seg_weight[last] *= BEFORE_BUT;
                seg_weight.push(AFTER_BUT);
            }
            neg_parity = false;
            continue;
        }
        if e.has(flag::NEG) {
            // "never refuses without an alternative": a "without" soon after a negator cancels it
            let active = neg_parity && hit.start < neg_until
                || words[hit.start as usize].id == sp.without && last_neg_end.is_some_and(|x| hit.start <= x + 6);
            last_neg_end = Some(hit.end);
            neg_parity = !active;
            if !active {
                neg_span = Some(span);
            }
            // a negator's reach: the value column ("I expected a lecture and a refusal" reaches further)
            let reach = if e.val > 0.0 { e.val as u32 } else { NEG_WINDOW };
            neg_until = hit.end + reach;
            // "rather than", "instead of": a negator that also points at an alternative
            if e.stance != 0.0 || !e.themes.is_empty() {
                list.push(Cue {
                    entry: e,
                    span,
                    neg: None,
                    val: 0.0,
                    stance: e.stance,
                    weight: 1.0,
                    protective: false,
                    threat_ctx: false,
                    tok: hit.start,
                    tok_last: hit.end - 1,
                });
                seg_of_cue.push(seg_weight.len() - 1);
                sent_of_cue.push(s);
            }
            continue;
        }
        if e.has(flag::INT) || e.has(flag::DIM) {
            // an intensifier that is also a cue ("super") is handled as a cue when nothing follows
            int_mult = e.val;
            int_until = hit.end + 2;
            int_elong = (hit.start..hit.end).any(|t| tk[t as usize].elongated);
            if !e.has(flag::IJ) {
                continue;
            }
        }
        if e.has(flag::REQ) && e.val == 0.0 && e.stance == 0.0 && e.themes.is_empty() {
            continue;
        }
        let mut val = if e.has(flag::INT) || e.has(flag::DIM) { 0.0 } else { e.val };
        let mut stance = e.stance;
        let negated = neg_parity && hit.start < neg_until;
        if negated {
            val = -val * NEG_FACTOR;
            stance = -stance * NEG_FACTOR;
        }
        if int_until > hit.start && (val != 0.0 || stance != 0.0) {
            val *= int_mult;
            stance *= 1.0 + (int_mult - 1.0) * 0.5;
            int_until = 0;
            if int_elong && val > 0.0 {
                elongated_sents.push(s);
            }
        }
        if (hit.start..hit.end).any(|t| tk[t as usize].elongated) && val > 0.0 {
            elongated_sents.push(s);
        }
        if !shout && (hit.start..hit.end).any(|t| tk[t as usize].caps && tk[t as usize].end - tk[t as usize].start >= 3) {
            val *= 1.5;
        }
        if shout {
            val *= 1.3;
        }
        list.push(Cue {
            entry: e,
            span,
            neg: if negated { neg_span } else { None },
            val,
            stance,
            weight: 1.0,
            protective: false,
            threat_ctx: false,
            tok: hit.start,
            tok_last: hit.end - 1,
        });
        seg_of_cue.push(seg_weight.len() - 1);
        sent_of_cue.push(s);
    }

    // sentence-level adjustments
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

    // a refusal that comes with an alternative ("said no, then proposed two vetted vendors") is
    // the enabling pattern: the refusal keeps its theme but little of its weight
    // (the alternative comes after the refusal: "we proposed three ways, all vetoed" is no such case)
    let alternative = list.iter().rposition(|c| {
        c.neg.is_none() && c.stance > 0.0 && c.entry.themes.iter().any(|&(t, w)| t == super::Theme::OffersOptions && w >= 0.6)
    });
    if let Some(alt) = alternative {
        for c in list[..alt].iter_mut() {
            let refusal = c.neg.is_none() && c.val < 0.0 && c.entry.themes.iter().any(|&(t, _)| t == super::Theme::SaysNo);
            if refusal {
                c.val *= ALT_REFUSAL;
                c.stance *= ALT_REFUSAL;
            }
        }
    }

    // a comment about an incident: fast handling is incident response, not throughput, and not
    // by itself an enabling stance ("isolated it within minutes")
    let incident = list.iter().any(|c| {
        c.entry.has(flag::THREAT) && c.neg.is_none() && c.entry.themes.iter().any(|&(t, w)| t == super::Theme::IncidentResponse && w >= 1.0)
    });
    if incident {
        for c in list.iter_mut() {
            if c.val > 0.0 && c.entry.themes.iter().any(|&(t, _)| t == super::Theme::Bottleneck) {
                c.threat_ctx = true;
                c.stance = 0.0;
            }
        }
    }

    // improvements: "took months, now take days", "from six-week waits to a couple of days"
    for (ci, c) in list.iter_mut().enumerate() {
        let is_wait = c.val < 0.0 && c.neg.is_none() && c.entry.themes.iter().any(|&(t, _)| t == super::Theme::Bottleneck);
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

    // sarcasm
    let emoji_sarc = list.iter().any(|c| {
        c.entry.has(flag::SARC) && {
            let t = &text[c.span.0 as usize..c.span.1 as usize];
            !t.chars().any(char::is_alphabetic)
        }
    });
    sarc_sents.clear();
    for (ci, c) in list.iter().enumerate() {
        if c.entry.has(flag::SARC) {
            sarc_sents.push(sent_of_cue[ci]);
            sarc_sents.push(sent_of_cue[ci] + 1);
        }
    }
    let mass = |list: &[Cue], skip: usize| -> (f32, f32) {
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
    };
    for (ci, c) in list.iter().enumerate() {
        if !c.entry.has(flag::IJ) || c.val <= 0.0 || c.neg.is_some() {
            continue;
        }
        let s = sent_of_cue[ci];
        let Some(first) = sentences[s].first_word else {
            continue;
        };
        if c.tok as usize != first {
            continue;
        }
        let end_tok = c.tok_last as usize;
        let followed_by_punct = end_tok + 1 < n && matches!(tk[end_tok + 1].kind, Kind::Punct(',' | '!' | '.'));
        if !followed_by_punct {
            continue;
        }
        let repeats = (0..n).any(|t| sent_of[t] as usize == s && words[t].flags & wflag::REPEAT != 0);
        let (p, m) = mass(&list, ci);
        if repeats || m > p {
            sarc_sents.push(s);
            sarc_sents.push(s + 1);
        }
    }
    if !elongated_sents.is_empty() {
        let (_, m) = mass(&list, usize::MAX);
        let elong_pos: f32 =
            list.iter().zip(sent_of_cue.iter()).filter(|(c, s)| c.val > 0.0 && elongated_sents.contains(s)).map(|(c, _)| c.val).sum();
        if m >= 1.0 && elong_pos > 0.0 {
            sarc_sents.extend(elongated_sents.iter().copied());
        }
    }
    if emoji_sarc || !sarc_sents.is_empty() {
        for (c, &s) in list.iter_mut().zip(sent_of_cue.iter()) {
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

    for (c, &g) in list.iter_mut().zip(seg_of_cue.iter()) {
        c.weight = seg_weight[g];
    }

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
    Cues { text, list, shout_neg, markers }
}
