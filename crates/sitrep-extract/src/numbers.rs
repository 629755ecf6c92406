//! Numbers as news texts state them: digits, words, vague amounts, qualifiers, ranges.

use sitrep_model::{Amount, ExtractorId, Span};

/// One number mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberMention {
    /// Bytes of the text given to [`find`] (qualifier included: "at least 12").
    pub span: Span,
    /// The value.
    pub amount: Amount,
    /// The rule that found it.
    pub extractor: ExtractorId,
}

/// Every number mention of `text`, in order.
pub fn find(text: &str) -> Vec<NumberMention> {
    let _ = text;
    Vec::new()
}
