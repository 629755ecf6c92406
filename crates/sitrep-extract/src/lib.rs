//! The one-article reader. Pure: no IO, no clock.
//!
//! [`Reader::read`] turns a cleaned [`Article`] into its [`EventMention`]s, main event first,
//! every value with its evidence (spans of the article's original text). The parts:
//!
//! - [`numbers`]: digits, written numbers, vague amounts, qualifiers and ranges as
//!   [`sitrep_model::Amount`]s (the full qualifier table is in the module docs);
//! - [`actors`]: the documented actor table (`data/actors.toml`), extendable from TOML;
//! - [`casualties`]: killed / wounded / missing / captured counts with their party and cause;
//! - [`acts`]: act cues, tactics and target nouns; [`classify`]: ACLED type and sub-type;
//! - [`attribution`]: who said it; [`segment`]: which sentences tell which event;
//! - `reader`: the assembly of events (dates from `sitrep_time`, places from `sitrep_place`);
//! - [`title`]: the title read as a one-sentence article when the body tells no event
//!   ([`Reader::read_with_title`]; its evidence is marked `in_title`).
//!
//! [`numbers::find`] and [`actors::find`] are the extractors `sitrep annotate` shows.

use sitrep_model::article::Article;
use sitrep_model::mention::EventMention;
use sitrep_place::Gazetteer;

pub mod actors;
pub mod acts;
pub mod attribution;
pub mod casualties;
pub mod classify;
pub mod hazard;
pub mod lexicon;
pub mod numbers;
mod reader;
pub mod segment;
pub mod title;
pub mod tokens;

/// Reads articles with a gazetteer and an actor table.
#[derive(Debug)]
pub struct Reader<'g> {
    gazetteer: &'g Gazetteer,
    actors: actors::ActorTable,
}

impl<'g> Reader<'g> {
    /// A reader with the built-in actor table.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Reader { gazetteer, actors: actors::ActorTable::builtin() }
    }

    /// A reader with another actor table.
    pub fn with_actors(gazetteer: &'g Gazetteer, actors: actors::ActorTable) -> Self {
        Reader { gazetteer, actors }
    }

    /// The actor table.
    pub fn actors(&self) -> &actors::ActorTable {
        &self.actors
    }

    /// The events `article` tells, main first, then background events.
    pub fn read(&self, article: &Article) -> Vec<EventMention> {
        reader::read(self.gazetteer, &self.actors, article)
    }

    /// The events the article's title tells read alone (see [`title`]): at most one, its
    /// evidence marked `in_title` with spans in bytes of the title; empty when the article has
    /// no title apart from its text or the title tells no violent event with a casualty
    /// figure.
    pub fn read_title(&self, article: &Article) -> Vec<EventMention> {
        title::read(self.gazetteer, &self.actors, article)
    }

    /// [`Reader::read`], and when the body tells no event, the title's ([`Reader::read_title`]);
    /// when the body's main event is violent but states no casualty figure, the figures the
    /// title states for it.
    pub fn read_with_title(&self, article: &Article) -> Vec<EventMention> {
        let mut body = self.read(article);
        if body.is_empty() {
            return self.read_title(article);
        }
        title::complete(self.gazetteer, &self.actors, article, &mut body);
        body
    }
}
