//! Offset-preserving text operations shared by every stage.
//!
//! - [`OffsetMap`] / [`TextBuilder`]: build a derived text (the cleaned article) piece by piece
//!   from an original, keeping for every byte of the result where it came from. Any span of
//!   the derived text maps back to the original ([`OffsetMap::to_original`]); this is what
//!   evidence quotes rely on.
//! - [`Span`]: a half-open byte range.
//! - [`sentences`]: sentence boundaries that survive "Gen.", "a.m.", "Sept. 28" and initials.
//! - [`CharIndex`]: byte offset to Unicode code point offset (the contract's unit).
//! - [`fold`]: ASCII folding for matching ("Tillabéri" -> "tillaberi").
//! - [`is_common_word`], [`is_given_name`]: the English word lists (`data/`) every stage shares.
//!
//! Invariant: nothing here does IO or reads a clock.

mod fold;
mod offset;
mod sentence;
mod words;

pub use fold::{fold, fold_char};
pub use offset::{CharIndex, OffsetMap, Piece, TextBuilder};
pub use sentence::{Sentence, sentences};
pub use words::{is_common_word, is_given_name};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into some text. Which text is always said by the
/// owner of the span (the cleaned text, or the original as ingested).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (panics in debug builds when `end < start`).
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The span moved by `delta` bytes.
    pub fn shift(self, delta: usize) -> Span {
        Span::new(self.start + delta, self.end + delta)
    }
    /// The text of the span (`None` when it is out of bounds or not on char boundaries).
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
