//! Comment analysis in the browser: 100,000 synthetic comments through `secpulse::text::Analyzer`,
//! timed with `Date.now()` and logged (the time is reported, not asserted; the labels are).
//!
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_text` (debug build)
//! `cargo test --profile wasm --target wasm32-unknown-unknown --no-default-features --test wasm_text`
//! (the wasm cores' size profile; the figure to report).
#![cfg(target_arch = "wasm32")]

use secpulse::text::{summarize, Analyzer, Sentiment, Stance, Theme};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const OPENERS: &[&str] = &["Honestly,", "Tbh", "In my experience", "", "Overall", "Last quarter"];
const BODIES: &[&str] = &[
    "the security team took five weeks to approve a simple plug-in",
    "they found a workaround so our release could ship on time",
    "their newsletter is short and actually readable",
    "the VPN drops every hour and I lose my session",
    "nobody knows who the CISO is or how to reach the team",
    "they blocked the phishing campaign within minutes",
    "the awareness course is far too long and patronising",
    "great, another mandatory password change 🙄",
    "they never say no without offering an alternative",
    "the audit questionnaire is eleven pages of box ticking",
    "the analysts are friendly and happy to explain the why",
    "our launch was delayed because they would not open one port",
];
const CLOSERS: &[&str] = &[".", "!", ", but the people are nice.", ", which is frustrating.", ". Thanks!", "..."];

/// Deterministic synthetic comments (a small LCG picks an opener, a body and a closer).
fn synthetic(n: usize) -> Vec<String> {
    let mut x: u64 = 0x5EC_0DE;
    let mut next = |m: usize| {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((x >> 33) as usize) % m
    };
    (0..n)
        .map(|_| {
            let o = OPENERS[next(OPENERS.len())];
            let b = BODIES[next(BODIES.len())];
            let c = CLOSERS[next(CLOSERS.len())];
            if o.is_empty() {
                format!("{b}{c}")
            } else {
                format!("{o} {b}{c}")
            }
        })
        .collect()
}

#[wasm_bindgen_test]
fn analyzes_100k_comments_in_the_browser() {
    let t0 = js_sys::Date::now();
    let analyzer = Analyzer::new();
    let t1 = js_sys::Date::now();
    let texts = synthetic(100_000);
    let t2 = js_sys::Date::now();
    let mut blockers = 0usize;
    let mut themes = 0usize;
    for t in &texts {
        let a = analyzer.analyze(t);
        blockers += usize::from(a.stance == Stance::Blocker);
        themes += a.themes.len();
    }
    let t3 = js_sys::Date::now();
    // the dashboard's bulk path: labels without evidence
    let mut label_blockers = 0usize;
    for t in &texts {
        label_blockers += usize::from(analyzer.labels(t).stance == Stance::Blocker);
    }
    let t4 = js_sys::Date::now();
    assert_eq!(label_blockers, blockers, "labels() agrees with analyze()");
    web_sys_log(&format!(
        "text::Analyzer::labels in the browser (the dashboard's bulk path): 100,000 comments in {:.0} ms ({:.0} comments/s)",
        t4 - t3,
        100_000.0 / ((t4 - t3) / 1000.0)
    ));
    web_sys_log(&format!(
        "text::Analyzer in the browser: lexicon build {:.0} ms; 100,000 comments analysed in {:.0} ms ({:.0} comments/s); {} blockers, {} theme tags",
        t1 - t0,
        t3 - t2,
        100_000.0 / ((t3 - t2) / 1000.0),
        blockers,
        themes
    ));
    // correctness, not time
    assert!(blockers > 10_000 && blockers < 60_000, "{blockers}");
    let s = summarize(&analyzer, texts.iter().take(1000).map(String::as_str));
    assert_eq!(s.n, 1000);
    assert_eq!(s.sentiment.negative + s.sentiment.neutral + s.sentiment.positive + s.sentiment.mixed, 1000);
    let a = analyzer.analyze("They never say no without offering an alternative.");
    assert_eq!(a.sentiment, Sentiment::Positive);
    assert_eq!(a.stance, Stance::Enabler);
    assert!(a.themes.contains(&Theme::OffersOptions));
    let b = analyzer.analyze("Great, another mandatory password change 🙄");
    assert_eq!(b.sentiment, Sentiment::Negative);
}

fn web_sys_log(s: &str) {
    // wasm-bindgen-test captures console.log and prints it with the test output
    wasm_bindgen_test::console_log!("{}", s);
}
