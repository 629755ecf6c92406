//! Offset maps: every byte of a derived text knows where it came from in the original.

use crate::Span;
use serde::{Deserialize, Serialize};

/// One run of the derived text and the original bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// Start of the run in the derived text.
    pub derived: usize,
    /// Length of the run in the derived text.
    pub derived_len: usize,
    /// Start of what it stands for in the original.
    pub original: usize,
    /// Length of what it stands for in the original.
    pub original_len: usize,
    /// True when the run is a verbatim copy (then both lengths are equal and every byte maps
    /// to one byte); false when it replaces the original range (a glyph dropped, spaces
    /// collapsed, an entity decoded): its bytes map to the whole replaced range.
    pub copy: bool,
}

/// Maps spans of a derived text (the cleaned article) back to its original.
///
/// Invariant: pieces are sorted, contiguous in the derived text and non-decreasing in the
/// original; a span made only of copied bytes maps to an original span with exactly the same
/// text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    derived_len: usize,
    original_len: usize,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        let pieces =
            if len == 0 { Vec::new() } else { vec![Piece { derived: 0, derived_len: len, original: 0, original_len: len, copy: true }] };
        OffsetMap { pieces, derived_len: len, original_len: len }
    }

    /// A map rebuilt from its parts (as stored by `pieces()`, `derived_len()` and
    /// `original_len()`); `None` when they break the invariant (pieces out of order, not
    /// contiguous in the derived text, beyond either text, or copies of unequal lengths).
    pub fn from_pieces(pieces: Vec<Piece>, derived_len: usize, original_len: usize) -> Option<Self> {
        let mut next_derived = 0;
        let mut last_original = 0;
        for p in &pieces {
            let fits = p.derived == next_derived
                && p.original >= last_original
                && p.original.checked_add(p.original_len).is_some_and(|e| e <= original_len)
                && (!p.copy || p.derived_len == p.original_len);
            if !fits {
                return None;
            }
            next_derived = p.derived + p.derived_len;
            last_original = p.original;
        }
        (next_derived == derived_len).then_some(OffsetMap { pieces, derived_len, original_len })
    }

    /// Length of the derived text this map was built for.
    pub fn derived_len(&self) -> usize {
        self.derived_len
    }

    /// Length of the original text.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// The pieces, in order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Index of the piece holding derived byte `pos` (the last piece whose run starts at or
    /// before `pos`).
    fn piece_at(&self, pos: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.derived <= pos);
        if i == 0 { None } else { Some(&self.pieces[i - 1]) }
    }

    /// Original offset of the derived position `pos` taken as the start of a span.
    pub fn start_to_original(&self, pos: usize) -> usize {
        match self.piece_at(pos) {
            None => 0,
            Some(p) if pos >= p.derived + p.derived_len => p.original + p.original_len,
            Some(p) if p.copy => p.original + (pos - p.derived),
            Some(p) => p.original,
        }
    }

    /// Original offset of the derived position `pos` taken as the (exclusive) end of a span.
    pub fn end_to_original(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.pieces.first().map_or(0, |p| p.original);
        }
        match self.piece_at(pos - 1) {
            None => 0,
            Some(p) if p.copy => p.original + (pos - p.derived),
            Some(p) => p.original + p.original_len,
        }
    }

    /// The original span a derived span stands for. Empty spans map to an empty span.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.start_to_original(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.end_to_original(span.end).max(start);
        Span::new(start, end)
    }

    /// A derived span for an original span: the smallest derived run whose original covers
    /// `span` (used to find where a known original quote sits in the cleaned text). `None`
    /// when nothing of it survived cleaning.
    pub fn to_derived(&self, span: Span) -> Option<Span> {
        let mut start = None;
        let mut end = 0;
        for p in &self.pieces {
            let (os, oe) = (p.original, p.original + p.original_len);
            if oe <= span.start || os >= span.end && !(span.is_empty() && os == span.start) {
                continue;
            }
            let (ds, de) = if p.copy {
                let s = span.start.max(os) - os;
                let e = span.end.min(oe) - os;
                (p.derived + s, p.derived + e)
            } else {
                (p.derived, p.derived + p.derived_len)
            };
            if start.is_none() {
                start = Some(ds);
            }
            end = de;
        }
        start.map(|s| Span::new(s, end.max(s)))
    }

    /// The map of a text derived in two steps: `self` maps text 1 to text 0 and `next` maps
    /// text 2 to text 1; the result maps text 2 to text 0.
    pub fn then(&self, next: &OffsetMap) -> OffsetMap {
        let mut out = Vec::with_capacity(next.pieces.len());
        for q in &next.pieces {
            if !q.copy {
                let o = self.to_original(Span::new(q.original, q.original + q.original_len));
                push_piece(
                    &mut out,
                    Piece { derived: q.derived, derived_len: q.derived_len, original: o.start, original_len: o.len(), copy: false },
                );
                continue;
            }
            // A copied run of text 1 may cross several pieces of `self`: split it.
            let mut pos = q.original;
            let end = q.original + q.original_len;
            while pos < end {
                let Some(p) = self.piece_at(pos).copied() else { break };
                let run_end = end.min(p.derived + p.derived_len);
                let d = q.derived + (pos - q.original);
                if p.copy {
                    let o = p.original + (pos - p.derived);
                    push_piece(
                        &mut out,
                        Piece { derived: d, derived_len: run_end - pos, original: o, original_len: run_end - pos, copy: true },
                    );
                } else {
                    push_piece(
                        &mut out,
                        Piece { derived: d, derived_len: run_end - pos, original: p.original, original_len: p.original_len, copy: false },
                    );
                }
                if run_end <= pos {
                    break;
                }
                pos = run_end;
            }
        }
        OffsetMap { pieces: out, derived_len: next.derived_len, original_len: self.original_len }
    }
}

/// Appends a piece, merging it into the previous one when both are contiguous copies (or
/// both replace the same original range).
fn push_piece(out: &mut Vec<Piece>, p: Piece) {
    if p.derived_len == 0 && p.original_len == 0 {
        return;
    }
    if let Some(last) = out.last_mut() {
        if last.copy && p.copy && last.derived + last.derived_len == p.derived && last.original + last.original_len == p.original {
            last.derived_len += p.derived_len;
            last.original_len += p.original_len;
            return;
        }
        if !last.copy
            && !p.copy
            && last.original == p.original
            && last.original_len == p.original_len
            && last.derived + last.derived_len == p.derived
        {
            last.derived_len += p.derived_len;
            return;
        }
    }
    out.push(p);
}

/// Builds a derived text from pieces of an original, recording the [`OffsetMap`] as it goes.
///
/// ```
/// use sitrep_text::{Span, TextBuilder};
/// let original = "• Seven  soldiers died.";
/// let mut b = TextBuilder::new(original);
/// b.skip(0.."• ".len());               // the bullet glyph goes
/// b.copy(4..9);                         // "Seven"
/// b.replace(" ", 9..11);                // two spaces become one
/// b.copy(11..original.len());
/// let (text, map) = b.finish();
/// assert_eq!(text, "Seven soldiers died.");
/// let s = map.to_original(Span::new(6, 14));
/// assert_eq!(&original[s.start..s.end], "soldiers");
/// ```
#[derive(Debug)]
pub struct TextBuilder<'a> {
    original: &'a str,
    out: String,
    pieces: Vec<Piece>,
}

impl<'a> TextBuilder<'a> {
    /// A builder over `original`.
    pub fn new(original: &'a str) -> Self {
        TextBuilder { original, out: String::with_capacity(original.len()), pieces: Vec::new() }
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.out
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Appends `original[range]` verbatim.
    pub fn copy(&mut self, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        let d = self.out.len();
        self.out.push_str(&self.original[range.clone()]);
        push_piece(
            &mut self.pieces,
            Piece { derived: d, derived_len: range.len(), original: range.start, original_len: range.len(), copy: true },
        );
    }

    /// Appends `text`, standing for `original[range]` (which it replaces).
    pub fn replace(&mut self, text: &str, range: std::ops::Range<usize>) {
        let d = self.out.len();
        self.out.push_str(text);
        push_piece(
            &mut self.pieces,
            Piece { derived: d, derived_len: text.len(), original: range.start, original_len: range.len(), copy: false },
        );
    }

    /// Drops `original[range]`: nothing is appended. (Recorded only implicitly: the next
    /// piece starts further on in the original.)
    pub fn skip(&mut self, _range: std::ops::Range<usize>) {}

    /// The derived text and its map.
    pub fn finish(self) -> (String, OffsetMap) {
        let derived_len = self.out.len();
        (self.out, OffsetMap { pieces: self.pieces, derived_len, original_len: self.original.len() })
    }
}

/// Converts byte offsets of one text to Unicode code point offsets (the contract's unit).
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of every char start, when the text is not ASCII.
    starts: Option<Vec<u32>>,
    len: usize,
}

impl CharIndex {
    /// An index over `text`.
    pub fn new(text: &str) -> Self {
        let starts = if text.is_ascii() { None } else { Some(text.char_indices().map(|(i, _)| i as u32).collect()) };
        CharIndex { starts, len: text.len() }
    }

    /// The char offset of byte offset `byte` (a byte inside a char counts as that char).
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.starts {
            None => byte.min(self.len),
            Some(s) => {
                if byte >= self.len {
                    s.len()
                } else {
                    s.partition_point(|&b| (b as usize) <= byte) - 1
                }
            }
        }
    }

    /// The byte offset of char offset `ch` (the text's length past the end).
    pub fn byte_offset(&self, ch: usize) -> usize {
        match &self.starts {
            None => ch.min(self.len),
            Some(s) => s.get(ch).map_or(self.len, |&b| b as usize),
        }
    }

    /// A byte span as a char span `(start, end)`.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn identity_maps_to_itself() {
        let m = OffsetMap::identity(10);
        assert_eq!(m.to_original(Span::new(2, 5)), Span::new(2, 5));
        assert_eq!(m.to_original(Span::new(10, 10)), Span::new(10, 10));
    }

    #[test]
    fn replaced_runs_map_to_the_whole_range() {
        let orig = "a&amp;b";
        let mut b = TextBuilder::new(orig);
        b.copy(0..1);
        b.replace("&", 1..6);
        b.copy(6..7);
        let (t, m) = b.finish();
        assert_eq!(t, "a&b");
        assert_eq!(m.to_original(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(m.to_original(Span::new(0, 3)), Span::new(0, 7));
        assert_eq!(m.to_derived(Span::new(6, 7)), Some(Span::new(2, 3)));
    }

    #[test]
    fn composition_follows_both_steps() {
        let orig = "xx hello  world yy";
        let mut b1 = TextBuilder::new(orig);
        b1.copy(3..18); // "hello  world yy"
        let (t1, m1) = b1.finish();
        let mut b2 = TextBuilder::new(&t1);
        b2.copy(0..5);
        b2.replace(" ", 5..7);
        b2.copy(7..12);
        let (t2, m2) = b2.finish();
        assert_eq!(t2, "hello world");
        let m = m1.then(&m2);
        let s = m.to_original(Span::new(6, 11));
        assert_eq!(&orig[s.start..s.end], "world");
        let s = m.to_original(Span::new(0, 11));
        assert_eq!(&orig[s.start..s.end], "hello  world");
    }

    #[test]
    fn maps_rebuild_from_their_pieces() {
        let orig = "a&amp;b c";
        let mut b = TextBuilder::new(orig);
        b.copy(0..1);
        b.replace("&", 1..6);
        b.copy(6..9);
        let (_, m) = b.finish();
        let back = OffsetMap::from_pieces(m.pieces().to_vec(), m.derived_len(), m.original_len());
        assert_eq!(back.as_ref(), Some(&m));
        assert!(OffsetMap::from_pieces(m.pieces().to_vec(), m.derived_len() + 1, m.original_len()).is_none());
        assert!(OffsetMap::from_pieces(m.pieces().to_vec(), m.derived_len(), 3).is_none());
    }

    #[test]
    fn char_index_counts_code_points() {
        let t = "Tillabéri – Niger";
        let ci = CharIndex::new(t);
        let b = t.find("Niger").unwrap();
        assert_eq!(ci.char_offset(b), t[..b].chars().count());
        assert_eq!(ci.byte_offset(ci.char_offset(b)), b);
        assert_eq!(ci.char_offset(t.len()), t.chars().count());
    }

    /// A random cleaning: keep, drop or replace runs of chars.
    fn build(orig: &str, ops: &[u8]) -> (String, OffsetMap) {
        let mut b = TextBuilder::new(orig);
        let idx: Vec<usize> = orig.char_indices().map(|(i, _)| i).chain(std::iter::once(orig.len())).collect();
        let mut i = 0;
        let mut k = 0;
        while i + 1 < idx.len() {
            let op = ops.get(k).copied().unwrap_or(0);
            k += 1;
            let n = 1 + (op as usize >> 2) % 3;
            let j = (i + n).min(idx.len() - 1);
            match op & 3 {
                0 | 1 => b.copy(idx[i]..idx[j]),
                2 => b.skip(idx[i]..idx[j]),
                _ => b.replace(" ", idx[i]..idx[j]),
            }
            i = j;
        }
        b.finish()
    }

    proptest! {
        #[test]
        fn copied_spans_quote_the_original(orig in "[a-zé• \n]{0,40}", ops in proptest::collection::vec(any::<u8>(), 0..40), a in 0usize..60, l in 0usize..20) {
            let (t, m) = build(&orig, &ops);
            // Find a span of the derived text made only of copied bytes.
            let start = a.min(t.len());
            let end = (start + l).min(t.len());
            if let (true, true) = (t.is_char_boundary(start), t.is_char_boundary(end)) {
                // A span inside one copied run quotes the original exactly; a span across
                // removed text maps to the original stretch that includes it.
                let one_copy = m.pieces().iter().any(|p| p.copy && p.derived <= start && end <= p.derived + p.derived_len);
                let o = m.to_original(Span::new(start, end));
                prop_assert!(o.start <= o.end && o.end <= orig.len());
                if one_copy && start < end {
                    prop_assert_eq!(&orig[o.start..o.end], &t[start..end]);
                }
            }
        }

        #[test]
        fn composition_equals_stepwise(orig in "[a-z \n]{0,30}", ops1 in proptest::collection::vec(any::<u8>(), 0..30), ops2 in proptest::collection::vec(any::<u8>(), 0..30), a in 0usize..40, l in 0usize..20) {
            let (t1, m1) = build(&orig, &ops1);
            let (t2, m2) = build(&t1, &ops2);
            let m = m1.then(&m2);
            let start = a.min(t2.len());
            let end = (start + l).min(t2.len());
            let s = Span::new(start, end);
            let stepwise = m1.to_original(m2.to_original(s));
            let direct = m.to_original(s);
            prop_assert!(direct.end <= orig.len());
            if m.pieces().iter().any(|p| p.copy && p.derived <= start && end <= p.derived + p.derived_len) && start < end {
                prop_assert_eq!(&orig[direct.start..direct.end], &t2[start..end]);
                prop_assert_eq!(direct, stepwise);
            }
        }
    }
}
