//! Deterministic synthetic responses (placeholder until the synth module lands).
