//! Actors: a documented table of armed groups and forces, matched in text.

use sitrep_model::taxonomy::ActorKind;
use sitrep_model::{ExtractorId, Span};

/// One actor mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMention {
    /// Bytes of the text given to [`find`].
    pub span: Span,
    /// Normalised name ("Military Forces of Niger").
    pub name: String,
    /// ACLED kind.
    pub kind: ActorKind,
    /// The rule that found it.
    pub extractor: ExtractorId,
}

/// The actor table: names, aliases, kinds, countries.
#[derive(Debug, Default)]
pub struct ActorTable {}

impl ActorTable {
    /// The built-in table.
    pub fn builtin() -> Self {
        ActorTable {}
    }
}

/// Every actor mention of `text`, in order.
pub fn find(table: &ActorTable, text: &str) -> Vec<ActorMention> {
    let _ = (table, text);
    Vec::new()
}
