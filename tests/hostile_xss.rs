//! Injection on the native side: CSV exports never hand a spreadsheet a formula (cells
//! and header names), and SVG text is escaped, for every payload in
//! `tests/fixtures/xss-payloads.json` (the list the browser tests load too).

use plotters::prelude::*;
use secpulse::ingest::{self, Format, IngestOptions, SegmentColumn, NO_SEGMENT};
use secpulse::instrument::Instrument;
use serde_json::Value;

fn payloads() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/xss-payloads.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn all_payloads() -> Vec<String> {
    let v = payloads();
    ["html", "svg", "url", "csv", "text"]
        .iter()
        .flat_map(|k| v[k].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()))
        .collect()
}

fn formula_start(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Writes every payload as a comment and as an extra column's value, with a payload as that
/// column's name; no written cell starts like a formula, and reading back gives the payloads.
#[test]
fn csv_export_neutralises_formulas_in_cells_and_headers() {
    let ins = Instrument::default_instrument();
    let mut texts: Vec<String> = Vec::new();
    for p in all_payloads() {
        let p = p.trim().to_string();
        if !p.is_empty() && !p.contains('\0') && !texts.contains(&p) {
            texts.push(p);
        }
    }
    for header in ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1", "plain"] {
        let mut t = ingest::ResponseTable::for_instrument(&ins);
        t.rows = texts.len();
        for c in &mut t.answers {
            c.values = vec![3; t.rows];
        }
        for s in &mut t.segments {
            s.codes = ingest::Codes::filled(NO_SEGMENT, t.rows);
        }
        t.texts[0].entries = texts.iter().enumerate().map(|(i, s)| (i as u32, s.trim().into())).collect();
        t.segments.push(SegmentColumn {
            name: header.to_string(),
            labels: texts.iter().map(|s| s.trim().to_string()).collect(),
            codes: (0..t.rows as u32).collect(),
        });
        let mut out = Vec::new();
        ingest::write_csv(&ins, &t, &mut out).unwrap();
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_slice());
        for rec in rdr.records() {
            for cell in rec.unwrap().iter() {
                assert!(!formula_start(cell), "a spreadsheet would run {cell:?}");
            }
        }
        for p in ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)"] {
            assert!(String::from_utf8_lossy(&out).contains(&format!("'{}", p.replace('"', "\"\""))), "{p} not escaped");
        }
        // The reader removes the escape again: the round trip is exact.
        let back = ingest::read_responses(&ins, &out, Format::Csv, &IngestOptions::default()).unwrap();
        assert_eq!(back.summary.problems_total, 0, "{:?}", back.summary.problems);
        assert_eq!(back.table.texts[0].entries, t.texts[0].entries);
        let seg = back.table.segment(header).expect("header name read back unescaped");
        assert_eq!(seg.labels, t.segments.last().unwrap().labels);
    }
}

/// plotters' SVG backend escapes text: no payload's markup survives as markup.
#[test]
fn svg_text_is_escaped() {
    for payload in all_payloads() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (320, 120)).into_drawing_area();
            root.fill(&WHITE).unwrap();
            let style = ("sans-serif", 14).into_font().color(&BLACK);
            root.draw(&Text::new(payload.clone(), (5, 20), style)).unwrap();
            root.present().unwrap();
        }
        let lower = svg.to_lowercase();
        for bad in ["<script", "<img", "<iframe", "<foreignobject", "<svg onload", "<use", "<animate", "<a ", "<style", "<base", "<meta"] {
            assert!(!lower.contains(bad), "{bad} survived from {payload:?}:\n{svg}");
        }
        // Every `<` in the output opens one of the backend's own elements.
        for (i, _) in svg.match_indices('<') {
            let tag = &svg[i + 1..];
            assert!(
                ["svg", "/svg", "rect", "text", "/text", "?xml"].iter().any(|t| tag.starts_with(t)),
                "unexpected markup {:?} from {payload:?}",
                &tag[..tag.len().min(20)]
            );
        }
        if payload.contains('<') {
            assert!(svg.contains("&lt;"), "{payload:?} not escaped:\n{svg}");
        }
    }
}
