//! Behaviour of the comment analyser on each phenomenon it claims to handle, the JSONL runner,
//! and a quality floor on our own labelled comments (tests/data/comments-own.jsonl).

use secpulse::text::{analyze, analyze_jsonl, summarize, Analyzer, Sentiment, Stance, Theme};
use std::collections::BTreeMap;

fn ev<'a>(a: &'a secpulse::text::CommentAnalysis, decision: &str) -> &'a [String] {
    a.evidence.iter().find(|e| e.decision == decision).map(|e| e.words.as_slice()).unwrap_or(&[])
}

#[test]
fn attacker_vocabulary_is_not_a_complaint_about_the_team() {
    let a = analyze("They blocked the phishing attack within minutes and shut down the fake login page.");
    assert_eq!(a.sentiment, Sentiment::Positive);
    assert_eq!(a.stance, Stance::None, "protection praise has no stance");
    assert!(a.themes.contains(&Theme::IncidentResponse));
    assert!(!a.themes.contains(&Theme::Bottleneck), "incident speed is not a bottleneck");
    let b = analyze("The ransomware was terrifying, but their debrief afterwards was superb.");
    assert_eq!(b.sentiment, Sentiment::Positive);
    // the same verb about legitimate work is a complaint
    let c = analyze("They blocked our customer file uploads for a week.");
    assert_eq!(c.sentiment, Sentiment::Negative);
    assert_eq!(c.stance, Stance::Blocker);
    let d = analyze("The breach drill was well run.");
    assert!(d.themes.contains(&Theme::Training) && d.themes.contains(&Theme::IncidentResponse));
    assert_eq!(d.sentiment, Sentiment::Positive);
}

#[test]
fn negation_and_its_scope() {
    let a = analyze("They never say no without an alternative.");
    assert_eq!(a.sentiment, Sentiment::Positive);
    assert_eq!(a.stance, Stance::Enabler);
    assert!(a.themes.contains(&Theme::SaysNo) && a.themes.contains(&Theme::OffersOptions));
    assert_eq!(analyze("Honestly, not unhelpful at all.").sentiment, Sentiment::Positive);
    assert_eq!(analyze("I can't fault them.").sentiment, Sentiment::Positive);
    let b = analyze("Never condescending, never made me feel silly.");
    assert_eq!(b.sentiment, Sentiment::Positive);
    assert!(b.themes.contains(&Theme::Arrogance), "absence of arrogance is still the theme");
    assert!(ev(&b, "sentiment:positive").iter().any(|w| w.contains("Never") && w.contains("condescending")));
    // the scope ends at punctuation: "helpful" is not negated
    assert_eq!(analyze("Not a fan of the portal. Helpful people though.").sentiment, Sentiment::Mixed);
    let c = analyze("They don't offer alternatives, they just reject the ticket.");
    assert_eq!(c.stance, Stance::Blocker);
    assert!(c.themes.contains(&Theme::OffersOptions));
}

#[test]
fn contrast_and_concession() {
    let a = analyze("They're good people who keep us safe, but nothing ever gets approved and we wait for months.");
    assert_eq!(a.sentiment, Sentiment::Mixed);
    assert_eq!(a.stance, Stance::Blocker);
    let b = analyze("I get why they need reviews, but six weeks for a calendar plug-in is absurd.");
    assert_eq!(b.sentiment, Sentiment::Negative, "a concession is not praise");
    let c = analyze("Slow to reply, but they get you there in the end.");
    assert_eq!(c.stance, Stance::Enabler, "the clause after 'but' carries the verdict");
}

#[test]
fn sarcasm_cues() {
    assert_eq!(analyze("Oh great, another mandatory training.").sentiment, Sentiment::Negative);
    assert_eq!(analyze("Wonderful, a fourth password to remember. 🙄").sentiment, Sentiment::Negative);
    let a = analyze("Thanks a lot, security, for locking my account before the board meeting.");
    assert_eq!(a.sentiment, Sentiment::Negative);
    assert_eq!(a.stance, Stance::Blocker);
    let b = analyze("Sooo helpful that the upload filter kills my attachments. 🙃");
    assert_eq!(b.sentiment, Sentiment::Negative);
    assert!(ev(&b, "sentiment:negative").iter().any(|w| w == "🙃"));
}

#[test]
fn intensifiers_caps_and_emoji() {
    let mild = analyze("They are helpful.");
    let strong = analyze("They are extremely helpful!");
    assert!(strong.score > mild.score, "{} vs {}", strong.score, mild.score);
    let shout = analyze("THREE WEEKS FOR A SHARED MAILBOX. SERIOUSLY.");
    assert_eq!(shout.sentiment, Sentiment::Negative);
    assert!(ev(&shout, "sentiment:negative").iter().any(|w| w == "ALL CAPS"));
    let caps = analyze("The new VPN is AWFUL.");
    let lower = analyze("The new VPN is awful.");
    assert!(caps.score < lower.score, "caps emphasis: {} vs {}", caps.score, lower.score);
    assert_eq!(analyze("Sorted my laptop in ten minutes 👍").sentiment, Sentiment::Positive);
    assert_eq!(analyze("Still waiting on my access 😡").sentiment, Sentiment::Negative);
}

#[test]
fn typos_of_common_words() {
    let a = analyze("Super helpfull and they found a way");
    assert_eq!(a.sentiment, Sentiment::Positive);
    assert!(ev(&a, "sentiment:positive").iter().any(|w| w == "helpfull"), "evidence keeps the original spelling");
    assert_eq!(analyze("very condescnding and arrgoant").sentiment, Sentiment::Negative);
    assert_eq!(analyze("dont they ever reply? wating for weeks").stance, Stance::Blocker);
}

#[test]
fn non_ascii_text() {
    let a = analyze("Björn and Renée in infosec are brilliant — quick and friendly.");
    assert_eq!(a.sentiment, Sentiment::Positive);
    assert!(a.themes.contains(&Theme::Approachability));
    let b = analyze("Nicht hilfreich. Alles dauert Wochen.");
    assert_eq!(b.sentiment, Sentiment::Negative);
    assert_eq!(b.stance, Stance::Blocker);
    // arbitrary scripts and symbols never panic
    for t in ["日本語のコメントです", "¯\\_(ツ)_/¯", "€€€ 👍🏽👍🏽", "\u{200d}\u{fe0f}", "ﬁne", "'''", ":-", "/s"]
    {
        let _ = analyze(t);
    }
}

#[test]
fn placeholders_are_neutral_without_stance_or_themes() {
    for t in ["", "   ", "n/a", "N/A", "-", "nothing to add", "No comment.", "Pass", "nil", "none", "...", "?"] {
        let a = analyze(t);
        assert_eq!((a.sentiment, a.stance, a.themes.len()), (Sentiment::Neutral, Stance::None, 0), "{t:?}");
        assert_eq!(a.score, 0.0);
    }
}

#[test]
fn questions_and_suggestions_are_neutral() {
    let a = analyze("Could the policy site get a search box?");
    assert_eq!(a.sentiment, Sentiment::Neutral);
    assert_eq!(a.stance, Stance::None);
    assert!(a.themes.contains(&Theme::Compliance));
    assert_eq!(analyze("A monthly drop-in slot would be really helpful.").sentiment, Sentiment::Neutral);
    // a factual description of an obstructive process keeps its stance
    assert_eq!(analyze("Every firewall change waits for the monthly board.").stance, Stance::Blocker);
}

#[test]
fn evidence_names_the_words_behind_each_decision() {
    let a = analyze("They refused my request and it took three weeks.");
    assert_eq!(a.sentiment, Sentiment::Negative);
    assert_eq!(a.stance, Stance::Blocker);
    assert!(ev(&a, "stance:blocker").iter().any(|w| w == "refused"));
    assert!(ev(&a, "theme:says_no").iter().any(|w| w == "refused"));
    assert!(ev(&a, "theme:bottleneck").iter().any(|w| w.contains("three weeks")));
    // exactly one evidence entry per decision
    assert_eq!(a.evidence.len(), 2 + a.themes.len());
    assert!((-1.0..=1.0).contains(&a.score) && a.score < 0.0);
}

#[test]
fn themes_in_guideline_order_without_duplicates() {
    let a = analyze("The VPN portal and the MFA tool are slow; the audit policy and the CISO never explain anything.");
    let mut sorted = a.themes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(a.themes, sorted);
    assert_eq!(Theme::ALL.len(), 12);
    assert_eq!(serde_json::to_string(&Theme::IncidentResponse).unwrap(), "\"incident_response\"");
}

#[test]
fn jsonl_reports_bad_lines_with_numbers_and_goes_on() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"They found a way\",\"extra\":1}\n",
        "not json\n",
        "\n",
        "{\"text\":\"no id\"}\n",
        "{\"id\":\"c\"}\n",
        "{\"id\":\"d\",\"text\":42}\n",
        "[1,2]\n",
        "{\"id\":7,\"text\":\"n/a\"}\r\n",
    );
    let mut out = Vec::new();
    let report = analyze_jsonl(&Analyzer::new(), input.as_bytes(), &mut out).unwrap();
    assert_eq!(report.analyzed, 2);
    assert_eq!(report.errors.len(), 5, "{:?}", report.errors);
    for (err, line) in report.errors.iter().zip([2, 4, 5, 6, 7]) {
        assert!(err.starts_with(&format!("line {line}: ")), "{err}");
    }
    assert!(report.errors[0].contains("invalid JSON"));
    assert!(report.errors[1].contains("missing \"id\""));
    assert!(report.errors[2].contains("missing \"text\""));
    assert!(report.errors[3].contains("\"text\" must be a string"));
    let lines: Vec<serde_json::Value> = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["stance"], "enabler");
    for k in ["sentiment", "score", "stance", "themes", "evidence"] {
        assert!(lines[0].get(k).is_some(), "missing {k}");
    }
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["sentiment"], "neutral");
}

#[test]
fn jsonl_invalid_utf8_is_a_line_error() {
    let mut input = b"{\"id\":\"a\",\"text\":\"ok\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"\xff\"}\n");
    let report = analyze_jsonl(&Analyzer::new(), input.as_slice(), std::io::sink()).unwrap();
    assert_eq!(report.analyzed, 1);
    assert!(report.errors[0].starts_with("line 2: not valid UTF-8"));
}

#[test]
fn summary_counts_and_orders_themes() {
    let an = Analyzer::new();
    let s = summarize(&an, ["They say no to everything.", "Three weeks waiting for a VPN account.", "n/a"]);
    assert_eq!(s.n, 3);
    assert_eq!(s.sentiment.negative, 2);
    assert_eq!(s.sentiment.neutral, 1);
    assert_eq!(s.stance.blocker, 2);
    assert_eq!(s.stance.none, 1);
    assert!(s.themes.windows(2).all(|w| w[0].count >= w[1].count));
    let json = serde_json::to_value(&s).unwrap();
    assert!(json["themes"][0]["theme"].is_string());
}

// ---------------------------------------------------------------- quality floor on our own set

fn macro_f1<T: Ord + Copy>(pairs: &[(T, T)]) -> f64 {
    let mut classes: Vec<T> = pairs.iter().flat_map(|&(g, p)| [g, p]).collect();
    classes.sort();
    classes.dedup();
    let f1s: Vec<f64> = classes
        .iter()
        .map(|&c| {
            let tp = pairs.iter().filter(|&&(g, p)| g == c && p == c).count() as f64;
            let fp = pairs.iter().filter(|&&(g, p)| g != c && p == c).count() as f64;
            let fneg = pairs.iter().filter(|&&(g, p)| g == c && p != c).count() as f64;
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fneg)
            }
        })
        .collect();
    f1s.iter().sum::<f64>() / f1s.len() as f64
}

#[test]
fn own_labelled_set_reaches_floor() {
    let an = Analyzer::new();
    let data = [include_str!("data/comments-own.jsonl"), include_str!("data/comments-own-batch3.jsonl")].concat();
    let (mut sent, mut stance) = (Vec::new(), Vec::new());
    let (mut tp, mut fp, mut fneg) = (0.0f64, 0.0f64, 0.0f64);
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let a = an.analyze(v["text"].as_str().unwrap());
        let gs: Sentiment = serde_json::from_value(v["sentiment"].clone()).unwrap();
        let gt: Stance = serde_json::from_value(v["stance"].clone()).unwrap();
        let gth: Vec<Theme> = serde_json::from_value(v["themes"].clone()).unwrap();
        sent.push((gs, a.sentiment));
        stance.push((gt, a.stance));
        let mut by: BTreeMap<Theme, (bool, bool)> = BTreeMap::new();
        for t in gth {
            by.entry(t).or_default().0 = true;
        }
        for t in a.themes {
            by.entry(t).or_default().1 = true;
        }
        for (g, p) in by.values() {
            match (g, p) {
                (true, true) => tp += 1.0,
                (false, true) => fp += 1.0,
                (true, false) => fneg += 1.0,
                _ => {}
            }
        }
        n += 1;
    }
    assert!(n >= 190, "own sets have {n} comments");
    let s = macro_f1(&sent);
    let st = macro_f1(&stance);
    let th = 2.0 * tp / (2.0 * tp + fp + fneg);
    // Floors = measured − 0.05, measured on 199 comments (three batches) when the third batch was
    // added (sentiment 0.915, stance 0.929, themes 0.866). Those figures include comments whose
    // error categories were then fixed; the blind figures were lower (2nd batch 0.751 / 0.823 /
    // 0.738, 3rd batch 0.628 / 0.748 / 0.676), see bench/comments/README.md.
    assert!(s >= 0.86, "sentiment macro-F1 {s:.3}");
    assert!(st >= 0.87, "stance macro-F1 {st:.3}");
    assert!(th >= 0.81, "theme micro-F1 {th:.3}");
}

#[test]
fn analyzer_is_send_and_sync_and_threads_agree() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Analyzer>();
    // per-thread scratch buffers: the same text gives the same analysis on every thread
    let an = std::sync::Arc::new(Analyzer::new());
    let text = "Nice people, but the VPN drops every hour and the review took six weeks.";
    let here = an.analyze(text);
    let there: Vec<_> = (0..4)
        .map(|_| {
            let an = an.clone();
            std::thread::spawn(move || an.analyze(text))
        })
        .collect();
    for h in there {
        assert_eq!(h.join().unwrap(), here);
    }
}
