//! The place of an event: the most specific literal mention of its sentences that is not the
//! reference point of a distance or direction clue.

use crate::{Gazetteer, LocationPrecision, Match, PlaceKind, PlaceMention, to_location};
use sitrep_model::Span;
use sitrep_model::mention::Location;

/// What the words before a mention make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clue {
    /// Nothing special.
    None,
    /// "near X", "outside X", "on the outskirts of X": the event is near X.
    Near,
    /// "190 km from X", "north of X", "the border with X": X is a reference point.
    Reference {
        /// Kilometres when stated.
        km: Option<u32>,
    },
    /// Inside parentheses naming the admin areas of the place before them ("Garin (Tera,
    /// Tillaberi)"): context, used only when nothing else is there.
    Hint,
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
];

/// Reads the clue in the words before `start` (same sentence, at most ~80 bytes back).
fn clue(text: &str, start: usize, sentence_start: usize) -> Clue {
    let from = start.saturating_sub(80).max(sentence_start);
    let mut from = from;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].to_lowercase();
    let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    let w = |k: usize| if k < n { words[n - 1 - k] } else { "" };
    // "the capital, Niamey" / "the town of X": look past the apposition
    let mut skip = 0;
    if matches!(w(0), "capital" | "city" | "town") && w(1) == "the" {
        skip = 2;
    } else if w(0) == "of" && matches!(w(1), "capital" | "city" | "town") && w(2) == "the" {
        skip = 3;
    } else if w(0) == "the" {
        skip = 1;
    }
    let w = |k: usize| w(k + skip);
    // "near X", "outside X", "close to X", "on the outskirts of X", "in the vicinity of X"
    if matches!(w(0), "near" | "outside" | "nearby" | "around") || (w(0) == "to" && w(1) == "close") {
        return Clue::Near;
    }
    if w(0) == "of" && matches!(w(1), "outskirts" | "vicinity" | "environs") {
        return Clue::Near;
    }
    if w(0) == "from" && matches!(w(1), "far") && w(2) == "not" {
        return Clue::Near;
    }
    // "the border with X", "the X border"
    if matches!(w(0), "with" | "of") && matches!(w(1), "border" | "frontier" | "borders") {
        return Clue::Reference { km: None };
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
            let num = w(k + 1).parse::<u32>().ok().or_else(|| w(k).strip_suffix("km").and_then(|x| x.parse().ok()));
            let km = num.map(|x| if w(k).starts_with("mi") { x * 16 / 10 } else { x });
            return Clue::Reference { km };
        }
        if let Some(x) = w(k).strip_suffix("km").and_then(|x| x.parse::<u32>().ok()) {
            return Clue::Reference { km: Some(x) };
        }
        if direction {
            return Clue::Reference { km: None };
        }
    }
    Clue::None
}

/// Rank of a precision (lower is more specific).
fn specificity(p: LocationPrecision) -> u8 {
    match p {
        LocationPrecision::Exact => 0,
        LocationPrecision::Near => 1,
        LocationPrecision::Admin2 => 2,
        LocationPrecision::Admin1 => 3,
        LocationPrecision::Country => 4,
        LocationPrecision::Unknown => 5,
    }
}

struct Cand<'a> {
    m: &'a PlaceMention,
    sentence: usize,
    precision: LocationPrecision,
    clue: Clue,
}

pub(crate) fn event_location(_gaz: &Gazetteer, text: &str, places: &[PlaceMention], sentences: &[Span]) -> Option<(Location, Span)> {
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
                let clue = if in_hint(text, places, m) { Clue::Hint } else { clue(text, m.span.start, s.start) };
                let mut precision = m.precision;
                if clue == Clue::Near && precision == LocationPrecision::Exact {
                    precision = LocationPrecision::Near;
                }
                cands.push(Cand { m, sentence: si, precision, clue });
            }
        }
        if !cands.is_empty() {
            break;
        }
    }
    // a mention inside parentheses that name the admin areas of the one before it is context
    // ("Garin (Diffa, Diffa)"): keep it only when nothing else is there
    let usable = |c: &&Cand| !matches!(c.clue, Clue::Reference { .. }) && (c.m.place.is_some() || c.m.matched == Match::Unresolved);
    let best = cands
        .iter()
        .filter(usable)
        .min_by_key(|c| (c.clue == Clue::Hint, c.m.place.is_none(), specificity(c.precision), c.sentence, c.m.span.start))
        .map(|c| (c, c.precision));
    if let Some((c, precision)) = best {
        let m = c.m;
        let (name, place) = match m.matched {
            Match::Fallback | Match::Unresolved => (Some(m.name.as_str()), m.place.as_ref()),
            _ => (None, m.place.as_ref()),
        };
        let mut loc = to_location(place, name, precision);
        if m.matched == Match::Fallback {
            loc.geonames_id = None;
        }
        if m.matched == Match::Unresolved {
            loc.precision = Some(LocationPrecision::Unknown);
        }
        return Some((loc, m.span));
    }
    // only reference points: the country they lie in
    let r = cands.iter().filter(|c| c.m.place.is_some()).min_by_key(|c| (c.sentence, c.m.span.start))?;
    let p = r.m.place.as_ref()?;
    if let Clue::Reference { km: Some(k) } = r.clue
        && k <= 25
    {
        let mut loc = to_location(Some(p), None, LocationPrecision::Near);
        loc.geonames_id = p.geonames_id;
        return Some((loc, r.m.span));
    }
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
        clue(text, text.find(needle).unwrap(), 0)
    }

    #[test]
    fn clues() {
        assert_eq!(clue_at("It happened 190 km from the capital, Niamey.", "Niamey"), Clue::Reference { km: Some(190) });
        assert_eq!(clue_at("some 40 kilometres north of Gao", "Gao"), Clue::Reference { km: Some(40) });
        assert_eq!(clue_at("a village north of Menaka", "Menaka"), Clue::Reference { km: None });
        assert_eq!(clue_at("near the border with Burkina Faso", "Burkina"), Clue::Reference { km: None });
        assert_eq!(clue_at("an attack near Ayorou", "Ayorou"), Clue::Near);
        assert_eq!(clue_at("on the outskirts of Diffa", "Diffa"), Clue::Near);
        assert_eq!(clue_at("in the village of Garin", "Garin"), Clue::None);
        assert_eq!(clue_at("a village 15km from Tera", "Tera"), Clue::Reference { km: Some(15) });
    }
}
