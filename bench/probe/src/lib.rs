//! Bench probe: times secpulse's ingest + score from bytes in wasm memory, and a
//! filter change (re-scoring one segment), through the crate's public API only.

use secpulse::ingest::{self, Format, IngestOptions, ResponseTable};
use secpulse::instrument::Instrument;
use secpulse::views::{score, ScoreOptions};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Probe {
    instrument: Instrument,
    table: ResponseTable,
    options: ScoreOptions,
}

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

#[wasm_bindgen]
impl Probe {
    #[wasm_bindgen(constructor)]
    pub fn new(instrument_json: &str) -> Result<Probe, JsError> {
        Ok(Probe {
            instrument: Instrument::from_json(instrument_json).map_err(err)?,
            table: ResponseTable::default(),
            options: ScoreOptions {
                by: vec!["department".into(), "role".into()],
                wave: Some("wave".into()),
                ..Default::default()
            },
        })
    }

    /// Ingest (CSV or JSON) + score with breakdowns by department and role and wave deltas;
    /// returns the length of the report's JSON (so nothing is optimised away).
    #[wasm_bindgen(js_name = ingestScore)]
    pub fn ingest_score(&mut self, bytes: &[u8], json: bool) -> Result<usize, JsError> {
        let format = if json { Format::Json } else { Format::Csv };
        let ingested = ingest::read_responses(&self.instrument, bytes, format, &IngestOptions::default()).map_err(err)?;
        self.table = ingested.table;
        let report = score(&self.instrument, &self.table, &self.options).map_err(err)?;
        Ok(serde_json::to_string(&report).map_err(err)?.len())
    }

    /// Ingest only (for the split of the time).
    #[wasm_bindgen(js_name = ingestOnly)]
    pub fn ingest_only(&mut self, bytes: &[u8], json: bool) -> Result<usize, JsError> {
        let format = if json { Format::Json } else { Format::Csv };
        let ingested = ingest::read_responses(&self.instrument, bytes, format, &IngestOptions::default()).map_err(err)?;
        self.table = ingested.table;
        Ok(self.table.rows)
    }

    /// Scoring only, of the table last read.
    #[wasm_bindgen(js_name = scoreOnly)]
    pub fn score_only(&self) -> Result<usize, JsError> {
        let report = score(&self.instrument, &self.table, &self.options).map_err(err)?;
        Ok(serde_json::to_string(&report).map_err(err)?.len())
    }

    /// A filter change: keep the rows whose `column` is `value`, score them with the same
    /// breakdowns; returns the filtered row count.
    pub fn filter(&self, column: &str, value: &str) -> Result<usize, JsError> {
        let seg = self.table.segment(column).ok_or_else(|| JsError::new("no such column"))?;
        let code = seg.labels.iter().position(|l| l == value).ok_or_else(|| JsError::new("no such value"))? as u32;
        let keep: Vec<usize> = (0..self.table.rows).filter(|&r| seg.codes.get(r) == Some(code)).collect();
        let t = &self.table;
        let sub = ResponseTable {
            rows: keep.len(),
            answers: t
                .answers
                .iter()
                .map(|c| ingest::AnswerColumn { id: c.id.clone(), values: keep.iter().map(|&r| c.values[r]).collect() })
                .collect(),
            segments: t
                .segments
                .iter()
                .map(|c| ingest::SegmentColumn {
                    name: c.name.clone(),
                    labels: c.labels.clone(),
                    codes: keep.iter().filter_map(|&r| c.codes.get(r)).collect(),
                })
                .collect(),
            texts: Vec::new(),
            rankings: Vec::new(),
            selections: Vec::new(),
        };
        let report = score(&self.instrument, &sub, &self.options).map_err(err)?;
        let _ = serde_json::to_string(&report).map_err(err)?.len();
        Ok(sub.rows)
    }
}
