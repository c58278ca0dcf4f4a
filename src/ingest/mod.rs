//! Reading response files (CSV, JSON, JSON Lines) into a [`ResponseTable`].

mod table;

pub use table::*;
