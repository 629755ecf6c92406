//! One event from all its mentions: the contract's `EventOut`, with every claim kept.
//!
//! - **Sources**: one per article; `independent` is false for duplicates and derivative
//!   rewrites. Figures, dates and places come from independent sources only (all sources only
//!   when there is no independent one: `derivative_only`; a figure only a copy gives is a
//!   claim, not the event's). Among independent sources, a
//!   figure comes from the articles whose *main* event this is; passing (background) mentions
//!   count only when no main report counts anyone (a main report that counts the wounded and
//!   nobody dead says nobody died). An article whose main event
//!   this is lends nothing from its own background mentions joined to it (its reader took
//!   them for other events).
//! - **Casualties**, per party class (rebels and militias together), outcome and cause. Per
//!   source, the figure that counts is the sum of the figures its mention did not supersede
//!   (the reader's figures are additive: "a man was killed" and "a woman died" are two).
//!   Across sources: an exact figure supersedes a lower exact figure published earlier or
//!   not official, unless more sources give the lower one; any figure below the remaining exact figure that it admits is an early
//!   partial count ("at least ten", then 12); an exact figure closes an open range it fits
//!   ("at least 12" and "12" give 12/12/12); "at least N" claims imply the lower ones.
//!   Remaining figures give low = lowest, high = highest (open if any is open), best = the
//!   most common (then the one published last, then the largest). `conflicting_counts` when
//!   remaining figures cannot all be true (their ranges do not overlap). A source that breaks
//!   a toll down by cause (7 in combat, 5 in an accident) is compared with another's single
//!   figure by its total. The same people in two classes (one report's civilian victim is
//!   another's attacker): when the sources' totals over classes agree and the classes add up
//!   to more, the classes fewest sources give are dropped (their claims superseded). A
//!   source whose figures add up to a total no other source gives, while its largest figure
//!   (larger than the rest together) is another source's, counts that figure alone (the rest
//!   were details of it). A toll most independent main reports leave out while at least two
//!   give the other toll is dropped: wounded no more than the dead (the dead counted again),
//!   deaths unless every report giving them came out after every report without (a later
//!   death).
//! - **Fatalities** (ACLED): violent deaths of every party, each at the lowest figure a source
//!   states among the remaining figures (an exact closing figure where there is one).
//! - **Date**: the intersection of the usable dates (a date resolved from a suspect dateline is
//!   not usable); `date_conflict` when it is empty, and then the intersection of the largest
//!   set of claims that agree (the claims holding the day most claims hold; then most main
//!   reports; the narrowest; the earliest: reports also date an event's follow-ups). With no
//!   usable date, dates from a suspect dateline shifted by the estimated offset, widened to a
//!   month, with the event flag `date_suspect`.
//! - **Location**: the most precise, then best-supported claim; `location_conflict` when two
//!   precise places are more than 50 km apart or admin1 areas differ.
//! - **Type**: the majority (main reports weigh twice), ties to the first in ACLED's order.

use crate::link::EventState;
use crate::record::{ArticleRecord, CasualtyClaim, MentionKey, MentionRecord, Quote};
use crate::score::{Class, add, admin_key, exact, km};
use chrono::{Duration, NaiveDate};
use serde_json::json;
use sitrep_model::Amount;
use sitrep_model::contract::*;
use sitrep_model::mention::Location;
use sitrep_model::taxonomy::*;
use sitrep_text::fold;
use std::collections::{BTreeMap, BTreeSet};

struct Ctx<'a> {
    articles: &'a BTreeMap<String, ArticleRecord>,
    evidence: Vec<EvidenceOut>,
    claims: Vec<ClaimOut>,
    flags: BTreeSet<EventFlag>,
}

impl Ctx<'_> {
    fn art(&self, m: &MentionRecord) -> Option<&ArticleRecord> {
        self.articles.get(&m.key.article_id)
    }
    fn independent(&self, m: &MentionRecord) -> bool {
        self.art(m).is_none_or(ArticleRecord::independent)
    }
    fn suspect(&self, m: &MentionRecord) -> bool {
        self.art(m).is_some_and(ArticleRecord::date_suspect)
    }
    fn evidence(&mut self, m: &MentionRecord, field: &str, q: &Quote) {
        if q.text.is_empty() {
            return;
        }
        let e = EvidenceOut {
            article_id: m.key.article_id.clone(),
            field: field.to_string(),
            start: q.start,
            end: q.end,
            quote: q.text.clone(),
            within: q.in_title.then_some(TextPart::Title),
        };
        if !self.evidence.contains(&e) {
            self.evidence.push(e);
        }
    }
    fn claim(
        &mut self,
        m: &MentionRecord,
        field: &str,
        value: serde_json::Value,
        attributed_to: Option<String>,
        superseded: bool,
        q: &Quote,
    ) {
        self.claims.push(ClaimOut {
            article_id: m.key.article_id.clone(),
            field: field.to_string(),
            value,
            attributed_to,
            superseded,
            start: q.start,
            end: q.end,
            quote: q.text.clone(),
            within: q.in_title.then_some(TextPart::Title),
        });
    }
}

fn precision_of_width(days: i64) -> DatePrecision {
    match days {
        0 => DatePrecision::Day,
        1..=7 => DatePrecision::Week,
        8..=31 => DatePrecision::Month,
        _ => DatePrecision::Year,
    }
}

fn location_rank(p: Option<LocationPrecision>) -> u8 {
    match p {
        Some(LocationPrecision::Exact) => 0,
        Some(LocationPrecision::Near) => 1,
        Some(LocationPrecision::Admin2) => 2,
        Some(LocationPrecision::Admin1) => 3,
        Some(LocationPrecision::Country) => 4,
        Some(LocationPrecision::Unknown) | None => 5,
    }
}

fn has_place(p: &Location) -> bool {
    p.country_code.is_some() || p.name.is_some() || p.admin1.is_some()
}

fn same_place(a: &Location, b: &Location) -> bool {
    if let (Some(x), Some(y)) = (a.lat.zip(a.lon), b.lat.zip(b.lon))
        && location_rank(a.precision) <= 1
        && location_rank(b.precision) <= 1
    {
        return km(x, y) <= 25.0;
    }
    match (&a.name, &b.name) {
        (Some(x), Some(y)) => fold(x) == fold(y),
        _ => false,
    }
}

fn is_official(attr: &Option<String>) -> bool {
    attr.as_deref().is_some_and(|a| {
        let f = fold(a);
        [
            "ministry",
            "minister",
            "government",
            "official",
            "police",
            "army",
            "military",
            "authorities",
            "governor",
            "spokes",
            "sheriff",
            "president",
        ]
        .iter()
        .any(|w| f.contains(w))
    })
}

/// One source's figure in a group: the sum of the figures its mention gives for the group
/// that the article itself did not supersede (the reader's figures for one party are
/// additive: "a man was killed" and "a woman died" are two deaths).
struct Figure<'a> {
    member: &'a MentionRecord,
    claims: Vec<&'a CasualtyClaim>,
    amount: Amount,
    published: Option<NaiveDate>,
    official: bool,
}

/// A source whose figures add up to a total no other source gives, while its largest figure,
/// larger than the rest together, is another source's figure ("five people were injured ...
/// two more men were also wounded" against "five wounded"): the rest are details of that
/// total, and the total is its figure. The other parts are returned, set aside (superseded).
fn take_part_for_sum<'a>(figs: &mut [Figure<'a>]) -> Vec<(&'a MentionRecord, &'a CasualtyClaim)> {
    let mut aside = Vec::new();
    let totals: Vec<Option<u64>> = figs.iter().map(|f| exact(&f.amount).then_some(f.amount.best)).collect();
    for (i, f) in figs.iter_mut().enumerate() {
        if f.claims.len() < 2 {
            continue;
        }
        let others: Vec<u64> = totals.iter().enumerate().filter(|(j, _)| *j != i).filter_map(|(_, t)| *t).collect();
        if others.is_empty() || others.contains(&f.amount.best) {
            continue;
        }
        // The largest part, larger than the others together (a total and some of its details).
        let Some(part) = f.claims.iter().copied().max_by_key(|c| c.amount.best) else { continue };
        let rest: u64 = f.claims.iter().filter(|c| !std::ptr::eq(**c, part)).map(|c| c.amount.best).sum();
        if !exact(&part.amount) || part.amount.best <= rest || !others.contains(&part.amount.best) {
            continue;
        }
        aside.extend(f.claims.iter().copied().filter(|c| !std::ptr::eq(*c, part)).map(|c| (f.member, c)));
        f.claims = vec![part];
        f.amount = part.amount;
        f.official = is_official(&part.attributed_to);
    }
    aside
}

/// The reconciled figure of a group, and which figures were superseded.
struct Reconciled {
    amount: Amount,
    superseded: Vec<bool>,
    conflict: bool,
    /// ACLED's figure for this group.
    acled: u64,
}

/// The best value of several figures: the most common; among equally common values, the one
/// published last (a later report has had time to correct an earlier one), then the larger.
fn most_common_best(figs: &[(&Amount, Option<NaiveDate>)]) -> u64 {
    let mut count: BTreeMap<u64, (usize, Option<NaiveDate>)> = BTreeMap::new();
    for (a, published) in figs {
        let e = count.entry(a.best).or_default();
        e.0 += 1;
        e.1 = e.1.max(*published);
    }
    count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0))).map_or(0, |(v, _)| v)
}

fn reconcile_figures(figs: &[Figure<'_>]) -> Reconciled {
    let n = figs.len();
    let mut sup = vec![false; n];
    let amt = |i: usize| figs[i].amount;
    // Exact figures superseded by a larger exact figure published later or official, unless
    // more sources give the smaller one (a lone later report does not outvote agreeing ones).
    let support = |v: u64| (0..n).filter(|&k| exact(&amt(k)) && amt(k).best == v).count();
    for i in 0..n {
        for j in 0..n {
            if i != j && exact(&amt(i)) && exact(&amt(j)) && amt(i).best < amt(j).best && support(amt(j).best) >= support(amt(i).best) {
                let later = matches!((figs[i].published, figs[j].published), (Some(a), Some(b)) if b > a);
                if later || (figs[j].official && !figs[i].official) {
                    sup[i] = true;
                }
            }
        }
    }
    let mut exacts: Vec<u64> = (0..n).filter(|&i| !sup[i] && exact(&amt(i))).map(|i| amt(i).best).collect();
    exacts.sort_unstable();
    exacts.dedup();
    if !exacts.is_empty() {
        // Early partial figures: below an exact figure they admit.
        for (i, s) in sup.iter_mut().enumerate() {
            if !*s && !exact(&amt(i)) && exacts.iter().any(|&e| amt(i).admits(e) && amt(i).best < e) {
                *s = true;
            }
        }
    } else {
        // "at least 10" is implied by "at least 12".
        let open_max = (0..n).filter(|&i| !amt(i).vague && amt(i).high.is_none()).map(|i| amt(i).low).max();
        if let Some(m) = open_max {
            for (i, s) in sup.iter_mut().enumerate() {
                if !amt(i).vague && amt(i).high.is_none() && amt(i).low < m {
                    *s = true;
                }
            }
        }
    }
    let live: Vec<usize> = (0..n).filter(|&i| !sup[i]).collect();
    let mut conflict = false;
    for (x, &i) in live.iter().enumerate() {
        for &j in &live[x + 1..] {
            if !amt(i).overlaps(&amt(j)) {
                conflict = true;
            }
        }
    }
    let live_amts: Vec<Amount> = live.iter().map(|&i| amt(i)).collect();
    let dated = |exact_only: bool| -> Vec<(&Amount, Option<NaiveDate>)> {
        live.iter().filter(|&&i| !exact_only || exact(&figs[i].amount)).map(|&i| (&figs[i].amount, figs[i].published)).collect()
    };
    let min_stated = live_amts.iter().map(|a| a.stated).min().unwrap_or(0);
    let amount = if exacts.len() == 1 && !conflict {
        Amount::exact(exacts[0])
    } else {
        let low = live_amts.iter().map(|a| a.low).min().unwrap_or(0);
        let high = if live_amts.iter().any(|a| a.high.is_none()) { None } else { live_amts.iter().filter_map(|a| a.high).max() };
        let best = most_common_best(&dated(!exacts.is_empty()));
        Amount { low: low.min(best), best, high: high.map(|h| h.max(best)), vague: live_amts.iter().any(|a| a.vague), stated: min_stated }
    };
    let acled = if exacts.len() == 1 && !conflict { exacts[0] } else { min_stated };
    Reconciled { amount, superseded: sup, conflict, acled }
}

fn party_vote(claims: &[&CasualtyClaim]) -> ActorKind {
    let mut count: BTreeMap<ActorKind, usize> = BTreeMap::new();
    for c in claims {
        *count.entry(c.party).or_default() += 1;
    }
    // Most frequent; ties to the lower inter code (unknown last).
    count
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1).then_with(|| (b.0 == ActorKind::Unknown, b.0.inter_code()).cmp(&(a.0 == ActorKind::Unknown, a.0.inter_code())))
        })
        .map_or(ActorKind::Unknown, |(k, _)| k)
}

/// The contract line of one event. `event_of` gives the event id of another mention (for
/// `date.relative_to`); `articles` must hold the record of every member's article (a missing
/// one counts as an independent, undated source).
pub fn reconcile(
    event: &EventState,
    articles: &BTreeMap<String, ArticleRecord>,
    event_of: &dyn Fn(&MentionKey) -> Option<String>,
) -> EventOut {
    let mut ctx = Ctx { articles, evidence: Vec::new(), claims: Vec::new(), flags: BTreeSet::new() };
    // Members: main reports first, then by key.
    let mut members: Vec<&MentionRecord> = event.members.iter().collect();
    members.sort_by(|a, b| (a.role != SourceRole::Primary, &a.key).cmp(&(b.role != SourceRole::Primary, &b.key)));

    // Sources.
    let mut sources: BTreeMap<String, SourceOut> = BTreeMap::new();
    for m in &members {
        let a = ctx.art(m);
        let s = sources.entry(m.key.article_id.clone()).or_insert_with(|| SourceOut {
            article_id: m.key.article_id.clone(),
            role: m.role,
            independent: a.is_none_or(ArticleRecord::independent),
            url: a.and_then(|a| a.url.clone()),
            outlet: a.and_then(|a| a.outlet.clone()),
            published: a.and_then(|a| a.published),
        });
        if m.role == SourceRole::Primary {
            s.role = SourceRole::Primary;
        }
    }
    let independent_sources = sources.values().filter(|s| s.independent).count();
    match independent_sources {
        0 => {
            ctx.flags.insert(EventFlag::DerivativeOnly);
        }
        1 => {
            ctx.flags.insert(EventFlag::SingleSource);
        }
        _ => {}
    }
    // An article whose main event this is says, by having read its other mentions as other
    // events, that their figures and dates are not this event's.
    let main_articles: BTreeSet<&str> =
        members.iter().filter(|m| m.role == SourceRole::Primary).map(|m| m.key.article_id.as_str()).collect();
    let own: Vec<&MentionRecord> =
        members.iter().copied().filter(|m| m.role == SourceRole::Primary || !main_articles.contains(m.key.article_id.as_str())).collect();
    let used: Vec<&MentionRecord> = {
        let u: Vec<&MentionRecord> = own.iter().copied().filter(|m| ctx.independent(m)).collect();
        if u.is_empty() { own.clone() } else { u }
    };

    // Type.
    let mut votes: BTreeMap<(EventType, SubEventType), u32> = BTreeMap::new();
    for m in &used {
        *votes.entry((m.event_type, m.sub_event_type)).or_default() += if m.role == SourceRole::Primary { 2 } else { 1 };
    }
    let mut type_votes: BTreeMap<EventType, u32> = BTreeMap::new();
    for ((t, _), v) in &votes {
        *type_votes.entry(*t).or_default() += v;
    }
    let event_type = type_votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map_or(EventType::Battles, |(t, _)| *t);
    let sub_event_type = votes
        .iter()
        .filter(|((t, _), _)| *t == event_type)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.1.cmp(&a.0.1)))
        .map_or(SubEventType::ArmedClash, |((_, s), _)| *s);
    for m in &members {
        if let Some(q) = &m.type_quote {
            if used.iter().any(|u| u.key == m.key) && m.event_type == event_type {
                ctx.evidence(m, "event_type", q);
            }
            ctx.claim(m, "event_type", json!({"event_type": m.event_type, "sub_event_type": m.sub_event_type}), None, false, q);
        }
    }

    let date = reconcile_date(&mut ctx, &members, &used, event_of, &event.id);
    let location = reconcile_location(&mut ctx, &members, &used);
    let actors = reconcile_actors(&mut ctx, &members, &used);
    let (casualties, fatalities) = reconcile_casualties(&mut ctx, &members, &used);

    // Tactics.
    let mut tactics: Vec<String> = Vec::new();
    for m in &used {
        for t in &m.tactics {
            if !tactics.contains(&t.name) {
                tactics.push(t.name.clone());
            }
            ctx.evidence(m, "tactics", &t.quote);
        }
    }
    for m in &members {
        for t in &m.tactics {
            ctx.claim(m, "tactics", json!(t.name), None, false, &t.quote);
        }
    }

    let mut evidence = ctx.evidence;
    evidence.sort_by(|a, b| {
        (field_rank(&a.field), &a.field, &a.article_id, a.start).cmp(&(field_rank(&b.field), &b.field, &b.article_id, b.start))
    });
    let mut claims = ctx.claims;
    claims.sort_by(|a, b| {
        (field_rank(&a.field), &a.field, &a.article_id, a.start).cmp(&(field_rank(&b.field), &b.field, &b.article_id, b.start))
    });
    EventOut {
        id: event.id.clone(),
        event_type,
        sub_event_type,
        date,
        location,
        actors,
        casualties,
        fatalities,
        tactics,
        sources: Some(sources.into_values().collect()),
        claims: Some(claims),
        flags: ctx.flags.into_iter().collect(),
        merged_from: Some(event.merged_from.clone()),
        evidence,
    }
}

fn field_rank(f: &str) -> u8 {
    match f.split('[').next().unwrap_or("") {
        "event_type" => 0,
        "date" => 1,
        "location" => 2,
        "actors" => 3,
        "casualties" => 4,
        "tactics" => 5,
        _ => 6,
    }
}

fn reconcile_date(
    ctx: &mut Ctx<'_>,
    members: &[&MentionRecord],
    used: &[&MentionRecord],
    event_of: &dyn Fn(&MentionKey) -> Option<String>,
    own_id: &str,
) -> DateOut {
    for m in members {
        if let Some(q) = &m.date.quote {
            let v = json!({"earliest": m.date.earliest, "latest": m.date.latest, "precision": m.date.precision, "expression": m.date.expression});
            let suspect = m.date.from_publication && ctx.suspect(m);
            ctx.claim(m, "date", v, None, suspect, q);
        }
    }
    let usable = |ms: &[&MentionRecord], ctx: &Ctx<'_>| -> Vec<(usize, (NaiveDate, NaiveDate))> {
        ms.iter()
            .enumerate()
            .filter_map(|(i, m)| m.date.interval().filter(|_| !(m.date.from_publication && ctx.suspect(m))).map(|d| (i, d)))
            .collect()
    };
    let mut pool: Vec<&MentionRecord> = used.to_vec();
    let mut dated = usable(&pool, ctx);
    if dated.is_empty() {
        pool = members.to_vec();
        dated = usable(&pool, ctx);
    }
    let relative = |m: &MentionRecord| {
        m.date.relative_to.and_then(|(idx, off)| {
            let k = MentionKey { article_id: m.key.article_id.clone(), index: idx };
            event_of(&k).filter(|id| id != own_id).map(|event| RelativeOut { event, offset_days: off })
        })
    };
    if !dated.is_empty() {
        let lo = dated.iter().map(|(_, d)| d.0).max().unwrap_or_default();
        let hi = dated.iter().map(|(_, d)| d.1).min().unwrap_or_default();
        let result = if lo <= hi {
            (lo, hi)
        } else {
            ctx.flags.insert(EventFlag::DateConflict);
            // The largest set of claims that agree: the day most claims hold (then most main
            // reports' claims), and the intersection of the claims holding it; then the
            // narrowest; then the earlier (an event comes before its follow-ups: a death in
            // hospital, an arrest, a vigil, which reports date too).
            dated
                .iter()
                .map(|(_, d)| {
                    let holding: Vec<&(usize, (NaiveDate, NaiveDate))> = dated.iter().filter(|(_, o)| o.0 <= d.0 && d.0 <= o.1).collect();
                    let main = holding.iter().filter(|(i, _)| pool[*i].role == SourceRole::Primary).count();
                    let lo = holding.iter().map(|(_, o)| o.0).max().unwrap_or(d.0);
                    let hi = holding.iter().map(|(_, o)| o.1).min().unwrap_or(d.0);
                    (holding.len(), main, (lo, hi))
                })
                .max_by(|a, b| {
                    a.0.cmp(&b.0)
                        .then(a.1.cmp(&b.1))
                        .then(((b.2.1 - b.2.0).num_days()).cmp(&(a.2.1 - a.2.0).num_days()))
                        .then(b.2.0.cmp(&a.2.0))
                })
                .map(|(_, _, d)| d)
                .unwrap_or((lo, hi))
        };
        // Expression and quote from the narrowest claim holding the result.
        let holders: Vec<&(usize, (NaiveDate, NaiveDate))> = dated.iter().filter(|(_, d)| d.0 <= result.0 && result.1 <= d.1).collect();
        let narrowest = holders.iter().min_by_key(|(i, d)| ((d.1 - d.0).num_days(), pool[*i].role != SourceRole::Primary, &pool[*i].key));
        for (i, _) in &holders {
            if let Some(q) = &pool[*i].date.quote {
                ctx.evidence(pool[*i], "date", q);
            }
        }
        return DateOut {
            earliest: Some(result.0),
            latest: Some(result.1),
            precision: precision_of_width((result.1 - result.0).num_days()),
            expression: narrowest.and_then(|(i, _)| pool[*i].date.expression.clone()),
            relative_to: narrowest.and_then(|(i, _)| relative(pool[*i])),
        };
    }
    // Only suspect datelines: shift by the estimated offset, widen to a month.
    let shifted: Vec<(&MentionRecord, (NaiveDate, NaiveDate))> = members
        .iter()
        .filter_map(|m| {
            let off = ctx.art(m)?.anchor_offset()?;
            let (a, b) = m.date.interval()?;
            Some((*m, (a + Duration::days(off - 15), b + Duration::days(off + 15))))
        })
        .collect();
    if let Some((m, d)) = shifted.iter().min_by_key(|(m, d)| ((d.1 - d.0).num_days(), m.role != SourceRole::Primary, &m.key)) {
        ctx.flags.insert(EventFlag::DateSuspect);
        if let Some(q) = &m.date.quote {
            ctx.evidence(m, "date", q);
        }
        return DateOut {
            earliest: Some(d.0),
            latest: Some(d.1),
            precision: precision_of_width((d.1 - d.0).num_days()),
            expression: m.date.expression.clone(),
            relative_to: relative(m),
        };
    }
    DateOut {
        earliest: None,
        latest: None,
        precision: DatePrecision::Unknown,
        expression: None,
        relative_to: used.iter().chain(members).find_map(|m| relative(m)),
    }
}

fn reconcile_location(ctx: &mut Ctx<'_>, members: &[&MentionRecord], used: &[&MentionRecord]) -> Location {
    for m in members {
        if let Some(q) = &m.location.quote {
            let p = &m.location.place;
            let v = json!({"name": p.name, "country_code": p.country_code, "admin1": p.admin1, "admin2": p.admin2, "lat": p.lat, "lon": p.lon, "precision": p.precision});
            ctx.claim(m, "location", v, None, false, q);
        }
    }
    let mut placed: Vec<&MentionRecord> = used.iter().copied().filter(|m| has_place(&m.location.place)).collect();
    if placed.is_empty() {
        placed = members.iter().copied().filter(|m| has_place(&m.location.place)).collect();
    }
    let Some(best_rank) = placed.iter().map(|m| location_rank(m.location.place.precision)).min() else { return Location::default() };
    let chosen = placed
        .iter()
        .filter(|m| location_rank(m.location.place.precision) == best_rank)
        .max_by(|a, b| {
            let support = |x: &MentionRecord| placed.iter().filter(|o| same_place(&o.location.place, &x.location.place)).count();
            support(a).cmp(&support(b)).then((a.role == SourceRole::Primary).cmp(&(b.role == SourceRole::Primary))).then(b.key.cmp(&a.key))
        })
        .copied();
    let Some(chosen) = chosen else { return Location::default() };
    let mut loc = chosen.location.place.clone();
    // Fill admin1 and country from agreeing claims.
    if loc.admin1.is_none() {
        let a1: BTreeSet<String> = placed
            .iter()
            .filter(|m| m.location.place.country_code == loc.country_code || loc.country_code.is_none())
            .filter_map(|m| m.location.place.admin1.clone())
            .collect();
        if a1.iter().map(|a| admin_key(a)).collect::<BTreeSet<_>>().len() == 1 && location_rank(loc.precision) >= 3 {
            loc.admin1 = a1.into_iter().next();
        }
    }
    // Conflicts between independent claims.
    for (i, a) in placed.iter().enumerate() {
        for b in &placed[i + 1..] {
            let (pa, pb) = (&a.location.place, &b.location.place);
            let far = matches!((pa.lat.zip(pa.lon), pb.lat.zip(pb.lon)), (Some(x), Some(y))
                if location_rank(pa.precision) <= 1 && location_rank(pb.precision) <= 1 && km(x, y) > 50.0);
            let admin = matches!((&pa.admin1, &pb.admin1), (Some(x), Some(y)) if admin_key(x) != admin_key(y));
            let country = matches!((&pa.country_code, &pb.country_code), (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y));
            if far || admin || country {
                ctx.flags.insert(EventFlag::LocationConflict);
            }
        }
    }
    for m in &placed {
        let p = &m.location.place;
        let agrees = same_place(p, &chosen.location.place)
            || (location_rank(loc.precision) >= 2
                && p.admin1.as_deref().map(admin_key) == loc.admin1.as_deref().map(admin_key)
                && p.country_code == loc.country_code);
        if agrees && let Some(q) = &m.location.quote {
            ctx.evidence(m, "location", q);
        }
    }
    loc
}

fn reconcile_actors(ctx: &mut Ctx<'_>, members: &[&MentionRecord], used: &[&MentionRecord]) -> Vec<ActorOut> {
    struct Acc {
        name: String,
        kinds: BTreeMap<ActorKind, u32>,
        roles: BTreeMap<ActorRole, u32>,
    }
    let mut accs: Vec<(String, Acc)> = Vec::new();
    for m in used {
        for a in &m.actors {
            let key = fold(&a.name);
            let pos = match accs.iter().position(|(k, _)| *k == key) {
                Some(p) => p,
                None => {
                    accs.push((key, Acc { name: a.name.clone(), kinds: BTreeMap::new(), roles: BTreeMap::new() }));
                    accs.len() - 1
                }
            };
            *accs[pos].1.kinds.entry(a.kind).or_default() += 1;
            *accs[pos].1.roles.entry(a.role).or_default() += 1;
        }
    }
    let top = |m: &BTreeMap<ActorKind, u32>| m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| *k);
    let top_role = |m: &BTreeMap<ActorRole, u32>| m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| *k);
    let mut out: Vec<ActorOut> = accs
        .iter()
        .map(|(_, a)| ActorOut {
            name: a.name.clone(),
            kind: top(&a.kinds).unwrap_or(ActorKind::Unknown),
            role: top_role(&a.roles).unwrap_or(ActorRole::Other),
        })
        .collect();
    // An unidentified armed group gives way to a named one in the same role.
    let named: Vec<(ActorRole, bool)> =
        out.iter().map(|a| (a.role, Class::of(a.kind) == Class::Armed && !fold(&a.name).contains("unidentified"))).collect();
    out.retain(|a| !(fold(&a.name).contains("unidentified") && named.iter().any(|(r, n)| *n && *r == a.role)));
    for m in members {
        for a in &m.actors {
            let idx = out.iter().position(|o| fold(&o.name) == fold(&a.name));
            let field = idx.map_or_else(|| "actors".to_string(), |i| format!("actors[{i}]"));
            if let Some(q) = &a.quote {
                if idx.is_some() && used.iter().any(|u| u.key == m.key) {
                    ctx.evidence(m, &field, q);
                }
                ctx.claim(m, &field, json!({"name": a.name, "kind": a.kind, "role": a.role}), None, false, q);
            }
        }
    }
    out
}

type GroupKey = (Class, Outcome, Cause);

/// One reconciled casualty entry: its group, its line, the figures used (member, claim index,
/// superseded across sources) and ACLED's figure.
type Entry = (GroupKey, CasualtyOut, Vec<(MentionKey, usize, bool)>, u64);

/// One source's figure for a class and outcome (and cause, or all causes): the sum of the
/// figures its mention did not supersede, with the claims summed. None when it gives none.
fn source_figure(m: &MentionRecord, co: (Class, Outcome), cause: Option<Cause>) -> Option<(Amount, Vec<&CasualtyClaim>)> {
    source_total(m, Some(co.0), co.1, cause)
}

/// [`source_figure`] over one class or (`None`) every class.
fn source_total(m: &MentionRecord, class: Option<Class>, outcome: Outcome, cause: Option<Cause>) -> Option<(Amount, Vec<&CasualtyClaim>)> {
    let claims: Vec<&CasualtyClaim> = m
        .casualties
        .iter()
        .filter(|c| {
            !c.superseded && c.outcome == outcome && class.is_none_or(|k| Class::of(c.party) == k) && cause.is_none_or(|k| c.cause == k)
        })
        .collect();
    let first = claims.first()?.amount;
    Some((claims[1..].iter().fold(first, |t, c| add(t, c.amount)), claims))
}

fn reconcile_casualties(ctx: &mut Ctx<'_>, members: &[&MentionRecord], used: &[&MentionRecord]) -> (Vec<CasualtyOut>, u64) {
    // Which sources give the figures, per class and outcome.
    let mut class_outcomes: BTreeSet<(Class, Outcome)> = BTreeSet::new();
    for m in members {
        for c in &m.casualties {
            class_outcomes.insert((Class::of(c.party), c.outcome));
        }
    }
    let has = |m: &MentionRecord, co: (Class, Outcome)| m.casualties.iter().any(|c| !c.superseded && (Class::of(c.party), c.outcome) == co);
    let main_counts = used.iter().any(|m| m.role == SourceRole::Primary && m.casualties.iter().any(|c| !c.superseded));
    let mut entries: Vec<Entry> = Vec::new();
    // (group, output, per-claim (member, claim index, superseded across sources), acled figure)
    for co in class_outcomes {
        let primary: Vec<&MentionRecord> = used.iter().copied().filter(|m| m.role == SourceRole::Primary && has(m, co)).collect();
        // Passing mentions lend a toll only to an event no main report counts anyone of: a main
        // report that counts the wounded and nobody dead says nobody died.
        let givers: Vec<&MentionRecord> = if !primary.is_empty() {
            primary
        } else if main_counts {
            continue;
        } else {
            used.iter().copied().filter(|m| has(m, co)).collect()
        };
        // Totals of sources that break the toll down by cause.
        let breakdown_totals: Vec<u64> = givers
            .iter()
            .filter_map(|m| {
                let causes: BTreeSet<Cause> =
                    m.casualties.iter().filter(|c| !c.superseded && (Class::of(c.party), c.outcome) == co).map(|c| c.cause).collect();
                (causes.len() > 1).then(|| source_figure(m, co, None).map(|(a, _)| a.stated)).flatten()
            })
            .collect();
        let mut causes: BTreeSet<Cause> = BTreeSet::new();
        for m in &givers {
            for c in m.casualties.iter().filter(|c| !c.superseded && (Class::of(c.party), c.outcome) == co) {
                causes.insert(c.cause);
            }
        }
        for cause in causes {
            let mut figs: Vec<Figure<'_>> = Vec::new();
            for m in &givers {
                let single_cause =
                    m.casualties.iter().filter(|c| !c.superseded && (Class::of(c.party), c.outcome) == co).all(|c| c.cause == cause);
                let Some((amount, claims)) = source_figure(m, co, Some(cause)) else { continue };
                // A single figure equal to another source's total over causes is that total.
                if single_cause && !breakdown_totals.is_empty() && breakdown_totals.contains(&amount.stated) && exact(&amount) {
                    let own_breakdown = m
                        .casualties
                        .iter()
                        .filter(|x| (Class::of(x.party), x.outcome) == co)
                        .map(|x| x.cause)
                        .collect::<BTreeSet<_>>()
                        .len()
                        > 1;
                    if !own_breakdown {
                        continue;
                    }
                }
                figs.push(Figure {
                    member: m,
                    official: claims.iter().any(|c| is_official(&c.attributed_to)),
                    claims,
                    amount,
                    published: ctx.art(m).and_then(|a| a.published),
                });
            }
            if figs.is_empty() {
                continue;
            }
            let aside = take_part_for_sum(&mut figs);
            let r = reconcile_figures(&figs);
            if r.conflict {
                ctx.flags.insert(EventFlag::ConflictingCounts);
            }
            let claims: Vec<&CasualtyClaim> = figs.iter().flat_map(|f| f.claims.iter().copied()).collect();
            let party = party_vote(&claims);
            let out = CasualtyOut {
                party,
                outcome: co.1,
                low: r.amount.low,
                best: r.amount.best,
                high: r.amount.high,
                vague: r.amount.vague,
                cause,
            };
            let used_claims: Vec<(MentionKey, usize, bool)> = figs
                .iter()
                .zip(&r.superseded)
                .flat_map(|(f, s)| {
                    f.claims.iter().map(move |c| {
                        let idx = f.member.casualties.iter().position(|x| std::ptr::eq(x, *c)).unwrap_or(0);
                        (f.member.key.clone(), idx, *s)
                    })
                })
                .chain(aside.iter().map(|(m, c)| {
                    let idx = m.casualties.iter().position(|x| std::ptr::eq(x, *c)).unwrap_or(0);
                    (m.key.clone(), idx, true)
                }))
                .collect();
            entries.push(((co.0, co.1, cause), out, used_claims, r.acled));
        }
    }
    let mut dropped = drop_split_classes(ctx, used, &mut entries);
    dropped.extend(drop_minority_tolls(ctx, used, &mut entries));
    entries.sort_by_key(|a| a.0);
    let mut fatalities = 0;
    for (i, (key, _, used_claims, acled)) in entries.iter().enumerate() {
        if key.1 == Outcome::Killed && key.2 == Cause::Violence {
            fatalities += acled;
        }
        for (mk, ci, sup) in used_claims {
            if !sup && let Some(m) = members.iter().find(|m| m.key == *mk) {
                ctx.evidence(m, &format!("casualties[{i}]"), &m.casualties[*ci].quote);
            }
        }
    }
    for m in members {
        for (ci, c) in m.casualties.iter().enumerate() {
            let key = (Class::of(c.party), c.outcome, c.cause);
            let idx = entries.iter().position(|e| e.0 == key);
            let cross = idx.is_some_and(|i| entries[i].2.iter().any(|(k, x, s)| *k == m.key && *x == ci && *s));
            let field = idx.map_or_else(|| "casualties".to_string(), |i| format!("casualties[{i}]"));
            let v = json!({"party": c.party, "outcome": c.outcome, "cause": c.cause, "low": c.amount.low, "best": c.amount.best, "high": c.amount.high, "vague": c.amount.vague});
            ctx.claim(m, &field, v, c.attributed_to.clone(), c.superseded || cross || dropped.contains(&key), &c.quote);
        }
    }
    (entries.into_iter().map(|e| e.1).collect(), fatalities)
}

/// A toll most independent reports leave out while they give the other one: reports that count
/// the dead and nobody wounded say, by omission, that nobody else was hurt, and reports that
/// count the wounded and nobody dead, that nobody died. With at least two main reports giving
/// the other toll and fewer than half of the main reports giving this one, this one's figures
/// (by violence) are dropped (their claims superseded), when:
/// - wounded: the wounded are no more than the dead (the dead counted again: "a man was shot"
///   in one report, "a man was shot dead" in the others);
/// - killed: not every report giving deaths was published after every report without (a
///   later death, which later reports alone can know).
///
/// Returns the dropped groups.
fn drop_minority_tolls(ctx: &Ctx<'_>, used: &[&MentionRecord], entries: &mut Vec<Entry>) -> BTreeSet<GroupKey> {
    let mut dropped = BTreeSet::new();
    let reports: Vec<&MentionRecord> = used.iter().copied().filter(|m| m.role == SourceRole::Primary).collect();
    let gives = |m: &MentionRecord, o: Outcome| {
        m.casualties.iter().any(|c| !c.superseded && c.outcome == o && c.cause == Cause::Violence && c.amount.best > 0)
    };
    let total =
        |entries: &Vec<Entry>, o: Outcome| entries.iter().filter(|e| e.0.1 == o && e.0.2 == Cause::Violence).map(|e| e.1.best).sum::<u64>();
    for (this, other) in [(Outcome::Wounded, Outcome::Killed), (Outcome::Killed, Outcome::Wounded)] {
        let (with, without): (Vec<&MentionRecord>, Vec<&MentionRecord>) = reports.iter().copied().partition(|m| gives(m, this));
        let other_reports = reports.iter().filter(|m| gives(m, other)).count();
        if other_reports < 2 || with.is_empty() || 2 * with.len() >= reports.len() {
            continue;
        }
        let keep = match this {
            Outcome::Wounded => total(entries, Outcome::Wounded) > total(entries, Outcome::Killed),
            _ => {
                let published = |m: &MentionRecord| ctx.art(m).and_then(|a| a.published);
                let first_with = with.iter().map(|m| published(m)).min().flatten();
                let last_without = without.iter().map(|m| published(m)).max().flatten();
                matches!((first_with, last_without), (Some(a), Some(b)) if a > b)
            }
        };
        if keep {
            continue;
        }
        for e in entries.iter().filter(|e| e.0.1 == this && e.0.2 == Cause::Violence) {
            dropped.insert(e.0);
        }
        entries.retain(|e| !dropped.contains(&e.0));
    }
    dropped
}

/// The same people counted in two classes: sources that each put one victim among civilians
/// and another source that calls them the attacker, summed, count the victim twice. Per
/// outcome and cause, the sources' totals over every class are reconciled like any figure;
/// when they agree (no conflict, closed; or, in conflict, a strict majority of at least two
/// sources gives the same exact total) and the classes' figures add up to more than that
/// total allows, the classes fewest sources give are dropped until the rest fit (ties: the
/// class with the smaller figure is kept, then the earlier class). Returns the dropped groups.
fn drop_split_classes(ctx: &Ctx<'_>, used: &[&MentionRecord], entries: &mut Vec<Entry>) -> BTreeSet<GroupKey> {
    let mut dropped = BTreeSet::new();
    let keys: BTreeSet<(Outcome, Cause)> = entries.iter().map(|e| (e.0.1, e.0.2)).collect();
    for (outcome, cause) in keys {
        let idx: Vec<usize> = (0..entries.len()).filter(|&i| (entries[i].0.1, entries[i].0.2) == (outcome, cause)).collect();
        if idx.len() < 2 {
            continue;
        }
        let with = |m: &&MentionRecord| source_total(m, None, outcome, Some(cause)).is_some();
        let primary: Vec<&MentionRecord> = used.iter().copied().filter(|m| m.role == SourceRole::Primary).filter(with).collect();
        let givers: Vec<&MentionRecord> = if primary.is_empty() { used.iter().copied().filter(with).collect() } else { primary };
        let totals: Vec<(Amount, Vec<&CasualtyClaim>)> =
            givers.iter().filter_map(|m| source_total(m, None, outcome, Some(cause))).collect();
        let figs: Vec<Figure<'_>> = givers
            .iter()
            .zip(&totals)
            .map(|(m, (amount, claims))| Figure {
                member: m,
                claims: claims.clone(),
                amount: *amount,
                published: ctx.art(m).and_then(|a| a.published),
                official: claims.iter().any(|c| is_official(&c.attributed_to)),
            })
            .collect();
        let total = reconcile_figures(&figs);
        // Totals that disagree still bound the classes when most sources give the same exact one.
        let majority = || {
            let mut count: BTreeMap<u64, usize> = BTreeMap::new();
            for f in figs.iter().filter(|f| exact(&f.amount)) {
                *count.entry(f.amount.best).or_default() += 1;
            }
            count.into_iter().find(|(_, n)| *n >= 2 && 2 * n > figs.len()).map(|(v, _)| v)
        };
        let Some(high) = (if total.conflict { majority() } else { total.amount.high }) else { continue };
        let support = |i: usize| entries[i].2.iter().filter(|(_, _, s)| !s).map(|(k, _, _)| k).collect::<BTreeSet<_>>().len();
        let mut order = idx.clone();
        order.sort_by(|&a, &b| {
            support(b).cmp(&support(a)).then(entries[a].1.best.cmp(&entries[b].1.best)).then(entries[a].0.cmp(&entries[b].0))
        });
        let mut sum = 0;
        for i in order {
            if sum + entries[i].1.best <= high || sum == 0 {
                sum += entries[i].1.best;
            } else {
                dropped.insert(entries[i].0);
            }
        }
    }
    entries.retain(|e| !dropped.contains(&e.0));
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{MentionKey, Quote};
    use crate::testkit::{M, about, article, day};
    use sitrep_model::article::Article;
    use sitrep_model::mention::EventMention;

    fn claim(a: Amount) -> CasualtyClaim {
        CasualtyClaim {
            party: ActorKind::StateForces,
            outcome: Outcome::Killed,
            amount: a,
            cause: Cause::Violence,
            attributed_to: None,
            superseded: false,
            quote: Quote { start: 0, end: 1, text: "x".into(), in_title: false },
        }
    }

    fn member(id: &str) -> MentionRecord {
        MentionRecord {
            key: MentionKey { article_id: id.into(), index: 0 },
            hash: 0,
            role: SourceRole::Primary,
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            type_quote: None,
            date: crate::record::DateClaim {
                earliest: None,
                latest: None,
                precision: DatePrecision::Unknown,
                expression: None,
                from_publication: false,
                relative_to: None,
                quote: None,
            },
            location: Default::default(),
            actors: vec![],
            casualties: vec![],
            tactics: vec![],
            text: String::new(),
            names: vec![],
            people: vec![],
            embedding: None,
            country_hint: None,
            population: None,
        }
    }

    /// Reconciles figures given as (amount, publication date, official).
    fn run(figs: &[(Amount, Option<NaiveDate>, bool)]) -> (Amount, Vec<bool>, bool, u64) {
        let m = member("a");
        let claims: Vec<CasualtyClaim> = figs.iter().map(|f| claim(f.0)).collect();
        let fs: Vec<Figure<'_>> = figs
            .iter()
            .zip(&claims)
            .map(|(f, c)| Figure { member: &m, claims: vec![c], amount: c.amount, published: f.1, official: f.2 })
            .collect();
        let r = reconcile_figures(&fs);
        (r.amount, r.superseded, r.conflict, r.acled)
    }

    #[test]
    fn a_later_exact_count_supersedes_an_early_partial_one() {
        let (a, sup, conflict, acled) = run(&[(Amount::at_least(10), None, false), (Amount::exact(12), None, true)]);
        assert_eq!(a, Amount::exact(12));
        assert_eq!(sup, vec![true, false]);
        assert!(!conflict);
        assert_eq!(acled, 12);
    }

    #[test]
    fn an_exact_count_closes_an_open_range_it_fits() {
        let (a, sup, conflict, _) = run(&[(Amount::at_least(12), None, false), (Amount::exact(12), None, false)]);
        assert_eq!((a.low, a.best, a.high), (12, 12, Some(12)));
        assert_eq!(sup, vec![false, false]);
        assert!(!conflict);
    }

    #[test]
    fn counts_that_cannot_both_be_true_conflict() {
        let (a, _, conflict, acled) = run(&[(Amount::exact(15), None, false), (Amount::exact(29), None, false)]);
        assert!(conflict);
        assert_eq!((a.low, a.high), (15, Some(29)));
        assert_eq!(acled, 15);
    }

    #[test]
    fn tolls_rise_over_time() {
        let (a, sup, conflict, _) =
            run(&[(Amount::exact(1), Some(day(2024, 1, 1)), false), (Amount::exact(2), Some(day(2024, 1, 3)), false)]);
        assert_eq!(a, Amount::exact(2));
        assert_eq!(sup, vec![true, false]);
        assert!(!conflict);
        // Undated and unattributed: no way to tell which came later.
        let (_, _, conflict, _) = run(&[(Amount::exact(1), None, false), (Amount::exact(2), None, false)]);
        assert!(conflict);
    }

    #[test]
    fn a_lone_later_figure_does_not_outvote_agreeing_ones() {
        // Two reports agree on 3; a third, a day later, says 8 (a misreading, or a count of
        // something else): the agreeing figure holds, the disagreement is flagged.
        let (a, sup, conflict, _) = run(&[
            (Amount::exact(3), Some(day(2024, 1, 1)), false),
            (Amount::exact(3), Some(day(2024, 1, 2)), false),
            (Amount::exact(8), Some(day(2024, 1, 2)), false),
        ]);
        assert_eq!(a.best, 3);
        assert_eq!(sup, vec![false, false, false]);
        assert!(conflict);
        // Two later reports of 4 against two earlier of 3: the toll rose.
        let (a, sup, _, _) = run(&[
            (Amount::exact(3), Some(day(2024, 1, 1)), false),
            (Amount::exact(3), Some(day(2024, 1, 1)), false),
            (Amount::exact(4), Some(day(2024, 1, 2)), false),
            (Amount::exact(4), Some(day(2024, 1, 3)), false),
        ]);
        assert_eq!(a, Amount::exact(4));
        assert_eq!(sup, vec![true, true, false, false]);
    }

    #[test]
    fn approximate_and_open_figures_combine_as_ranges() {
        let (a, _, conflict, acled) = run(&[(Amount::at_least(100), None, false), (about(100), None, false)]);
        assert_eq!((a.low, a.best, a.high, a.vague), (90, 100, None, true));
        assert!(!conflict);
        assert_eq!(acled, 100);
        let (a, sup, _, _) = run(&[(Amount::at_least(10), None, false), (Amount::at_least(12), None, false)]);
        assert_eq!((a.low, a.best, a.high), (12, 12, None));
        assert_eq!(sup, vec![true, false]);
    }

    /// One event of our own reports: each (article, mentions, which mentions are members).
    fn event_of(reports: &[(Article, Vec<EventMention>, Vec<usize>)]) -> EventOut {
        event_with(reports, &[])
    }

    /// [`event_of`], with `(article, original)` pairs of derivative rewrites.
    fn event_with(reports: &[(Article, Vec<EventMention>, Vec<usize>)], derivative: &[(&str, &str)]) -> EventOut {
        let mut articles: BTreeMap<String, ArticleRecord> = BTreeMap::new();
        let mut members = Vec::new();
        for (a, ms, which) in reports {
            articles.insert(a.id.clone(), ArticleRecord::new(a, ms));
            let recs = MentionRecord::all(a, ms);
            members.extend(which.iter().map(|&i| recs[i].clone()));
        }
        for (copy, original) in derivative {
            if let Some(r) = articles.get_mut(*copy) {
                r.derivative_of.push(original.to_string());
            }
        }
        members.sort_by(|a, b| a.key.cmp(&b.key));
        let state = EventState { id: "ev".into(), merged_from: vec![], keys: vec![], latest: None, members };
        reconcile(&state, &articles, &|_| None)
    }

    fn total(e: &EventOut, o: Outcome) -> u64 {
        e.casualties.iter().filter(|c| c.outcome == o).map(|c| c.best).sum()
    }

    const T1: &str = "A man was killed and a woman died later in hospital after a shooting on Elm Street on Friday.";
    const T2: &str = "Two people died after gunfire on Elm Street on Friday night, police said.";

    #[test]
    fn one_source_s_figures_for_a_party_add_up() {
        // The reader counts each victim once: "a man was killed" and "a woman died" are two.
        let a = article("a", None, Some(day(2025, 6, 7)), T1);
        let m = M::new(T1, SourceRole::Primary, SubEventType::Attack, "shooting")
            .toll("A man was killed", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .toll("a woman died", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        let b = article("b", None, Some(day(2025, 6, 7)), T2);
        let n = M::new(T2, SourceRole::Primary, SubEventType::Attack, "gunfire")
            .toll("Two people died", ActorKind::Civilians, Outcome::Killed, Amount::exact(2), Cause::Violence)
            .done();
        let e = event_of(&[(a, vec![m], vec![0]), (b, vec![n], vec![0])]);
        assert_eq!(total(&e, Outcome::Killed), 2);
        assert!(!e.flags.contains(&EventFlag::ConflictingCounts));
        // Both of the first report's quotes support the entry; none is superseded.
        let claims: Vec<&ClaimOut> = e.claims.iter().flatten().filter(|c| c.field == "casualties[0]").collect();
        assert_eq!(claims.len(), 3);
        assert!(claims.iter().all(|c| !c.superseded));
    }

    const T3: &str = "A gunman shot a cashier dead at a gas station on Route 9 on Monday.";
    const T4: &str = "The man who was killed at the Route 9 gas station on Monday was the robber, police said.";
    const T5: &str = "One person died in Monday's shooting at a gas station on Route 9.";

    #[test]
    fn the_same_victim_in_two_parties_is_counted_once() {
        // Every report counts one death; two call the dead a civilian, one the attacker.
        let mk = |id: &str, text: &'static str, phrase: &str, party: ActorKind| {
            let a = article(id, None, Some(day(2025, 6, 10)), text);
            let m = M::new(text, SourceRole::Primary, SubEventType::Attack, "gas station")
                .toll(phrase, party, Outcome::Killed, Amount::exact(1), Cause::Violence)
                .done();
            (a, vec![m], vec![0])
        };
        let e = event_of(&[
            mk("a", T3, "shot a cashier dead", ActorKind::Civilians),
            mk("b", T4, "the robber", ActorKind::PoliticalMilitia),
            mk("c", T5, "One person died", ActorKind::Civilians),
        ]);
        assert_eq!(total(&e, Outcome::Killed), 1);
        assert_eq!(e.casualties[0].party, ActorKind::Civilians);
        // The dropped reading stays among the claims, superseded.
        let robber = e.claims.iter().flatten().find(|c| c.quote == "the robber").expect("claim kept");
        assert!(robber.superseded);
    }

    #[test]
    fn parties_whose_sources_disagree_on_the_total_are_both_kept() {
        // Five soldiers in one report, ten fighters in another: totals that cannot both be
        // true say nothing about double counting.
        let t6 = "Five soldiers were killed in an ambush near the river crossing on Tuesday.";
        let t7 = "Ten fighters died in Tuesday's ambush at the river crossing, a local official said.";
        let a = article("a", None, Some(day(2025, 6, 11)), t6);
        let m = M::new(t6, SourceRole::Primary, SubEventType::ArmedClash, "ambush")
            .toll("Five soldiers were killed", ActorKind::StateForces, Outcome::Killed, Amount::exact(5), Cause::Violence)
            .done();
        let b = article("b", None, Some(day(2025, 6, 11)), t7);
        let n = M::new(t7, SourceRole::Primary, SubEventType::ArmedClash, "ambush")
            .toll("Ten fighters died", ActorKind::Rebels, Outcome::Killed, Amount::exact(10), Cause::Violence)
            .done();
        let e = event_of(&[(a, vec![m], vec![0]), (b, vec![n], vec![0])]);
        assert_eq!(total(&e, Outcome::Killed), 15);
    }

    #[test]
    fn an_article_s_other_events_do_not_lend_their_figures() {
        // Report A's reader took the earlier robbery as another event; joined to this one by
        // the linker, its toll must not become this event's.
        let t8 = "Three people were wounded in a shooting at a park on Saturday. Last week a clerk was killed in a robbery nearby.";
        let a = article("a", None, Some(day(2025, 6, 15)), t8);
        let main = M::new(t8, SourceRole::Primary, SubEventType::Attack, "shooting")
            .date("on Saturday", day(2025, 6, 14), day(2025, 6, 14), DatePrecision::Day, true)
            .toll("Three people were wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(3), Cause::Violence)
            .done();
        let bg = M::new(t8, SourceRole::Background, SubEventType::Attack, "robbery")
            .date("Last week", day(2025, 6, 2), day(2025, 6, 8), DatePrecision::Week, true)
            .toll("a clerk was killed", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        let e = event_of(&[(a, vec![main, bg], vec![0, 1])]);
        assert_eq!(total(&e, Outcome::Killed), 0);
        assert_eq!(total(&e, Outcome::Wounded), 3);
        assert_eq!(e.date.earliest, Some(day(2025, 6, 14)));
        assert!(!e.flags.contains(&EventFlag::DateConflict));
    }

    #[test]
    fn conflicting_days_resolve_to_the_earlier() {
        // One report dates the shooting Sunday night, another dates it Monday (when the
        // victims were named): with equal support, the event comes before its follow-ups.
        let t9 = "Two men were shot outside a bar late Sunday night.";
        let t10 = "Police on Monday named the two men shot outside the bar.";
        let a = article("a", None, Some(day(2025, 6, 16)), t9);
        let m = M::new(t9, SourceRole::Primary, SubEventType::Attack, "were shot")
            .date("late Sunday night", day(2025, 6, 15), day(2025, 6, 15), DatePrecision::Day, true)
            .done();
        let b = article("b", None, Some(day(2025, 6, 17)), t10);
        let n = M::new(t10, SourceRole::Primary, SubEventType::Attack, "shot")
            .date("on Monday", day(2025, 6, 16), day(2025, 6, 16), DatePrecision::Day, true)
            .done();
        let e = event_of(&[(b, vec![n], vec![0]), (a, vec![m], vec![0])]);
        assert_eq!((e.date.earliest, e.date.latest), (Some(day(2025, 6, 15)), Some(day(2025, 6, 15))));
        assert!(e.flags.contains(&EventFlag::DateConflict));
    }

    #[test]
    fn equally_common_exact_figures_resolve_to_the_later_report() {
        // Seven wounded on the first day, six the next: the later report has had time to
        // correct the count (a later *larger* figure supersedes outright).
        let (a, sup, conflict, _) =
            run(&[(Amount::exact(7), Some(day(2024, 1, 1)), false), (Amount::exact(6), Some(day(2024, 1, 2)), false)]);
        assert_eq!(a.best, 6);
        assert_eq!(sup, vec![false, false]);
        assert!(conflict);
        // Same day: the larger, as before.
        let (a, _, _, _) = run(&[(Amount::exact(3), Some(day(2024, 1, 1)), false), (Amount::exact(4), Some(day(2024, 1, 1)), false)]);
        assert_eq!(a.best, 4);
        // Two sources against one win whatever the dates.
        let (a, _, _, _) = run(&[
            (Amount::exact(3), Some(day(2024, 1, 1)), false),
            (Amount::exact(3), Some(day(2024, 1, 1)), false),
            (Amount::exact(2), Some(day(2024, 1, 2)), false),
        ]);
        assert_eq!(a.best, 3);
    }

    #[test]
    fn most_sources_agreeing_on_a_total_bound_a_lone_extra_class() {
        // Three reports count one wounded civilian (one of them published after the fourth, so
        // the totals stay in conflict); the fourth adds two wounded officers (the same people
        // seen twice, or a misreading): the majority's total holds.
        let mut reports = Vec::new();
        for (id, d) in [("a", 3), ("b", 4), ("c", 5)] {
            let t: &'static str = "A man was wounded when a gunman opened fire at a diner on Main Street.";
            let a = article(id, None, Some(day(2025, 7, d)), t);
            let m = M::new(t, SourceRole::Primary, SubEventType::Attack, "opened fire")
                .toll("A man was wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(1), Cause::Violence)
                .done();
            reports.push((a, vec![m], vec![0]));
        }
        let t = "Two officers were shot and a man was wounded at a diner on Main Street.";
        let d = article("d", None, Some(day(2025, 7, 4)), t);
        let m = M::new(t, SourceRole::Primary, SubEventType::Attack, "were shot")
            .toll("Two officers were shot", ActorKind::StateForces, Outcome::Wounded, Amount::exact(2), Cause::Violence)
            .toll("a man was wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(1), Cause::Violence)
            .done();
        reports.push((d, vec![m], vec![0]));
        let e = event_of(&reports);
        assert_eq!(total(&e, Outcome::Wounded), 1);
        // Without a majority (one report each way), both classes stay.
        let e = event_of(&reports[2..]);
        assert_eq!(total(&e, Outcome::Wounded), 3);
    }

    #[test]
    fn a_total_and_its_details_count_once() {
        // One report gives the total and then details of it that its reader took for more
        // people; another gives the total alone.
        let t = "Five people were injured at a block party on Pine Street. Two more men were also wounded, police said.";
        let u = "Five people were wounded by gunfire at a Pine Street block party.";
        let a = article("a", None, Some(day(2025, 8, 10)), t);
        let m = M::new(t, SourceRole::Primary, SubEventType::Attack, "block party")
            .toll("Five people were injured", ActorKind::Civilians, Outcome::Wounded, Amount::exact(5), Cause::Violence)
            .toll("Two more men were also wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(2), Cause::Violence)
            .done();
        let b = article("b", None, Some(day(2025, 8, 10)), u);
        let n = M::new(u, SourceRole::Primary, SubEventType::Attack, "gunfire")
            .toll("Five people were wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(5), Cause::Violence)
            .done();
        let e = event_of(&[(a.clone(), vec![m.clone()], vec![0]), (b, vec![n], vec![0])]);
        assert_eq!(total(&e, Outcome::Wounded), 5);
        assert!(!e.flags.contains(&EventFlag::ConflictingCounts));
        let detail = e.claims.iter().flatten().find(|c| c.quote == "Two more men were also wounded").expect("claim kept");
        assert!(detail.superseded);
        // Alone, the report's figures add up as the reader gave them.
        let e = event_of(&[(a, vec![m], vec![0])]);
        assert_eq!(total(&e, Outcome::Wounded), 7);
    }

    /// A report of one shooting: (id, published day of August 2025, text, tolls as (phrase,
    /// outcome, figure)).
    fn report(id: &str, d: u32, text: &'static str, tolls: &[(&str, Outcome, u64)]) -> (Article, Vec<EventMention>, Vec<usize>) {
        let a = article(id, None, Some(day(2025, 8, d)), text);
        let mut m = M::new(text, SourceRole::Primary, SubEventType::Attack, "shooting");
        for (phrase, o, n) in tolls {
            m = m.toll(phrase, ActorKind::Civilians, *o, Amount::exact(*n), Cause::Violence);
        }
        (a, vec![m.done()], vec![0])
    }

    #[test]
    fn a_toll_most_reports_leave_out_is_dropped() {
        use Outcome::{Killed, Wounded};
        // Three reports count one dead; one of them also counts "a man was shot" among the
        // wounded (the same man): nobody else was hurt, by the other two.
        let t1 = "A man was shot in the shooting on Birch Road on Friday and died at the scene.";
        let t2 = "One man died in a shooting on Birch Road on Friday.";
        let t3 = "A man was killed in a Friday shooting on Birch Road.";
        let e = event_of(&[
            report("a", 9, t1, &[("A man was shot", Wounded, 1), ("died at the scene", Killed, 1)]),
            report("b", 9, t2, &[("One man died", Killed, 1)]),
            report("c", 10, t3, &[("A man was killed", Killed, 1)]),
        ]);
        assert_eq!((total(&e, Killed), total(&e, Wounded)), (1, 0));
        assert!(e.claims.iter().flatten().find(|c| c.quote == "A man was shot").expect("kept").superseded);
        // Three reports count three wounded; one also counts a death the others do not.
        let w1 = "Three people were wounded in a shooting at a bus stop on Elm Street; one died.";
        let w2 = "Three people were wounded in a shooting at an Elm Street bus stop.";
        let w3 = "A shooting at a bus stop on Elm Street left three people wounded.";
        let reports = [
            report("d", 9, w1, &[("Three people were wounded", Wounded, 3), ("one died", Killed, 1)]),
            report("e", 9, w2, &[("Three people were wounded", Wounded, 3)]),
            report("f", 9, w3, &[("three people wounded", Wounded, 3)]),
        ];
        let e = event_of(&reports);
        assert_eq!((total(&e, Killed), total(&e, Wounded)), (0, 3));
        // Published after the others, the death may have come later: it stands.
        let mut later = reports.clone();
        later[0] = report("d", 12, w1, &[("Three people were wounded", Wounded, 3), ("one died", Killed, 1)]);
        let e = event_of(&later);
        assert_eq!((total(&e, Killed), total(&e, Wounded)), (1, 3));
        // Half the reports giving it is not "most leave it out".
        let e = event_of(&reports[..2]);
        assert_eq!(total(&e, Killed), 1);
    }

    #[test]
    fn a_passing_mention_does_not_add_a_toll_the_main_reports_leave_out() {
        // The main report counts two wounded and nobody dead; another article mentions the
        // shooting in passing with a death (its own event's, or a misreading).
        let t = "Two men were wounded in a shooting outside a laundromat on Cedar Avenue on Sunday.";
        let u = "A woman was killed in a crash on Monday. On Sunday a shooting on Cedar Avenue killed a man, police said.";
        let a = article("a", None, Some(day(2025, 9, 8)), t);
        let m = M::new(t, SourceRole::Primary, SubEventType::Attack, "shooting")
            .toll("Two men were wounded", ActorKind::Civilians, Outcome::Wounded, Amount::exact(2), Cause::Violence)
            .done();
        let b = article("b", None, Some(day(2025, 9, 9)), u);
        let crash = M::new(u, SourceRole::Primary, SubEventType::Attack, "crash").done();
        let passing = M::new(u, SourceRole::Background, SubEventType::Attack, "a shooting")
            .toll("killed a man", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        let e = event_of(&[(a, vec![m], vec![0]), (b.clone(), vec![crash.clone(), passing.clone()], vec![1])]);
        assert_eq!((total(&e, Outcome::Killed), total(&e, Outcome::Wounded)), (0, 2));
        // With no main report counting anyone, the passing mention's toll is the event's.
        let e = event_of(&[(b, vec![crash, passing], vec![1])]);
        assert_eq!(total(&e, Outcome::Killed), 1);
    }

    #[test]
    fn conflicting_dates_keep_the_largest_agreeing_set() {
        // "In June", "on June 14" and "on June 20" cannot all hold; the month agrees with
        // both days, but the event happened on one day: June 14 (held by two claims, as is
        // June 20; the earlier).
        let t = "A shooting at a warehouse in June left two men wounded.";
        let mk = |id: &str, phrase: &str, from: NaiveDate, to: NaiveDate, p: DatePrecision| {
            let a = article(id, None, Some(day(2025, 7, 1)), t);
            let m = M::new(t, SourceRole::Primary, SubEventType::Attack, "shooting").date(phrase, from, to, p, false).done();
            (a, vec![m], vec![0])
        };
        let e = event_of(&[
            mk("a", "in June", day(2025, 6, 1), day(2025, 6, 30), DatePrecision::Month),
            mk("b", "A shooting", day(2025, 6, 14), day(2025, 6, 14), DatePrecision::Day),
            mk("c", "warehouse", day(2025, 6, 20), day(2025, 6, 20), DatePrecision::Day),
        ]);
        assert_eq!((e.date.earliest, e.date.latest), (Some(day(2025, 6, 14)), Some(day(2025, 6, 14))));
        assert_eq!(e.date.precision, DatePrecision::Day);
        assert!(e.flags.contains(&EventFlag::DateConflict));
    }

    #[test]
    fn a_figure_only_a_copy_gives_is_not_the_event_s() {
        // B re-tells A (derivative) and adds a wounded count A does not give: a claim, kept,
        // but the event's figures come from independent sources only.
        let t = "A man was killed in a shooting on Oak Avenue on Sunday, police said.";
        let u = "A man was killed in a shooting on Oak Avenue on Sunday, police said, and two were hurt.";
        let a = article("a", None, Some(day(2025, 8, 4)), t);
        let m = M::new(t, SourceRole::Primary, SubEventType::Attack, "shooting")
            .toll("A man was killed", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .done();
        let b = article("b", None, Some(day(2025, 8, 4)), u);
        let n = M::new(u, SourceRole::Primary, SubEventType::Attack, "shooting")
            .toll("A man was killed", ActorKind::Civilians, Outcome::Killed, Amount::exact(1), Cause::Violence)
            .toll("two were hurt", ActorKind::Civilians, Outcome::Wounded, Amount::exact(2), Cause::Violence)
            .done();
        let e = event_with(&[(a, vec![m], vec![0]), (b, vec![n], vec![0])], &[("b", "a")]);
        assert_eq!(total(&e, Outcome::Killed), 1);
        assert_eq!(total(&e, Outcome::Wounded), 0);
        assert!(e.claims.iter().flatten().any(|c| c.quote == "two were hurt"));
    }
}
