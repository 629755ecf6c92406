//! Resolution: which gazetteer entry each recognised name is.
//!
//! Every candidate gets a prior (feature class, population, capital, exact or alternate name),
//! then, in a second pass, the article's context: the countries and admin1 areas its
//! unambiguous mentions are in (its focus), distance to those places, admin hints in
//! parentheses or after a comma, and admin-level words ("Tahoua region"). Unknown names
//! standing where places stand go to the fuzzy matcher, only within the focus countries; a
//! fuzzy reading that has a close rival somewhere else is not taken: the name keeps its text
//! and falls back to the area the rivals share (admin2, admin1, country).

use crate::geo::km;
use crate::keys::name_key;
use crate::recognise::RawMention;
use crate::store::{ALT, CURATED, DEMONYM, ENTRY, F_CAPITAL, F_DUMP, F_LANDMARK, F_REGION, F_SEAT, NONE, Store};
use crate::{Feature, PlaceKind};
use sitrep_model::taxonomy::LocationPrecision;
use std::collections::HashMap;

/// How a mention was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// The name or a hand-written alias.
    Exact,
    /// A GeoNames alternate name.
    Alternate,
    /// A spelling variant or a fuzzy match.
    Fuzzy,
    /// Not resolved: the entry is the enclosing area.
    Fallback,
    /// Not resolved at all.
    None,
}

/// A resolved mention.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub raw: RawMention,
    pub entry: u32,
    pub how: How,
    pub precision: Option<LocationPrecision>,
}

/// What the article is about, place-wise.
#[derive(Debug, Clone, Default)]
pub(crate) struct Focus {
    /// Share of the article's anchored mentions per country index.
    pub countries: HashMap<u16, f64>,
    /// Each mention's own country vote and the votes' total (a mention is no context for
    /// itself): (country, vote) by the mention's start.
    pub country_own: HashMap<usize, (u16, f64)>,
    pub country_total: f64,
    /// Votes per admin1 area, their total, and each mention's own vote (by the mention's
    /// start): a mention is no context for itself.
    pub admin1: HashMap<u32, f64>,
    pub admin1_total: f64,
    pub admin1_own: HashMap<usize, (u32, f64)>,
    /// Points of the anchored places (not countries or admin1 areas), with the start of the
    /// mention that gave each (a mention is no context for itself).
    pub points: Vec<(f64, f64, usize)>,
    /// The region of interest: the countries of the GeoNames dumps loaded, when they are few.
    pub roi: Vec<u16>,
    /// First-level divisions the caller's context names (the text's armed groups' areas).
    pub areas: Vec<u32>,
}

impl Focus {
    fn country(&self, cc: u16) -> f64 {
        self.countries.get(&cc).copied().unwrap_or(0.0)
    }
    /// Share of the other mentions' country votes that go to `cc` (when no other mention
    /// votes, the region of interest: the countries of the GeoNames dumps loaded).
    fn country_for(&self, cc: u16, start: usize) -> f64 {
        let Some(&(own_c, own_w)) = self.country_own.get(&start) else { return self.country(cc) };
        let total = self.country_total - own_w;
        if total <= 0.0 {
            return if self.roi.contains(&cc) { 1.0 } else { 0.0 };
        }
        let v = self.country(cc) * self.country_total - if own_c == cc { own_w } else { 0.0 };
        (v / total).max(0.0)
    }

    /// The weight of the other mentions' country votes.
    fn others_total(&self, start: usize) -> f64 {
        self.country_total - self.country_own.get(&start).map_or(0.0, |x| x.1)
    }

    /// Share of the other mentions' admin1 votes that go to area `a1`.
    fn admin1_share(&self, a1: u32, start: usize) -> f64 {
        let (own_a, own_w) = self.admin1_own.get(&start).copied().unwrap_or((NONE, 0.0));
        let total = self.admin1_total - own_w;
        if total <= 0.0 {
            return 0.0;
        }
        let v = self.admin1.get(&a1).copied().unwrap_or(0.0) - if own_a == a1 { own_w } else { 0.0 };
        (v / total).max(0.0)
    }
    fn top_countries(&self, min: f64) -> Vec<u16> {
        let mut v: Vec<(u16, f64)> = self.countries.iter().filter(|x| *x.1 >= min).map(|(a, b)| (*a, *b)).collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().take(3).map(|x| x.0).collect()
    }
}

fn log10(x: f64) -> f64 {
    x.max(1.0).log10()
}

/// The prior of entry `e` matched by index value `v`.
fn prior(store: &Store, e: u32, v: u32) -> f64 {
    let i = e as usize;
    let pop = f64::from(store.e.pop[i]);
    let flags = store.e.flags[i];
    let mut s = match store.e.feature[i] {
        Feature::Country => 12.0,
        // a first-level division of fewer than 100,000 people (a parish, a small island's
        // district) weighs like a town of its size, not like a state or a region
        Feature::Admin1 if pop > 0.0 && pop < 100_000.0 => 3.0 + 1.1 * log10(pop + 10.0),
        Feature::Admin1 => 8.5,
        Feature::Admin2 => 6.0,
        Feature::Admin3 => 5.0,
        Feature::Populated => 2.0 + 1.1 * log10(pop + 10.0),
        Feature::Other if flags & F_REGION != 0 => 11.0,
        Feature::Other if flags & F_LANDMARK != 0 => 9.0,
        Feature::Other => 2.5 + 0.5 * log10(pop + 1.0),
    };
    if flags & F_CAPITAL != 0 {
        s += 2.5;
    }
    if flags & F_SEAT != 0 {
        s += 1.2;
    }
    if flags & F_DUMP != 0 {
        s += 0.3;
    }
    if v & ALT != 0 {
        s -= 1.0;
    }
    if v & CURATED != 0 {
        s += 3.0;
    }
    s
}

/// The context part of a candidate's score.
fn context(store: &Store, e: u32, m: &RawMention, focus: &Focus) -> f64 {
    let i = e as usize;
    let mut s = 0.0;
    let feature = store.e.feature[i];
    if feature == Feature::Country {
        s += 5.0 * focus.country_for(store.e.cc[i], m.start);
    } else if store.e.flags[i] & F_REGION == 0 {
        s += 5.0 * focus.country_for(store.e.cc[i], m.start);
        let w = focus.admin1_share(store.e.a1[i], m.start);
        if w > 0.0 {
            // the article's other places lie in it: an admin1 area named by them ("Georgia"
            // beside Atlanta and Savannah) or a place inside it
            s += if feature == Feature::Admin1 { 4.0 * w } else { 2.0 * w };
        }
        if !focus.points.is_empty() && matches!(feature, Feature::Populated | Feature::Other | Feature::Admin2 | Feature::Admin3) {
            let (la, lo) = (store.e.lat_f(e), store.e.lon_f(e));
            let d = focus.points.iter().filter(|p| p.2 != m.start).map(|p| km(la, lo, p.0, p.1)).fold(f64::INFINITY, f64::min);
            s += if d < 30.0 {
                2.5
            } else if d < 100.0 {
                1.5
            } else if d < 300.0 {
                0.5
            } else {
                0.0
            };
        }
    }
    s + local(store, e, m)
}

/// Hints right beside the mention: admin names in parentheses or after a comma, admin-level
/// words.
fn local(store: &Store, e: u32, m: &RawMention) -> f64 {
    let i = e as usize;
    let feature = store.e.feature[i];
    let mut s = 0.0;
    if !m.admin_hints.is_empty() {
        let own = name_key(&m.raw_name);
        // the names of the candidate's admin areas, their aliases included ("Ala." for Alabama)
        let area_keys = |a: u32| -> Vec<String> {
            let mut keys: Vec<String> = store.admin_name(a).map(name_key).into_iter().collect();
            if a != NONE {
                let ent = store.admins[a as usize].entry;
                if ent != NONE {
                    keys.extend(store.e.names_of(store.visible(ent)).map(name_key));
                }
            }
            keys
        };
        let a1 = area_keys(store.e.a1[i]);
        let a2 = area_keys(store.e.a2[i]);
        let cc = store.cc_str(store.e.cc[i]).map(str::to_lowercase);
        let country = store
            .country_entry
            .get(usize::from(store.e.cc[i]))
            .copied()
            .filter(|&c| c != NONE)
            .map(|c| store.e.names_of(c).map(name_key).collect::<Vec<_>>());
        let mut best: f64 = -3.0;
        for h in &m.admin_hints {
            // "Arlit (Arlit, Agadez)": the town, not the admin2 area it names
            if *h == own {
                if feature == Feature::Populated {
                    best = best.max(6.0);
                }
                continue;
            }
            let v = if a2.contains(h) {
                8.0
            } else if a1.contains(h) {
                5.0
            } else if cc.as_deref() == Some(h.as_str()) || country.as_ref().is_some_and(|names| names.contains(h)) {
                3.0
            } else {
                continue;
            };
            best = best.max(v);
        }
        // "(Guidan Roumdji, Maradi)": a reading outside the admin1 area the last hint names
        // is another place, however near the town the first hint names
        let n = m.admin_hints.len();
        let last = m.admin_hints.last().filter(|_| n >= 2);
        let other_admin1 = last.is_some_and(|h| {
            let areas: Vec<u32> = store
                .lookup_key(h)
                .iter()
                .map(|&(_, v)| store.visible(v & ENTRY))
                .filter(|&x| store.e.feature[x as usize] == Feature::Admin1)
                .map(|x| store.e.a1[x as usize])
                .collect();
            !areas.is_empty() && !areas.contains(&store.e.a1[i]) && !a1.contains(h)
        });
        if other_admin1 {
            best -= 3.0;
        }
        // a hint that names a town (a new department's seat): the place lies near it
        if !m.hint_points.is_empty() && !other_admin1 {
            let (la, lo) = (store.e.lat_f(e), store.e.lon_f(e));
            let d = m.hint_points.iter().map(|p| km(la, lo, p.0, p.1)).fold(f64::INFINITY, f64::min);
            if d < 1.0 && name_key(store.e.name_of(e)) != own {
                // the hinted town itself
            } else if d < 60.0 {
                best = best.max(6.0) + 2.0;
            } else if d < 120.0 {
                best = best.max(3.0) + 1.0;
            } else if d.is_finite() {
                best -= 3.0;
            }
        }
        s += best;
    }
    // "the town of X", "the village of X": a populated place
    if m.town && feature == Feature::Populated {
        s += 2.0;
    }
    match m.level_hint {
        Some(1) if feature == Feature::Admin1 => s += 6.0,
        Some(2) if feature == Feature::Admin2 => s += 6.0,
        Some(3) if matches!(feature, Feature::Admin3 | Feature::Admin2) => s += 5.0,
        Some(_) if feature == Feature::Populated => s -= 1.0,
        _ => {}
    }
    if m.in_hint && matches!(feature, Feature::Admin1 | Feature::Admin2 | Feature::Admin3) {
        s += 3.0;
    }
    s
}

/// Farther than this from the town its hints name, a reading is another place (95% of
/// villages lie within 92 km of their department's seat in Niger).
const HINT_KM: f64 = 120.0;

/// Distance from entry `e` to the nearest town the mention's hints name (infinite when none).
fn hint_distance(store: &Store, e: u32, m: &RawMention) -> f64 {
    let (la, lo) = (store.e.lat_f(e), store.e.lon_f(e));
    m.hint_points.iter().map(|p| km(la, lo, p.0, p.1)).fold(f64::INFINITY, f64::min)
}

/// The towns a mention's hints name (other than the mention itself): for each hint, the towns
/// of that name inside the admin1 area the last hint names (when it names one), the admin
/// seats among them when there are any; a hint no town bears exactly is read as a spelling
/// variant of one there ("Ayerou" for Ayorou, the seat of the department named so).
fn hint_towns(store: &Store, m: &RawMention) -> Vec<u32> {
    let own = name_key(&m.raw_name);
    let n = m.admin_hints.len();
    let admin1: Vec<(u32, u16)> = if n >= 2 {
        store
            .lookup_key(&m.admin_hints[n - 1])
            .iter()
            .map(|&(_, v)| store.visible(v & ENTRY))
            .filter(|&e| store.e.feature[e as usize] == Feature::Admin1)
            .map(|e| (store.e.a1[e as usize], store.e.cc[e as usize]))
            .collect()
    } else {
        Vec::new()
    };
    let in_admin1 = |e: u32| admin1.is_empty() || admin1.iter().any(|a| a.0 == store.e.a1[e as usize]);
    let mut out = Vec::new();
    for (k, h) in m.admin_hints.iter().enumerate() {
        if *h == own || (n >= 2 && k == n - 1) {
            continue;
        }
        let mut towns: Vec<u32> = store
            .lookup_key(h)
            .iter()
            .filter(|&&(_, v)| v & ALT == 0)
            .map(|&(_, v)| store.visible(v & ENTRY))
            .filter(|&e| store.e.feature[e as usize] == Feature::Populated && in_admin1(e))
            .collect();
        if towns.is_empty() && !admin1.is_empty() {
            let mut ccs: Vec<u16> = admin1.iter().map(|a| a.1).collect();
            ccs.dedup();
            for cc in ccs {
                towns.extend(
                    crate::fuzzy::candidates(store, cc, h)
                        .into_iter()
                        .filter(|&(e, cost)| cost <= 1.5 && store.e.feature[e as usize] == Feature::Populated && in_admin1(e))
                        .map(|x| x.0),
                );
            }
        }
        towns.sort_unstable();
        towns.dedup();
        if towns.iter().any(|&e| store.e.flags[e as usize] & (F_SEAT | F_CAPITAL) != 0 || store.e.pop[e as usize] > 0) {
            towns.retain(|&e| store.e.flags[e as usize] & (F_SEAT | F_CAPITAL) != 0 || store.e.pop[e as usize] > 0);
        }
        towns.sort_by_key(|&e| (std::cmp::Reverse(store.e.pop[e as usize]), tie_key(store, e)));
        out.extend(towns.into_iter().take(4));
    }
    out
}

/// The candidates of a mention: visible entries, each with its best index value.
fn candidates(store: &Store, m: &RawMention) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &v in &m.hits {
        let e = store.visible(v & ENTRY);
        let demonym = v & DEMONYM != 0;
        if m.kind == PlaceKind::Demonym && !demonym {
            continue;
        }
        match out.iter_mut().find(|x| x.0 == e) {
            Some(x) => {
                if x.1 & ALT != 0 && v & ALT == 0 {
                    x.1 = v;
                }
            }
            None => out.push((e, v)),
        }
    }
    // a city named like the admin1 area it lies in ("Tahoua", "New York") is the city unless
    // something says "region"
    out
}

fn score_all(store: &Store, m: &RawMention, cands: &[(u32, u32)], focus: Option<&Focus>) -> Vec<(u32, f64)> {
    // primary names first: when some entry bears the name as its own, the entries that have
    // it only as an alternate name ("Salisbury" for Harare) fall further back
    let some_primary = cands.iter().any(|c| c.1 & ALT == 0);
    // a country that bears the name outranks any town known by it only as an alternate
    // ("Mexico" is not Mexico City)
    let country_primary = cands.iter().any(|c| c.1 & ALT == 0 && store.e.feature[c.0 as usize] == Feature::Country);
    let mut scored: Vec<(u32, f64)> = cands
        .iter()
        .map(|&(e, v)| {
            let mut s = prior(store, e, v);
            if some_primary && v & ALT != 0 {
                s -= if country_primary { 4.0 } else { 1.5 };
            }
            if let Some(f) = focus {
                s += context(store, e, m, f);
                // the text's first-level division weighs half for a small town when a
                // namesake of twenty times its people lies elsewhere in the same country (a
                // state named in a sports report is no reason for the small "Portland")
                let i = e as usize;
                let pop = store.e.pop[i];
                if store.e.feature[i] == Feature::Populated
                    && m.admin_hints.is_empty()
                    && cands.iter().any(|c| {
                        let k = c.0 as usize;
                        store.e.feature[k] == Feature::Populated
                            && store.e.cc[k] == store.e.cc[i]
                            && store.e.pop[k] / 20 >= pop.max(1)
                            && c.1 & ALT == 0
                            && store.e.a1[k] != store.e.a1[i]
                    })
                {
                    s -= f.admin1_share(store.e.a1[i], m.start);
                }
            } else {
                s += local(store, e, m);
            }
            (e, s)
        })
        .collect();
    // name-giving towns: a populated place named like the admin area that holds it
    // ("Tahoua", "New York", a department's seat)
    let admin1s: Vec<u32> =
        cands.iter().filter(|c| store.e.feature[c.0 as usize] == Feature::Admin1).map(|c| store.e.a1[c.0 as usize]).collect();
    let admin2s: Vec<u32> =
        cands.iter().filter(|c| store.e.feature[c.0 as usize] == Feature::Admin2).map(|c| store.e.a2[c.0 as usize]).collect();
    if m.level_hint.is_none() && !m.in_hint {
        for (e, s) in scored.iter_mut() {
            let i = *e as usize;
            // a town known by the area's name only as an alternate ("Oklahoma" for Oklahoma
            // City) gives no name, unless it is a city of millions ("New York")
            if some_primary && store.e.pop[i] < 1_000_000 && cands.iter().any(|c| c.0 == *e && c.1 & ALT != 0) {
                continue;
            }
            let in_named =
                (store.e.a1[i] != NONE && admin1s.contains(&store.e.a1[i])) || (store.e.a2[i] != NONE && admin2s.contains(&store.e.a2[i]));
            // a town dwarfed by a namesake elsewhere (twice its people, 30 km or more away)
            // takes no bonus from its area's name ("San Antonio" the province's seat in Chile
            // against the city of 1.5 million in Texas)
            let pop = store.e.pop[i];
            let dwarfed = cands.iter().any(|c| {
                let k = c.0 as usize;
                store.e.feature[k] == Feature::Populated
                    && store.e.pop[k] / 2 >= pop
                    && c.1 & ALT == 0
                    && km(store.e.lat_f(*e), store.e.lon_f(*e), store.e.lat_f(c.0), store.e.lon_f(c.0)) >= 30.0
            });
            if store.e.feature[i] == Feature::Populated && in_named && !dwarfed {
                *s += 1.5;
            }
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| tie_key(store, a.0).cmp(&tie_key(store, b.0))));
    scored
}

/// An order-independent tie-break: GeoNames id, then coordinates.
fn tie_key(store: &Store, e: u32) -> (u32, i32, i32) {
    let i = e as usize;
    let g = store.e.gid[i];
    (if g == 0 { u32::MAX } else { g }, store.e.lat[i], store.e.lon[i])
}

/// Margin between the best and the best reading that is another place (30 km away or more).
fn margin(store: &Store, scored: &[(u32, f64)]) -> f64 {
    let Some(&(b, bs)) = scored.first() else { return 0.0 };
    for &(e, s) in &scored[1..] {
        let d = km(store.e.lat_f(b), store.e.lon_f(b), store.e.lat_f(e), store.e.lon_f(e));
        if d >= 30.0 {
            return bs - s;
        }
    }
    f64::INFINITY
}

/// True when a weak reading should not be reported at all.
fn drop_weak(store: &Store, m: &RawMention, e: u32, focus: &Focus) -> bool {
    if m.kind == PlaceKind::Demonym {
        return false;
    }
    let strong = store.is_strong(e);
    let i = e as usize;
    let in_focus = focus.country(store.e.cc[i]) >= 0.3 || !m.admin_hints.is_empty() || m.in_hint;
    // a common word needs a place context unless it names a country, a region, a landmark, a
    // capital, or a strong place of the article's own countries
    let flags = store.e.flags[i];
    let strong_anywhere = store.e.feature[i] == Feature::Country || flags & (F_REGION | F_LANDMARK | F_CAPITAL) != 0;
    let strong_here = strong_anywhere || (strong && focus.country(store.e.cc[i]) >= 0.3);
    if m.common_word && !strong_here && !m.locative && m.admin_hints.is_empty() && !m.in_hint {
        return true;
    }
    // a lone given name ("Paul", "Keith") is a person unless a place context says otherwise
    if m.given_name && !strong_here && !m.locative {
        return true;
    }
    if m.kind == PlaceKind::Embedded && !strong && (m.common_word || store.e.pop[i] < 50_000) && !in_focus {
        return true;
    }
    let small = f64::from(store.e.pop[i]) < 20_000.0 && matches!(store.e.feature[i], Feature::Populated | Feature::Other | Feature::Admin3);
    // a small town abroad, named without a place context in an article about elsewhere
    // ("Russian Wagner mercenaries" in a report on Mali): not a place mention
    let elsewhere = focus.countries.values().any(|&w| w >= 0.5) && focus.country(store.e.cc[i]) < 0.1;
    if f64::from(store.e.pop[i]) < 50_000.0
        && elsewhere
        && !m.locative
        && m.admin_hints.is_empty()
        && !m.in_hint
        && m.kind != PlaceKind::Demonym
        && matches!(store.e.feature[i], Feature::Populated | Feature::Other | Feature::Admin2 | Feature::Admin3)
        && store.e.flags[i] & (F_LANDMARK | F_REGION) == 0
    {
        return true;
    }
    if small && !m.locative && !in_focus && m.part_of_run && m.kind == PlaceKind::Literal {
        return true;
    }
    false
}

/// True when entry `e` is a small place (under 50,000 people, no capital, landmark or region)
/// outside the region of interest, in a country none of the text's other places is in, while
/// two or more of them agree on another country.
fn foreign_small(store: &Store, m: &RawMention, e: u32, focus: &Focus) -> bool {
    let i = e as usize;
    m.kind == PlaceKind::Literal
        && m.admin_hints.is_empty()
        && !m.in_hint
        && store.e.pop[i] < 50_000
        && matches!(store.e.feature[i], Feature::Populated | Feature::Other | Feature::Admin2 | Feature::Admin3)
        && store.e.flags[i] & (F_LANDMARK | F_REGION | F_CAPITAL) == 0
        && !focus.roi.contains(&store.e.cc[i])
        && ((focus.others_total(m.start) >= 2.0
            && focus.countries.values().any(|&w| w >= 0.5)
            && focus.country_for(store.e.cc[i], m.start) < 0.05)
            // nothing else in the text anchors it, and the user's region (the GeoNames dumps
            // loaded) is known: a village there the gazetteer spells otherwise
            || (focus.others_total(m.start) == 0.0 && !focus.roi.is_empty() && (m.locative || m.town)))
}

fn precision_of(store: &Store, e: u32) -> LocationPrecision {
    let i = e as usize;
    match store.e.feature[i] {
        Feature::Country => LocationPrecision::Country,
        Feature::Admin1 => LocationPrecision::Admin1,
        Feature::Admin2 | Feature::Admin3 => LocationPrecision::Admin2,
        Feature::Other if store.e.flags[i] & F_REGION != 0 => LocationPrecision::Unknown,
        _ => LocationPrecision::Exact,
    }
}

/// The countries of the GeoNames dumps loaded, when they are a few (country files such as
/// NE.txt, ML.txt: the user's region); none for a world dump such as allCountries. The
/// caller's `region` (the countries the text's armed groups operate in) narrows it when they
/// share some.
fn region_of_interest(store: &Store, region: &[u16]) -> Vec<u16> {
    let base: &[u16] = if store.dump_countries.len() <= 5 { &store.dump_countries } else { &[] };
    let narrowed: Vec<u16> = base.iter().copied().filter(|c| region.contains(c)).collect();
    if narrowed.is_empty() { base.to_vec() } else { narrowed }
}

/// The article's focus from a first reading of its mentions (and the caller's hints).
fn focus_of(store: &Store, firsts: &[(usize, Vec<(u32, f64)>)], ms: &[RawMention], hints: &[u16], roi: &[u16]) -> Focus {
    let mut cc_votes: HashMap<u16, f64> = HashMap::new();
    let mut a1_votes: HashMap<u32, f64> = HashMap::new();
    let mut points = Vec::new();
    let mut a1_own = HashMap::new();
    let mut cc_own = HashMap::new();
    let mut total = 0.0;
    for &h in hints {
        *cc_votes.entry(h).or_default() += 2.0;
        total += 2.0;
    }
    for (k, scored) in firsts {
        let m = &ms[*k];
        let Some(&(e, _)) = scored.first() else { continue };
        let mg = margin(store, scored);
        let i = e as usize;
        let cc = store.e.cc[i];
        let feature = store.e.feature[i];
        if cc == 0 {
            continue;
        }
        let w = match (m.kind, feature) {
            _ if m.border => 0.2,
            (PlaceKind::Demonym, _) => 0.7,
            (_, Feature::Country) => 1.0,
            (_, Feature::Admin1) if mg >= 1.0 => 1.0,
            (_, _) if mg >= 2.0 || scored.len() == 1 => 1.0,
            _ => 0.0,
        };
        if w == 0.0 {
            // an ambiguous name whose close readings all lie in one country ("Orange County")
            // still says which country the text is about
            let bs = scored[0].1;
            let one_country = scored.iter().take_while(|x| bs - x.1 < 2.0).all(|x| store.e.cc[x.0 as usize] == cc);
            if one_country && m.kind == PlaceKind::Literal && !m.common_word && !m.given_name {
                *cc_votes.entry(cc).or_default() += 0.5;
                total += 0.5;
                cc_own.insert(m.start, (cc, 0.5));
            }
            continue;
        }
        *cc_votes.entry(cc).or_default() += w;
        total += w;
        cc_own.insert(m.start, (cc, w));
        let a1w = if feature == Feature::Admin1 {
            w
        } else if feature != Feature::Country && store.e.a1[i] != NONE {
            w * 0.5
        } else {
            0.0
        };
        if a1w > 0.0 {
            *a1_votes.entry(store.e.a1[i]).or_default() += a1w;
            a1_own.insert(m.start, (store.e.a1[i], a1w));
        }
        if matches!(feature, Feature::Populated | Feature::Admin2 | Feature::Admin3 | Feature::Other) && m.kind != PlaceKind::Demonym {
            points.push((store.e.lat_f(e), store.e.lon_f(e), m.start));
        }
    }
    let mut f = Focus { points, roi: roi.to_vec(), ..Focus::default() };
    if total == 0.0 && !roi.is_empty() {
        // nothing anchors the article: the countries of the GeoNames dumps the user loaded
        // (their region of interest) weigh a little
        f.countries = roi.iter().map(|&c| (c, 1.0)).collect();
        return f;
    }
    if total > 0.0 {
        f.countries = cc_votes.into_iter().map(|(k, v)| (k, v / total)).collect();
        f.country_own = cc_own;
        f.country_total = total;
        f.admin1_total = a1_votes.values().sum();
        f.admin1 = a1_votes;
        f.admin1_own = a1_own;
    }
    f
}

/// Resolves every mention.
pub(crate) fn resolve(
    store: &Store,
    mut ms: Vec<RawMention>,
    country_hints: &[u16],
    region: &[u16],
    areas: &[u32],
) -> (Vec<Resolved>, Focus) {
    let roi = region_of_interest(store, region);
    for m in ms.iter_mut() {
        if !m.admin_hints.is_empty() {
            m.hint_towns = hint_towns(store, m);
            m.hint_points = m.hint_towns.iter().map(|&e| (store.e.lat_f(e), store.e.lon_f(e))).collect();
        }
    }
    let cands: Vec<Vec<(u32, u32)>> = ms.iter().map(|m| candidates(store, m)).collect();
    // first reading: the countries of the GeoNames dumps loaded are the only context
    let baseline = Focus { countries: roi.iter().map(|&c| (c, 1.0)).collect(), ..Focus::default() };
    let firsts: Vec<(usize, Vec<(u32, f64)>)> = ms
        .iter()
        .enumerate()
        .filter(|(k, _)| !cands[*k].is_empty())
        .map(|(k, m)| (k, score_all(store, m, &cands[k], Some(&baseline))))
        .collect();
    let mut focus = focus_of(store, &firsts, &ms, country_hints, &roi);
    focus.areas = areas.to_vec();
    let mut out = Vec::with_capacity(ms.len());
    for (k, m) in ms.into_iter().enumerate() {
        if cands[k].is_empty() {
            out.push(resolve_unknown(store, m, &focus));
            continue;
        }
        let scored = score_all(store, &m, &cands[k], Some(&focus));
        let (e, _) = scored[0];
        let i = e as usize;
        let broad = matches!(store.e.feature[i], Feature::Country | Feature::Admin1) || store.e.flags[i] & F_REGION != 0;
        // hints that name areas none of the readings lies in: an unknown place of that name
        // there (a big city beside a comma is rather the first of a list)
        let big = store.e.pop[i] >= 100_000;
        // (a state's abbreviation after the comma is no list: "Manchester, Ill." is a small
        // Manchester there, not the big one elsewhere)
        if !m.admin_hints.is_empty() && (m.paren_hints || m.abbrev_hint || !big) && !broad {
            let areas = hint_areas(store, &m, &[]);
            if !areas.is_empty() && !cands[k].iter().any(|c| in_areas(store, c.0, &areas) || is_area(store, c.0, &areas)) {
                out.push(resolve_unknown(store, m, &focus));
                continue;
            }
            // hints in parentheses naming a town (a department's seat) that every reading lies
            // far from: another place of that name, near the town (unless the department is one
            // of the vast desert ones, its area's point far from its seat)
            let vast = areas.iter().any(|&(a, level)| {
                let ae = store.admins[a as usize].entry;
                level == 2 && ae != NONE && hint_distance(store, store.visible(ae), &m) > 100.0
            });
            if m.paren_hints
                && !m.hint_points.is_empty()
                && store.e.feature[i] == Feature::Populated
                && !vast
                && cands[k].iter().all(|c| hint_distance(store, c.0, &m) > HINT_KM)
            {
                out.push(resolve_unknown(store, m, &focus));
                continue;
            }
        }
        if drop_weak(store, &m, e, &focus) {
            continue;
        }
        // a small place abroad where places stand ("in the village of Sola") in a text about
        // another country: a local place of that name the gazetteer spells otherwise
        if foreign_small(store, &m, e, &focus) {
            out.push(resolve_unknown(store, m, &focus));
            continue;
        }
        let v = cands[k].iter().find(|c| c.0 == e).map_or(0, |c| c.1);
        let how = if v & ALT != 0 { How::Alternate } else { How::Exact };
        // a single word known only as some town's alternate name ("Julia", "Rashid") needs a
        // place context
        if how == How::Alternate
            && !m.raw_name.contains(' ')
            && !m.locative
            && !store.is_strong(e)
            && m.admin_hints.is_empty()
            && !m.in_hint
        {
            continue;
        }
        out.push(Resolved { precision: Some(precision_of(store, e)), raw: m, entry: e, how });
    }
    (out, focus)
}

/// An unknown name: fuzzy readings within the focus countries, else the enclosing area its
/// admin hints name, else nothing.
fn resolve_unknown(store: &Store, m: RawMention, focus: &Focus) -> Resolved {
    let name = m.raw_name.clone();
    // (with the user's region known, a country only the mention's own first reading votes
    // for is no context for it)
    let mut countries: Vec<u16> = focus
        .top_countries(0.2)
        .into_iter()
        .filter(|&c| focus.roi.is_empty() || focus.roi.contains(&c) || focus.country_for(c, m.start) > 0.0)
        .collect();
    let no_context = countries.is_empty() && m.admin_hints.is_empty();
    if no_context {
        // no context at all: the countries of the GeoNames dumps loaded (the user's region)
        countries = focus.roi.clone();
    }
    // countries of admin areas named in the hints
    let mut hint_areas = hint_areas(store, &m, &countries);
    if let Some(top) = hint_areas.iter().map(|x| x.1).max() {
        hint_areas.retain(|x| x.1 == top);
    }
    for &(a, _) in &hint_areas {
        let cc = store.admins[a as usize].cc;
        if !countries.contains(&cc) {
            countries.push(cc);
        }
    }
    // nothing in the text places the name (no hints, no region named): the areas the
    // caller's context names (the text's armed groups' areas) in the countries considered
    let group_areas: Vec<(u32, u8)> = if hint_areas.is_empty() && focus.admin1_total == 0.0 {
        focus.areas.iter().filter(|&&a| countries.contains(&store.admins[a as usize].cc)).map(|&a| (a, 1)).collect()
    } else {
        Vec::new()
    };
    let mut scored: Vec<(u32, f64, f64)> = Vec::new();
    for &cc in &countries {
        let in_group_country = group_areas.iter().any(|&(a, _)| store.admins[a as usize].cc == cc);
        for (e, cost) in crate::fuzzy::candidates(store, cc, &name) {
            if !hint_areas.is_empty() && !may_lie_in(store, e, &hint_areas) {
                continue;
            }
            if in_group_country && !may_lie_in(store, e, &group_areas) {
                continue;
            }
            // a reading far from the town the hints name is another place
            if hint_distance(store, e, &m) > HINT_KM && !m.hint_points.is_empty() {
                continue;
            }
            let s = prior(store, e, 0) + context(store, e, &m, focus) - 2.0 * cost;
            scored.push((e, s, cost));
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| tie_key(store, a.0).cmp(&tie_key(store, b.0))));
    if let Some(&(best, bs, bc)) = scored.first() {
        let rivals: Vec<u32> = scored
            .iter()
            .skip(1)
            .filter(|(e, s, c)| {
                bs - s < 1.5 && *c <= bc + 0.5 && km(store.e.lat_f(best), store.e.lon_f(best), store.e.lat_f(*e), store.e.lon_f(*e)) >= 30.0
            })
            .map(|x| x.0)
            .collect();
        if rivals.is_empty() && supported(store, best, bc, &m, focus) {
            return Resolved { precision: Some(precision_of(store, best)), raw: m, entry: best, how: How::Fuzzy };
        }
        // ambiguous: the area they share (unless the hints say more)
        let mut group = rivals;
        group.push(best);
        if let Some((e, p)) = shared_area(store, &group)
            && hint_areas.is_empty()
            && m.hint_points.is_empty()
            && !no_context
        {
            return Resolved { raw: m, entry: e, how: How::Fallback, precision: Some(p) };
        }
    }
    // a name of several words nothing reads whole ("Niamey Djibaro"): a village that one of
    // its words names, close to the text's other places, is where it lies (near it)
    if hint_areas.is_empty()
        && let Some(e) = part_named_near(store, &m, &countries, focus)
    {
        return Resolved { raw: m, entry: e, how: How::Fallback, precision: Some(LocationPrecision::Near) };
    }
    // no reading: the most specific area the hints name; a town they name (a department's
    // seat) when it lies in that area
    let area = hint_areas.iter().max_by_key(|x| (x.1, std::cmp::Reverse(x.0))).copied();
    if let Some(town) = hint_town(store, &m, area) {
        return Resolved { raw: m, entry: town, how: How::Fallback, precision: Some(LocationPrecision::Admin2) };
    }
    if let Some((a, level)) = area {
        let e = store.admins[a as usize].entry;
        if e != NONE {
            let p = if level >= 2 { LocationPrecision::Admin2 } else { LocationPrecision::Admin1 };
            return Resolved { raw: m, entry: store.visible(e), how: How::Fallback, precision: Some(p) };
        }
    }
    // the one area of the text's armed groups in the country considered
    if let [(a, _)] = group_areas[..] {
        let e = store.admins[a as usize].entry;
        if e != NONE {
            return Resolved { raw: m, entry: store.visible(e), how: How::Fallback, precision: Some(LocationPrecision::Admin1) };
        }
    }
    Resolved { raw: m, entry: NONE, how: How::None, precision: Some(LocationPrecision::Unknown) }
}

/// Within this distance (km) of another place of the text, a village named by one word of an
/// unknown compound name stands for it.
const PART_KM: f64 = 50.0;

/// The one populated place (in `countries`) that a word of the unknown compound name `m`
/// names exactly and that lies within [`PART_KM`] of another place the text anchors.
fn part_named_near(store: &Store, m: &RawMention, countries: &[u16], focus: &Focus) -> Option<u32> {
    let words: Vec<&str> = m.raw_name.split([' ', '-']).filter(|w| w.chars().count() >= 4).collect();
    if m.raw_name.split([' ', '-']).filter(|w| !w.is_empty()).count() < 2 {
        return None;
    }
    let mut found: Vec<u32> = Vec::new();
    for w in words {
        for &(_, v) in store.lookup_key(&name_key(w)) {
            let e = store.visible(v & ENTRY);
            let i = e as usize;
            if v & ALT != 0 || store.e.feature[i] != Feature::Populated || !countries.contains(&store.e.cc[i]) {
                continue;
            }
            let (la, lo) = (store.e.lat_f(e), store.e.lon_f(e));
            if focus.points.iter().filter(|p| p.2 != m.start).any(|p| km(la, lo, p.0, p.1) < PART_KM) && !found.contains(&e) {
                found.push(e);
            }
        }
    }
    if let [e] = found[..] { Some(e) } else { None }
}

/// True when the context backs a fuzzy reading of cost `cost`: an equal variant key needs
/// nothing more; an edit needs the town the hints name within 90 km or another place of the text
/// within 50 km; two edits the town within 60 km; a looser reading the town within 30 km (or
/// the other place within 50 km). (On the ACLED Niger
/// notes, readings without such support are right within 50 km about one time in four.)
fn supported(store: &Store, e: u32, cost: f64, m: &RawMention, focus: &Focus) -> bool {
    if cost <= 0.5 {
        return true;
    }
    let (la, lo) = (store.e.lat_f(e), store.e.lon_f(e));
    let near_other = focus.points.iter().filter(|p| p.2 != m.start).any(|p| km(la, lo, p.0, p.1) < 50.0);
    let hd = hint_distance(store, e, m);
    near_other
        || hd
            < if cost <= 1.5 {
                90.0
            } else if cost <= 2.5 {
                60.0
            } else {
                30.0
            }
}

/// The town a mention's hints name ("X (Ingall, Agadez)": Ingall), inside `area` when given:
/// the first of [`hint_towns`] (most populous first).
fn hint_town(store: &Store, m: &RawMention, area: Option<(u32, u8)>) -> Option<u32> {
    m.hint_towns.iter().copied().find(|&e| area.is_none_or(|a| in_areas(store, e, &[a])))
}

/// True when entry `e` is one of `areas` itself.
fn is_area(store: &Store, e: u32, areas: &[(u32, u8)]) -> bool {
    areas.iter().any(|&(a, _)| store.visible(store.admins[a as usize].entry) == e)
}

/// True when entry `e` lies in one of `areas`.
fn in_areas(store: &Store, e: u32, areas: &[(u32, u8)]) -> bool {
    let i = e as usize;
    areas.iter().any(|&(a, level)| if level == 1 { store.e.a1[i] == a } else { store.e.a2[i] == a })
}

/// True when entry `e` may lie in one of `areas`: inside it, or, for a second-level area and
/// an entry whose row gives no second-level code (most villages of the GeoNames dumps), inside
/// its first-level area.
fn may_lie_in(store: &Store, e: u32, areas: &[(u32, u8)]) -> bool {
    let i = e as usize;
    areas.iter().any(|&(a, level)| {
        if level == 1 {
            store.e.a1[i] == a
        } else if store.e.a2[i] != NONE {
            store.e.a2[i] == a
        } else {
            let ae = store.admins[a as usize].entry;
            ae != NONE && store.e.a1[ae as usize] == store.e.a1[i]
        }
    })
}

/// Admin areas (index, level) whose names the mention's hints give, in the given countries
/// (any country when none).
fn hint_areas(store: &Store, m: &RawMention, countries: &[u16]) -> Vec<(u32, u8)> {
    let mut out = Vec::new();
    let n = m.admin_hints.len();
    for (k, h) in m.admin_hints.iter().enumerate() {
        // "(Abala, Tillaberi)": the last name is the admin1 area when one is so named, the
        // ones before it the smaller areas
        let last = n >= 2 && k == n - 1;
        let names_admin1 =
            last && store.lookup_key(h).iter().any(|&(_, v)| store.e.feature[store.visible(v & ENTRY) as usize] == Feature::Admin1);
        for &(_, v) in store.lookup_key(h) {
            let e = store.visible(v & ENTRY);
            let i = e as usize;
            let (a, level) = match store.e.feature[i] {
                Feature::Admin1 => (store.e.a1[i], 1),
                Feature::Admin2 if !names_admin1 => (store.e.a2[i], 2),
                _ => continue,
            };
            if a == NONE || (!countries.is_empty() && !countries.contains(&store.e.cc[i])) {
                continue;
            }
            if !out.contains(&(a, level)) {
                out.push((a, level));
            }
        }
    }
    // an admin2 hint only counts inside an admin1 hint when both are given
    let a1s: Vec<u32> = out.iter().filter(|x| x.1 == 1).map(|x| x.0).collect();
    if !a1s.is_empty() {
        out.retain(|&(a, level)| {
            level == 1 || {
                let e = store.admins[a as usize].entry;
                e == NONE || a1s.contains(&store.e.a1[e as usize])
            }
        });
    }
    out
}

/// The most specific admin area (as an entry) that every entry of `group` lies in.
fn shared_area(store: &Store, group: &[u32]) -> Option<(u32, LocationPrecision)> {
    let first = group[0] as usize;
    let same = |f: &dyn Fn(usize) -> u32| group.iter().all(|&e| f(e as usize) == f(first)) && f(first) != NONE;
    if same(&|i| store.e.a2[i]) {
        let e = store.admins[store.e.a2[first] as usize].entry;
        if e != NONE {
            return Some((store.visible(e), LocationPrecision::Admin2));
        }
    }
    if same(&|i| store.e.a1[i]) {
        let e = store.admins[store.e.a1[first] as usize].entry;
        if e != NONE {
            return Some((store.visible(e), LocationPrecision::Admin1));
        }
    }
    if group.iter().all(|&e| store.e.cc[e as usize] == store.e.cc[first]) {
        let e = store.country_entry[usize::from(store.e.cc[first])];
        if e != NONE {
            return Some((store.visible(e), LocationPrecision::Country));
        }
    }
    None
}
