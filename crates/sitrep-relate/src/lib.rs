//! Relations between articles, read from their text: what `sitrep` needs to count sources
//! honestly.
//!
//! - [`relation`]: near duplicates (MinHash over 4-word shingles, LSH band keys for finding
//!   candidates), derivative rewrites versus independent reports (compared by their *facts*:
//!   figures, names, cited sources, quotes, and their order), via [`Fingerprint`] and
//!   [`compare`].
//! - [`kind`]: commentary (mainly the writer's opinion and prescription) versus report.
//! - [`headline`]: `headline_conflict`, a headline figure that fits none of the main event's.
//! - [`facts`], [`numbers`], [`tokens`], [`minhash`], [`hash`]: the pieces, each usable alone.
//! - `semantic` (cargo feature `semantic`): sentence embeddings with all-MiniLM-L6-v2 run by
//!   candle, found with [`semantic::locate_model`]; without the feature, or without the model
//!   files, every decision works on lexical and structured signals.
//!
//! Everything here is pure (no IO, no clock) except loading the model.
//!
//! ## Use
//!
//! ```
//! use sitrep_relate::{Fingerprint, RelationKind, compare};
//! let a = Fingerprint::from_text("a", "Gunmen killed 14 civilians in Tamou on Sunday, the governor Moussa Adamou said. \
//!     Adamou said 30 granaries burned and troops from Say came four hours later.", None);
//! let b = Fingerprint::from_text("b", "Fourteen civilians died in Tamou on Sunday, according to the governor, \
//!     Moussa Adamou. Thirty granaries burned; Say troops arrived four hours after.", None);
//! let r = compare(&a, &b);
//! assert_eq!(r.kind, RelationKind::Derivative);
//! ```

pub mod embedding;
pub mod facts;
pub mod hash;
pub mod headline;
pub mod kind;
pub mod minhash;
pub mod numbers;
pub mod relation;
#[cfg(feature = "semantic")]
pub mod semantic;
pub mod tokens;

pub use embedding::{CachedEmbedder, EmbedError, SentenceEmbedder, cosine};
pub use headline::headline_conflict;
pub use kind::{KindReading, read_kind};
pub use relation::{Containment, Fingerprint, Relation, RelationKind, compare};
