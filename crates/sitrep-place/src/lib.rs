//! Places: a gazetteer (built-in, plus GeoNames dumps), toponym recognition and resolution,
//! and the location of an event with a precision. Resolution is pure; only loading a
//! GeoNames file reads from disk.

use serde::{Deserialize, Serialize};
use sitrep_model::mention::Location;
use sitrep_model::{ExtractorId, Span};
use std::path::Path;

/// How a place is named in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// The place's name ("Niger", "Kandadji").
    Literal,
    /// An adjective or people ("Nigerien", "Malian").
    Demonym,
    /// A place inside another name ("Niger Delta Authority").
    Embedded,
}

/// What sort of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// A country.
    Country,
    /// A first-level division.
    Admin1,
    /// A second-level division.
    Admin2,
    /// A third-level division.
    Admin3,
    /// A city, town or village.
    Populated,
    /// Anything else (rivers, forests, buildings).
    Other,
}

/// A resolved place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The gazetteer's name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// First-level division, short common name.
    pub admin1: Option<String>,
    /// Second-level division.
    pub admin2: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id, when known.
    pub geonames_id: Option<u64>,
    /// Kind of place.
    pub feature: Feature,
    /// Population, 0 when unknown.
    pub population: u64,
}

/// One toponym mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Bytes of the text given to [`find_places`].
    pub span: Span,
    /// Literal, demonym or embedded.
    pub kind: PlaceKind,
    /// The resolved place (`None`: recognised but not resolved).
    pub place: Option<Place>,
    /// The rule that found it.
    pub extractor: ExtractorId,
}

/// Errors loading gazetteer data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// The file could not be read.
    #[error("cannot read gazetteer {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// The places sitrep knows: built-in data plus any GeoNames dumps loaded.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The built-in gazetteer.
    pub fn builtin() -> Self {
        Gazetteer {}
    }

    /// Adds the rows of a GeoNames dump (19-column TSV); returns how many were added.
    pub fn load_geonames(&mut self, path: &Path) -> Result<usize, GazetteerError> {
        let _ = path;
        Ok(0)
    }
}

/// Every toponym mention of `text`, in text order, resolved where possible.
pub fn find_places(gaz: &Gazetteer, text: &str) -> Vec<PlaceMention> {
    let _ = (gaz, text);
    Vec::new()
}

/// Where the event told by `event_sentences` (spans of `text`) happened: the place, its
/// precision, and the span that says so. `places` are [`find_places`]'s mentions of the same
/// text. `None` when the text gives no place at all.
pub fn event_location(gaz: &Gazetteer, text: &str, places: &[PlaceMention], event_sentences: &[Span]) -> Option<(Location, Span)> {
    let _ = (gaz, text, places, event_sentences);
    None
}
