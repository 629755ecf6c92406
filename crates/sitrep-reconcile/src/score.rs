//! Whether two mentions tell the same event: a score in evidence points, or a hard conflict.
//!
//! Each signal adds or removes points; two mentions are linked when the score reaches
//! [`LinkConfig::threshold`] (3 by default: for instance the same town and the same day, or
//! the same distinctive toll and a shared tactic). Hard conflicts forbid a link whatever the
//! rest says: two mentions of one article (an article's main and background events are
//! different events), different countries, violent versus non-violent, reliable dates more
//! than a week apart, precise places more than 150 km apart.
//!
//! Places in doubt: when one mention's place is named in the other's sentences, or both name
//! the same person or [`FOLLOW_UP_NAMES`] names, a disagreement of countries or of places over 150 km is taken for the
//! reader's misreading (a surname or a street read as a town elsewhere): no conflict, and
//! neither place nor admin1 points; the rest decides.
//!
//! | signal | points |
//! | --- | --- |
//! | same sub-type / same type / compatible violent types / other | +0.3 / +0.2 / 0 / -1.5 (0 when both are violent) |
//! | dates overlap, both a day / both within a week / wider | +2 / +1.2 / +0.4 |
//! | dates apart by 1-2 days / 3-7 days / more (reliable dates) | -1 / -3 / conflict |
//! | exact places within 3 / 15 / 50 / 150 km; farther | +2.5 / +0.8 / -1 / -2; conflict |
//! | a "near" place within 15 / 50 / 150 km | +1.5 / +0.5 / -1 |
//! | same place name (no coordinates) | +2.5 |
//! | countries differ, one place only a region or a country | -1 |
//! | same admin1 / different admin1 | +0.5 / -1 |
//! | same toll of 5 or more / 2-4 / 1 (exact figures); ranges overlap | +2.5 / +1.2 / +0.6; +0.5 (max +4) |
//! | tolls that cannot both be true | -1 each (max -2) |
//! | shared named actor / shared generic actor | +1 / +0.4 (max +1.5) |
//! | shared tactics, one / two or more | +0.7 / +1.2 |
//! | shared names in the mentions' sentences (not sources, not admin1), 1 / 2 / 3 / 4 / 5 / 6 / 7+ | +0.5 / +1.3 / +2 / +2.6 / +3.2 / +3.8 / +4.4; none of 3+ each: -0.7 |
//! | articles related as copy and original | +3 |
//! | a follow-up dated apart (see [`FOLLOW_UP_MIN`]) | -2, and the total must stay >= 2, and a person named in both (or [`FOLLOW_UP_NAMES`] names) |
//! | semantic similarity (only when the rest is undecided) | (cos - 0.5) x 5, in [-1, +2] |
//!
//! "Reliable" dates are those not resolved from a suspect dateline; a date resolved from a
//! dateline that turns out stale is moved by the dateline's estimated error and widened to a
//! month (see [`stale_evidence`], [`ArticleRecord::anchor_offset`]).

use crate::record::{ArticleRecord, CasualtyClaim, MentionKey, MentionRecord, StaleEvidence};
use chrono::{Duration, NaiveDate};
use sitrep_model::Amount;
use sitrep_model::taxonomy::*;
use sitrep_text::fold;

/// Tunable thresholds of linking.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkConfig {
    /// Score at which two mentions are linked.
    pub threshold: f64,
    /// Least average score over all pairs of two clusters being merged (guards against
    /// chaining two events through one ambiguous mention). 1.5 since 2026-11-21 (was 1: two
    /// riots in one capital a year apart, undated, chained through two mentions; GVA unchanged).
    pub average_min: f64,
    /// Below the threshold by at most this much, a pair is "undecided" and semantic
    /// similarity is consulted (when a model is available). 1 measured best of 0.5 / 1 / 2
    /// on GVA and ECB+ (EVALUATION.md).
    pub semantic_band: f64,
    /// Rounds of fetching neighbouring events from the store: 1 fetches the events the batch
    /// may join; each further round also the events those may join (chains).
    pub max_rounds: usize,
    /// At most this many events are read per key from a store (the latest first); a key held
    /// by more mentions in one pool proposes no pairs.
    pub max_key_postings: usize,
    /// At most this many events, the latest, are read per key looked up "whatever the time"
    /// (an undated mention in an undated article has no date to narrow its search).
    pub recent_limit: usize,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig { threshold: 3.0, average_min: 1.5, semantic_band: 1.0, max_rounds: 1, max_key_postings: 200, recent_limit: 6 }
    }
}

/// Coarse party classes for comparing tolls across sources (one source's "militants" is
/// another's "rebels").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// State forces.
    State,
    /// External forces.
    External,
    /// Rebels, political and identity militias.
    Armed,
    /// Civilians.
    Civilian,
    /// Protesters.
    Protester,
    /// Rioters.
    Rioter,
    /// Unknown.
    Unknown,
}

impl Class {
    /// The class of a party.
    pub const fn of(kind: ActorKind) -> Class {
        match kind {
            ActorKind::StateForces => Class::State,
            ActorKind::ExternalForces => Class::External,
            ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia => Class::Armed,
            ActorKind::Civilians => Class::Civilian,
            ActorKind::Protesters => Class::Protester,
            ActorKind::Rioters => Class::Rioter,
            ActorKind::Unknown => Class::Unknown,
        }
    }
    /// A short name for keys.
    pub const fn as_str(self) -> &'static str {
        match self {
            Class::State => "state",
            Class::External => "external",
            Class::Armed => "armed",
            Class::Civilian => "civilian",
            Class::Protester => "protester",
            Class::Rioter => "rioter",
            Class::Unknown => "unknown",
        }
    }
}

/// Adds two amounts (an open end stays open).
pub fn add(a: Amount, b: Amount) -> Amount {
    Amount {
        low: a.low + b.low,
        best: a.best + b.best,
        high: match (a.high, b.high) {
            (Some(x), Some(y)) => Some(x + y),
            _ => None,
        },
        vague: a.vague || b.vague,
        stated: a.stated + b.stated,
    }
}

/// True for an exact figure (not vague, closed, one value).
pub fn exact(a: &Amount) -> bool {
    !a.vague && a.high == Some(a.low) && a.low == a.best
}

/// Of several figures one source gives for the same party, outcome and cause, the one that
/// counts: exact before ranges, then the largest.
pub fn pick<'a>(claims: impl Iterator<Item = &'a CasualtyClaim>) -> Option<&'a CasualtyClaim> {
    claims.filter(|c| !c.superseded).max_by(|a, b| {
        exact(&a.amount).cmp(&exact(&b.amount)).then(a.amount.best.cmp(&b.amount.best)).then(b.quote.start.cmp(&a.quote.start))
    })
}

/// A mention's toll for one class and outcome, all causes together.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Class.
    pub class: Class,
    /// Outcome.
    pub outcome: Outcome,
    /// Total over causes.
    pub total: Amount,
}

/// A mention's tolls per class and outcome: per party and cause the figure that counts
/// ([`pick`]), summed over parties of the class and over causes.
pub fn groups(rec: &MentionRecord) -> Vec<Group> {
    let mut keys: Vec<(Class, Outcome, ActorKind, Cause)> =
        rec.casualties.iter().filter(|c| !c.superseded).map(|c| (Class::of(c.party), c.outcome, c.party, c.cause)).collect();
    keys.sort();
    keys.dedup();
    let mut out: Vec<Group> = Vec::new();
    for (class, outcome, party, cause) in keys {
        let Some(c) = pick(rec.casualties.iter().filter(|c| c.party == party && c.outcome == outcome && c.cause == cause)) else {
            continue;
        };
        match out.iter_mut().find(|g| g.class == class && g.outcome == outcome) {
            Some(g) => g.total = add(g.total, c.amount),
            None => out.push(Group { class, outcome, total: c.amount }),
        }
    }
    out
}

/// What scoring needs of one mention, computed once per pool.
#[derive(Clone, Debug)]
pub struct View<'a> {
    /// The record.
    pub rec: &'a MentionRecord,
    /// Its article.
    pub art: &'a ArticleRecord,
    /// The date used for linking (none when unknown or resolved from a suspect dateline).
    pub date: Option<(NaiveDate, NaiveDate)>,
    /// The date as written, suspect or not.
    pub raw_date: Option<(NaiveDate, NaiveDate)>,
    /// Tolls.
    pub groups: Vec<Group>,
    /// Country code, upper case.
    pub country: Option<String>,
    /// Admin1, folded.
    pub admin1: Option<String>,
    /// Coordinates.
    pub coords: Option<(f64, f64)>,
    /// Exact or near.
    pub precise: bool,
    /// Place name, folded (exact or near precision only).
    pub place: Option<String>,
    /// Actor names, folded, with whether each is specific (not "unidentified ...", not a
    /// country's generic forces or civilians).
    pub actors: Vec<(String, bool)>,
    /// Tactics, folded.
    pub tactics: Vec<String>,
    /// Population of the place, when known.
    pub population: Option<u64>,
    /// Folded words of the place's name and admin areas: names the place score already
    /// counts.
    pub place_words: Vec<String>,
}

fn generic_actor(folded: &str) -> bool {
    folded.contains("unidentified")
        || folded.starts_with("civilians")
        || folded.starts_with("military forces")
        || folded.starts_with("police forces")
        || folded.starts_with("government")
        || folded.starts_with("protesters")
        || folded.starts_with("rioters")
        || folded.starts_with("unknown")
}

impl<'a> View<'a> {
    /// The view of a mention given its article (whose `stale` decides whether a date resolved
    /// from the dateline is used).
    pub fn new(rec: &'a MentionRecord, art: &'a ArticleRecord) -> Self {
        let raw_date = rec.date.interval();
        // A date resolved from a suspect dateline is moved by the dateline's estimated error and
        // widened to a month (as reconciliation dates it): unknown to the day, but not free to
        // join any event of any time.
        let date = if rec.date.from_publication && art.date_suspect() {
            art.anchor_offset().zip(raw_date).map(|(off, (a, b))| (a + Duration::days(off - 15), b + Duration::days(off + 15)))
        } else {
            raw_date
        };
        let p = &rec.location.place;
        let precise = matches!(p.precision, Some(LocationPrecision::Exact) | Some(LocationPrecision::Near));
        let mut actors: Vec<(String, bool)> = rec
            .actors
            .iter()
            .map(|a| {
                let f = fold(&a.name);
                let specific = !generic_actor(&f);
                (f, specific)
            })
            .collect();
        actors.sort();
        actors.dedup();
        let mut tactics: Vec<String> = rec.tactics.iter().map(|t| fold(&t.name)).collect();
        tactics.sort();
        tactics.dedup();
        View {
            rec,
            art,
            date,
            raw_date,
            groups: groups(rec),
            country: p.country_code.as_ref().filter(|c| !c.trim().is_empty()).map(|c| c.to_ascii_uppercase()),
            admin1: p.admin1.as_ref().map(|a| admin_key(a)),
            coords: p.lat.zip(p.lon),
            precise,
            place: if precise { p.name.as_ref().map(|n| fold(n)) } else { None },
            actors,
            tactics,
            population: rec.population,
            place_words: {
                let mut w: Vec<String> = [p.name.as_deref(), p.admin1.as_deref(), p.admin2.as_deref()]
                    .into_iter()
                    .flatten()
                    .flat_map(|n| {
                        fold(n).split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 3).map(str::to_string).collect::<Vec<_>>()
                    })
                    .collect();
                w.sort();
                w.dedup();
                w
            },
        }
    }

    /// True for a place known to a town or a district (exact, near, admin2).
    pub fn town_level(&self) -> bool {
        matches!(
            self.rec.location.place.precision,
            Some(LocationPrecision::Exact) | Some(LocationPrecision::Near) | Some(LocationPrecision::Admin2)
        )
    }

    /// True for the violent event types, and for a mention of people killed or wounded by
    /// violence whatever its type (a shooting at a rally is violent, however the rally is
    /// typed).
    pub fn violent(&self) -> bool {
        self.rec.event_type.is_violent()
            || self.rec.casualties.iter().any(|c| {
                c.cause == Cause::Violence && matches!(c.outcome, Outcome::Killed | Outcome::Wounded) && c.amount.best > 0 && !c.superseded
            })
    }
}

/// An admin area's name for comparison: folded, without its kind word ("Tillabéri Region" ->
/// "tillaberi").
pub fn admin_key(s: &str) -> String {
    let f = fold(s);
    let kept: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "region" | "province" | "department" | "departement" | "prefecture" | "state" | "district" | "commune" | "county"
                )
        })
        .collect();
    kept.join("")
}

/// Great-circle distance in km.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let (dp, dl) = (p2 - p1, (b.1 - a.1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Days between two intervals (0 when they overlap).
pub fn gap_days(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> i64 {
    if a.1 < b.0 {
        (b.0 - a.1).num_days()
    } else if b.1 < a.0 {
        (a.0 - b.1).num_days()
    } else {
        0
    }
}

fn width(a: (NaiveDate, NaiveDate)) -> i64 {
    (a.1 - a.0).num_days()
}

fn types_score(a: &MentionRecord, b: &MentionRecord) -> f64 {
    use EventType::*;
    if a.sub_event_type == b.sub_event_type {
        0.3
    } else if a.event_type == b.event_type {
        0.2
    } else {
        match (a.event_type, b.event_type) {
            (Battles, ExplosionsRemoteViolence)
            | (ExplosionsRemoteViolence, Battles)
            | (Battles, ViolenceAgainstCivilians)
            | (ViolenceAgainstCivilians, Battles)
            | (ExplosionsRemoteViolence, ViolenceAgainstCivilians)
            | (ViolenceAgainstCivilians, ExplosionsRemoteViolence)
            | (Protests, Riots)
            | (Riots, Protests) => 0.0,
            _ => -1.5,
        }
    }
}

/// Points for tolls: agreement on exact figures, overlap of ranges, contradictions.
fn tolls_score(a: &View<'_>, b: &View<'_>) -> f64 {
    let (mut plus, mut minus) = (0.0f64, 0.0f64);
    for ga in &a.groups {
        for gb in b.groups.iter().filter(|g| g.class == ga.class && g.outcome == ga.outcome) {
            let (x, y) = (&ga.total, &gb.total);
            if x.overlaps(y) {
                let same_stated = !x.vague && !y.vague && x.stated == y.stated;
                if same_stated && (exact(x) || exact(y)) {
                    plus += match x.stated {
                        5.. => 2.5,
                        2..=4 => 1.2,
                        _ => 0.6,
                    };
                } else {
                    plus += 0.5;
                }
            } else {
                minus += 1.0;
            }
        }
    }
    plus.min(4.0) - minus.min(2.0)
}

fn shared_sorted(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Names both mentions' sentences hold, other than the words of their places and admin areas
/// (the place score counts those) and of the people both name (counted apart).
fn shared_names(a: &View<'_>, b: &View<'_>) -> usize {
    let in_people = |n: &str| a.rec.people.iter().filter(|p| b.rec.people.contains(p)).any(|p| p.split(' ').any(|w| w == n));
    let skip = |n: &str| {
        a.admin1.as_deref() == Some(n)
            || b.admin1.as_deref() == Some(n)
            || a.place_words.iter().chain(&b.place_words).any(|w| w == n)
            || in_people(n)
    };
    let (x, y) = (&a.rec.names, &b.rec.names);
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !skip(x[i].as_str()) {
                    n += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The score of a pair, without semantic similarity; `None` for a hard conflict. `related`:
/// the two articles are copy and original.
pub fn score(a: &View<'_>, b: &View<'_>, related: bool) -> Option<f64> {
    score_with(a, b, related, true)
}

/// [`score`], optionally leaving dates out.
pub fn score_with(a: &View<'_>, b: &View<'_>, related: bool, use_dates: bool) -> Option<f64> {
    score_parts(a, b, related, use_dates, false, false, &mut |_, _| {})
}

/// [`score`] of two mentions already in the two clusters being merged (not the pair that
/// proposes the merge): a follow-up dated apart whose other agreement falls short of
/// [`FOLLOW_UP_MIN`] but reaches [`FOLLOW_UP_MEMBER_MIN`] counts with its points rather than as
/// a conflict. It cannot link alone, but it does not forbid what stronger pairs decide (an
/// arrest story linked to the shooting by names, and a second report of the shooting that
/// names nobody).
pub fn score_member(a: &View<'_>, b: &View<'_>, related: bool) -> Option<f64> {
    score_parts(a, b, related, true, false, true, &mut |_, _| {})
}

/// The score of two mentions of one article as if they came from two (the reader told them
/// apart as the article's main and background events; strong agreement says it split one
/// event in two): for deciding whether clusters holding both may merge.
pub fn score_one_article(a: &View<'_>, b: &View<'_>) -> Option<f64> {
    score_parts(a, b, false, true, true, false, &mut |_, _| {})
}

/// Named points of a pair's signals, in the order counted.
pub type Terms = Vec<(&'static str, f64)>;

/// Why a pair scores what it does: each signal's points, or the hard conflict (`Err`, with
/// the points counted before it).
pub fn explain(a: &View<'_>, b: &View<'_>, related: bool) -> Result<Terms, (&'static str, Terms)> {
    let mut parts = Vec::new();
    let mut conflict = "conflict";
    let r = score_parts(a, b, related, true, false, false, &mut |what, pts| {
        if pts.is_nan() {
            conflict = what;
        } else {
            parts.push((what, pts));
        }
    });
    match r {
        Some(_) => Ok(parts),
        None => Err((conflict, parts)),
    }
}

/// The scoring itself: `note(signal, points)` hears each signal's points (NaN points: the
/// hard conflict that ended it).
fn score_parts(
    a: &View<'_>,
    b: &View<'_>,
    related: bool,
    use_dates: bool,
    same_article_ok: bool,
    soft_follow_up: bool,
    note: &mut impl FnMut(&'static str, f64),
) -> Option<f64> {
    let mut t = Tally { s: 0.0, note };
    if a.rec.key.article_id == b.rec.key.article_id && !same_article_ok {
        return t.conflict("same article");
    }
    // Violent and non-violent mentions are two events, unless their sentences share much
    // (several names, or a person): then the reader's typing is in doubt, at a cost.
    let violence_differs = a.violent() != b.violent();
    if violence_differs && !lexically_close(a, b) {
        return t.conflict("violent vs not");
    }
    // A place the other report's sentences name, or a person (or four names) both name, makes a disagreement
    // of places the reader's (a surname or a street read as a town elsewhere): the places
    // then neither conflict nor count. Countries read from a region or the country alone
    // (a navy's flag, a region of the same name abroad) cost points rather than conflict.
    // Computed only when places disagree (most pairs never ask).
    let doubt = std::cell::OnceCell::new();
    let doubtful = || *doubt.get_or_init(|| place_doubtful(a, b));
    let countries_differ = a.country.is_some() && b.country.is_some() && a.country != b.country;
    if countries_differ && !doubtful() {
        if a.town_level() && b.town_level() {
            return t.conflict("countries differ");
        }
        t.add("countries differ (region or country only)", -COARSE_COUNTRIES_DIFFER);
    }
    if violence_differs {
        t.add("violent vs not, sentences close", -VIOLENCE_DIFFERS);
    }
    t.add(
        "type",
        if a.violent() && b.violent() { types_score(a.rec, b.rec).max(-VIOLENT_TYPES_DIFFER) } else { types_score(a.rec, b.rec) },
    );

    // Dates. Reliable dates more than a week apart are two events, except when the later one
    // was resolved from its article's publication ("on Thursday") in an article published
    // after the earlier date: a follow-up (an arrest, a trial) whose own news the reader may
    // have dated. Such a pair needs strong agreement on everything else.
    let mut follow_up = false;
    if use_dates && let (Some(x), Some(y)) = (a.date, b.date) {
        let gap = gap_days(x, y);
        if gap == 0 {
            let w = width(x).max(width(y));
            t.add(
                "dates overlap",
                if w == 0 {
                    2.0
                } else if w <= 7 {
                    1.2
                } else {
                    0.4
                },
            );
        } else if gap == 1 && width(x).max(width(y)) == 0 {
            // Overnight: "late Saturday" in one report is "early Sunday" in another.
            t.add("days a day apart", 0.0);
        } else if gap <= 2 {
            t.add("dates 1-2 days apart", -1.0);
        } else if gap <= 7 {
            t.add("dates 3-7 days apart", -3.0);
        } else {
            let (late, early) = if x.0 > y.0 { (a, y) } else { (b, x) };
            if !may_follow_up(late, early) {
                return t.conflict("dates over a week apart");
            }
            follow_up = true;
            t.add("follow-up dated apart", -FOLLOW_UP_PENALTY);
        }
    }

    // An article does not report what happened after it was published.
    for (x, y) in [(a, b), (b, a)] {
        if use_dates && after_publication(x, y) {
            match y.date {
                Some(d) if may_follow_up(x, d) => {}
                None if x.rec.date.from_publication => {}
                _ => return t.conflict("event after the other's publication"),
            }
            if !follow_up {
                follow_up = true;
                t.add("follow-up dated after the other's publication", -FOLLOW_UP_PENALTY);
            }
        }
    }

    // Places. Two different named places a few tens of km apart are different places; "near"
    // is looser.
    let mut placed = false;
    if countries_differ {
        placed = true;
        t.add("places doubtful", 0.0);
    } else if let (Some(x), Some(y)) = (a.coords, b.coords)
        && a.precise
        && b.precise
    {
        // Distance between the places' edges: a city of millions spreads over tens of km.
        let d = (km(x, y) - extent_km(a.population) - extent_km(b.population)).max(0.0);
        placed = true;
        let near = a.rec.location.place.precision == Some(LocationPrecision::Near)
            || b.rec.location.place.precision == Some(LocationPrecision::Near);
        let pts = match (near, d) {
            (_, d) if d <= 3.0 => 2.5,
            (false, d) if d <= 15.0 => 0.8,
            (false, d) if d <= 50.0 => -1.0,
            (false, d) if d <= 150.0 => -2.0,
            (true, d) if d <= 15.0 => 1.5,
            (true, d) if d <= 50.0 => 0.5,
            (true, d) if d <= 150.0 => -1.0,
            _ if doubtful() => 0.0,
            _ => return t.conflict("places over 150 km apart"),
        };
        t.add("place distance", specific(pts, a.population.max(b.population)));
    } else if let (Some(x), Some(y)) = (&a.place, &b.place)
        && x == y
    {
        placed = true;
        t.add("same place name", specific(2.5, a.population.max(b.population)));
    }
    if let (Some(x), Some(y)) = (&a.admin1, &b.admin1)
        && !countries_differ
    {
        if x != y {
            if !doubtful() {
                t.add("admin1 differs", -ADMIN1_DIFFERS);
            }
        } else if !placed {
            t.add("same admin1", 0.5);
        }
    }

    t.add("tolls", tolls_score(a, b));

    // Actors.
    let mut actor_pts: f64 = 0.0;
    for (name, specific) in &a.actors {
        if b.actors.iter().any(|(n, _)| n == name) {
            actor_pts += if *specific { 1.0 } else { 0.2 };
        }
    }
    t.add("actors", actor_pts.min(1.5));

    // Tactics.
    t.add(
        "tactics",
        match shared_sorted(&a.tactics, &b.tactics) {
            0 => 0.0,
            1 => 0.7,
            _ => 1.2,
        },
    );

    // People named in both: the victims, the suspects (each full name is strong evidence).
    let people = shared_sorted(&a.rec.people, &b.rec.people);
    t.add("people", (1.5 * people as f64).min(3.0));

    // Names in the sentences (not the admin areas, counted above): one shared name is weak
    // (a capital or a big city is in every story of a country), several are strong.
    let shared = shared_names(a, b);
    t.add(
        "names",
        match shared {
            0 if a.rec.names.len() >= 3 && b.rec.names.len() >= 3 => -0.7,
            0 => 0.0,
            1 => 0.5,
            2 => 1.3,
            3 => 2.0,
            4 => 2.6,
            5 => 3.2,
            6 => 3.8,
            _ => 4.4,
        },
    );

    if related {
        t.add("copy and original", 3.0);
    }
    // A follow-up (an arrest, a trial, a funeral) names the people of the event it follows;
    // without a person named in both (or, when the reader found no full name, several names
    // in both: the surnames, the venue, the street), two reports dated apart that agree on a
    // place and a common toll are two events of the same city.
    if follow_up && people == 0 && shared < FOLLOW_UP_NAMES && !soft_follow_up {
        return t.conflict("dated apart, and no person named in both");
    }
    if follow_up && t.s < FOLLOW_UP_MIN && !(soft_follow_up && t.s >= FOLLOW_UP_MEMBER_MIN) {
        return t.conflict("dated apart, and the rest not strong enough for a follow-up");
    }
    Some(t.s)
}

/// Names (not the place's words) that two reports dated apart share in place of a person named
/// in both for one to be a follow-up of the other: the victims' and suspects' surnames, the
/// venue, the street, when the reader found no full name. As many shared names also put two
/// reports' places in doubt, as a shared person does.
pub const FOLLOW_UP_NAMES: usize = 4;

/// Most points off two violent mentions typed differently: none, the reader's typing of one
/// shooting varies from report to report (an attack, an armed clash, mob violence). 0.5 before
/// 2026-11-21; 0 measured better on GVA (EVALUATION.md).
pub const VIOLENT_TYPES_DIFFER: f64 = 0.0;

/// Points off two mentions placed in different countries when one place is only a region or
/// a country.
/// A country read from a region or the country alone is weak (a navy's flag, the victims'
/// nationality, a ship at sea placed by each report in another country): 2.5 before
/// 2026-11-21; 0.5, 1 and 1.5 all measured better on ECB+, GVA unchanged.
pub const COARSE_COUNTRIES_DIFFER: f64 = 1.0;
/// Points off two mentions placed in different first-level divisions of one country (not in
/// doubt): a town of the same name in another state, a state read from a surname, are common
/// misreadings, so it costs without forbidding. 2 before 2026-11-21.
pub const ADMIN1_DIFFERS: f64 = 1.0;
/// Points off a violent and a non-violent mention whose sentences are close.
pub const VIOLENCE_DIFFERS: f64 = 2.0;

/// True when two mentions' sentences share a person, or three names or more.
fn lexically_close(a: &View<'_>, b: &View<'_>) -> bool {
    shared_sorted(&a.rec.people, &b.rec.people) > 0 || shared_names(a, b) >= 3
}

/// True when the two mentions' places may disagree through a misreading: a person named in
/// both, or one's place named in the other's sentences.
fn place_doubtful(a: &View<'_>, b: &View<'_>) -> bool {
    let named_in = |x: &View<'_>, y: &View<'_>| {
        x.place.as_deref().is_some_and(|p| {
            // Asked of most pairs scored: no allocation.
            let mut ws = p.split(' ').filter(|w| w.len() >= 3 && !crate::record::is_area_or_designator(w)).peekable();
            ws.peek().is_some() && ws.all(|w| y.rec.names.binary_search_by(|n| n.as_str().cmp(w)).is_ok())
        })
    };
    named_in(a, b) || named_in(b, a) || shared_sorted(&a.rec.people, &b.rec.people) > 0 || shared_names(a, b) >= FOLLOW_UP_NAMES
}

/// Points off a pair whose dates disagree as a follow-up's may (`may_follow_up`).
pub const FOLLOW_UP_PENALTY: f64 = 2.0;
/// Least score of such a pair inside two clusters being merged ([`score_member`]).
pub const FOLLOW_UP_MEMBER_MIN: f64 = 1.0;
/// Least score (after the penalty) of such a pair: a follow-up (an arrest, a court hearing, a
/// funeral) dated on its own day needs the place and names or people to agree, not more than
/// two reports of the same day. 3 before 2026-11-21.
pub const FOLLOW_UP_MIN: f64 = 2.0;

/// True when `late`'s date may be a later development's rather than the event's: resolved
/// from its article's publication, in an article published on or after the `early` date.
fn may_follow_up(late: &View<'_>, early: (NaiveDate, NaiveDate)) -> bool {
    late.rec.date.from_publication && late.art.published.is_some_and(|p| early.0 <= p)
}

/// Rough radius of a populated place from its population (2 km for a town of 10,000, 17 km
/// for a city of 2.7 million); 0 when unknown.
pub fn extent_km(population: Option<u64>) -> f64 {
    population.map_or(0.0, |p| 1.0 + (p as f64).sqrt() / 100.0)
}

/// Points for sharing a place, scaled down for a large one: a city of millions hosts many
/// events a week, a village few. Up to 20,000 people (or unknown), the full points; 0.5 fewer
/// per tenfold more people, never below a third.
fn specific(pts: f64, population: Option<u64>) -> f64 {
    if pts <= 0.0 {
        return pts;
    }
    let pop = population.unwrap_or(0) as f64;
    if pop <= 20_000.0 {
        return pts;
    }
    (pts - 0.5 * (pop / 20_000.0).log10()).max(pts / 3.0)
}

/// True when `a`'s event surely happened after `b`'s article was published (a day of slack
/// for time zones): then `b` cannot report it.
fn after_publication(a: &View<'_>, b: &View<'_>) -> bool {
    match (a.date, b.art.published.filter(|_| !b.art.date_suspect())) {
        (Some((start, _)), Some(p)) => start > p + chrono::Duration::days(1),
        _ => false,
    }
}

/// Points so far, told to a listener.
struct Tally<'n, F: FnMut(&'static str, f64)> {
    s: f64,
    note: &'n mut F,
}

impl<F: FnMut(&'static str, f64)> Tally<'_, F> {
    fn add(&mut self, what: &'static str, pts: f64) {
        if pts != 0.0 {
            self.s += pts;
            (self.note)(what, pts);
        }
    }
    fn conflict(&mut self, what: &'static str) -> Option<f64> {
        (self.note)(what, f64::NAN);
        None
    }
}

/// Points from the cosine of two sentence embeddings.
pub fn semantic_points(cos: f32) -> f64 {
    ((f64::from(cos) - 0.5) * 5.0).clamp(-1.0, 2.0)
}

/// Score without dates at which a toll match alone makes two mentions one event whatever
/// their dates say ("strong" stale evidence).
pub const DATES_ASIDE_STRONG: f64 = 4.0;
/// Score without dates for "moderate" stale evidence: it counts only when another mention of
/// the same page points to the same offset.
pub const DATES_ASIDE_MODERATE: f64 = 3.0;

/// How strongly two mentions agree, dates aside, to be one event even if their dates
/// disagree: 0 (not enough), 1 (moderate) or 2 (strong). Both violent, the same distinctive
/// toll (5 or more, stated alike, neither vague), and a score without dates of at least
/// [`DATES_ASIDE_MODERATE`] or [`DATES_ASIDE_STRONG`] (the toll needs more agreement: a tactic,
/// the place, names, actors; and nothing contradicting).
pub fn dates_aside_strength(a: &View<'_>, b: &View<'_>) -> u8 {
    if !a.violent() || !b.violent() || a.country.is_none() {
        return 0;
    }
    let toll = a.groups.iter().any(|ga| {
        b.groups.iter().any(|gb| {
            ga.class == gb.class
                && ga.outcome == gb.outcome
                && ga.total.stated >= 5
                && ga.total.stated == gb.total.stated
                && !ga.total.vague
                && !gb.total.vague
        })
    });
    if !toll {
        return 0;
    }
    match score_with(a, b, false, false) {
        Some(s) if s >= DATES_ASIDE_STRONG && corroborated(a, b) => 2,
        Some(s) if s >= DATES_ASIDE_MODERATE => 1,
        _ => 0,
    }
}

/// True when two mentions share something more specific than a toll and a place: a person, a
/// tactic, a specific actor, or two names of their sentences. A toll of five wounded in a city
/// of millions recurs every few weeks: alone it is no evidence that a page's dateline is wrong.
fn corroborated(a: &View<'_>, b: &View<'_>) -> bool {
    shared_sorted(&a.rec.people, &b.rec.people) > 0
        || shared_sorted(&a.tactics, &b.tactics) > 0
        || a.actors.iter().any(|(n, specific)| *specific && b.actors.iter().any(|(m, _)| m == n))
        || shared_names(a, b) >= 2
}

/// Days from the middle of one interval to the middle of the other.
fn mid_offset(from: (NaiveDate, NaiveDate), to: (NaiveDate, NaiveDate)) -> i64 {
    let m = |x: (NaiveDate, NaiveDate)| x.0.num_days_from_ce() as i64 * 2 + width(x);
    (m(to) - m(from)) / 2
}

use chrono::Datelike;

/// Least disagreement (days between the intervals) that makes a dateline suspect.
pub const STALE_GAP_DAYS: i64 = 20;

/// When `a` and `b` are one event by everything but the date ([`dates_aside_strength`] at
/// least moderate), and their dates are more than [`STALE_GAP_DAYS`] apart, whose dateline is
/// wrong: the side whose date was resolved from
/// its dateline while the other's was not; when both were, the side with the later date (a
/// stale re-publication carries a dateline later than the truth, never earlier). `None` when
/// neither side can be blamed (both dates written out in full: a coincidence, not a stale
/// page).
pub fn stale_evidence(a: &View<'_>, b: &View<'_>) -> Option<(String, StaleEvidence)> {
    let (x, y) = (a.raw_date?, b.raw_date?);
    if gap_days(x, y) <= STALE_GAP_DAYS {
        return None;
    }
    let strength = dates_aside_strength(a, b);
    if strength == 0 {
        return None;
    }
    let blame_a = match (a.rec.date.from_publication, b.rec.date.from_publication) {
        (true, false) => true,
        (false, true) => false,
        (true, true) => x.1 > y.1 || (x.1 == y.1 && x.0 > y.0),
        (false, false) => return None,
    };
    let (bad, good, bad_d, good_d) = if blame_a { (a, b, x, y) } else { (b, a, y, x) };
    bad.art.published?;
    Some((
        bad.art.id.clone(),
        StaleEvidence {
            mention: bad.rec.key.clone(),
            other: MentionKey { article_id: good.rec.key.article_id.clone(), index: good.rec.key.index },
            offset_days: mid_offset(bad_d, good_d),
            strength,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_keys_drop_kind_words() {
        assert_eq!(admin_key("Tillabéri Region"), "tillaberi");
        assert_eq!(admin_key("Tillaberi"), "tillaberi");
        assert_eq!(admin_key("Cook County"), "cook");
    }

    #[test]
    fn distances_and_gaps() {
        let d = km((13.51, 2.11), (14.63, 0.97));
        assert!((170.0..185.0).contains(&d), "{d}");
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
        assert_eq!(gap_days((day(1, 1), day(1, 3)), (day(1, 5), day(1, 5))), 2);
        assert_eq!(gap_days((day(1, 1), day(1, 31)), (day(1, 5), day(1, 5))), 0);
        assert_eq!(mid_offset((day(1, 1), day(1, 1)), (day(1, 11), day(1, 11))), 10);
    }

    #[test]
    fn state_forces_are_generic_with_or_without_their_country() {
        assert!(generic_actor("police forces"));
        assert!(generic_actor("police forces of greece"));
        assert!(generic_actor("military forces"));
        assert!(generic_actor("government"));
        assert!(generic_actor("government of greece"));
        assert!(!generic_actor("islamic state sahel province"));
    }

    use crate::record::{ArticleRecord, MentionRecord};
    use crate::testkit::*;
    use sitrep_model::article::Article;
    use sitrep_model::mention::EventMention;

    const HARBOUR: (f64, f64) = (44.10, -70.20);

    /// One article and its records: `(text, published, mention)`.
    fn records(id: &str, text: &str, published: NaiveDate, m: EventMention) -> (ArticleRecord, MentionRecord) {
        let a: Article = article(id, None, Some(published), text);
        let ms = vec![m];
        (ArticleRecord::new(&a, &ms), MentionRecord::new(&a, &ms, 0))
    }

    fn points(x: &(ArticleRecord, MentionRecord), y: &(ArticleRecord, MentionRecord)) -> Result<Terms, (&'static str, Terms)> {
        explain(&View::new(&x.1, &x.0), &View::new(&y.1, &y.0), false)
    }

    fn term(t: &Terms, name: &str) -> f64 {
        t.iter().filter(|p| p.0 == name).map(|p| p.1).sum()
    }

    const FIRST: &str = "One man was killed and two were hurt when shots were fired outside the Bluebird diner in Harbourton on Sunday.";
    fn first() -> (ArticleRecord, MentionRecord) {
        let m = M::new(FIRST, SourceRole::Primary, SubEventType::Attack, "shots were fired")
            .date("on Sunday", day(2025, 5, 4), day(2025, 5, 4), DatePrecision::Day, true)
            .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
            .toll("One man was killed", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        records("first", FIRST, day(2025, 5, 5), m)
    }

    #[test]
    fn a_follow_up_dated_on_its_own_day_links_on_place_and_people() {
        const ARREST: &str = "Police in Harbourton on Tuesday arrested Corin Vale, 31, in the killing of Ty Aldous at a diner. \
Detectives said Corin Vale knew Ty Aldous.";
        const REPORT: &str = "Ty Aldous, 24, was shot dead outside a diner in Harbourton on Sunday. \
Neighbours said Ty Aldous worked nights. Police are looking for Corin Vale, 31.";
        let shooting = M::new(REPORT, SourceRole::Primary, SubEventType::Attack, "was shot dead")
            .sentence("Neighbours said")
            .sentence("Police are looking")
            .date("on Sunday", day(2025, 5, 4), day(2025, 5, 4), DatePrecision::Day, true)
            .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
            .toll("was shot dead", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        let arrest = |text: &'static str| {
            M::new(text, SourceRole::Primary, SubEventType::Attack, "the killing")
                .date("on Tuesday", day(2025, 5, 27), day(2025, 5, 27), DatePrecision::Day, true)
                .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
        };
        let a = records("report", REPORT, day(2025, 5, 5), shooting);
        let b = records("arrest", ARREST, day(2025, 5, 28), arrest(ARREST).sentence("Detectives said").done());
        let t = points(&a, &b).expect("a follow-up naming the victim and the suspect links");
        assert!(t.iter().map(|p| p.1).sum::<f64>() >= FOLLOW_UP_MIN, "{t:?}");
        assert_eq!(term(&t, "follow-up dated apart"), -FOLLOW_UP_PENALTY);
        // The same town three weeks later, and nothing else in common: another event.
        const OTHER: &str = "Police in Harbourton on Tuesday arrested a man in the killing of a cook at a diner.";
        let c = records("other", OTHER, day(2025, 5, 28), arrest(OTHER).done());
        assert!(points(&a, &c).is_err(), "{:?}", points(&a, &c));
    }

    #[test]
    fn a_follow_up_naming_no_full_name_links_on_many_shared_names() {
        // The charge three weeks later names no person the first report names in full, but
        // the venue, the street, the car and where it went: one event and its follow-up.
        const REPORT: &str = "A man was shot dead outside the Kestrel Lounge on Brannock Row in Harbourton on Sunday. \
Witnesses said a gold Corvaine sedan sped off toward Millrace.";
        const CHARGE: &str = "Detectives in Harbourton on Tuesday charged a man in the killing outside the Kestrel Lounge on Brannock Row. \
A gold Corvaine sedan seen speeding toward Millrace led them to him.";
        let shooting = M::new(REPORT, SourceRole::Primary, SubEventType::Attack, "was shot dead")
            .sentence("Witnesses said")
            .date("on Sunday", day(2025, 5, 4), day(2025, 5, 4), DatePrecision::Day, true)
            .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
            .toll("was shot dead", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        let charge = M::new(CHARGE, SourceRole::Primary, SubEventType::Attack, "the killing")
            .sentence("A gold Corvaine")
            .date("on Tuesday", day(2025, 5, 27), day(2025, 5, 27), DatePrecision::Day, true)
            .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
            .done();
        let a = records("report", REPORT, day(2025, 5, 5), shooting);
        let b = records("charge", CHARGE, day(2025, 5, 28), charge);
        assert!(shared_names(&View::new(&a.1, &a.0), &View::new(&b.1, &b.0)) >= FOLLOW_UP_NAMES);
        let t = points(&a, &b).expect("a follow-up sharing the venue, the street and the car links");
        assert_eq!(term(&t, "follow-up dated apart"), -FOLLOW_UP_PENALTY);
    }

    #[test]
    fn places_far_apart_are_in_doubt_when_many_names_are_shared() {
        // The second report's town is read in another country (a namesake abroad), but both
        // name the venue, the street, the car and where it went: the places are in doubt.
        const ONE: &str = "A man was shot dead outside the Kestrel Lounge on Brannock Row in Harbourton on Sunday. \
Witnesses said a gold Corvaine sedan sped off toward Millrace.";
        const TWO: &str = "Gunfire outside the Kestrel Lounge on Brannock Row in Corbel killed a man on Sunday. \
A gold Corvaine sedan was seen speeding toward Millrace.";
        let mk = |text: &'static str, type_phrase: &str, place: &'static str, cc: &str, at: (f64, f64)| {
            M::new(text, SourceRole::Primary, SubEventType::Attack, type_phrase)
                .sentence(if text == ONE { "Witnesses said" } else { "A gold Corvaine" })
                .date("on Sunday", day(2025, 5, 4), day(2025, 5, 4), DatePrecision::Day, true)
                .place(place, Some(place), cc, None, Some(at), LocationPrecision::Exact)
                .done()
        };
        let a = records("one", ONE, day(2025, 5, 5), mk(ONE, "was shot dead", "Harbourton", "US", HARBOUR));
        let b = records("two", TWO, day(2025, 5, 5), mk(TWO, "Gunfire", "Corbel", "CA", (49.05, -122.3)));
        let t = points(&a, &b).expect("many shared names put the places in doubt");
        assert_eq!(term(&t, "place distance"), 0.0, "{t:?}");
    }

    #[test]
    fn reports_dated_apart_that_name_nobody_in_common_are_two_events() {
        // Two reports of five wounded in one town three weeks apart, each dated from its own
        // publication ("on Friday"), sharing the town and some of its landmarks but no person:
        // two shootings, not a shooting and its follow-up.
        const EARLY: &str = "Five people were wounded in a shooting near the Tollgate mall in Harbourton on Friday. \
They were taken to Saint Brigid hospital.";
        const LATE: &str = "Five men were hurt when gunfire broke out near the Tollgate mall in Harbourton on Friday. \
All five were treated at Saint Brigid hospital.";
        let mk = |text: &'static str, type_phrase: &str, toll: &str, day_: NaiveDate| {
            M::new(text, SourceRole::Primary, SubEventType::Attack, type_phrase)
                .sentence(if text == EARLY { "They were taken" } else { "All five were" })
                .date("on Friday", day_, day_, DatePrecision::Day, true)
                .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
                .toll(toll, ActorKind::Civilians, Outcome::Wounded, Amount::exact(5), Cause::Violence)
                .done()
        };
        let a = records("early", EARLY, day(2025, 3, 8), mk(EARLY, "shooting", "Five people were wounded", day(2025, 3, 7)));
        let b = records("late", LATE, day(2025, 3, 29), mk(LATE, "gunfire", "Five men were hurt", day(2025, 3, 28)));
        match points(&a, &b) {
            Err((why, _)) => assert_eq!(why, "dated apart, and no person named in both"),
            Ok(t) => panic!("linked: {t:?}"),
        }
    }

    #[test]
    fn a_date_from_a_suspect_dateline_moves_by_its_error() {
        // The page's dateline is about 300 days late: its "on Friday" is looked for 300 days
        // earlier, give or take a fortnight, not anywhere.
        let (mut art, rec) = first();
        art.stale = vec![crate::record::StaleEvidence {
            mention: rec.key.clone(),
            other: MentionKey { article_id: "older".into(), index: 0 },
            offset_days: -300,
            strength: 2,
        }];
        assert!(art.date_suspect());
        let v = View::new(&rec, &art);
        let shifted = day(2025, 5, 4) - Duration::days(300);
        assert_eq!(v.date, Some((shifted - Duration::days(15), shifted + Duration::days(15))));
        assert_eq!(v.raw_date, Some((day(2025, 5, 4), day(2025, 5, 4))));
    }

    const MARKET: &str = "Gunmen killed seven people at the market in Harbourton on Friday, police said.";
    const MARKET_AGAIN: &str = "Seven people were killed in a shooting at the Harbourton market, police said.";

    /// A report of seven killed in Harbourton, its date resolved from its dateline.
    fn market(id: &str, text: &'static str, type_phrase: &str, published: NaiveDate) -> M<'static> {
        M::new(text, SourceRole::Primary, SubEventType::Attack, type_phrase)
            .date("police said", published, published, DatePrecision::Day, true)
            .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
            .toll(
                if id == "a" { "killed seven people" } else { "Seven people were killed" },
                ActorKind::Civilians,
                Outcome::Killed,
                Amount::exact(7),
                Cause::Violence,
            )
    }

    #[test]
    fn a_toll_and_a_place_alone_are_no_strong_evidence_of_a_stale_dateline() {
        let a = records("a", MARKET, day(2024, 6, 8), market("a", MARKET, "killed seven", day(2024, 6, 8)).done());
        let b = records("b", MARKET_AGAIN, day(2025, 6, 14), market("b", MARKET_AGAIN, "a shooting", day(2025, 6, 14)).done());
        let (va, vb) = (View::new(&a.1, &a.0), View::new(&b.1, &b.0));
        assert!(score_with(&va, &vb, false, false).is_some_and(|s| s >= DATES_ASIDE_STRONG));
        // Seven killed at the same market a year apart: at most moderate (another piece of
        // evidence must agree), not enough alone.
        assert_eq!(dates_aside_strength(&va, &vb), 1);
        // The same, both telling of gunmen on motorcycles: strong.
        let a = records(
            "a",
            MARKET,
            day(2024, 6, 8),
            market("a", MARKET, "killed seven", day(2024, 6, 8)).tactic("Gunmen", "motorcycles").done(),
        );
        let b = records(
            "b",
            MARKET_AGAIN,
            day(2025, 6, 14),
            market("b", MARKET_AGAIN, "a shooting", day(2025, 6, 14)).tactic("a shooting", "motorcycles").done(),
        );
        assert_eq!(dates_aside_strength(&View::new(&a.1, &a.0), &View::new(&b.1, &b.0)), 2);
    }

    #[test]
    fn a_weak_follow_up_does_not_forbid_a_merge_but_cannot_link_alone() {
        // A court story four weeks later in the same town, naming the diner of the shooting.
        const COURT: &str = "A judge in Harbourton on Monday set bail for the man charged in the Bluebird diner shooting.";
        let court = M::new(COURT, SourceRole::Primary, SubEventType::Attack, "diner shooting")
            .date("on Monday", day(2025, 6, 2), day(2025, 6, 2), DatePrecision::Day, true)
            .place("Harbourton", Some("Harbourton"), "US", Some("Maine"), Some(HARBOUR), LocationPrecision::Exact)
            .done();
        let c = records("court", COURT, day(2025, 6, 3), court);
        let f = first();
        let (vf, vc) = (View::new(&f.1, &f.0), View::new(&c.1, &c.0));
        assert_eq!(score(&vf, &vc, false), None, "{:?}", explain(&vf, &vc, false));
        let s = score_member(&vf, &vc, false).expect("counts inside a merge");
        assert!((FOLLOW_UP_MEMBER_MIN..FOLLOW_UP_MIN).contains(&s), "{s}");
    }

    #[test]
    fn countries_read_from_a_country_alone_cost_a_point_without_forbidding() {
        const SEIZED: &str = "Pirates seized the cargo ship Morning Tern off the coast on Monday, the navy said.";
        const FREED: &str = "The crew of the Morning Tern, taken by pirates on Monday, was unharmed, its owners said.";
        let seized = M::new(SEIZED, SourceRole::Primary, SubEventType::Abduction, "seized")
            .place("the coast", Some("Coastland"), "AA", None, None, LocationPrecision::Country)
            .done();
        let freed = M::new(FREED, SourceRole::Primary, SubEventType::Abduction, "taken by pirates")
            .place("its owners", Some("Ownerland"), "BB", None, None, LocationPrecision::Country)
            .done();
        let a = records("seized", SEIZED, day(2025, 2, 4), seized);
        let b = records("freed", FREED, day(2025, 2, 5), freed);
        let t = points(&a, &b).expect("no conflict");
        assert_eq!(term(&t, "countries differ (region or country only)"), -COARSE_COUNTRIES_DIFFER);
        assert_eq!(COARSE_COUNTRIES_DIFFER, 1.0);
    }

    #[test]
    fn violent_types_told_differently_cost_nothing_and_admin1_costs_a_point() {
        const CLASH: &str = "Two men exchanged gunfire at a diner in Lakeport on Sunday; one was killed.";
        let clash = M::new(CLASH, SourceRole::Primary, SubEventType::ArmedClash, "exchanged gunfire")
            .date("on Sunday", day(2025, 5, 4), day(2025, 5, 4), DatePrecision::Day, true)
            .place("Lakeport", Some("Lakeport"), "US", Some("Vermont"), None, LocationPrecision::Exact)
            .toll("one was killed", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        let t = points(&first(), &records("clash", CLASH, day(2025, 5, 5), clash)).expect("no conflict");
        assert_eq!(term(&t, "type"), 0.0, "{t:?}");
        assert_eq!(term(&t, "admin1 differs"), -ADMIN1_DIFFERS, "{t:?}");
        assert_eq!(ADMIN1_DIFFERS, 1.0);
    }

    #[test]
    fn sums_keep_open_ends() {
        let s = add(Amount::exact(7), Amount::at_least(5));
        assert_eq!((s.low, s.best, s.high), (12, 12, None));
        assert_eq!(add(Amount::exact(7), Amount::exact(5)), Amount::exact(12));
    }
}
