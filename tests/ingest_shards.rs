//! A CSV file split into parts at record boundaries ([`Splitter`]), each part read on its own
//! ([`ShardReader`], as a dashboard shard worker reads it), encoded and decoded (as it travels
//! between workers) and merged ([`merge_shards`]) gives exactly what one pass gives: the same
//! table with the same segment codes, the same problems at the same lines; and when the merge
//! declines (malformed quoting, a failed part), reading the file in one pass gives the answer.

use proptest::prelude::*;
use secpulse::ingest::*;

#[path = "common/ingest_fixture.rs"]
mod ingest_fixture;
use ingest_fixture::{csv_text, instrument};

/// One pass over the whole file, as the dashboard's single worker reads it.
fn read_whole(bytes: &[u8], options: &IngestOptions) -> Result<Ingested, IngestError> {
    read_responses(&instrument(), bytes, detect_format(bytes), options)
}

/// The shards of `bytes` in up to `parts` parts, each part pushed in pieces of `piece` bytes;
/// `None` when the file is not split (not CSV, the header not in the first `piece` bytes).
fn shards(bytes: &[u8], parts: usize, piece: usize, options: &IngestOptions) -> Option<Vec<Shard>> {
    let head = &bytes[..piece.min(bytes.len())];
    let mut splitter = Splitter::new(head, bytes.len(), parts, options)?;
    for chunk in bytes.chunks(piece) {
        if !splitter.wanted() {
            break;
        }
        splitter.push(chunk);
    }
    let bounds = splitter.bounds();
    let header = &bytes[..bounds[0]];
    let shards = bounds
        .windows(2)
        .map(|w| {
            let mut reader = ShardReader::new(&instrument(), options, header, w[1] - w[0]);
            for chunk in bytes[w[0]..w[1]].chunks(piece) {
                reader.push(chunk);
            }
            Shard::decode(&reader.finish().encode()).unwrap()
        })
        .collect();
    Some(shards)
}

/// What the dashboard's coordinating worker ends with: the merged shards, else one pass.
fn read_in_parts(bytes: &[u8], parts: usize, piece: usize, options: &IngestOptions) -> Result<Ingested, IngestError> {
    match shards(bytes, parts, piece, options).and_then(|s| merge_shards(s, options)) {
        Some(merged) => Ok(merged),
        None => read_whole(bytes, options),
    }
}

/// One cell of a generated file: right, wrong, quoted (with line breaks and doubled quotes),
/// or broken.
fn cell(broken: bool) -> BoxedStrategy<Vec<u8>> {
    let good = prop_oneof![
        4 => (1u8..=5).prop_map(|d| vec![b'0' + d]),
        2 => Just(Vec::new()),
        1 => prop::sample::select(vec!["IT", "Finance", "Sales", " it ", "9", "4.0", "x", "\"3\"", "'=x", "(no answer)"]).prop_map(|s| s.as_bytes().to_vec()),
        2 => "[a-z ,;\"\r\n\u{e9}]{0,8}".prop_map(|s| format!("\"{}\"", s.replace('"', "\"\"")).into_bytes()),
    ];
    if broken {
        prop_oneof![8 => good, 1 => prop::sample::select(vec![&b"\xff"[..], b"\xc3", b"\"", b"\r", b"a\"b", b"\"ab\"c"]).prop_map(<[u8]>::to_vec)].boxed()
    } else {
        good.boxed()
    }
}

/// A generated file: a header (sometimes with a byte-order mark, `;`, or blank lines before
/// it) with an extra `wave` column, rows of 4–6 cells (some with the wrong count), the line
/// ends people's files have, and blank lines.
fn csv_file(broken: bool) -> impl Strategy<Value = Vec<u8>> {
    let wave = prop::sample::select(vec!["", "w1", "w2", "w3", "\"w\n4\""]);
    let row = (wave, prop::collection::vec(cell(broken), 3..=5), prop::sample::select(vec!["\n", "\r\n", "\n\n", "\n  \n"]));
    (any::<bool>(), any::<bool>(), any::<bool>(), prop::collection::vec(row, 0..40), any::<bool>()).prop_map(
        |(bom, semicolon, blank_first, rows, end)| {
            let before: &[u8] = if blank_first { b"\r\n\n" } else { b"" };
            let rows = rows.into_iter().map(|(wave, cells, eol)| ([vec![wave.as_bytes().to_vec()], cells].concat(), eol)).collect();
            csv_text(bom, before, "wave,department,q1,q2,\"comment\"\n", rows, if semicolon { b';' } else { b',' }, end)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_file_read_in_parts_is_read_as_in_one_pass(
        file in csv_file(true),
        parts in 1usize..9,
        piece in 1usize..64,
        fail in any::<bool>(),
        max_rows in prop::option::of(1usize..30),
    ) {
        let mut options = IngestOptions::default();
        if fail {
            options.policy = ErrorPolicy::Fail;
        }
        if let Some(max_rows) = max_rows {
            options.limits.max_rows = max_rows;
        }
        // The header must be in the first piece for a split.
        let piece = piece.max(48);
        prop_assert_eq!(read_in_parts(&file, parts, piece, &options), read_whole(&file, &options));
    }

    #[test]
    fn good_files_merge_without_a_second_pass(file in csv_file(false), parts in 1usize..9, piece in 48usize..100) {
        let options = IngestOptions::default();
        let shards = shards(&file, parts, piece, &options).expect("a CSV file with its header in the first piece is split");
        prop_assert!(shards.len() <= parts);
        // A file one pass fails on (e.g. `;` after a blank first line: the delimiter is told
        // by the first line) is left to one pass; any other is merged.
        match (merge_shards(shards, &options), read_whole(&file, &options)) {
            (Some(merged), whole) => prop_assert_eq!(Ok(merged), whole),
            (None, whole) => prop_assert!(whole.is_err(), "the merge declined a good file"),
        }
    }
}

#[test]
fn labels_first_seen_in_a_later_part_get_the_codes_one_pass_gives() {
    let mut file = b"wave,department,q1,q2,comment\n".to_vec();
    for r in 0..400 {
        let wave = ["w3", "w1", "w2", "w4", "w5"][(r / 80) % 5];
        file.extend(format!("{wave},IT,{},{},\"line\n{r}\"\n", 1 + r % 5, if r == 301 { 9 } else { 2 }).as_bytes());
    }
    let options = IngestOptions::default();
    let merged = merge_shards(shards(&file, 4, 4096, &options).unwrap(), &options).unwrap();
    assert_eq!(merged.table.segment("wave").unwrap().labels, ["w3", "w1", "w2", "w4", "w5"]);
    assert_eq!(merged.summary.problems[0].to_string(), "line 604 (row 302), column q2: \"9\" is outside 1–5");
    assert_eq!(Ok(merged), read_whole(&file, &options));
}
