//! Randomized-response estimators against hand-computed values, and a simulation
//! showing the estimator is unbiased and its interval covers the truth.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use secpulse::instrument::randomized::{estimate, Design};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn die_design_matches_hand_computation() {
    // 200 of 600 say yes: ŷ = 1/3; π̂ = (1/3 − 1/6)/(2/3) = 0.25;
    // se = √((1/3)(2/3)/599)/(2/3) = 0.0288916; CI 0.25 ± 1.96·se.
    let e = estimate(&Design::die(), 200, 600).unwrap();
    assert!(close(e.proportion, 0.25, 1e-12));
    assert!(close(e.se, 0.028891599832849384, 1e-12));
    assert!(close(e.ci95[0], 0.19337350487187177, 1e-12));
    assert!(close(e.ci95[1], 0.30662649512812823, 1e-12));
    // A direct question at 25% and n = 600 would have se √(.25·.75/600) = 0.0176777.
    assert!(close(e.direct_se, 0.017677669529663688, 1e-12));
    assert!(e.se / e.direct_se > 1.5, "randomized response costs precision");
    assert_eq!(e.n, 600);
}

#[test]
fn warner_design_matches_hand_computation() {
    // p = 0.7: ŷ = 0.4; π̂ = (0.4 − 0.3)/0.4 = 0.25; se = √(0.4·0.6/499)/0.4 = 0.0548271.
    let e = estimate(&Design::Warner { p: 0.7 }, 200, 500).unwrap();
    assert!(close(e.proportion, 0.25, 1e-12));
    assert!(close(e.se, 0.05482711030182147, 1e-12));
    assert!(close(e.ci95[0], 0.14254083843202495, 1e-12));
    assert!(close(e.ci95[1], 0.3574591615679751, 1e-12));
}

#[test]
fn the_unbiased_estimate_may_leave_0_1_but_the_interval_does_not() {
    // Fewer "yes" than the die forces on its own: π̂ < 0.
    let e = estimate(&Design::die(), 8, 60).unwrap();
    assert!(e.proportion < 0.0);
    assert_eq!(e.ci95[0], 0.0);
    assert!(e.ci95[1] > 0.0 && e.ci95[1] <= 1.0);
    let all = estimate(&Design::die(), 60, 60).unwrap();
    assert!(all.proportion > 1.0 && all.ci95[1] == 1.0);
}

#[test]
fn bad_designs_and_counts_are_errors_not_nans() {
    assert!(estimate(&Design::Warner { p: 0.5 }, 1, 10).is_err());
    assert!(estimate(&Design::Warner { p: 1.5 }, 1, 10).is_err());
    let bad = Design::ForcedResponse { truth: 0.5, forced_yes: 0.3, forced_no: 0.3 };
    assert!(estimate(&bad, 1, 10).unwrap_err().contains("add up to 1"));
    let never_true = Design::ForcedResponse { truth: 0.0, forced_yes: 0.5, forced_no: 0.5 };
    assert!(estimate(&never_true, 1, 10).is_err());
    let nan = Design::ForcedResponse { truth: f64::NAN, forced_yes: 0.5, forced_no: 0.5 };
    assert!(estimate(&nan, 1, 10).is_err());
    // Designs that protect nobody: every "yes" is true, or one statement is asked for certain.
    let no_cover = Design::ForcedResponse { truth: 5.0 / 6.0, forced_yes: 0.0, forced_no: 1.0 / 6.0 };
    assert!(estimate(&no_cover, 1, 10).unwrap_err().contains("forced \"yes\""));
    let direct = Design::ForcedResponse { truth: 1.0, forced_yes: 0.0, forced_no: 0.0 };
    assert!(estimate(&direct, 1, 10).is_err());
    assert!(estimate(&Design::Warner { p: 1.0 }, 1, 10).is_err());
    assert!(estimate(&Design::Warner { p: 0.0 }, 1, 10).is_err());
    assert!(estimate(&Design::die(), 11, 10).is_err());
    assert!(estimate(&Design::die(), 0, 1).is_err());
    assert!(estimate(&Design::die(), 0, 0).is_err());
}

#[test]
fn likelihood_ratio_says_how_little_one_answer_reveals() {
    assert!(close(Design::die().likelihood_ratio(), 5.0, 1e-12));
    assert!(close(Design::Warner { p: 0.75 }.likelihood_ratio(), 3.0, 1e-12));
    assert!(close(Design::die().yes_probability(true), 5.0 / 6.0, 1e-12));
    assert!(close(Design::die().yes_probability(false), 1.0 / 6.0, 1e-12));
    // No forced "no": a "no" is only possible for someone who did not → infinite ratio.
    let weak = Design::ForcedResponse { truth: 0.8, forced_yes: 0.2, forced_no: 0.0 };
    assert!(weak.likelihood_ratio().is_infinite());
}

#[test]
fn simulated_surveys_are_estimated_without_bias_and_covered_95_percent() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for design in [Design::die(), Design::Warner { p: 0.75 }] {
        let truth = 0.3;
        let (runs, n) = (400, 400);
        let (mut sum, mut covered) = (0.0, 0);
        for _ in 0..runs {
            let yes = (0..n).filter(|_| design.respond(rng.random::<f64>() < truth, rng.random::<f64>())).count();
            let e = estimate(&design, yes, n).unwrap();
            sum += e.proportion;
            covered += usize::from(e.ci95[0] <= truth && truth <= e.ci95[1]);
        }
        let mean = sum / runs as f64;
        assert!(close(mean, truth, 0.01), "{design:?}: mean estimate {mean}");
        assert!((0.92..=0.98).contains(&(covered as f64 / runs as f64)), "{design:?}: coverage {covered}/{runs}");
    }
}
