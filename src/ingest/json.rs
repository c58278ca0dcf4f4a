//! The JSON reader: an array of objects, or JSON Lines (one object per line).
//!
//! A small scanner finds where each object starts and ends (for line numbers);
//! serde_json then streams the object's keys and values straight into the row
//! builder through a visitor, without building a `serde_json::Value`.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::builder::{LineCounter, RowBuilder};
use super::cell;
use super::error::{Cause, IngestError, JsonKind};
use super::{IngestOptions, Ingested, PROGRESS_EVERY};
use crate::instrument::Instrument;

/// Reads JSON `text` (BOM removed).
pub(super) fn read(
    instrument: &Instrument,
    text: &str,
    options: &IngestOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Ingested, IngestError> {
    let body = text.as_bytes();
    let mut s = Scanner { bytes: body, text, pos: 0 };
    let mut ctx = Ctx {
        b: RowBuilder::new(instrument, options, false),
        lines: LineCounter::default(),
        body,
        next_of: Vec::new(),
        first: usize::MAX,
        fatal: None,
    };
    s.skip_ws();
    if s.peek() == Some(b'[') {
        s.pos += 1;
        s.skip_ws();
        if s.peek() == Some(b']') {
            s.pos += 1;
        } else {
            loop {
                s.row(&mut ctx, progress)?;
                s.skip_ws();
                match s.peek() {
                    Some(b',') => {
                        s.pos += 1;
                        s.skip_ws();
                    }
                    Some(b']') => {
                        s.pos += 1;
                        break;
                    }
                    Some(_) => return Err(s.error(&mut ctx, "expected `,` or `]` after an object")),
                    None => return Err(s.error(&mut ctx, "the array is not closed with `]`")),
                }
            }
        }
        s.skip_ws();
        if s.pos < body.len() {
            return Err(s.error(&mut ctx, "unexpected data after the array"));
        }
    } else {
        while s.pos < body.len() {
            s.row(&mut ctx, progress)?;
            s.skip_ws();
        }
    }
    let b = ctx.b;
    // No numeric question at all, but unknown keys: the file is for another instrument.
    if b.rows_read() > 0 && !b.any_numeric() && b.any_extra() {
        return Err(IngestError::MissingColumns(b.missing_numeric()));
    }
    progress(body.len(), b.rows_read());
    Ok(b.finish(true))
}

/// Walks the input between objects.
struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A syntax error at the current position.
    fn error(&self, ctx: &mut Ctx<'_>, message: &str) -> IngestError {
        let (line, column) = ctx.lines.locate(ctx.body, self.pos);
        IngestError::Json { line, column, message: message.to_string() }
    }

    /// Reads the value at `pos` as one row.
    fn row(&mut self, ctx: &mut Ctx<'_>, progress: &mut dyn FnMut(usize, usize)) -> Result<(), IngestError> {
        let start = self.pos;
        let end = value_end(self.bytes, start);
        if end == start {
            return Err(self.error(ctx, "expected a JSON object"));
        }
        let line = ctx.lines.locate(ctx.body, start).0;
        ctx.b.begin_row(line)?;
        // Spans start and end at ASCII bytes, so `get` always succeeds; `from_str` skips
        // serde_json's UTF-8 check, already done for the whole input.
        let Some(span) = self.text.get(start..end) else {
            return Err(self.error(ctx, "expected a JSON object"));
        };
        let mut de = serde_json::Deserializer::from_str(span);
        let parsed = RowSeed { ctx: &mut *ctx }.deserialize(&mut de).and_then(|()| de.end());
        if let Err(e) = parsed {
            if let Some(fatal) = ctx.fatal.take() {
                return Err(fatal);
            }
            let (line, column) = ctx.lines.locate(ctx.body, start);
            return Err(translate(&e, line, column));
        }
        ctx.b.end_row()?;
        self.pos = end;
        if ctx.b.rows_read() % PROGRESS_EVERY == 0 {
            progress(end, ctx.b.rows_read());
        }
        Ok(())
    }
}

/// serde_json's error, with its position (relative to the object) made absolute.
fn translate(e: &serde_json::Error, line: u64, column: u64) -> IngestError {
    let mut message = e.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    let (el, ec) = (e.line() as u64, e.column() as u64);
    let (line, column) = match el {
        0 | 1 => (line, column + ec.saturating_sub(1)),
        _ => (line + el - 1, ec),
    };
    IngestError::Json { line, column, message }
}

/// Bytes that matter when skipping over a JSON value.
const STRUCTURAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 9 {
        t[[b'"', b'{', b'[', b'}', b']', b',', b' ', b'\t', b'\n'][i] as usize] = true;
        i += 1;
    }
    t[b'\r' as usize] = true;
    t
};

/// End of the JSON value starting at `start`: after its closing bracket or quote, or
/// at the delimiter after a scalar; the end of input if it is not closed.
fn value_end(b: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = string_end(b, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return i,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
        while i < b.len() && !STRUCTURAL[usize::from(b[i])] {
            i += 1;
        }
    }
    b.len()
}

/// Index after the closing quote of the string whose opening quote is at `i`.
fn string_end(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// State shared by the visitors of one file.
struct Ctx<'i> {
    b: RowBuilder,
    /// Line numbers of positions in `body`.
    lines: LineCounter,
    body: &'i [u8],
    /// For each column, the column whose key followed it last time (`first` for the
    /// first key): objects usually list keys in the same order, so this skips hashing.
    next_of: Vec<usize>,
    first: usize,
    /// A file-level error raised inside a visitor.
    fatal: Option<IngestError>,
}

impl Ctx<'_> {
    fn fail<E: de::Error>(&mut self, e: IngestError) -> E {
        self.fatal = Some(e);
        E::custom("stopped")
    }
}

/// Deserializes one row object.
struct RowSeed<'c, 'i> {
    ctx: &'c mut Ctx<'i>,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl RowSeed<'_, '_> {
    fn not_object(self, found: JsonKind) {
        self.ctx.b.problem(None, Cause::RowNotObject { found });
    }
}

impl<'de> Visitor<'de> for RowSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut prev = None;
        while let Some(key) = map.next_key_seed(KeySeed { ctx: &mut *self.ctx, prev })? {
            prev = key.or(prev);
            match key {
                Some(slot) if self.ctx.b.claim(slot) => map.next_value_seed(ValueSeed { ctx: &mut *self.ctx, slot, in_ranking: false })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.not_object(JsonKind::Array);
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_object(JsonKind::String);
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_object(JsonKind::Number);
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_object(JsonKind::Number);
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_object(JsonKind::Number);
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_object(JsonKind::Bool);
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_object(JsonKind::Null);
        Ok(())
    }
}

/// Resolves a key to a column slot (`None`: skip the value).
struct KeySeed<'c, 'i> {
    ctx: &'c mut Ctx<'i>,
    /// The column of the previous key in this object.
    prev: Option<usize>,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_, '_> {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_, '_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<usize>, E> {
        let ctx = self.ctx;
        let name = cell::trim(v);
        if name.is_empty() {
            ctx.b.problem(None, Cause::EmptyKey);
            return Ok(None);
        }
        if let Err(e) = ctx.b.check_field_len(name.len(), None) {
            return Err(ctx.fail(e));
        }
        let predicted = match self.prev {
            Some(p) => ctx.next_of.get(p).copied().unwrap_or(usize::MAX),
            None => ctx.first,
        };
        if predicted < ctx.next_of.len() && ctx.b.name(predicted) == name {
            return Ok(Some(predicted));
        }
        let slot = match ctx.b.column(name) {
            Ok(slot) => slot,
            Err(e) => return Err(ctx.fail(e)),
        };
        if ctx.next_of.len() <= slot {
            ctx.next_of.resize(slot + 1, usize::MAX);
        }
        match self.prev {
            Some(p) => ctx.next_of[p] = slot,
            None => ctx.first = slot,
        }
        Ok(Some(slot))
    }
}

/// Writes one value into column `slot` (or, inside a ranking array, one ranked item).
struct ValueSeed<'c, 'i> {
    ctx: &'c mut Ctx<'i>,
    slot: usize,
    in_ranking: bool,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl ValueSeed<'_, '_> {
    /// A value that is not text inside a ranking array.
    fn ranking_item_not_text(self, found: JsonKind) {
        self.ctx.b.problem(Some(self.slot), Cause::RankingItemNotText { found });
    }

    fn number(self, v: f64, text: impl FnOnce() -> String) {
        if self.in_ranking {
            return self.ranking_item_not_text(JsonKind::Number);
        }
        self.ctx.b.cell_number(self.slot, v, text);
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        let b = &mut self.ctx.b;
        if let Err(e) = b.check_field_len(v.len(), Some(self.slot)) {
            return Err(self.ctx.fail(e));
        }
        if self.in_ranking {
            b.rank_item(self.slot, v);
        } else {
            b.cell_str(self.slot, v);
        }
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.number(v as f64, || v.to_string());
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.number(v as f64, || v.to_string());
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.number(v, || v.to_string());
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        if self.in_ranking {
            self.ranking_item_not_text(JsonKind::Bool);
        } else {
            self.ctx.b.cell_bool(self.slot, v);
        }
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        if self.in_ranking {
            self.ranking_item_not_text(JsonKind::Null);
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (ctx, slot) = (self.ctx, self.slot);
        if !self.in_ranking && ctx.b.is_list(slot) {
            let start = ctx.b.rank_begin();
            while seq.next_element_seed(ValueSeed { ctx: &mut *ctx, slot, in_ranking: true })?.is_some() {}
            ctx.b.rank_end(slot, start);
        } else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            ctx.b.problem(Some(slot), Cause::NotSingleValue { found: JsonKind::Array });
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.ctx.b.problem(Some(self.slot), Cause::NotSingleValue { found: JsonKind::Object });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::value_end;

    #[test]
    fn value_spans() {
        let b = br#"{"a":"}{\"","b":[1,{}]} ,"#;
        assert_eq!(value_end(b, 0), 23);
        assert_eq!(value_end(b"12, 3", 0), 2);
        assert_eq!(value_end(b"\"a\\\"b\" x", 0), 6);
        assert_eq!(value_end(b"{\"a\":", 0), 5);
        assert_eq!(value_end(b"]", 0), 0);
        assert_eq!(value_end(b"{]", 0), 2);
    }
}
