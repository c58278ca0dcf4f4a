//! Free-text comment analysis (placeholder until the text module lands).
