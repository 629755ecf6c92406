//! The types every stage shares. No IO, no clock, no logic beyond small helpers.
//!
//! - [`taxonomy`]: ACLED's event types and sub-types, actor kinds, outcomes, precisions, flags:
//!   closed enums that serialise to the contract's strings.
//! - [`article`]: an ingested [`article::Article`]: original text, cleaned text, the
//!   [`sitrep_text::OffsetMap`] between them, metadata, flags, diagnostics.
//! - [`mention`]: what the one-article reader finds: [`mention::EventMention`]s whose every
//!   value carries its [`mention::Evidence`] (a span of the article's *original* text and the
//!   [`ExtractorId`] that made it).
//! - [`contract`]: the JSON Lines shapes of `../shared/PRODUCT.md` (`export events`,
//!   `export articles`, `extract`), offsets in Unicode code points.
//!
//! Invariant: spans inside a [`mention::EventMention`] index the article's original text in
//! bytes; the conversion to code points happens only in [`contract`].

pub mod amount;
pub mod article;
pub mod contract;
pub mod mention;
pub mod taxonomy;

pub use amount::Amount;
pub use sitrep_text::Span;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A stable, versioned name of the extractor that produced a value, such as
/// `"time.weekday.v1"`. Stored with every value; bump the version when behaviour changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExtractorId(pub Cow<'static, str>);

impl ExtractorId {
    /// An id from a static name.
    pub const fn new(name: &'static str) -> Self {
        ExtractorId(Cow::Borrowed(name))
    }
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ExtractorId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
