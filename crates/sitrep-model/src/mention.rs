//! What the one-article reader finds: event mentions whose every value carries its evidence.

use crate::amount::Amount;
use crate::taxonomy::*;
use crate::{ExtractorId, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a value came from: a span of the article's ORIGINAL text (bytes) and the extractor
/// that produced it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Bytes of the article's original text.
    pub span: Span,
    /// Who made the value.
    pub extractor: ExtractorId,
    /// True when `span` is bytes of the article's title (a headline given apart from the text,
    /// as JSON input's `title`), not of its original text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
}

impl Evidence {
    /// Evidence in the article's original text.
    pub fn new(span: Span, extractor: ExtractorId) -> Self {
        Evidence { span, extractor, in_title: false }
    }
}

/// A date dated relative to another event of the same article ("four weeks prior to this
/// incident").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelativeDate {
    /// Index of the other event among the article's mentions.
    pub mention: usize,
    /// Days from that event's date (negative: before).
    pub offset_days: i64,
}

/// An event's date: an interval with a precision, never more precise than the text allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// First possible day; `None` when unknown.
    pub earliest: Option<NaiveDate>,
    /// Last possible day; `None` when unknown.
    pub latest: Option<NaiveDate>,
    /// How precise.
    pub precision: DatePrecision,
    /// The text it came from ("on Thursday").
    pub expression: Option<String>,
    /// Set when dated from another event.
    pub relative_to: Option<RelativeDate>,
    /// True when it was resolved against the article's publication date (a suspect dateline
    /// then makes it suspect too).
    pub from_publication: bool,
    /// The quote.
    pub evidence: Option<Evidence>,
}

impl DateValue {
    /// An unknown date.
    pub fn unknown() -> Self {
        DateValue {
            earliest: None,
            latest: None,
            precision: DatePrecision::Unknown,
            expression: None,
            relative_to: None,
            from_publication: false,
            evidence: None,
        }
    }
}

/// A place in the contract's shape.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Place name (the gazetteer's), or the text's when unresolved.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    /// First-level division, short common name ("Tillaberi").
    pub admin1: Option<String>,
    /// Second-level division.
    pub admin2: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// How precise.
    pub precision: Option<LocationPrecision>,
    /// GeoNames id when known.
    pub geonames_id: Option<u64>,
    /// P-code when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pcode: Option<String>,
}

/// An event's place with its quote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocationValue {
    /// The place.
    pub place: Location,
    /// The quote.
    pub evidence: Option<Evidence>,
}

/// An actor of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorValue {
    /// Normalised name ("Military Forces of Niger").
    pub name: String,
    /// ACLED kind.
    pub kind: ActorKind,
    /// Part in the event.
    pub role: ActorRole,
    /// The quote (none for an actor implied by a casualty party).
    pub evidence: Option<Evidence>,
}

/// One casualty figure for one party and outcome, as one article states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtyValue {
    /// Whose people.
    pub party: ActorKind,
    /// What happened to them.
    pub outcome: Outcome,
    /// How many.
    pub amount: Amount,
    /// Violence or accident.
    pub cause: Cause,
    /// Who said it ("the defence ministry"), when the text says.
    pub attributed_to: Option<String>,
    /// True when a later or better figure in the same article replaces it ("at least ten"
    /// early, then 12).
    pub superseded: bool,
    /// The quote stating the figure.
    pub evidence: Evidence,
}

/// A tactic or weapon ("motorcycles", "improvised explosive devices").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TacticValue {
    /// Normalised name.
    pub name: String,
    /// The quote.
    pub evidence: Evidence,
}

/// One event as one article tells it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// Primary (the article's main event) or background.
    pub role: SourceRole,
    /// ACLED type.
    pub event_type: EventType,
    /// ACLED sub-type.
    pub sub_event_type: SubEventType,
    /// The quote that decided the type.
    pub type_evidence: Option<Evidence>,
    /// When.
    pub date: DateValue,
    /// Where.
    pub location: LocationValue,
    /// Who.
    pub actors: Vec<ActorValue>,
    /// How many.
    pub casualties: Vec<CasualtyValue>,
    /// How.
    pub tactics: Vec<TacticValue>,
    /// The sentences of the article that tell this event (original-text bytes).
    pub sentences: Vec<Span>,
}

impl EventMention {
    /// ACLED's fatality figure for this mention: violent deaths of every party, each figure
    /// at what the text states ("over 100" and "about 100" count 100), accidents and
    /// superseded figures left out.
    pub fn fatalities(&self) -> u64 {
        self.casualties
            .iter()
            .filter(|c| c.outcome == Outcome::Killed && c.cause == Cause::Violence && !c.superseded)
            .map(|c| c.amount.stated)
            .sum()
    }
}
