//! Reading a response file in pieces gives exactly what reading it whole gives: the same
//! table, the same problems at the same lines, the same error for a bad file, wherever
//! the pieces are cut (inside a quoted field, between `\r` and `\n`, inside a UTF-8
//! character, inside the byte-order mark).

use proptest::prelude::*;
use secpulse::ingest::*;

#[path = "common/ingest_fixture.rs"]
mod ingest_fixture;
use ingest_fixture::{csv_text, instrument};

/// Reads `bytes` in pieces cut at `cuts` (any order, any repeats).
fn read_in_pieces(bytes: &[u8], cuts: &[usize], format: Option<Format>, options: &IngestOptions) -> Result<Ingested, IngestError> {
    let mut cuts: Vec<usize> = cuts.iter().map(|&c| c.min(bytes.len())).collect();
    cuts.sort_unstable();
    let mut reader = ChunkedReader::new(&instrument(), format, options);
    let mut from = 0;
    for to in cuts.into_iter().chain([bytes.len()]) {
        reader.push(&bytes[from..to]);
        from = to;
    }
    reader.finish()
}

/// The whole-file result, with the format told as the CLI and the dashboard tell it.
fn read_whole(bytes: &[u8], options: &IngestOptions) -> Result<Ingested, IngestError> {
    read_responses(&instrument(), bytes, detect_format(bytes), options)
}

/// Checks `bytes` split at every position, and in pieces of every size up to 9 bytes.
fn check_every_cut(bytes: &[u8], options: &IngestOptions) {
    let whole = read_whole(bytes, options);
    for cut in 0..=bytes.len() {
        assert_eq!(read_in_pieces(bytes, &[cut], None, options), whole, "{:?} cut at {cut}", String::from_utf8_lossy(bytes));
    }
    for size in 1..10 {
        let cuts: Vec<usize> = (size..bytes.len()).step_by(size).collect();
        assert_eq!(read_in_pieces(bytes, &cuts, None, options), whole, "{:?} in pieces of {size}", String::from_utf8_lossy(bytes));
    }
}

fn strict() -> IngestOptions {
    IngestOptions { policy: ErrorPolicy::Fail, ..IngestOptions::default() }
}

#[test]
fn files_read_the_same_cut_anywhere() {
    let files: &[&[u8]] = &[
        b"department,q1,q2,comment\nIT,4,5,\nFinance,3,,\"fine, thanks\"\n",
        b"\xEF\xBB\xBFdepartment;q1;q2;comment\r\nIT;4;5;\"two\r\nlines\"\r\n\r\nFinance;1;2;x",
        b"wave,department,q1,q2,comment\n1,IT,4,9,\n2,Sales,4,4,\n3,IT,4\n\n4,IT,x,4,\"\"\"q\"\" \xc3\xa9\"\n5,IT,1,1,ok",
        b"department,q1,q2,comment\nIT,4,5,\"unterminated\n,,,\n",
        b"department,q1,q2,comment\nIT,4,5,\xff\nIT,9,1,\n",
        b"department,q1,q2,comment\nIT,9,5,\n\xc3",
        b"department,q1,comment\nIT,4,\n",
        b"department,q1,q1,q2\n",
        b"department,q1,,q2\n",
        b"\n\r\n  \t\n",
        b"",
        b"\xEF\xBB",
        b"[{\"department\": \"IT\", \"q1\": 4, \"q2\": 5}, {\"q1\": 9}]",
        b"\xEF\xBB\xBF  {\"q1\": 3}\n{\"q1\": \"x\"}\n",
        b"[{\"q1\": 3}, ",
    ];
    for file in files {
        check_every_cut(file, &IngestOptions::default());
        check_every_cut(file, &strict());
    }
}

#[test]
fn records_longer_than_a_read_window_read_the_same() {
    // The reader takes a pushed piece 1 MB at a time: quoted comments of 2.5 MB with line breaks,
    // around ordinary rows, cut by pieces smaller and larger than that.
    let long = "word, and\nmore ".repeat(170_000);
    let mut file = format!("department,q1,q2,comment\nIT,4,5,\nFinance,3,4,\"{long}\"\n");
    for i in 0..50_000 {
        file.push_str(&format!("IT,{},2,ok\n", 1 + i % 5));
    }
    file.push_str(&format!("Sales,2,2,\"{long}\"\nIT,1,1,\n"));
    let bytes = file.as_bytes();
    let roomy = IngestOptions { limits: Limits { max_field_bytes: 8 << 20, ..Limits::default() }, ..IngestOptions::default() };
    for options in [IngestOptions::default(), roomy] {
        let whole = read_whole(bytes, &options);
        for size in [300_000, 1 << 20, 1_500_000, 4 << 20] {
            let cuts: Vec<usize> = (size..bytes.len()).step_by(size).collect();
            assert_eq!(read_in_pieces(bytes, &cuts, None, &options), whole, "pieces of {size}");
        }
    }
}

#[test]
fn limits_stop_the_same_way() {
    let file = b"department,q1,q2,comment\nIT,4,5,\"a long comment\"\nFinance,3,4,\nIT,2,2,\n";
    let limits = [
        Limits { max_bytes: 40, ..Limits::default() },
        Limits { max_rows: 2, ..Limits::default() },
        Limits { max_columns: 3, ..Limits::default() },
        Limits { max_field_bytes: 8, ..Limits::default() },
    ];
    for limits in limits {
        let options = IngestOptions { limits, ..IngestOptions::default() };
        assert!(read_whole(file, &options).is_err(), "{limits:?}");
        check_every_cut(file, &options);
    }
}

#[test]
fn the_size_limit_comes_before_any_other_error() {
    let options = IngestOptions { limits: Limits { max_bytes: 30, ..Limits::default() }, ..strict() };
    let file = b"department,q1,q2,comment\nIT,9,5,\n\xff";
    let e = read_in_pieces(file, &[3, 20], None, &options).unwrap_err();
    assert_eq!(e.to_string(), read_whole(file, &options).unwrap_err().to_string());
    assert!(matches!(e, IngestError::Limit { limit: "max_bytes", .. }), "{e}");
}

#[test]
fn an_invalid_byte_after_a_bad_row_is_what_is_reported() {
    // Reading whole, the UTF-8 check of the file comes before the rows.
    let file = b"department,q1,q2,comment\nIT,9,5,\nIT,1,1,\n\nIT,1,\xff,\n";
    let e = read_in_pieces(file, &[30], None, &strict()).unwrap_err();
    assert_eq!(e, IngestError::InvalidUtf8 { line: 5, offset: 47 });
}

/// One cell of a generated file: values that are right, wrong, quoted, or not text.
fn cell() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (1u8..=5).prop_map(|d| vec![b'0' + d]),
        2 => Just(Vec::new()),
        1 => prop::sample::select(vec!["IT", "Finance", "Sales", " it ", "9", "4.0", "x", "\"3\"", "'=x"]).prop_map(|s| s.as_bytes().to_vec()),
        1 => "[a-z ,;\"\r\n\u{e9}]{0,6}".prop_map(|s| format!("\"{}\"", s.replace('"', "\"\"")).into_bytes()),
        1 => prop::sample::select(vec![&b"\xff"[..], b"\xc3", b"\"", b"\r"]).prop_map(<[u8]>::to_vec),
    ]
}

/// A generated CSV file: a header (sometimes with a BOM or `;`), rows of 3–5 cells, and
/// the line ends people's files have.
fn csv_file() -> impl Strategy<Value = Vec<u8>> {
    let row = (prop::collection::vec(cell(), 3..=5), prop::sample::select(vec!["\n", "\r\n", "\n\n", "\r"]));
    (any::<bool>(), any::<bool>(), prop::collection::vec(row, 0..12), any::<bool>()).prop_map(|(bom, semicolon, rows, end)| {
        csv_text(bom, b"", "department,q1,q2,comment\n", rows, if semicolon { b';' } else { b',' }, end)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_files_read_the_same_in_random_pieces(
        file in csv_file(),
        cuts in prop::collection::vec(0usize..400, 0..8),
        fail in any::<bool>(),
        max_rows in prop::option::of(1usize..6),
    ) {
        let mut options = if fail { strict() } else { IngestOptions::default() };
        if let Some(max_rows) = max_rows {
            options.limits.max_rows = max_rows;
        }
        let whole = read_whole(&file, &options);
        prop_assert_eq!(read_in_pieces(&file, &cuts, None, &options), whole.clone());
        prop_assert_eq!(read_in_pieces(&file, &cuts, Some(Format::Csv), &options), read_responses(&instrument(), &file, Format::Csv, &options));
    }
}

/// Cells without line breaks outside quotes: a line of them is read by the fused pass with
/// `\n` line ends and by the full parser (`csv_core`) with `\r\n`.
fn plain_cell() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (0u8..=9).prop_map(|d| vec![b'0' + d]),
        2 => Just(Vec::new()),
        2 => prop::sample::select(vec!["IT", "Finance", "Sales", " it ", " 4", "4.0", "x", "'=x", "  ", "\u{e9}", "4\u{a0}", "\u{3000}", "\u{a0}IT"]).prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::sample::select(vec!["\"a,b\"", "\"\"", "\"\"\"\"", "\"q\"\"\"", "\"a\nb\"", "\"4\"", "\"IT\"", "\"ab\"c", "a\"b", "\"  \"", "\"x\"\"y\"\"\""]).prop_map(|s| s.as_bytes().to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_fused_pass_reads_what_the_full_parser_reads(
        rows in prop::collection::vec(prop::collection::vec(plain_cell(), 1..=6), 0..12),
        blank_lines in prop::collection::vec(any::<bool>(), 12),
        fail in any::<bool>(),
        max_field_bytes in prop::option::of(2usize..12),
    ) {
        let mut options = if fail { strict() } else { IngestOptions::default() };
        if let Some(max) = max_field_bytes {
            options.limits.max_field_bytes = max;
        }
        let file = |eol: &[u8]| {
            let mut file = b"department,q1,q2,comment".to_vec();
            for (cells, blank) in rows.iter().zip(&blank_lines) {
                file.extend(eol);
                if *blank {
                    file.extend(eol);
                }
                file.extend(cells.join(&b','));
            }
            file
        };
        prop_assert_eq!(read_whole(&file(b"\n"), &options), read_whole(&file(b"\r\n"), &options));
    }
}

#[test]
fn a_skipped_row_leaves_nothing_in_the_columns() {
    // Row 1 is skipped after its answers were read (q2 is off the scale, department unknown);
    // row 2 answers nothing; row 3 goes to the full parser (`\r\n`) after a plain-looking start.
    let file = b"department,q1,q2,comment\nIT,4,9,\nHR,5,5,\n,,,\n,3,,x\r\n";
    for cuts in [vec![], vec![30], vec![35, 36, 40]] {
        let read = read_in_pieces(file, &cuts, None, &IngestOptions::default()).unwrap();
        assert_eq!(read.table.rows, 2);
        assert_eq!(read.summary.rows_skipped, 2);
        assert_eq!(read.table.answer("q1").unwrap().values, [MISSING, 3]);
        assert_eq!(read.table.answer("q2").unwrap().values, [MISSING, MISSING]);
    }
}
