//! The place of an event, following the conventions of event coders such as ACLED:
//!
//! - the place the text says the event happened in ("in X", "the village of X", "attacked X")
//!   wins over places named for other reasons; a town before its admin2, admin1, country;
//! - a place the text says the event was coded at ("coded as X", "location coded to X") wins
//!   over everything;
//! - a reference point ("25 km north of X", "east of X") is the event's place, with precision
//!   `near`, unless the text also names a place of its own that the gazetteer knows and that
//!   agrees with the clue ("in Kandadji, 190 km from Niamey": Kandadji, which lies about 175 km
//!   from Niamey); an own place that disagrees with the stated distance is a wrong reading and
//!   gives way to the reference point;
//! - "near X", "on the outskirts of X" give X with precision `near`;
//! - route ends and destinations ("on the road to X", "between A and B": B, "coming from X",
//!   "taken to X", "a hospital in X") and places used as modifiers ("the X mixed patrol", "an X
//!   community leader") are used only when nothing better is there;
//! - admin areas in parentheses after a name ("Garin (Tera, Tillaberi)") are context: used only
//!   when nothing else is;
//! - a border ("near the border with Burkina Faso") gives only a country.

use crate::geo::km;
use crate::lexicon::dateline_dash;
use crate::{Feature, Gazetteer, LocationPrecision, Match, PlaceKind, PlaceMention, to_location};
use sitrep_model::Span;
use sitrep_model::mention::Location;

/// What the words around a mention make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clue {
    /// Nothing special.
    None,
    /// "near X", "outside X", "on the outskirts of X": the event is near X.
    Near,
    /// "190 km from X", "north of X": X is a reference point.
    Reference {
        /// Kilometres when stated.
        km: Option<u32>,
    },
    /// "the border with X": X names a neighbour.
    Border,
    /// "on the road to X", "between A and B" (B), "coming from X", "taken to X", "a hospital
    /// in X": the end of a route or a destination.
    Route,
    /// Inside parentheses naming the admin areas of the place before them ("Garin (Tera,
    /// Tillaberi)"): context, used only when nothing else is there.
    Hint,
    /// "between A and B": B, the other end of the stretch (a reference point when A is
    /// not known).
    Between,
    /// "coded as X", "location coded to X", "Y [X]": the coder's own statement of the place.
    Coded,
    /// "the mayor of X", "X militiamen": part of a description of people.
    Modifier,
}

/// True when `m` lies inside parentheses right after another mention.
fn in_hint(text: &str, places: &[PlaceMention], m: &PlaceMention) -> bool {
    let before = &text[..m.span.start];
    let Some(open) = before.rfind('(') else { return false };
    if before[open..].contains(')') || m.span.start - open > 80 {
        return false;
    }
    let head = before[..open].trim_end();
    let head = head.strip_suffix(']').map_or(head, |h| h.rsplit_once('[').map_or(h, |x| x.0).trim_end());
    let close = text[open..].find(')').map_or(text.len(), |c| open + c);
    crate::recognise::hint_list(&text[open + 1..close]) && places.iter().any(|p| p.span.end == head.len() && !std::ptr::eq(p, m))
}

/// The town named first in the admin hints in parentheses right after `m`, when it lies in the
/// area `m` fell back to.
fn seat_in_hints<'a>(text: &str, places: &'a [PlaceMention], m: &PlaceMention) -> Option<&'a crate::Place> {
    let area = m.place.as_ref()?;
    let after = &text[m.span.end..];
    let open = m.span.end + after.find('(').filter(|&k| after[..k].trim().is_empty())?;
    let close = open + text[open..].find(')')?;
    let first = places.iter().find(|p| p.span.start > open && p.span.end <= close)?;
    let town = first.place.as_ref()?;
    (town.feature == Feature::Populated && town.country_code == area.country_code && town.admin1 == area.admin1).then_some(town)
}

/// True when `m` follows another mention after a comma and names its admin1 area or country
/// ("Paris, Texas").
fn comma_hint(text: &str, places: &[PlaceMention], m: &PlaceMention) -> bool {
    let Some(head) = text[..m.span.start].trim_end().strip_suffix(',') else { return false };
    let head = head.trim_end();
    let Some(mp) = m.place.as_ref() else { return false };
    places.iter().any(|p| {
        p.span.end == head.len()
            && !std::ptr::eq(p, m)
            && p.place.as_ref().is_some_and(|pp| match m.precision {
                LocationPrecision::Admin1 => pp.admin1.is_some() && pp.admin1 == mp.admin1 && pp.country_code == mp.country_code,
                LocationPrecision::Country => pp.country_code == mp.country_code,
                _ => false,
            })
    })
}

/// True when `m` stands alone in brackets or parentheses right after a capitalised word that
/// is not a place mention ("Kanuri [Beriberi]", "Fulani (Bokoloji)").
fn aside(text: &str, places: &[PlaceMention], m: &PlaceMention) -> bool {
    let before = text[..m.span.start].trim_end();
    let Some(head) = before.strip_suffix('[').or_else(|| before.strip_suffix('(')) else { return false };
    if !text[m.span.end..].trim_start().starts_with([']', ')']) {
        return false;
    }
    let head = head.trim_end();
    let word_start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |k| k + 1);
    let after = text[m.span.end..].trim_start()[1..].trim_start();
    head[word_start..].chars().next().is_some_and(char::is_uppercase)
        && !places.iter().any(|p| p.span.end == head.len())
        && after.chars().next().is_some_and(char::is_lowercase)
}

/// True when `m` stands alone in square brackets right after another mention ("Kobi [Kobi
/// Koira]": another name of the same place).
fn bracketed(text: &str, places: &[PlaceMention], m: &PlaceMention) -> bool {
    let before = text[..m.span.start].trim_end();
    let Some(head) = before.strip_suffix('[') else { return false };
    if !text[m.span.end..].trim_start().starts_with(']') {
        return false;
    }
    let head = head.trim_end();
    places.iter().any(|p| p.span.end == head.len() && !std::ptr::eq(p, m))
}

const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northern",
    "southern",
    "eastern",
    "western",
    "nne",
    "nnw",
    "sse",
    "ssw",
    "ene",
    "ese",
    "wnw",
    "wsw",
];

/// Words before "to X" / "for X" that make X a destination ("taken to X", "the road to X").
const TOWARDS: &[&str] = &[
    "road",
    "roads",
    "way",
    "route",
    "axis",
    "highway",
    "heading",
    "headed",
    "head",
    "taken",
    "evacuated",
    "transferred",
    "transported",
    "brought",
    "rushed",
    "flown",
    "airlifted",
    "fled",
    "flee",
    "fleeing",
    "moved",
    "moving",
    "returned",
    "returning",
    "travelling",
    "traveling",
    "travelled",
    "traveled",
    "going",
    "bound",
    "relocated",
    "driven",
    "deported",
    "sent",
    "escorted",
    "departed",
    "leaving",
    "left",
    "back",
    "referred",
    "convoy",
];

/// Words before "from X" that make X an origin ("coming from X").
const FROM: &[&str] = &[
    "coming",
    "came",
    "come",
    "arriving",
    "arrived",
    "returning",
    "returned",
    "travelling",
    "traveling",
    "heading",
    "originating",
    "originally",
    "crossing",
    "crossed",
    "infiltrating",
    "based",
];

/// Titles before "of X" ("the mayor of X").
const TITLES: &[&str] = &[
    "mayor",
    "governor",
    "prefect",
    "sub-prefect",
    "sultan",
    "emir",
    "secretary",
    "deputy",
    "mp",
    "minister",
    "president",
    "senator",
    "lamido",
    "councilor",
    "councillor",
    "member",
    "members",
    "representative",
    "delegate",
];

/// Institutions named after a place ("the ministry of X", "the directorate of water of X").
const INSTITUTIONS: &[&str] = &[
    "directorate",
    "directory",
    "direction",
    "ministry",
    "office",
    "offices",
    "university",
    "council",
    "service",
    "services",
    "administration",
    "agency",
    "authority",
    "chamber",
    "court",
    "tribunal",
];

/// People after a name ("X militiamen", "X residents"): the name describes them.
const PEOPLE: &[&str] = &[
    "militiamen",
    "militia",
    "militias",
    "militiaman",
    "residents",
    "villagers",
    "youths",
    "youth",
    "herders",
    "farmers",
    "fighters",
    "vigilante",
    "vigilantes",
    "natives",
    "native",
    "community",
    "communities",
    "population",
    "traders",
    "merchants",
    "refugees",
    "students",
    "leader",
    "leaders",
    "chief",
    "chiefs",
    "mayor",
    "governor",
    "prefect",
    "officials",
    "authorities",
    "delegation",
    "elders",
    "inhabitants",
    "people",
    "men",
    "women",
    "pastoralists",
    "miners",
    "fishers",
    "fishermen",
    "hunters",
    "self-defense",
    "self-defence",
    "defense",
    "defence",
    "based",
    "brigade",
    "contingent",
    "unit",
    "units",
    "patrol",
    "garrison",
    "detachment",
];

/// Places where the wounded are treated: "a hospital in X" names a destination.
const CARE: &[&str] = &["hospital", "hospitals", "clinic", "clinics", "morgue", "health", "medical", "infirmary"];

/// The lowercase words of `text[from..to]` (letters, digits, hyphens).
fn words_of(text: &str, from: usize, to: usize) -> Vec<String> {
    let mut from = from.min(to);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..to].to_lowercase().split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The lowercase word after byte `end` ("area" in "the Tillia area").
fn after_noun(text: &str, end: usize) -> String {
    text[end..].trim_start_matches(' ').chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase()
}

/// Reads the clue in the words before `start` (same sentence, at most ~100 bytes back).
fn clue(text: &str, start: usize, end: usize, sentence_start: usize) -> Clue {
    let mut from = start.saturating_sub(100).max(sentence_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let words = words_of(text, from, start);
    let n = words.len();
    let w0 = |k: usize| if k < n { words[n - 1 - k].as_str() } else { "" };
    // "coded as X", "location coded to X", "coded at approximate location as X"
    if matches!(w0(0), "as" | "to" | "at") && (1..=5).any(|k| w0(k) == "coded") {
        return Clue::Coded;
    }
    // "the capital, Niamey" / "the town of X": look past the apposition
    let mut skip = 0;
    if matches!(w0(0), "capital" | "city" | "town" | "village") && w0(1) == "the" {
        skip = 2;
    } else if w0(0) == "of" && matches!(w0(1), "capital" | "city" | "town" | "village" | "locality" | "hamlet") && w0(2) == "the" {
        skip = 3;
    } else if w0(0) == "the" {
        skip = 1;
    }
    let w = |k: usize| w0(k + skip);
    // "in the X area": the place lies around X
    if w(0) == "in" && skip == 1 && after_noun(text, end) == "area" {
        return Clue::Near;
    }
    // "near X", "outside X", "close to X", "on the outskirts of X", "in the vicinity of X"
    if matches!(w(0), "near" | "outside" | "nearby" | "around") || (w(0) == "to" && w(1) == "close") {
        return Clue::Near;
    }
    if w(0) == "of"
        && (matches!(w(1), "outskirts" | "vicinity" | "environs" | "surroundings" | "periphery" | "area" | "areas")
            || (matches!(w(1), "commune" | "department" | "municipality" | "district" | "subdivision" | "canton")
                && matches!(w(2), "the" | "a")
                && w(3) == "in"))
    {
        return Clue::Near;
    }
    if w(0) == "from" && matches!(w(1), "far") && w(2) == "not" {
        return Clue::Near;
    }
    // "the border with X", "the X border"
    if matches!(w(0), "with" | "of") && matches!(w(1), "border" | "frontier" | "borders") {
        return Clue::Border;
    }
    // "the mayor of X": a person's title; "the directorate of water of X": an
    // institution
    if w(0) == "of" && (TITLES.contains(&w(1)) || INSTITUTIONS.contains(&w(1)) || (w(2) == "of" && INSTITUTIONS.contains(&w(3)))) {
        return Clue::Modifier;
    }
    // "on the road to X", "taken to X", "bound for X", "towards X"
    if matches!(w(0), "towards" | "toward") {
        return Clue::Route;
    }
    if matches!(w(0), "to" | "for") && (TOWARDS.contains(&w(1)) || (w(1) == "the" && TOWARDS.contains(&w(2)))) {
        return Clue::Route;
    }
    // "from A to B"
    if w(0) == "to" && (1..=5).any(|k| w(k) == "from") {
        return Clue::Route;
    }
    if w(0) == "from" && FROM.contains(&w(1)) {
        return Clue::Route;
    }
    // "a hospital in X", "the hospital of X"
    if matches!(w(0), "in" | "at" | "of") && (CARE.contains(&w(1)) || (w(1) == "regional" && CARE.contains(&w(2)))) {
        return Clue::Route;
    }
    // "[N km] [north] of X", "N km from X", "N kilometres away from X"
    if matches!(w(0), "of" | "from") {
        let mut k = 1;
        if w(k) == "away" {
            k += 1;
        }
        let direction = DIRECTIONS.contains(&w(k));
        if direction {
            k += 1;
        }
        let unit = matches!(w(k), "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "miles" | "mile" | "mi");
        if unit {
            // "12-22km", "12 to 22 km": the larger figure
            let num = w(k + 1)
                .rsplit('-')
                .next()
                .and_then(|x| x.parse::<u32>().ok())
                .or_else(|| w(k).strip_suffix("km").and_then(|x| x.parse().ok()));
            let km = num.map(|x| if w(k).starts_with("mi") { x * 16 / 10 } else { x });
            return Clue::Reference { km };
        }
        if let Some(x) = w(k).strip_suffix("km").and_then(|x| x.rsplit('-').next()).and_then(|x| x.parse::<u32>().ok()) {
            return Clue::Reference { km: Some(x) };
        }
        if direction {
            return Clue::Reference { km: None };
        }
    }
    // "destination X", "destined for X"
    if w(0) == "destination" || (w(0) == "for" && w(1) == "destined") {
        return Clue::Route;
    }
    // "militiamen from X attacked ...", "rockets fired from X": an origin
    if w(0) == "from" {
        return Clue::Route;
    }
    // "X, between A and B": A is a reference point for X
    if w0(0) == "between" && text[from..start].trim_end().strip_suffix("between").is_some_and(|b| b.trim_end().ends_with(',')) {
        return Clue::Near;
    }
    // "between A and B": B is the other end of the stretch
    if w0(0) == "and" && (1..=12).any(|k| w0(k) == "between") && !(1..=12).take_while(|&k| w0(k) != "between").any(|k| w0(k) == "and") {
        let mut lo = from;
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let hay = &text.as_bytes()[lo..start];
        let between = hay.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"between")).map(|p| lo + p);
        if between.is_some_and(|b| !text[b..start].contains(['.', ';'])) {
            return Clue::Between;
        }
    }
    Clue::None
}

/// True when the mention is used as a modifier: "the Tchirozerine mixed patrol", "an Inates
/// community leader" (a determiner before it, a lowercase word after it).
fn attributive(text: &str, m: &PlaceMention, sentence_start: usize) -> bool {
    let next_word: String = text[m.span.end..]
        .strip_prefix([' ', '-'])
        .map(|t| t.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect::<String>().to_lowercase())
        .unwrap_or_default();
    if PEOPLE.contains(&next_word.as_str()) {
        return true;
    }
    let before = words_of(text, m.span.start.saturating_sub(12).max(sentence_start), m.span.start);
    if !before.last().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an")) {
        return false;
    }
    let after = &text[m.span.end..];
    let Some(next) = after.strip_prefix(' ') else { return false };
    let word: String = next.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    word.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            word.as_str(),
            "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "to"
                | "of"
                | "near"
                | "was"
                | "is"
                | "were"
                | "are"
                | "had"
                | "has"
                | "where"
                | "which"
                | "that"
        )
        && !PLACE_NOUNS.contains(&word.as_str())
}

/// Nouns after a name that make "the X area" a place, not a modifier.
const PLACE_NOUNS: &[&str] = &[
    "area",
    "areas",
    "zone",
    "region",
    "department",
    "commune",
    "district",
    "province",
    "axis",
    "sector",
    "locality",
    "village",
    "town",
    "city",
    "countryside",
    "bush",
    "outskirts",
    "vicinity",
    "surroundings",
    "environs",
    "municipality",
    "county",
    "state",
    "border",
    "borders",
    "frontier",
    "side",
];

/// Rank of a precision (lower is more specific).
fn specificity(p: LocationPrecision) -> u8 {
    match p {
        LocationPrecision::Exact | LocationPrecision::Near => 0,
        LocationPrecision::Admin2 => 2,
        LocationPrecision::Admin1 => 3,
        LocationPrecision::Country => 4,
        LocationPrecision::Unknown => 5,
    }
}

/// True when the mention is a dateline's place: it starts a line, then maybe a country or
/// state (", Niger") and an agency in brackets, then a dash ("NIAMEY —", "Diffa, Niger (AFP) -").
fn dateline(text: &str, m: &PlaceMention) -> bool {
    let line_start = text[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..m.span.start].trim().is_empty() {
        return false;
    }
    let mut rest = text[m.span.end..].trim_start_matches([' ', '\u{a0}']);
    if let Some(r) = rest.strip_prefix(", ") {
        // a country or state: capitalised words only
        let n = r.find(|c: char| !(c.is_alphabetic() || c == ' ' || c == '.' || c == '\'')).unwrap_or(r.len());
        if n == 0 || n > 40 || !r[..n].split_whitespace().all(|w| w.starts_with(char::is_uppercase)) {
            return false;
        }
        rest = r[n..].trim_start_matches([' ', '\u{a0}']);
    }
    if let Some(r) = rest.strip_prefix('(') {
        match r.find(')') {
            Some(i) if i <= 40 && !r[..i].contains('\n') => rest = r[i + 1..].trim_start_matches([' ', '\u{a0}']),
            _ => return false,
        }
    }
    dateline_dash(rest)
}

/// How a candidate may serve, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    /// The coder's own statement.
    Coded,
    /// A place of the event.
    Own,
    /// A modifier ("the X patrol") or a reading that disagrees with a stated distance.
    Weak,
    /// A route end or destination.
    Route,
    /// The dateline's place: where the story was filed, the event's place only when the
    /// text names no other ("NIAMEY (Reuters) - Gunmen attacked a post near Torodi").
    Dateline,
    /// An admin hint in parentheses.
    Hint,
    /// Not a place of the event (a reference point that gave way, a border).
    No,
}

/// The roles that compete on specificity and order: a modifier loses only to the places of
/// its own sentence.
fn class(r: Role) -> Role {
    if r == Role::Weak { Role::Own } else { r }
}

struct Cand<'a> {
    m: &'a PlaceMention,
    sentence: usize,
    precision: LocationPrecision,
    clue: Clue,
    role: Role,
    /// The span to quote (a reference point taken as the place quotes the clue whole).
    span: Span,
    /// The name to give (an unresolved place near a reference point keeps its own).
    name: Option<&'a str>,
}

/// A specific, resolved place (a town, not an area; not a fallback).
fn specific(m: &PlaceMention) -> bool {
    m.place.is_some() && matches!(m.matched, Match::Exact | Match::Alternate | Match::Fuzzy) && m.precision == LocationPrecision::Exact
}

/// A specific place read exactly (by its name or an alternate name), not by a fuzzy reading.
fn known(m: &PlaceMention) -> bool {
    specific(m) && m.matched != Match::Fuzzy
}

/// True when `m` fell back to a town its hints name (a department's seat).
fn fallback_town(m: &PlaceMention) -> bool {
    m.matched == Match::Fallback && m.place.as_ref().is_some_and(|p| p.feature == Feature::Populated)
}

/// True when place `own` agrees with the reference point `r` stated `k` km away (any distance
/// under 100 km when none is stated).
fn agrees(own: &PlaceMention, r: &PlaceMention, k: Option<u32>) -> bool {
    let (Some(a), Some(b)) = (&own.place, &r.place) else { return false };
    let d = km(a.lat, a.lon, b.lat, b.lon);
    match k {
        Some(k) => {
            let k = f64::from(k);
            d <= k * 1.5 + 20.0 && d >= k * 0.5 - 20.0
        }
        None => d <= 100.0,
    }
}

pub(crate) fn event_location(gaz: &Gazetteer, text: &str, places: &[PlaceMention], sentences: &[Span]) -> Option<(Location, Span)> {
    let mut cands: Vec<Cand> = Vec::new();
    let whole = [Span::new(0, text.len())];
    for pass in [sentences, &whole[..]] {
        for (si, s) in pass.iter().enumerate() {
            for m in places {
                if m.kind != PlaceKind::Literal || m.span.start < s.start || m.span.end > s.end {
                    continue;
                }
                if cands.iter().any(|c| std::ptr::eq(c.m, m)) {
                    continue;
                }
                let clue = if in_hint(text, places, m) || comma_hint(text, places, m) {
                    Clue::Hint
                } else if aside(text, places, m) {
                    // "Kanuri [Beriberi] militias", "the Fulani (Bokoloji) community": another
                    // name of a people, not a place of the event
                    Clue::Modifier
                } else if bracketed(text, places, m) {
                    // "Kobi [Kobi Koira]": the coder's name for the place, when it resolves
                    if specific(m) && m.matched != Match::Alternate { Clue::Coded } else { Clue::Hint }
                } else {
                    clue(text, m.span.start, m.span.end, s.start)
                };
                let mut precision = m.precision;
                if matches!(clue, Clue::Near | Clue::Route | Clue::Between) && precision == LocationPrecision::Exact {
                    precision = LocationPrecision::Near;
                }
                let role = match clue {
                    // the coder's place, when the gazetteer places it better than a region
                    Clue::Coded if matches!(precision, LocationPrecision::Exact | LocationPrecision::Near | LocationPrecision::Admin2) => {
                        Role::Coded
                    }
                    Clue::Coded => Role::Hint,
                    _ if dateline(text, m) => Role::Dateline,
                    Clue::None | Clue::Near if attributive(text, m, s.start) => Role::Weak,
                    Clue::None | Clue::Near => Role::Own,
                    Clue::Route | Clue::Between => Role::Route,
                    Clue::Modifier => Role::Weak,
                    Clue::Hint => Role::Hint,
                    Clue::Reference { .. } | Clue::Border => Role::No,
                };
                cands.push(Cand { m, sentence: si, precision, clue, role, span: m.span, name: None });
            }
        }
        if !cands.is_empty() {
            break;
        }
    }
    // reference points: the event's place unless a place of its own agrees with them
    let refs: Vec<usize> = (0..cands.len()).filter(|&i| matches!(cands[i].clue, Clue::Reference { .. })).collect();
    for &r in &refs {
        let Clue::Reference { km: k } = cands[r].clue else { continue };
        if cands[r].m.place.is_none() {
            continue;
        }
        let rm = cands[r].m;
        // the event's own places: those of the same sentence before the clue
        let own: Vec<usize> = (0..cands.len())
            .filter(|&i| cands[i].role == Role::Own && cands[i].sentence == cands[r].sentence && cands[i].m.span.end <= rm.span.start)
            .collect();
        // (a fuzzy reading is no place the gazetteer knows: the reference point is the surer
        // point, as coders place a hamlet they cannot find at the town it is given from)
        let agreeing = own.iter().any(|&i| known(cands[i].m) && agrees(cands[i].m, rm, k));
        let elsewhere = (0..cands.len()).any(|i| {
            cands[i].role == Role::Own && cands[i].sentence != cands[r].sentence && known(cands[i].m) && agrees(cands[i].m, rm, k)
        });
        if agreeing || elsewhere {
            continue;
        }
        // a reading of the reference point far from where the clue's own subject fell back
        // to (its department's seat or area) is no reference for it
        let before = own.last().map(|&i| cands[i].m).filter(|s| !specific(s));
        if let (Some(s), Some(rp)) = (before.and_then(|s| s.place.as_ref()), rm.place.as_ref())
            && (s.country_code != rp.country_code
                || (fallback_town(before.unwrap_or(rm)) && km(s.lat, s.lon, rp.lat, rp.lon) > f64::from(k.unwrap_or(0)) * 1.5 + 150.0))
        {
            continue;
        }
        // the clue's own subject (the mention right before it) names the place; readings that
        // disagree with the distance are wrong readings
        let subject = own.last().copied().filter(|&i| text[cands[i].m.span.end..rm.span.start].len() <= 90);
        // a place of its own named more than 100 km from the reference point: the reference
        // is no approximation of it ("Kandagi, 190 km from the capital, Niamey")
        if subject.is_some() && k.is_some_and(|k| k > 100) {
            continue;
        }
        for &i in &own {
            if specific(cands[i].m) {
                cands[i].role = Role::Weak;
            }
        }
        if let Some(s) = subject {
            cands[s].role = Role::No;
            if !specific(cands[s].m) {
                cands[r].name = Some(cands[s].m.name.as_str());
            }
            cands[r].span = Span::new(cands[s].m.span.start, rm.span.end);
        }
        cands[r].role = Role::Own;
        if cands[r].precision == LocationPrecision::Exact {
            cands[r].precision = LocationPrecision::Near;
        }
    }
    // "between A and B" with A not known: B, the other end, locates the stretch
    for r in 0..cands.len() {
        if cands[r].clue != Clue::Between || !specific(cands[r].m) {
            continue;
        }
        let rm = cands[r].m;
        let a = (0..cands.len())
            .filter(|&i| {
                cands[i].role == Role::Own
                    && cands[i].sentence == cands[r].sentence
                    && cands[i].m.span.end <= rm.span.start
                    && text[cands[i].m.span.end..rm.span.start].len() <= 60
            })
            .max_by_key(|&i| cands[i].m.span.start);
        // A's fallback area or town must lie near B (else B is the far end of a long road)
        let near_b =
            |x: &PlaceMention| x.place.as_ref().is_none_or(|p| rm.place.as_ref().is_some_and(|b| km(p.lat, p.lon, b.lat, b.lon) <= 60.0));
        if let Some(a) = a
            && !specific(cands[a].m)
            && near_b(cands[a].m)
        {
            cands[a].role = Role::No;
            cands[r].role = Role::Own;
            cands[r].name = Some(cands[a].m.name.as_str());
            cands[r].span = Span::new(cands[a].m.span.start, rm.span.end);
        }
    }
    // "X, near Y": a reading of X far from Y is another place of that name
    let nears: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].clue == Clue::Near && cands[i].role == Role::Own && (specific(cands[i].m) || fallback_town(cands[i].m)))
        .collect();
    for &r in &nears {
        let rm = cands[r].m;
        for i in 0..cands.len() {
            let c = &cands[i];
            if c.role == Role::Own
                && c.clue == Clue::None
                && c.sentence == cands[r].sentence
                && c.m.span.end <= rm.span.start
                && text[c.m.span.end..rm.span.start].len() <= 60
                && !text[c.m.span.end..rm.span.start].contains(" and ")
                && !text[c.m.span.end..rm.span.start].to_lowercase().contains("nearby")
                && specific(c.m)
                && (!agrees(c.m, rm, Some(if specific(rm) { 25 } else { 60 })) || (c.m.matched == Match::Fuzzy && known(rm)))
            {
                cands[i].role = Role::Weak;
            }
        }
    }
    // "the camp of X in the village of Y" with X read only fuzzily: Y, read exactly, is the
    // surer point (a reading of X near Y adds little; one far from it is a wrong reading)
    for i in 0..cands.len() {
        let c = &cands[i];
        if c.role != Role::Own || c.m.matched != Match::Fuzzy || !specific(c.m) {
            continue;
        }
        let surer = (0..cands.len()).any(|j| {
            let o = &cands[j];
            j != i
                && o.role == Role::Own
                && o.sentence == c.sentence
                && matches!(o.clue, Clue::None | Clue::Near)
                && known(o.m)
                && o.m.span.start > c.m.span.end
                && text[c.m.span.end..o.m.span.start].len() <= 60
                && text[c.m.span.end..o.m.span.start].contains(" in ")
        });
        if surer {
            cands[i].role = Role::Weak;
        }
    }
    let best = cands
        .iter()
        .filter(|c| c.role != Role::No && (c.m.place.is_some() || c.m.matched == Match::Unresolved))
        .min_by_key(|c| (class(c.role), c.m.place.is_none(), specificity(c.precision), c.sentence, c.role, c.m.span.start));
    if let Some(c) = best {
        let m = c.m;
        let (name, place) = match m.matched {
            Match::Fallback | Match::Unresolved => (Some(m.name.as_str()), m.place.as_ref()),
            _ => (c.name, m.place.as_ref()),
        };
        let mut loc = to_location(place, name, c.precision);
        if m.matched == Match::Fallback || c.name.is_some() {
            loc.geonames_id = None;
        }
        // an unknown village that fell back to its department: placed at the department's
        // seat when its hints name it ("X (N'Guigmi, Diffa)": the town of N'Guigmi), a point
        // where people live rather than the area's middle
        if m.matched == Match::Fallback
            && m.place.as_ref().is_some_and(|p| p.feature == Feature::Admin2)
            && let Some(t) = seat_in_hints(text, places, m)
        {
            loc.lat = Some(t.lat);
            loc.lon = Some(t.lon);
        }
        if m.matched == Match::Unresolved {
            loc.precision = Some(LocationPrecision::Unknown);
        }
        // a region as a whole: its capital's point, as ACLED codes events known only to the
        // first-level division (precision admin1 says so)
        if c.precision == LocationPrecision::Admin1
            && let Some(seat) = m.place.as_ref().filter(|p| p.feature == Feature::Admin1).and_then(|p| gaz.admin1_seat(p))
        {
            loc.lat = Some(seat.lat);
            loc.lon = Some(seat.lon);
        }
        return Some((loc, c.span));
    }
    // only borders and reference points: the country they lie in
    let r = cands.iter().filter(|c| c.m.place.is_some()).min_by_key(|c| (c.sentence, c.m.span.start))?;
    let p = r.m.place.as_ref()?;
    if p.country_code.is_empty() {
        return None;
    }
    let loc = Location {
        name: None,
        country_code: Some(p.country_code.clone()),
        precision: Some(LocationPrecision::Country),
        ..Location::default()
    };
    Some((loc, r.m.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clue_at(text: &str, needle: &str) -> Clue {
        let start = text.find(needle).unwrap();
        clue(text, start, start + needle.len(), 0)
    }

    #[test]
    fn clues() {
        assert_eq!(clue_at("It happened 190 km from the capital, Niamey.", "Niamey"), Clue::Reference { km: Some(190) });
        assert_eq!(clue_at("some 40 kilometres north of Gao", "Gao"), Clue::Reference { km: Some(40) });
        assert_eq!(clue_at("a village north of Menaka", "Menaka"), Clue::Reference { km: None });
        assert_eq!(clue_at("a camp 12-22km west of Abala", "Abala"), Clue::Reference { km: Some(22) });
        assert_eq!(clue_at("near the border with Burkina Faso", "Burkina"), Clue::Border);
        assert_eq!(clue_at("an attack near Ayorou", "Ayorou"), Clue::Near);
        assert_eq!(clue_at("on the outskirts of Diffa", "Diffa"), Clue::Near);
        assert_eq!(clue_at("in the village of Garin", "Garin"), Clue::None);
        assert_eq!(clue_at("a village 15km from Tera", "Tera"), Clue::Reference { km: Some(15) });
        assert_eq!(clue_at("a truck on the road to Dosso", "Dosso"), Clue::Route);
        assert_eq!(clue_at("the wounded were taken to Niamey", "Niamey"), Clue::Route);
        assert_eq!(clue_at("men coming from Mali", "Mali"), Clue::Route);
        assert_eq!(clue_at("a march from Agadez to Niamey", "Niamey"), Clue::Route);
        assert_eq!(clue_at("the mayor of Abala", "Abala"), Clue::Modifier);
        assert_eq!(clue_at("treated at the hospital in Tahoua", "Tahoua"), Clue::Route);
        assert_eq!(clue_at("on the road between Abala and Filingue", "Filingue"), Clue::Between);
        assert_eq!(clue_at("on the road between Abala and Filingue", "Abala"), Clue::None);
        assert_eq!(clue_at("in the village of Kolo (location coded as Dosso)", "Dosso"), Clue::Coded);
        assert_eq!(clue_at("villages of Gao, Abala and Filingue", "Filingue"), Clue::None);
    }

    #[test]
    fn modifiers() {
        let text = "The Tahoua mixed patrol met an Abala farmer in Tahoua.";
        let m = |start: usize, end: usize| PlaceMention {
            span: Span::new(start, end),
            kind: PlaceKind::Literal,
            place: None,
            extractor: sitrep_model::ExtractorId::new("place.gazetteer.v1"),
            name: text[start..end].to_string(),
            precision: LocationPrecision::Exact,
            matched: Match::Exact,
        };
        assert!(attributive(text, &m(4, 10), 0));
        assert!(attributive(text, &m(31, 36), 0));
        assert!(!attributive(text, &m(47, 53), 0));
    }

    #[test]
    fn datelines() {
        let at = |text: &str, needle: &str| {
            let start = text.find(needle).unwrap();
            dateline(
                text,
                &PlaceMention {
                    span: Span::new(start, start + needle.len()),
                    kind: PlaceKind::Literal,
                    place: None,
                    extractor: sitrep_model::ExtractorId::new("place.gazetteer.v1"),
                    name: needle.to_string(),
                    precision: LocationPrecision::Exact,
                    matched: Match::Exact,
                },
            )
        };
        assert!(at("NIAMEY \u{2014} Gunmen attacked a post near Torodi.", "NIAMEY"));
        assert!(at("Title\nDiffa, Niger (AFP) - Two herders were killed.", "Diffa"));
        assert!(at("GAO (Reuters) -- Shells hit the camp.", "GAO"));
        assert!(!at("Gunmen attacked Torodi \u{2014} a town near the border.", "Torodi"));
        assert!(!at("Torodi was attacked on Monday.", "Torodi"));
        assert!(!at("Diffa, where the market stood, burned - witnesses said.", "Diffa"));
    }
}
