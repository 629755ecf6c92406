//! The one-article reader: sentences to events.
//!
//! 1. Every sentence of the cleaned text is read for casualty frames, act cues, actors,
//!    tactics, attributions, time expressions and event-boundary cues.
//! 2. Sentences are assigned to events ([`segment`](crate::segment)): the first sentence that
//!    tells something (a casualty count, or a specific act that is not a general remark)
//!    opens the main event; a sentence with a background time cue ("last month", "four weeks
//!    prior to this incident", "earlier this month") or a new-event marker ("in another
//!    attack") opens a background event, or joins the one already opened with the same cue;
//!    a sentence that opens with a reference back ("the attack", "this incident") returns to
//!    the main event; a sentence dated outside the current event's dates goes to the main
//!    event when its dates fit; any other sentence continues the current event. Sentences
//!    that tell nothing (politics, trends, plans) belong to no event.
//! 3. Each event gets its casualties (one figure per party, outcome and cause: repeated
//!    figures merged, earlier lower figures and totals that a breakdown explains
//!    superseded), its actors (the attacking side and the side attacked, as ACLED codes a
//!    dyad), its ACLED type, tactics, date (`sitrep_time`) and place (`sitrep_place`).
//!
//! Every value carries the span of the original text it came from.

use crate::actors::{self, ActorMention, ActorTable};
use crate::acts::{self, Act, ActCue};
use crate::attribution::{self, Attribution};
use crate::casualties::{self, Frame};
use crate::classify::{Facts, classify};
use crate::lexicon::{Party, PersonNoun, arming_modifier, country_name, demonym, person_noun};
use crate::numbers::{self, NumTok};
use crate::segment::{self, Cues};
use crate::tokens::{Kind, Token, tokenize};
use sitrep_model::article::Article;
use sitrep_model::mention::*;
use sitrep_model::taxonomy::*;
use sitrep_model::{Amount, ExtractorId, Span};
use sitrep_place::{Gazetteer, PlaceMention};
use sitrep_time::{Anchor, Timex};
use std::collections::{BTreeSet, HashMap};

const TYPE_RULE: ExtractorId = ExtractorId::new("event.type.v1");
const PLACE_RULE: ExtractorId = ExtractorId::new("event.location.v1");
const TACTIC_RULE: ExtractorId = ExtractorId::new("tactic.lexicon.v1");

/// One sentence, read.
#[derive(Debug)]
pub(crate) struct Sent {
    pub span: Span,
    pub lo: usize,
    pub hi: usize,
    pub frames: Vec<Frame>,
    /// Counts that are parts of a larger count ("including one gendarme"): not casualties,
    /// but they say who was hit.
    pub parts: Vec<Frame>,
    pub acts: Vec<ActCue>,
    pub attributions: Vec<Attribution>,
    pub cues: Cues,
    pub tactics: Vec<(&'static str, usize, usize)>,
    pub timexes: Vec<usize>,
    pub eventful: bool,
    /// A named armed group or force is mentioned (a sentence that only says who did it).
    pub named: bool,
    /// The figures here are the attackers' own claim ("ISWAP said it killed 15 soldiers"),
    /// or only alleged.
    pub claim: bool,
    /// The text says its figures could not be verified.
    pub disclaimer: bool,
}

/// An event being assembled.
#[derive(Debug, Clone)]
struct Draft {
    role: SourceRole,
    /// Sentences that tell it (their frames and acts are its own).
    sents: Vec<usize>,
    /// Sentences that only mention it (context for date and place).
    context: Vec<usize>,
    /// The sentence that opened it.
    anchor: usize,
    /// Its background cue.
    key: Option<String>,
}

/// Everything the reader computes once per article.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub sents: Vec<Sent>,
    pub timexes: Vec<Timex>,
    pub places: Vec<PlaceMention>,
    pub actors: Vec<ActorMention>,
}

/// Reads one cleaned article into event mentions, main event first.
pub(crate) fn read(gaz: &Gazetteer, table: &ActorTable, article: &Article) -> Vec<EventMention> {
    let text = article.text.as_str();
    if text.trim().is_empty() {
        return Vec::new();
    }
    // the page's own stamp or dateline ("Posted: Saturday, March 2, ..."), when earlier than
    // the publication date given (a crawl date, the last update): the text's relative
    // expressions ("early Sunday") were written then
    let written = article.published.map(|p| sitrep_time::written_on(text, Some(p)).filter(|w| *w < p).unwrap_or(p));
    let doc = analyse(gaz, table, text, written);
    let drafts = segment_events(&doc);
    let mut events: Vec<(EventMention, Draft)> = Vec::new();
    let home = home_country(&doc);
    for d in drafts {
        if let Some(m) = assemble(&doc, table, gaz, article, &d, home.as_deref(), events.first().map(|e| &e.0)) {
            events.push((m, d));
        }
    }
    // the first event kept is the main one, unless it is only something done or said about
    // violence the text tells after it ("a teen was arrested Friday in a shooting ... two
    // people were killed"): then the first violent event with casualties is
    if events.first().is_some_and(|(m, _)| m.event_type == EventType::StrategicDevelopments && m.casualties.iter().all(|c| c.superseded))
        && let Some(k) = events.iter().position(|(m, _)| {
            m.event_type != EventType::StrategicDevelopments && m.casualties.iter().any(|c| !c.superseded && c.cause == Cause::Violence)
        })
    {
        let e = events.remove(k);
        events.insert(0, e);
    }
    // a main event its own sentences do not date by the violence itself: a day the rest of
    // the text gives to the violence ("The shooting happened about 10 p.m. Saturday", "the
    // June 29 shooting") in a sentence no other event claims, or one split off only because
    // its date differed from the day something was said or done about it
    if let Some((m, d0)) = events.first()
        && m.date.relative_to.is_none()
        && violent_timexes(&doc, &draft_order(d0)).is_empty()
    {
        let claimed: BTreeSet<usize> = events
            .iter()
            .skip(1)
            .filter(|(_, d)| cued(&doc, d))
            .flat_map(|(_, d)| d.sents.iter().chain(d.context.iter()).copied())
            .chain(draft_order(d0))
            .collect();
        let free: Vec<usize> = (0..doc.sents.len()).filter(|s| !claimed.contains(s)).collect();
        let strong = violent_timexes(&doc, &free);
        let spans: Vec<Span> = free.iter().map(|&s| doc.sents[s].span).collect();
        if let Some(t) = sitrep_time::event_date(&strong, &spans).filter(|t| t.granularity == DatePrecision::Day)
            && let Some((m, _)) = events.first_mut()
        {
            set_date(&mut m.date, &doc, article, t);
        }
    }
    // a main event dated only by a bare year that does not date the violence ("a prior
    // conviction from 2013", "shootings in 2017"), in a text whose own date is known: the
    // fallbacks below first (a day of an unclaimed sentence, a clock time, a day of telling),
    // the year only when they find nothing
    let mut weak_year: Option<sitrep_model::mention::DateValue> = None;
    if written.is_some()
        && let Some((m, d0)) = events.first()
        && m.date.relative_to.is_none()
        && m.date.precision == DatePrecision::Year
        && !violent_timexes(&doc, &draft_order(d0))
            .iter()
            .any(|t| m.date.evidence.as_ref().is_some_and(|e| orig(article, t.span) == e.span))
        && let Some((m, _)) = events.first_mut()
    {
        weak_year = Some(std::mem::replace(&mut m.date, sitrep_model::mention::DateValue::unknown()));
    }
    // a main event dated only coarsely ("a shooting last month", "the 2013 shooting") narrowed
    // to the one day inside that period the text gives it or leaves unclaimed ("the June 28
    // shooting", "On June 28, an argument ..."): the day of the violence first, then any day
    // not of telling about it
    if let Some((m, d0)) = events.first()
        && m.date.relative_to.is_none()
        && m.date.precision != DatePrecision::Day
        && let (Some(a), Some(b)) = (m.date.earliest, m.date.latest)
    {
        // "the weekend" of a shooting report takes in its Friday night (as `refine`)
        let weekend = m.date.expression.as_deref().is_some_and(|e| e.to_ascii_lowercase().contains("weekend"));
        let a = if weekend { a.pred_opt().unwrap_or(a) } else { a };
        let claimed: BTreeSet<usize> = events
            .iter()
            .skip(1)
            .filter(|(_, d)| cued(&doc, d))
            .flat_map(|(_, d)| d.sents.iter().chain(d.context.iter()).copied())
            .collect();
        let pool: Vec<usize> = draft_order(d0).into_iter().chain((0..doc.sents.len()).filter(|s| !claimed.contains(s))).collect();
        let inside = |ts: Vec<Timex>| -> Option<Timex> {
            let days: Vec<Timex> = ts
                .into_iter()
                .filter(|u| {
                    u.datable
                        && u.granularity == DatePrecision::Day
                        && u.earliest.is_some_and(|x| x >= a)
                        && u.latest.is_some_and(|y| y <= b)
                        && !matches!(u.anchor, Anchor::Event { .. })
                })
                .collect();
            let one = days.first()?;
            days.iter().all(|u| u.earliest == one.earliest && u.latest == one.latest).then(|| one.clone())
        };
        if let Some(t) = inside(violent_timexes(&doc, &pool)).or_else(|| inside(usable_timexes(&doc, &pool, false)))
            && let Some((m, _)) = events.first_mut()
        {
            set_date(&mut m.date, &doc, article, &t);
        }
    }
    // a main event its own sentences do not date: the first day the rest of the text gives
    // that no other event of it claims ("The shooting was reported at 2 a.m. Sunday" in a
    // sentence of its own)
    if events.first().is_some_and(|(m, _)| m.date.earliest.is_none() && m.date.relative_to.is_none()) {
        let claimed: BTreeSet<usize> = events.iter().skip(1).flat_map(|(_, d)| d.sents.iter().chain(d.context.iter()).copied()).collect();
        let free: Vec<usize> = (0..doc.sents.len()).filter(|s| !claimed.contains(s)).collect();
        let usable = event_timexes(&doc, &free);
        let spans: Vec<Span> = free.iter().map(|&s| doc.sents[s].span).collect();
        if let Some(t) = sitrep_time::event_date(&usable, &spans).filter(|t| t.granularity == DatePrecision::Day)
            && let Some((m, _)) = events.first_mut()
        {
            set_date(&mut m.date, &doc, article, t);
        }
    }
    // a main event no expression dates whose sentences (its own, then those no other event
    // claims) give only a clock time ("a man was shot around 1:15 a.m."): TimeML's convention,
    // the publication day (a same-day report)
    if events.first().is_some_and(|(m, _)| m.date.earliest.is_none() && m.date.relative_to.is_none())
        && let Some(t) = clock_time(&doc, &draft_order(&events[0].1)).or_else(|| {
            let claimed: BTreeSet<usize> =
                events.iter().skip(1).flat_map(|(_, d)| d.sents.iter().chain(d.context.iter()).copied()).collect();
            let free: Vec<usize> = (0..doc.sents.len()).filter(|s| !claimed.contains(s)).collect();
            clock_time(&doc, &free)
        })
        && let Some((m, _)) = events.first_mut()
    {
        set_date(&mut m.date, &doc, article, &t);
    }
    // a main event still undated whose sentences (its own, then those no other event claims)
    // date only what was said or done about it ("police are investigating a shooting Tuesday
    // afternoon", "was arrested Friday and charged with killing four people earlier in the
    // day"): that day, the nearest the text comes (an undated clock time above read nothing),
    // when it is the news of the day the text was written or the day before (an arrest days
    // or weeks before tells of a later development or another matter)
    if events.first().is_some_and(|(m, _)| m.date.earliest.is_none() && m.date.relative_to.is_none()) {
        let recent = |t: &Timex| match (t.earliest, written) {
            (Some(x), Some(p)) => x <= p && (p - x).num_days() <= TELLING_NEWS_DAYS,
            _ => false,
        };
        let claimed: BTreeSet<usize> = events.iter().skip(1).flat_map(|(_, d)| d.sents.iter().chain(d.context.iter()).copied()).collect();
        let own = draft_order(&events[0].1);
        let free: Vec<usize> = (0..doc.sents.len()).filter(|s| !claimed.contains(s) && !own.contains(s)).collect();
        for pool in [own, free] {
            let told: Vec<Timex> =
                usable_timexes(&doc, &pool, true).into_iter().filter(|t| recent(t) && !of_prosecution(&doc, t)).collect();
            let spans: Vec<Span> = pool.iter().map(|&s| doc.sents[s].span).collect();
            if let Some(t) = sitrep_time::event_date(&told, &spans).filter(|t| t.granularity == DatePrecision::Day)
                && let Some((m, _)) = events.first_mut()
            {
                set_date(&mut m.date, &doc, article, t);
                break;
            }
        }
    }
    if let Some(year) = weak_year
        && let Some((m, _)) = events.first_mut()
        && m.date.earliest.is_none()
    {
        m.date = year;
    }
    if let Some(first) = events.first_mut() {
        first.0.role = SourceRole::Primary;
    }
    for e in events.iter_mut().skip(1) {
        e.0.role = SourceRole::Background;
    }
    events.into_iter().map(|(m, _)| m).collect()
}

/// The time expression `t` dates an arrest, a charge or a court appearance ("was arraigned
/// Wednesday", "did not have a lawyer in court Wednesday"): a later development of the event,
/// whatever day it is told. A word of prosecution among the eight words before it in its clause.
fn of_prosecution(doc: &Doc, t: &Timex) -> bool {
    let first = doc.toks.partition_point(|k| k.span.start < t.span.start);
    for k in (first.saturating_sub(8)..first).rev() {
        let tok = &doc.toks[k];
        if tok.is_punct(',') || tok.is_punct(';') || tok.is_punct('.') {
            return false;
        }
        if matches!(
            tok.lower.as_str(),
            "arrested"
                | "charged"
                | "indicted"
                | "arraigned"
                | "arraignment"
                | "court"
                | "courtroom"
                | "hearing"
                | "trial"
                | "sentenced"
                | "convicted"
                | "pleaded"
                | "booked"
                | "jailed"
                | "custody"
                | "surrendered"
                | "extradited"
                | "bond"
                | "bail"
                | "warrant"
        ) {
            return true;
        }
    }
    false
}

/// How many days before the publication a day of telling about an otherwise undated event may
/// lie and still date it (see `read`): a same-day report's news.
const TELLING_NEWS_DAYS: i64 = 1;

fn analyse<'a>(gaz: &Gazetteer, table: &ActorTable, text: &'a str, published: Option<chrono::NaiveDate>) -> Doc<'a> {
    let toks = tokenize(text);
    let nums: Vec<NumTok> = numbers::find_tokens(&toks);
    let timexes = sitrep_time::tag(text, published);
    let actors = actors::find(table, text);
    // a place inside an actor's name ("Islamic State Sahel", "Niger's army") does not place
    // an event
    // the countries the text's armed groups and forces operate in: context for the village
    // names nothing else anchors
    let mut region: Vec<String> = Vec::new();
    for a in actors.iter().filter(|a| !table.is_generic(a.entry)) {
        for c in table.area(a.entry) {
            if !region.contains(c) {
                region.push(c.clone());
            }
        }
    }
    let ctx = sitrep_place::ArticleContext { region, ..Default::default() };
    let mut places = sitrep_place::find_places_in(gaz, text, &ctx);
    for p in &mut places {
        if actors.iter().any(|a| a.span.overlaps(&p.span) && !table.is_generic(a.entry)) {
            p.kind = sitrep_place::PlaceKind::Embedded;
        }
    }
    // named actors tell casualty counts whose side their tokens are on ("17 JNIM")
    let mut hints: Vec<Option<Party>> = vec![None; toks.len()];
    for a in actors.iter().filter(|a| !table.is_generic(a.entry)) {
        let party = match a.kind {
            ActorKind::Rebels | ActorKind::PoliticalMilitia => Party::Armed,
            ActorKind::IdentityMilitia => Party::Identity,
            ActorKind::StateForces | ActorKind::ExternalForces => Party::State,
            _ => continue,
        };
        let first = toks.partition_point(|t| t.span.start < a.span.start);
        let last = toks.partition_point(|t| t.span.start < a.span.end);
        for h in hints.iter_mut().take(last).skip(first) {
            *h = Some(party);
        }
    }
    let mut sents = Vec::new();
    for s in sitrep_text::sentences(text).into_iter().flat_map(|s| unglue(text, s.span)) {
        let s = sitrep_text::Sentence { span: s };
        let lo = toks.partition_point(|t| t.span.start < s.span.start);
        let hi = toks.partition_point(|t| t.span.start < s.span.end);
        if lo >= hi {
            continue;
        }
        let (parts, frames): (Vec<Frame>, Vec<Frame>) = if tally(&toks, lo, hi) {
            (Vec::new(), Vec::new())
        } else {
            casualties::frames_with(&toks, &nums, (lo, hi), &hints).into_iter().partition(|f| f.count.subset)
        };
        // "four people were shot, including one who died": the dead among people hit are
        // told with them (the hit count holds them, and so does a wounded count then: see
        // `dead_among`), not a part that adds nothing
        let (dead_of_hit, parts): (Vec<Frame>, Vec<Frame>) = parts.into_iter().partition(|p| {
            p.outcome == Outcome::Killed
                && frames.iter().any(|f| {
                    f.outcome == Outcome::Wounded
                        && !f.count.additive
                        && f.count.end <= p.count.start
                        && f.count.amount.best > p.count.amount.best
                })
        });
        let mut frames = frames;
        for f in dead_of_hit {
            let at = frames.partition_point(|g| g.count.start < f.count.start);
            frames.insert(at, f);
        }
        let acts: Vec<ActCue> = acts::acts(&toks, lo, hi).into_iter().filter_map(|a| realised(&toks, a, lo)).collect();
        let attributions = attribution::find(text, &toks, lo, hi);
        let cues = segment::cues(&toks, lo, hi);
        let tactics = acts::tactics(&toks, lo, hi);
        let timexes_in: Vec<usize> = timexes.iter().enumerate().filter(|(_, t)| s.span.contains(&t.span)).map(|(i, _)| i).collect();
        let specific = acts.iter().any(|a| a.specific && (a.act.violent() || sd_act(a.act)));
        let eventful = !frames.is_empty() || (specific && !cues.generic);
        // "JNIM claimed responsibility", "the device was likely planted by ISWAP": who did it
        let blames = (lo..hi).any(|k| {
            matches!(
                toks[k].lower.as_str(),
                "responsibility" | "claimed" | "planted" | "blamed" | "suspected" | "attributed" | "behind" | "perpetrated"
            )
        });
        let named = blames
            && actors.iter().any(|a| {
                s.span.contains(&a.span)
                    && !table.is_generic(a.entry)
                    && matches!(a.kind, ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia)
            });
        let claim_cue = (lo..hi).any(|k| {
            matches!(
                toks[k].lower.as_str(),
                "claimed" | "claim" | "claims" | "claiming" | "statement" | "propaganda" | "alleged" | "allegedly"
            )
        });
        let perpetrator = actors.iter().any(|a| {
            s.span.contains(&a.span)
                && !table.is_generic(a.entry)
                && matches!(a.kind, ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia)
        });
        let claim = claim_cue && (perpetrator || (lo..hi).any(|k| toks[k].is("allegedly")));
        let disclaimer = (lo..hi).any(|k| {
            let w = toks[k].lower.as_str();
            matches!(w, "unverified" | "unconfirmed" | "corroborate" | "corroborated")
                || (matches!(w, "verified" | "confirmed")
                    && (k.saturating_sub(4)..k).any(|q| matches!(toks[q].lower.as_str(), "not" | "independently" | "cannot")))
        });
        sents.push(Sent {
            span: s.span,
            lo,
            hi,
            frames,
            parts,
            acts,
            attributions,
            cues,
            tactics,
            timexes: timexes_in,
            eventful,
            named,
            claim,
            disclaimer,
        });
    }
    Doc { text, toks, sents, timexes, places, actors }
}

/// A sentence span split where pages glued sentences together without a space ("at a
/// party.Two people were killed", "was unknown.\u{201d}Police said"): a period after two
/// lowercase letters, an optional closing quote, then a capitalised word.
fn unglue(text: &str, span: Span) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = span.start;
    let mut i = span.start + 2;
    while i + 2 < span.end {
        if matches!(b[i], b'.' | b'!' | b'?') && b[i - 1].is_ascii_lowercase() && b[i - 2].is_ascii_lowercase() {
            let mut j = i + 1;
            if b[j] == b'"' {
                j += 1;
            } else if text[j..].starts_with('\u{201d}') {
                j += '\u{201d}'.len_utf8();
            }
            if j + 1 < span.end && b[j].is_ascii_uppercase() && b[j + 1].is_ascii_lowercase() {
                out.push(Span::new(start, j));
                start = j;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out.push(Span::new(start, span.end));
    out
}

/// A sentence that counts the victims of many incidents ("more than 700 people have been killed
/// so far this year", "four men were killed in shootings across the city over the weekend",
/// "he was one of 10 people killed since Friday", "45 people were killed in July alone"): its
/// figures are no event's.
fn tally(toks: &[Token], lo: usize, hi: usize) -> bool {
    let w = |i: usize| if i < hi { toks[i].lower.as_str() } else { "" };
    let perfect = (lo..hi).any(|i| matches!(w(i), "have" | "has") && w(i + 1) == "been");
    (lo..hi).any(|i| match w(i) {
        "so" => w(i + 1) == "far" && (perfect || matches!(w(i + 2), "this" | "in")),
        "this" => w(i + 1) == "year" && (perfect || w(i + 2) == "alone"),
        "year" => w(i + 1) == "to" && w(i + 2) == "date",
        "alone" => i > lo && (sitrep_month(w(i - 1)) || matches!(w(i - 1), "year" | "weekend" | "month")),
        "shootings" | "incidents" => {
            matches!(w(i + 1), "across" | "citywide" | "throughout")
                || (i > lo && (toks[i - 1].kind == crate::tokens::Kind::Num || matches!(w(i - 1), "separate")))
        }
        "one" => w(i + 1) == "of" && toks.get(i + 2).is_some_and(|t| i + 2 < hi && t.kind == crate::tokens::Kind::Num),
        "stats" | "statistics" => true,
        _ => false,
    })
}

fn sitrep_month(w: &str) -> bool {
    matches!(
        w,
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november" | "december"
    )
}

fn sd_act(a: Act) -> bool {
    matches!(a, Act::Loot | Act::Arrest | Act::Defuse | Act::Takeover | Act::Recapture | Act::Movement | Act::Base | Act::Protest)
}

/// Drops negated acts ("no clash was reported"); an attempted act ("tried to abduct") is an
/// attack.
fn realised(toks: &[Token], mut a: ActCue, lo: usize) -> Option<ActCue> {
    let w = |i: usize| if i >= lo && i < toks.len() { toks[i].lower.as_str() } else { "" };
    let b1 = w(a.tok.wrapping_sub(1));
    let b2 = w(a.tok.wrapping_sub(2));
    let b3 = w(a.tok.wrapping_sub(3));
    let negated = matches!(b1, "no" | "not" | "never" | "without" | "nor")
        || matches!(b2, "no" | "not" | "never" | "without")
        || (b3 == "no" && b2 != "and");
    if negated && (!(matches!(b1, "not") && matches!(b2, "did" | "had" | "has")) || a.act != Act::Attack) {
        return None;
    }
    if b1 == "to" && matches!(b2, "attempted" | "tried" | "attempting" | "trying" | "failed" | "sought") {
        // an attempt is an attack ("tried to abduct two merchants")
        a.act = Act::Attack;
        a.specific = true;
    } else if b1 == "to"
        && matches!(
            b2,
            "threatened" | "vowed" | "plan" | "planned" | "planning" | "aim" | "aimed" | "aims" | "order" | "ordered" | "prevent" | "help"
        )
    {
        return None;
    }
    if matches!(b1, "will" | "would" | "could" | "might" | "may" | "can" | "should" | "must") {
        return None;
    }
    Some(a)
}

fn segment_events(doc: &Doc) -> Vec<Draft> {
    let mut events: Vec<Draft> = Vec::new();
    let mut cur = 0usize;
    // deaths no one inflicted (`crate::hazard`): such a sentence opens no event of its own, nor
    // do the sentences telling its story after it until violence or another event is told
    let nonviolent = |q: &Sent| crate::hazard::nonviolent(&doc.toks, q.lo, q.hi, &q.frames, &q.acts);
    let mut quiet = false;
    for (si, s) in doc.sents.iter().enumerate() {
        let context_only = !s.eventful && !s.cues.generic && s.cues.background.is_none() && (s.cues.anaphor.is_some() || s.named);
        if nonviolent(s) {
            if events.is_empty() || s.cues.background.is_some() || s.cues.new_event || conflicts(doc, &events[cur], si) {
                quiet = true;
                continue;
            }
        } else if quiet {
            if !(crate::hazard::violent_means(&doc.toks, s.lo, s.hi, &s.acts) || s.cues.new_event || s.cues.background.is_some()) {
                continue;
            }
            quiet = false;
        }
        if events.is_empty() {
            let agreement_lead = si <= 1 && s.acts.iter().any(|a| a.act == Act::Agreement) && !s.cues.generic;
            if s.eventful || agreement_lead {
                // the sentences before it set the scene (date, place, who)
                let lead: Vec<usize> = (0..si)
                    .filter(|&p| {
                        let q = &doc.sents[p];
                        !q.cues.generic
                            && q.cues.background.is_none()
                            && !q.cues.new_event
                            && (!q.acts.is_empty() || q.named)
                            && !nonviolent(q)
                    })
                    .collect();
                events.push(Draft { role: SourceRole::Primary, sents: vec![si], context: lead, anchor: si, key: None });
                cur = 0;
            }
            continue;
        }
        // dated before another event of the text ("four weeks prior to this incident")
        let event_anchor = !s.cues.anaphor_initial
            && s.timexes.iter().any(|&t| matches!(doc.timexes[t].anchor, Anchor::Event { offset_days } if offset_days < 0));
        let key = s.cues.background.clone().or_else(|| (s.cues.new_event || event_anchor).then(|| format!("#{si}")));
        if let Some(key) = key {
            if s.cues.anaphor_initial && !s.cues.new_event && !event_anchor {
                // "This attack, coupled with the deadly attack ... last month, ...": about the
                // main event; the embedded one is mentioned only.
                if s.acts.iter().any(|a| a.specific && a.act.violent()) && s.frames.is_empty() {
                    let bg = find_or_open(&mut events, &key, si);
                    if !events[bg].context.contains(&si) && events[bg].anchor != si {
                        events[bg].context.push(si);
                    }
                } else {
                    events[0].sents.push(si);
                }
                cur = 0;
                continue;
            }
            if s.eventful {
                cur = find_or_open(&mut events, &key, si);
                if events[cur].anchor != si {
                    events[cur].sents.push(si);
                }
            }
            continue;
        }
        if !s.eventful && !context_only {
            continue;
        }
        let target = if s.cues.anaphor_initial || (cur != 0 && conflicts(doc, &events[cur], si) && !conflicts(doc, &events[0], si)) {
            0
        } else if s.eventful && conflicts(doc, &events[cur], si) && s.cues.anaphor.is_none() && !s.cues.forward {
            let k = format!("#{si}");
            find_or_open(&mut events, &k, si)
        } else {
            cur
        };
        if s.eventful {
            if events[target].anchor != si {
                events[target].sents.push(si);
            }
        } else if !events[target].context.contains(&si) {
            events[target].context.push(si);
        }
        cur = target;
    }
    events
}

/// A draft's sentences, its opening sentence first.
fn draft_order(d: &Draft) -> Vec<usize> {
    std::iter::once(d.anchor).chain(d.sents.iter().copied().filter(|&s| s != d.anchor)).chain(d.context.iter().copied()).collect()
}

/// An event the text sets apart itself (a background time cue, "in another attack", "four
/// weeks prior to this incident"), not only by a date that differs from the main event's.
fn cued(doc: &Doc, d: &Draft) -> bool {
    let a = &doc.sents[d.anchor];
    d.key.as_deref().is_some_and(|k| !k.starts_with('#'))
        || a.cues.new_event
        || a.timexes.iter().any(|&t| matches!(doc.timexes[t].anchor, Anchor::Event { offset_days } if offset_days < 0))
}

fn find_or_open(events: &mut Vec<Draft>, key: &str, si: usize) -> usize {
    if let Some(i) = events.iter().position(|e| e.key.as_deref() == Some(key)) {
        return i;
    }
    events.push(Draft { role: SourceRole::Background, sents: vec![si], context: Vec::new(), anchor: si, key: Some(key.to_string()) });
    events.len() - 1
}

/// The dates the event's own sentences give, as an interval.
fn draft_interval(doc: &Doc, d: &Draft) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let spans: Vec<Span> = d.sents.iter().map(|&s| doc.sents[s].span).collect();
    let usable: Vec<Timex> = usable_timexes(doc, &d.sents, false);
    let t = sitrep_time::event_date(&usable, &spans)?;
    Some((t.earliest?, t.latest?))
}

/// True when sentence `si` is dated outside the event's dates (both known).
fn conflicts(doc: &Doc, d: &Draft, si: usize) -> bool {
    // a sentence that dates the violence itself against an event dated only by what was said,
    // found or done later ("died Saturday", "was arrested Monday"): no telling they differ
    if !violent_timexes(doc, &[si]).is_empty() && violent_timexes(doc, &d.sents).is_empty() {
        return false;
    }
    let Some((a, b)) = draft_interval(doc, d) else { return false };
    let usable = usable_timexes(doc, &[si], false);
    let Some(t) = sitrep_time::event_date(&usable, &[doc.sents[si].span]) else { return false };
    match (t.earliest, t.latest) {
        // a death told on a later day ("He died Sunday at a hospital"): someone the event hurt
        // dying of it, not another event (within the weeks a wounded victim may live)
        (Some(x), Some(_)) if x > b && (x - b).num_days() <= LATER_DEATH_DAYS && dates_a_death(doc, si, t) => false,
        (Some(x), Some(y)) => y < a || x > b,
        _ => false,
    }
}

/// How many days after the violence a death told on its own day still belongs to the event.
const LATER_DEATH_DAYS: i64 = 60;

/// The time expression `t` of sentence `si` dates a death ("died Sunday", "succumbed to his
/// wounds Tuesday", "was pronounced dead Monday", "passed away Friday"): the nearest verb
/// before it in its clause is one of dying, with no word of the violence itself in between.
fn dates_a_death(doc: &Doc, si: usize, t: &Timex) -> bool {
    let s = &doc.sents[si];
    let toks = &doc.toks;
    let first = toks.partition_point(|k| k.span.start < t.span.start);
    let mut k = first;
    while k > s.lo.max(first.saturating_sub(10)) {
        k -= 1;
        let w = toks[k].lower.as_str();
        if toks[k].is_punct(',') || toks[k].is_punct(';') || violent_word(w) || telling(w) {
            return false;
        }
        if matches!(w, "died" | "dies" | "succumbed" | "succumbs") || (w == "dead" && k > s.lo && toks[k - 1].lower == "pronounced") {
            return true;
        }
        if w == "away" && k > s.lo && toks[k - 1].lower == "passed" {
            return true;
        }
    }
    false
}

/// The time expressions of these sentences that can date their event: not inside "since ..."
/// phrases, and not dating another kind of event ("the coup in July"); with `tell`, those on
/// verbs of telling and prosecuting, otherwise the others.
fn usable_timexes(doc: &Doc, sents: &[usize], tell: bool) -> Vec<Timex> {
    attached_timexes(doc, sents, |a| (a == Attach::Telling) == tell)
}

/// The usable time expressions of these sentences that date the violence itself ("was shot
/// Sunday", "the Aug. 12 shooting", "On May 3, gunmen opened fire").
fn violent_timexes(doc: &Doc, sents: &[usize]) -> Vec<Timex> {
    // a year or more ("the killing of three students in 1990", "the 2013 shooting") recalls
    // an older event more often than it dates the one told
    let mut out = attached_timexes(doc, sents, |a| a == Attach::Violence);
    out.retain(|t| matches!(t.granularity, DatePrecision::Day | DatePrecision::Week | DatePrecision::Month));
    out
}

fn attached_timexes(doc: &Doc, sents: &[usize], keep: impl Fn(Attach) -> bool) -> Vec<Timex> {
    let mut out = Vec::new();
    for &si in sents {
        let s = &doc.sents[si];
        for &ti in &s.timexes {
            let t = &doc.timexes[ti];
            let first = doc.toks.partition_point(|k| k.span.start < t.span.start);
            let back = first.saturating_sub(6).max(s.lo);
            let mut skip = false;
            // a verb of the violence passed ("since the boy was shot Friday"): "since" opens
            // the clause that dates it, not the expression
            let mut violence_passed = false;
            for k in (back..first).rev() {
                let w = doc.toks[k].lower.as_str();
                if doc.toks[k].is_punct(',') || doc.toks[k].is_punct(';') {
                    break;
                }
                // ... or names it ("since the Dec. 23 shooting"): the shooting's date
                if w == "since" && (violence_passed || modifies_attack(doc, s, doc.toks.partition_point(|k| k.span.start < t.span.end))) {
                    break;
                }
                violence_passed |= violent_word(w) || fire_opened(&doc.toks, k);
                // "by" only right before the expression ("by Friday"), not "killed by police Thursday"
                if matches!(
                    w,
                    "since"
                        | "until"
                        | "till"
                        | "coup"
                        | "takeover"
                        | "election"
                        | "elections"
                        | "independence"
                        | "agreement"
                        | "pact"
                        | "accord"
                        | "visit"
                        | "meeting"
                        | "summit"
                        | "released"
                        | "freed"
                        | "power"
                        | "announced"
                        | "scheduled"
                ) || (w == "by" && k + 1 == first)
                {
                    skip = true;
                    break;
                }
            }
            // inside a quotation ("It was so sad today," she said) it dates the speaker's
            // words, as near the event as a day of telling and no nearer
            let attach = if quoted(doc.text, t.span.start) {
                Attach::Telling
            } else {
                attachment(doc, s, first, doc.toks.partition_point(|k| k.span.start < t.span.end))
            };
            if !skip && keep(attach) {
                out.push(t.clone());
            }
        }
    }
    out
}

/// The time expressions of these sentences that can date their event, those of its own verbs
/// first; the days something was said, found out or done about it ("police said Sunday",
/// "was arrested Wednesday", "appeared in court Tuesday") only when nothing else dates it.
fn event_timexes(doc: &Doc, sents: &[usize]) -> Vec<Timex> {
    // a bare year ("a prior conviction from 2013", "shootings in 2017") dates something else
    // more often than a day of telling misses the event: the day first
    let own = usable_timexes(doc, sents, false);
    let fine =
        |ts: &[Timex]| ts.iter().any(|t| t.datable && t.granularity != DatePrecision::Year && t.granularity != DatePrecision::Unknown);
    if own.is_empty() {
        return usable_timexes(doc, sents, true);
    }
    if own.iter().any(|t| t.datable) && !fine(&own) {
        let told = usable_timexes(doc, sents, true);
        if fine(&told) {
            return told;
        }
    }
    own
}

/// Verbs and nouns of telling, investigating and prosecuting: a date on them is not the
/// event's.
fn telling(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "saying"
            | "adding"
            | "told"
            | "tells"
            | "tell"
            | "gather"
            | "confirmed"
            | "confirms"
            | "announced"
            | "identified"
            | "arrested"
            | "charged"
            | "indicted"
            | "arraigned"
            | "appeared"
            | "custody"
            | "pleaded"
            | "pleads"
            | "reported"
            | "booked"
            | "sentenced"
            | "convicted"
            | "jailed"
            | "court"
            | "courtroom"
            | "statement"
            | "hearing"
            | "emerged"
            | "searching"
            | "investigating"
            | "asked"
            | "urged"
            | "vigil"
            | "memorial"
            | "funeral"
            | "rallied"
            | "marched"
            | "named"
            | "testified"
            | "trial"
            | "guilty"
            | "ruled"
            | "surrendered"
            | "apprehended"
            | "detained"
            | "released"
            | "extradited"
            | "mourned"
            | "gathered"
            | "briefing"
            | "conference"
            | "spoke"
            | "speaking"
            | "talked"
            | "interview"
            | "interviewed"
            | "filed"
            | "plea"
            | "complaint"
            | "arraignment"
            | "sentencing"
            | "verdict"
            | "jury"
            | "bond"
            | "bail"
            | "warrant"
            | "warrants"
            | "charges"
            | "honored"
            | "remembered"
            | "buried"
            | "rally"
            | "protest"
            | "services"
            | "investigation"
            | "underway"
            | "investigated"
            | "described"
            | "canvassed"
            | "canvassing"
            | "condition"
            | "resumed"
            | "autopsy"
    )
}

/// Nouns of telling, prosecuting or mourning that a date can modify ("a Wednesday court
/// hearing", "Friday's vigil", "Monday's news conference").
fn telling_noun(w: &str) -> bool {
    matches!(
        w,
        "court"
            | "hearing"
            | "arraignment"
            | "trial"
            | "vigil"
            | "funeral"
            | "memorial"
            | "service"
            | "services"
            | "news"
            | "press"
            | "conference"
            | "briefing"
            | "statement"
            | "interview"
            | "rally"
            | "march"
            | "meeting"
            | "sentencing"
            | "announcement"
            | "arrest"
            | "arrests"
            | "autopsy"
    )
}

/// Verbs of the violence itself (a date on them is the event's).
fn happening(w: &str) -> bool {
    matches!(
        w,
        "shot"
            | "battle"
            | "gunbattle"
            | "killed"
            | "died"
            | "dies"
            | "wounded"
            | "injured"
            | "happened"
            | "occurred"
            | "shooting"
            | "shootings"
            | "fired"
            | "opened"
            | "erupted"
            | "left"
            | "struck"
            | "hit"
            | "gunned"
            | "slain"
            | "dead"
            | "murdered"
            | "attacked"
            | "stabbed"
            | "broke"
            | "began"
            | "killing"
            | "attack"
            | "clashes"
            | "clashed"
            | "fighting"
            | "ambushed"
            | "raided"
            | "exploded"
            | "firing"
            | "gunshots"
            | "shots"
            | "gunfire"
            | "shootout"
            | "gunfight"
            | "violence"
    )
}

/// What a time expression dates in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Attach {
    /// The violence itself: "a man was shot Sunday", "the Aug. 12 shooting", "Sunday's
    /// shooting", "On May 3, gunmen opened fire".
    Violence,
    /// Nothing told apart: "early Sunday, police found a man", "was found dead Monday".
    Neutral,
    /// Telling, investigating, prosecuting or mourning it: "police said Thursday", "was
    /// arrested Wednesday", "Police on Sunday pleaded", "a vigil Friday".
    Telling,
}

/// Words that name the violence itself (a date on them is the event's own); "died", "left",
/// "dead" are of the violence too but may come days after it.
fn violent_word(w: &str) -> bool {
    happening(w) && !matches!(w, "died" | "dies" | "dead" | "left" | "began")
}

/// Byte `at` of `text` lies inside a quotation: an odd number of double quotes ('"', '“',
/// '”') between the start of its paragraph and it, and one closing it later in the paragraph
/// (a statement quoted whole over several paragraphs is the text's own account).
fn quoted(text: &str, at: usize) -> bool {
    let quote = |c: &char| matches!(c, '"' | '\u{201C}' | '\u{201D}');
    let para = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[para..at].chars().filter(quote).count() % 2 == 1 && text[at..end].chars().any(|c| quote(&c))
}

/// The tokens from `end` (right after a time expression) are a noun of the attack, perhaps
/// after modifiers ("[the Dec. 23] fatal shooting"): the expression dates that attack.
fn modifies_attack(doc: &Doc, s: &Sent, end: usize) -> bool {
    let mut k = end;
    while k < s.hi.min(end + 3) && doc.toks[k].kind == crate::tokens::Kind::Word {
        if violent_noun(&doc.toks[k].lower) {
            return true;
        }
        if !noun_modifier(&doc.toks[k].lower) {
            return false;
        }
        k += 1;
    }
    false
}

/// Token `k` is "fire" after "open", "opened", "opening" or "opens" ("accused of opening fire
/// on a crowd Sunday"): the violence itself.
fn fire_opened(toks: &[Token], k: usize) -> bool {
    toks[k].lower == "fire" && k > 0 && matches!(toks[k - 1].lower.as_str(), "open" | "opened" | "opening" | "opens")
}

/// Nouns of an attack that a date can modify ("the June 29 shooting", "Sunday's gunfight").
fn violent_noun(w: &str) -> bool {
    matches!(
        w,
        "shooting"
            | "battle"
            | "gunbattle"
            | "shootings"
            | "shootout"
            | "shoot-out"
            | "gunfight"
            | "gunfire"
            | "attack"
            | "attacks"
            | "killing"
            | "killings"
            | "slaying"
            | "slayings"
            | "homicide"
            | "murder"
            | "murders"
            | "stabbing"
            | "ambush"
            | "massacre"
            | "rampage"
            | "bombing"
            | "explosion"
            | "blast"
            | "raid"
            | "clash"
            | "clashes"
            | "incident"
            | "violence"
            | "melee"
            | "robbery"
    )
}

/// Words between a date and the noun it modifies ("Sunday's fatal shooting", "the Jan. 5
/// drive-by shooting").
fn noun_modifier(w: &str) -> bool {
    matches!(
        w,
        "fatal"
            | "deadly"
            | "double"
            | "triple"
            | "quadruple"
            | "mass"
            | "drive-by"
            | "gang"
            | "police"
            | "nightclub"
            | "party"
            | "early-morning"
    )
}

/// Words that may open a clause before its time expression ("On April 2,", "Just after 1
/// a.m. on Nov. 22,", "Shortly before midnight Saturday,").
fn clause_lead(w: &str) -> bool {
    matches!(
        w,
        "on" | "at"
            | "around"
            | "about"
            | "approximately"
            | "just"
            | "shortly"
            | "after"
            | "before"
            | "early"
            | "late"
            | "sometime"
            | "then"
            | "and"
            | "but"
            | "until"
            | "in"
    )
}

/// How the time expression at tokens `[first, end)` of sentence `s` attaches: to a noun of
/// the attack right after it ("the Aug. 12 shooting"), else to the nearest word of violence
/// or of telling before it in its clause ("a man was shot Sunday", "authorities said
/// Thursday"), else to the verb right after it ("Police on Sunday pleaded"); an expression
/// that opens its clause before a comma ("On April 2, Lopez opened fire", "police say around
/// midnight on Monday, the man went ... and shot") dates the clause after it.
fn attachment(doc: &Doc, s: &Sent, first: usize, end: usize) -> Attach {
    let toks = &doc.toks;
    let word = |k: usize| k < s.hi && toks[k].kind == crate::tokens::Kind::Word;
    // "the June 29 shooting", "Sunday night's fatal shooting"; through a preposition ("died
    // Tuesday in a shooting") only when no verb of telling comes first ("was arrested Tuesday
    // in the shooting")
    let mut k = end;
    let through = word(k)
        && matches!(toks[k].lower.as_str(), "in" | "during")
        && word(k + 1)
        && matches!(toks[k + 1].lower.as_str(), "a" | "an" | "the");
    if through {
        k += 2;
    }
    let lim = (k + 3).min(s.hi);
    let mut noun: Option<Attach> = None;
    while k < lim && word(k) {
        if violent_noun(&toks[k].lower) {
            noun = Some(Attach::Violence);
            break;
        }
        if telling_noun(&toks[k].lower) {
            noun = Some(Attach::Telling);
            break;
        }
        if !noun_modifier(&toks[k].lower) {
            break;
        }
        k += 1;
    }
    if let Some(a) = noun
        && !through
    {
        return a;
    }
    let in_attack = noun == Some(Attach::Violence);
    let mut told: Option<usize> = None;
    // the expression opens the sentence (after lead words: "On", "Just after 1 a.m. on")
    let mut opens = true;
    let mut k = first;
    while k > s.lo.max(first.saturating_sub(20)) {
        k -= 1;
        let t = &toks[k];
        // another time expression is passed over whole ("at around 8:30 p.m. the night before")
        let in_timex = s.timexes.iter().any(|&i| doc.timexes[i].span.contains(&t.span));
        if in_timex {
            continue;
        }
        // a sentence end the page glued to the next ("in a weekend shooting.A girl showed up
        // yesterday"), not an abbreviation ("on Elm St. Sunday")
        let glued = t.is_punct('.')
            && k > s.lo
            && toks[k - 1].kind == crate::tokens::Kind::Word
            && !toks[k - 1].cap
            && toks[k - 1].lower.len() >= 2;
        if glued || t.is_punct(',') || t.is_punct(';') || t.is_punct('(') || t.is_punct(')') || t.is_punct('\u{2014}') || t.is_punct(':') {
            opens = false;
            break;
        }
        let w = t.lower.as_str();
        // "was found shot to death Tuesday morning": when it was found, not when it happened
        if violent_word(w) && k > s.lo && matches!(toks[k - 1].lower.as_str(), "found" | "discovered") {
            return Attach::Neutral;
        }
        if fire_opened(toks, k) {
            return Attach::Violence;
        }
        if happening(w) {
            // "was shot dead Thursday", "gunned down"
            let shot = k > s.lo && violent_word(&toks[k - 1].lower);
            return if violent_word(w) || shot || in_attack { Attach::Violence } else { Attach::Neutral };
        }
        // "police were called about 2 a.m. Sunday": the time of the call is the event's, as
        // near as the text knows it
        if matches!(w, "called" | "call" | "calls" | "responded" | "dispatched") {
            return Attach::Neutral;
        }
        // "were shot at a vigil Monday evening": the occasion where it happened
        let occasion = telling_noun(w)
            && (k.saturating_sub(3).max(s.lo)..k).any(|q| matches!(toks[q].lower.as_str(), "at" | "into" | "during" | "outside"));
        // "the shooting was reported March 26": when it happened, as far as anyone knows
        // a capitalised word inside the sentence is a name ("Colletta Court", "Memorial
        // Hospital"), not a word of telling
        let name = t.cap && k > s.lo;
        // ... or "the shooting reported Tuesday afternoon" (a reduced relative)
        let passive_report =
            w == "reported" && k > s.lo && (matches!(toks[k - 1].lower.as_str(), "was" | "were") || violent_noun(&toks[k - 1].lower));
        if telling(w) && !(occasion || name || passive_report) {
            told = Some(k);
            break;
        }
        if t.kind == crate::tokens::Kind::Word && !clause_lead(w) && !s.timexes.iter().any(|&i| doc.timexes[i].span.contains(&t.span)) {
            opens = false;
        }
        if k == first.saturating_sub(20) && k > s.lo {
            opens = false;
        }
    }
    // "Around 23 May 2020 (as reported), fighters clashed": a parenthesis before the comma
    let mut c = end;
    if c < s.hi && toks[c].is_punct('(') {
        while c < s.hi && !toks[c].is_punct(')') {
            c += 1;
        }
        c = (c + 1).min(s.hi);
    }
    let end = c;
    let comma_after = end < s.hi && toks[end].is_punct(',');
    // fronted: "On April 2, Lopez opened fire"; "police say around midnight on Monday, he shot"
    let fronted = comma_after && (told.is_some_and(|k| first - k <= 5) || (told.is_none() && opens));
    if fronted {
        for t in &toks[end + 1..(end + 16).min(s.hi)] {
            if violent_word(&t.lower) {
                return Attach::Violence;
            }
            if telling(&t.lower) || t.is_punct(';') {
                break;
            }
        }
    }
    if told.is_some() {
        return Attach::Telling;
    }
    if in_attack {
        return Attach::Violence;
    }
    // "Police on Sunday pleaded": the verb right after
    for t in &toks[end..(end + 2).min(s.hi)] {
        if t.kind != crate::tokens::Kind::Word {
            break;
        }
        let w = t.lower.as_str();
        if happening(w) {
            return if violent_word(w) { Attach::Violence } else { Attach::Neutral };
        }
        if telling(w) {
            return Attach::Telling;
        }
    }
    Attach::Neutral
}

/// The article's country: the most named one (places and demonyms), for actor names and
/// events the text places only vaguely.
fn home_country(doc: &Doc) -> Option<String> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for p in doc.places.iter().filter(|p| p.kind != sitrep_place::PlaceKind::Embedded) {
        // (seas and other places in no country say nothing of one)
        if let Some(pl) = p.place.as_ref().filter(|pl| !pl.country_code.is_empty()) {
            *count.entry(pl.country_code.clone()).or_default() += 1;
        }
    }
    if doc.places.iter().all(|p| p.place.is_none()) {
        for t in doc.toks.iter().filter(|t| t.cap) {
            if let Some(c) = demonym(&t.lower) {
                *count.entry(c.to_string()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, usize)> = count.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().next().map(|(c, _)| c)
}

fn orig(article: &Article, span: Span) -> Span {
    article.map.to_original(span)
}

fn ev(article: &Article, span: Span, extractor: ExtractorId) -> Evidence {
    Evidence::new(orig(article, span), extractor)
}

/// "five people were shot", "were taken to a hospital", "in critical condition": a count of
/// people hit, the killed among them as well as the wounded ("three others were also shot",
/// "five more people were hit" are besides the dead).
fn is_hit(doc: &Doc, f: &Frame, after_dead: bool) -> bool {
    // ("a man is dead and another is in critical condition": another than the dead)
    let besides = (f.count.additive && (after_dead || !doc.toks[f.count.start].is("another")))
        || (f.trigger.0.saturating_sub(3)..f.trigger.0).any(|k| doc.toks[k].is("also"))
        // ("two are dead and two are in critical condition": alive, told besides the dead)
        || (after_dead
            && doc.toks[f.trigger.0].is("in")
            && (doc.toks[f.count.start].kind == Kind::Num || numbers::is_number_word(&doc.toks[f.count.start].lower)));
    f.outcome == Outcome::Wounded && !besides && hit_word(&doc.toks[f.trigger.0].lower)
}

/// A trigger word of a count of people hit (see [`is_hit`]).
fn hit_word(w: &str) -> bool {
    matches!(
        w,
        "shot"
            | "with"
            | "rushed"
            | "taken"
            | "transported"
            | "airlifted"
            | "flown"
            | "struck"
            | "hit"
            | "suffered"
            | "suffering"
            | "sustained"
            | "suffers"
            | "treated"
            | "shooting"
            | "shoots"
            | "in"
            | "fighting"
            | "fight"
            | "fights"
            | "battling"
            | "sent"
            | "sending"
            | "sends"
    )
}

/// "wounding four men, three of whom died", "five people were wounded ... Two of them later
/// died", "three were injured, including a man who died": a wounded count (no death told
/// before it) that a part of the dead told next, in its sentence or the next one, refers back
/// to holds those dead too, as a count of people hit does.
fn dead_among(doc: &Doc, frames: &[(&Frame, usize)], i: usize) -> bool {
    let (f, s) = frames[i];
    let part_of_them = |g: &Frame| {
        (g.count.start + 1..g.count.end.min(g.count.start + 3)).any(|k| {
            doc.toks[k].is("of")
                && doc.toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_str(), "them" | "whom" | "those" | "these" | "the"))
        })
    };
    f.outcome == Outcome::Wounded
        && !f.count.additive
        && f.count.amount.best >= 2
        && !frames[..i].iter().any(|(g, _)| g.outcome == Outcome::Killed)
        && frames[i + 1..].iter().take_while(|(g, _)| g.outcome != Outcome::Wounded).any(|(g, t)| {
            (*t == s || *t == s + 1)
                && g.outcome == Outcome::Killed
                && (part_of_them(g) || (g.count.subset && *t == s))
                && g.count.amount.best < f.count.amount.best
        })
}

/// The number of an ordinal word ("second" is 2), from 2 to 10.
fn ordinal(w: &str) -> Option<u64> {
    let n = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"].iter().position(|x| *x == w)?;
    Some(n as u64 + 2)
}

/// What tells one person from another: the gender of the noun, the age, the name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Who {
    gender: Option<char>,
    age: Option<u32>,
    /// The words of a name, lowercased ("dana", "smith").
    name: Vec<String>,
    /// A role that one person holds and another in the same story does not ("the driver", "the
    /// passenger", "the father", "the son").
    role: Option<&'static str>,
}

impl Who {
    /// Surely not the same person: other genders, other ages, or names that share no more
    /// than a family name ("Dana Smith" and "Lee Smith"; "Smith" may be either) unless the
    /// ages agree (a name corrected in a later report).
    fn distinct(&self, other: &Who) -> bool {
        let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
        let same_age = matches!((self.age, other.age), (Some(a), Some(b)) if a == b);
        matches!((self.gender, other.gender), (Some(a), Some(b)) if a != b)
            || matches!((self.age, other.age), (Some(a), Some(b)) if a != b)
            || matches!((self.role, other.role), (Some(a), Some(b)) if a != b)
            || (!same_age
                && !self.name.is_empty()
                && !other.name.is_empty()
                && !within(&self.name, &other.name)
                && !within(&other.name, &self.name))
    }
}

/// A count of one named person ("Dana Smith, 22,", "22-year-old Dana Smith"): the name's
/// words.
fn name_of(doc: &Doc, f: &Frame) -> Vec<String> {
    let c = &f.count;
    let named = match c.head {
        None => !c.pronoun && doc.toks.get(c.start).is_some_and(|t| t.cap || casualties::is_age_word(&t.lower)),
        Some(h) => casualties::is_age_word(&doc.toks[h].lower) && c.end > h + 1,
    };
    // (a victim of "the murder of Dana Smith" may be someone else's: only people said to
    // be killed or hurt themselves)
    if c.amount.best != 1 || f.extractor == casualties::NOUN {
        return Vec::new();
    }
    let is_name = |t: &Token| {
        t.cap
            && t.kind == crate::tokens::Kind::Word
            && t.lower.len() > 1
            && person_noun(&t.lower).is_none()
            && !numbers::is_number_word(&t.lower)
    };
    let mut name: Vec<String> = if named {
        doc.toks[c.start..c.end.min(doc.toks.len())].iter().filter(|t| is_name(t)).map(|t| t.lower.clone()).collect()
    } else {
        Vec::new()
    };
    // "the officer, identified as Dana Smith, 22, of Elmwood, was shot": the name in
    // apposition (not the place after "of" / "from")
    if let Some((a, b)) = apposition(doc, f) {
        let mut place = false;
        for t in &doc.toks[a..b] {
            if t.is_punct(',') {
                place = false;
            } else if matches!(t.lower.as_str(), "of" | "from" | "in" | "at") {
                place = true;
            } else if !place && is_name(t) && !matches!(t.lower.as_str(), "police" | "officials" | "authorities" | "the" | "a" | "an") {
                name.push(t.lower.clone());
            }
        }
    }
    name
}

/// The phrase in apposition between a count and its verb ("a man, later identified as Dana
/// Smith, 22, was shot"): the tokens `[a, b)` between the commas, when the count ends at a comma
/// and its trigger comes after another.
fn apposition(doc: &Doc, f: &Frame) -> Option<(usize, usize)> {
    let c = &f.count;
    if !doc.toks.get(c.end).is_some_and(|t| t.is_punct(',')) || f.trigger.0 <= c.end + 1 {
        return None;
    }
    let last = (c.end + 1..f.trigger.0).rev().find(|&k| doc.toks[k].is_punct(','))?;
    (last > c.end + 1).then_some((c.end + 1, last))
}

/// The gender, age and name a count of one person states ("a 20-year-old man", "a 16-year
/// old female victim", "Dana Smith, 22"), when it states any.
fn who(doc: &Doc, f: &Frame) -> Option<Who> {
    let end = apposition(doc, f).map_or(f.count.end, |(_, b)| b);
    let toks = &doc.toks[f.count.start..end.min(doc.toks.len())];
    let gender = f.count.head.and_then(|h| gender(&doc.toks[h].lower)).or_else(|| toks.iter().find_map(|t| gender(&t.lower)));
    let age = toks.iter().enumerate().find_map(|(i, t)| {
        let digits: String = t.lower.chars().take_while(char::is_ascii_digit).collect();
        let rest = &t.lower[digits.len()..];
        let next = toks.get(i + 1).map_or("", |n| n.lower.as_str());
        let aged =
            rest.starts_with("-year") || rest.starts_with("-month") || (rest.is_empty() && matches!(next, "year" | "years" | "-year-old"));
        (!digits.is_empty() && aged).then(|| digits.parse::<u32>().ok()).flatten()
    });
    let name = name_of(doc, f);
    let role = f.count.head.and_then(|h| role(&doc.toks[h].lower));
    (gender.is_some() || age.is_some() || !name.is_empty() || role.is_some()).then_some(Who { gender, age, name, role })
}

/// One attacker named by the definite noun of a suspect or shooter ("the suspect", "the
/// suspected gunman", "the shooter"), the count of a frame.
fn perp_count(doc: &Doc, f: &Frame) -> bool {
    f.count.amount.best == 1
        && !f.count.additive
        && doc.toks[f.count.start].is("the")
        && f.count.head.is_some_and(|h| attacker_noun(&doc.toks[h].lower))
}

/// A noun naming the attacker of an incident ("suspect", "shooter", "gunman", ...).
fn attacker_noun(w: &str) -> bool {
    matches!(w, "suspect" | "shooter" | "gunman" | "gunwoman" | "assailant" | "attacker" | "perpetrator" | "intruder")
}

/// A sentence telling of a shooting by the police ("an officer-involved shooting", "a
/// police shooting"): whoever it counts is likely the person the police shot.
fn police_shooting(doc: &Doc, s: usize) -> bool {
    let st = &doc.sents[s];
    (st.lo..st.hi).any(|k| {
        matches!(doc.toks[k].lower.as_str(), "officer-involved" | "police-involved" | "deputy-involved" | "trooper-involved")
            || (k + 1 < st.hi
                && matches!(doc.toks[k].lower.as_str(), "police" | "officer" | "deputy")
                && matches!(doc.toks[k + 1].lower.as_str(), "shooting" | "shootout"))
    })
}

/// A role that tells one person of a story from another ("the driver" and "the passenger",
/// "the father" and "the son"): the place in a vehicle and the kinship nouns.
fn role(w: &str) -> Option<&'static str> {
    const ROLES: &[&str] = &[
        "driver",
        "passenger",
        "father",
        "mother",
        "son",
        "daughter",
        "husband",
        "wife",
        "brother",
        "sister",
        "grandfather",
        "grandmother",
        "grandson",
        "granddaughter",
        "uncle",
        "aunt",
        "nephew",
        "niece",
        "stepfather",
        "stepson",
        "stepdaughter",
        "girlfriend",
        "boyfriend",
    ];
    let w = match w {
        "mom" => "mother",
        "dad" => "father",
        "stepmom" => "stepmother",
        "stepdad" => "stepfather",
        "grandma" => "grandmother",
        "grandpa" => "grandfather",
        _ => w,
    };
    ROLES.iter().copied().find(|r| *r == w)
}

/// 'm' or 'f' for a noun naming one man or one woman.
fn gender(w: &str) -> Option<char> {
    match w {
        "man" | "boy" | "male" | "father" | "son" | "husband" | "brother" | "grandfather" | "uncle" | "nephew" | "gentleman" | "dad"
        | "grandpa" | "stepfather" | "stepdad" | "stepson" | "boyfriend" => Some('m'),
        "woman" | "girl" | "female" | "mother" | "daughter" | "wife" | "sister" | "grandmother" | "aunt" | "niece" | "lady" | "mom"
        | "grandma" | "stepmother" | "stepmom" | "stepdaughter" | "girlfriend" => Some('f'),
        _ => None,
    }
}

/// Which side an actor mention is on in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Agent,
    Target,
    Mentioned,
}

struct Participant {
    name: String,
    kind: ActorKind,
    side: Side,
    span: Span,
    generic: bool,
    order: usize,
    /// Made from people the table does not name ("villagers" fighting back).
    synthetic: bool,
}

fn assemble(
    doc: &Doc,
    table: &ActorTable,
    gaz: &Gazetteer,
    article: &Article,
    d: &Draft,
    home: Option<&str>,
    main: Option<&EventMention>,
) -> Option<EventMention> {
    let own: Vec<usize> = d.sents.clone();
    let mut all: Vec<usize> = own.iter().chain(d.context.iter()).copied().collect();
    all.sort_unstable();
    all.dedup();
    let spans: Vec<Span> = all.iter().map(|&s| doc.sents[s].span).collect();

    // ---- place
    // the event's own sentences place it first, then the sentences that only mention it; the
    // rest of the text (the place helper's last resort) only for the main event
    let own_spans: Vec<Span> = own.iter().map(|&s| doc.sents[s].span).collect();
    let within = |span: &Span, set: &[Span]| set.iter().any(|s| s.contains(span));
    let first = sitrep_place::event_location(gaz, doc.text, &doc.places, &own_spans);
    let located = match first {
        Some(l) if within(&l.1, &own_spans) => Some(l),
        _ => match sitrep_place::event_location(gaz, doc.text, &doc.places, &spans) {
            Some(l) if within(&l.1, &spans) => Some(l),
            other => other.filter(|_| d.role == SourceRole::Primary),
        },
    };
    let mut location = match located {
        Some((loc, span)) => LocationValue { place: loc, evidence: Some(ev(article, span, PLACE_RULE)) },
        None => LocationValue::default(),
    };
    fix_border_country(doc, &mut location, home, article);
    // "in the same region" (the main event's first-level division), "near the same village"
    // (near the main event's place)
    let mut same: Option<bool> = None; // Some(true): a region; Some(false): a place
    for &s in &all {
        let st = &doc.sents[s];
        for k in st.lo..st.hi.saturating_sub(1) {
            if doc.toks[k].is("same") {
                match doc.toks[k + 1].lower.as_str() {
                    "region" | "province" | "zone" | "district" | "department" => same = same.or(Some(true)),
                    "area" | "road" | "village" | "town" | "locality" | "place" | "commune" | "axis" | "site" | "spot" => {
                        same = same.or(Some(false))
                    }
                    _ => {}
                }
            }
        }
    }
    if location.place.country_code.is_none() {
        if let (Some(region), Some(m)) = (same, main) {
            let mp = &m.location.place;
            location.place = if region && mp.admin1.is_some() {
                Location {
                    name: mp.admin1.clone(),
                    country_code: mp.country_code.clone(),
                    admin1: mp.admin1.clone(),
                    precision: Some(LocationPrecision::Admin1),
                    ..Location::default()
                }
            } else {
                let mut l = mp.clone();
                if matches!(l.precision, Some(LocationPrecision::Exact)) {
                    l.precision = Some(LocationPrecision::Near);
                }
                l
            };
            location.evidence = m.location.evidence.clone();
        } else if let Some(h) = main.and_then(|m| m.location.place.country_code.as_deref()).or(home) {
            location.place = Location {
                name: country_name(h).map(str::to_string),
                country_code: Some(h.to_string()),
                precision: Some(LocationPrecision::Country),
                ..Location::default()
            };
            // the quote: the event's own mention of the country if any, else the article's first
            let own_first = |span: &Span| own_spans.iter().any(|s| s.contains(span));
            let mentions: Vec<Span> = doc
                .places
                .iter()
                .filter(|p| p.place.as_ref().is_some_and(|pl| pl.country_code == h))
                .map(|p| p.span)
                .chain(doc.toks.iter().filter(|t| t.cap && demonym(&t.lower) == Some(h)).map(|t| t.span))
                .collect();
            let quote = mentions.iter().find(|s| own_first(s)).or_else(|| mentions.iter().min_by_key(|s| s.start)).copied();
            location.evidence = quote.map(|q| ev(article, q, PLACE_RULE));
        }
    }
    let country = location.place.country_code.clone().or(home.map(str::to_string));
    let cc = country.as_deref();

    // ---- frames, acts, actors of the event's sentences
    let frames: Vec<(&Frame, usize)> = own.iter().flat_map(|&s| doc.sents[s].frames.iter().map(move |f| (f, s))).collect();
    let mut act_set: BTreeSet<Act> = BTreeSet::new();
    let mut first_cue: Option<&ActCue> = None;
    for &s in &own {
        for a in &doc.sents[s].acts {
            if a.specific || !doc.sents[s].cues.generic {
                act_set.insert(a.act);
                if first_cue.is_none() && (a.act.violent() || sd_act(a.act) || a.act == Act::Agreement) {
                    first_cue = Some(a);
                }
            }
        }
    }
    for (f, _) in &frames {
        match f.outcome {
            Outcome::Killed => act_set.insert(Act::Kill),
            Outcome::Wounded => act_set.insert(Act::Wound),
            Outcome::Captured => act_set.insert(Act::Abduct),
            Outcome::Missing => false,
        };
    }
    if act_set.is_empty() && frames.is_empty() {
        return None;
    }

    let mut participants = participants(doc, table, &own, &frames, cc);
    let ctx_only: Vec<usize> = d.context.iter().copied().filter(|c| !own.contains(c)).collect();
    for mut p in participants_of(doc, table, &ctx_only, &frames, cc) {
        if matches!(p.kind, ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia) && !p.generic {
            p.side = Side::Mentioned;
            p.order += 10_000;
            participants.push(p);
        }
    }
    // the non-state armed side, named when the text names it
    let named_armed = participants
        .iter()
        .filter(|p| !p.generic && matches!(p.kind, ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia))
        .min_by_key(|p| p.order);
    let generic_armed =
        participants.iter().filter(|p| matches!(p.kind, ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia)).min_by_key(|p| p.order);
    let armed_kind = named_armed.or(generic_armed).map_or(ActorKind::PoliticalMilitia, |p| p.kind);
    let resist = act_set.contains(&Act::Resist);

    // ---- casualties
    let last_victim_party =
        // (not the shooter's own death: "... before turning the gun on himself; three are dead")
        |upto: usize| -> Option<Party> {
            frames.iter().take(upto).rev().filter(|(f, _)| f.extractor != casualties::SELF_KILL).map(|(f, _)| f.count.party).find(|p| *p != Party::Unknown)
        };
    // what the acts were done to: the first target noun or person after an act ("attacked
    // the village", "chased away youths"), or the vehicle that struck a mine
    let mut target_hint: Option<ActorKind> = None;
    let mut target_hint_at: usize = usize::MAX;
    for &s in &own {
        let st = &doc.sents[s];
        for a in &st.acts {
            if !matches!(
                a.act,
                Act::Attack
                    | Act::Raid
                    | Act::Loot
                    | Act::Shelling
                    | Act::Explosive
                    | Act::Air
                    | Act::Movement
                    | Act::Abduct
                    | Act::Kill
                    | Act::Wound
            ) {
                continue;
            }
            let struck = matches!(doc.toks[a.tok].lower.as_str(), "struck" | "hit") || a.act == Act::Explosive;
            let before = if struck { a.tok.saturating_sub(5).max(st.lo)..a.tok } else { a.tok..a.tok };
            let after = a.end..(a.end + 7).min(st.hi);
            for k in before.chain(after) {
                if acts::infrastructure(&doc.toks[k].lower) {
                    break;
                }
                let p = acts::target_noun(&doc.toks, k).or_else(|| {
                    person_noun(&doc.toks[k].lower)
                        .filter(|p| p.party == Party::Civilian)
                        .map(|_| Party::Civilian)
                        .filter(|_| !(k.saturating_sub(2).max(st.lo)..k).any(|q| arming_modifier(&doc.toks[q].lower)))
                });
                if let Some(p) = p {
                    if target_hint.is_none() {
                        target_hint = Some(party_kind(p, None, cc, armed_kind, None));
                        target_hint_at = doc.toks[k].span.start;
                    }
                    break;
                }
            }
        }
    }
    // "Two men were shot ... they were pronounced dead": "they" counts as many as the nearest
    // count of two or more before it, in its sentence or the one before (with none, no one)
    let is_they = |f: &Frame| f.count.pronoun && doc.toks[f.count.start].is("they");
    let they: Vec<Frame> = frames
        .iter()
        .enumerate()
        .filter(|(_, (f, _))| is_they(f))
        .filter_map(|(i, (f, s))| {
            let (g, _) = frames[..i]
                .iter()
                .rev()
                .find(|(g, t)| *t + 1 >= *s && *t <= *s && !g.count.pronoun && g.count.amount.best >= 2 && g.count.start < f.count.start)?;
            let mut f = (*f).clone();
            f.count.amount = g.count.amount;
            Some(f)
        })
        .collect();
    let frames: Vec<(&Frame, usize)> = frames
        .iter()
        .filter_map(|&(f, s)| {
            if is_they(f) {
                they.iter().find(|t| t.count.start == f.count.start && t.trigger == f.trigger).map(|t| (t, s))
            } else {
                Some((f, s))
            }
        })
        .collect();
    // "A man was wounded ... when he was shot": a pronoun refers to someone already counted
    let frames: Vec<(&Frame, usize)> = {
        let mut kept: Vec<(&Frame, usize)> = Vec::new();
        for (f, s) in frames.iter().copied() {
            // (but "Lee was pronounced dead while Kim was taken to a hospital, where he died":
            // a death of the one person just told hit, whom the hit count then holds)
            let nearest = kept.iter().filter(|(g, t)| *t + 1 >= s && g.count.start < f.count.start).max_by_key(|(g, _)| g.count.start);
            let refers_to_hit = f.outcome == Outcome::Killed
                && nearest.is_some_and(|(g, _)| g.outcome == Outcome::Wounded && g.count.amount.best == 1 && is_hit(doc, g, false));
            let counted = f.count.pronoun
                && !refers_to_hit
                && kept.iter().any(|(g, _)| {
                    g.outcome == f.outcome || (f.outcome == Outcome::Wounded && g.outcome == Outcome::Killed && g.count.amount.best == 1)
                });
            // a headline repeated in one run of text ("Seven people injured Seven people injured")
            let quote = |g: &Frame| doc.text[g.span.start..g.span.end].to_lowercase();
            // or told twice in one run ("Seven people injured ... a shooting that injured seven
            // male victims"): the same figure and party from another verb
            let repeated = kept.iter().any(|(g, t)| {
                *t == s
                    && g.outcome == f.outcome
                    && (quote(g) == quote(f)
                        || (g.count.amount == f.count.amount
                            && g.count.party == f.count.party
                            && g.trigger != f.trigger
                            && f.count.amount.best > 1
                            && !matches!(
                                doc.toks[f.count.start.min(f.trigger.0).saturating_sub(1)].lower.as_str(),
                                "and" | "while" | "but" | "," | ";" | "whereas"
                            )))
            });
            // "five people were shot ..., and two of the victims are in critical condition":
            // a part of a count of the same outcome told before it in the sentence
            let partitive = (f.count.start + 1..f.count.end.min(f.count.start + 3)).any(|k| doc.toks[k].is("of"));
            // (wounded only: "six died, four of them in combat and two in an accident" is a
            // breakdown)
            // ("three people were shot ..., and two are in critical condition": a bare number
            // after a larger count of the wounded is a part of it too)
            let bare = f.count.head.is_none()
                && !f.count.additive
                && !f.count.pronoun
                && (doc.toks[f.count.start].kind == Kind::Num || numbers::is_number_word(&doc.toks[f.count.start].lower));
            let part = (partitive || bare)
                && f.outcome == Outcome::Wounded
                && kept.iter().any(|(g, t)| {
                    *t == s && g.outcome == f.outcome && g.count.start < f.count.start && g.count.amount.best >= f.count.amount.best
                });
            if !counted && !repeated && !part {
                kept.push((f, s));
            }
        }
        kept
    };
    // "including the suspected shooter": the attacker is among a count of the people harmed
    // (anywhere in the text: the count may be told in a sentence of its own)
    let perp_included = doc.sents.iter().any(|st| {
        (st.lo..st.hi).any(|k| {
            matches!(doc.toks[k].lower.as_str(), "including" | "among")
                && (k + 1..(k + 4).min(st.hi)).any(|j| attacker_noun(&doc.toks[j].lower))
        })
    });
    let mut cas: Vec<CasualtyValue> = Vec::new();
    let mut cas_meta: Vec<Meta> = Vec::new();
    // a count told after a death in its sentence
    let after_dead =
        |f: &Frame, s: usize| frames.iter().any(|(g, t)| *t == s && g.outcome == Outcome::Killed && g.count.start < f.count.start);
    for (i, (f, s)) in frames.iter().enumerate() {
        let mut party = f.count.party;
        if party == Party::Unknown {
            party = last_victim_party(i).unwrap_or(Party::Unknown);
        }
        // "the suspect was shot by officers", "police returned fire, killing the suspect": the
        // attacker's own dead and wounded, a party of their own beside the victims
        // (but not when a count of the victims holds them: "six people were shot, including
        // the suspected shooter", "an officer-involved shooting left a man dead ... the suspect
        // was killed": one count of everyone harmed, as for the victims alone)
        let perp = perp_count(doc, f)
            && !perp_included
            && !frames.iter().any(|(g, t)| g.outcome == f.outcome && !perp_count(doc, g) && police_shooting(doc, *t));
        if perp && party == Party::Civilian {
            party = Party::Armed;
        } else if !perp && perp_count(doc, f) && party == Party::Armed {
            party = Party::Civilian;
        }
        let mut kind = party_kind(party, f.count.country, cc, armed_kind, target_hint);
        if party == Party::Civilian && resist && f.outcome != Outcome::Captured && is_villager(doc, f) {
            kind = ActorKind::IdentityMilitia;
        }
        let attributed_to = doc.sents[*s].attributions.first().map(|a| a.source.clone());
        // "a third person has died": the dead are three now
        // (but "one died at the scene and a second died later" is one more in its sentence)
        // ("a fourth man suffered a gunshot wound": four people hit, the dead among them)
        // (not when the people hit are told one by one: "A 63-year-old man suffered a gunshot
        // wound ... A second victim, a 28-year-old man, suffered")
        let hit_nth = is_hit(doc, f, after_dead(f, *s))
            && !frames[..i].iter().any(|(g, t)| g.count.amount.best == 1 && is_hit(doc, g, after_dead(g, *t)));
        let nth = ((f.outcome == Outcome::Killed || hit_nth)
            && f.count.amount.best == 1
            && doc.toks[f.count.start].is("a")
            && !frames[..i].iter().any(|(g, t)| t == s && g.outcome == f.outcome))
        .then(|| ordinal(&doc.toks[f.count.start + 1].lower))
        .flatten();
        cas.push(CasualtyValue {
            party: kind,
            outcome: f.outcome,
            amount: nth.map_or(f.count.amount, Amount::at_least),
            cause: f.cause,
            attributed_to,
            superseded: false,
            evidence: ev(article, f.span, f.extractor.clone()),
        });
        // "Two men died at the scene. Three others were taken to a hospital": the dead at the
        // scene are not among the people taken away
        let scene = |t: usize| {
            let st = &doc.sents[t];
            (st.lo..st.hi.saturating_sub(1)).any(|k| matches!(doc.toks[k].lower.as_str(), "at" | "on") && doc.toks[k + 1].is("scene"))
                || (st.lo + 2..st.hi)
                    .any(|k| doc.toks[k].is("scene") && doc.toks[k - 1].is("the") && matches!(doc.toks[k - 2].lower.as_str(), "at" | "on"))
        };
        let taken_away = matches!(
            doc.toks[f.trigger.0].lower.as_str(),
            "taken" | "transported" | "rushed" | "airlifted" | "flown" | "sent" | "sending" | "sends" | "treated"
        ) && f.count.amount.best >= 2
            && frames[..i].iter().any(|(g, t)| g.outcome == Outcome::Killed && !g.count.pronoun && scene(*t))
            && !frames[i + 1..].iter().any(|(g, t)| t == s && g.outcome == Outcome::Killed);
        let hit = (is_hit(doc, f, after_dead(f, *s)) && !taken_away) || dead_among(doc, &frames, i);
        // "killed himself": the shooter; "five people are dead" may count him already
        let self_kill = f.extractor == casualties::SELF_KILL || (perp && f.outcome == Outcome::Killed);
        let all_dead = f.outcome == Outcome::Killed
            && f.count.amount.best >= 2
            && matches!(doc.toks[f.trigger.0].lower.as_str(), "dead" | "died" | "die" | "dies" | "deaths" | "bodies" | "toll")
            && f.count.head.is_none_or(|h| matches!(doc.toks[h].lower.as_str(), "people" | "persons" | "victims" | "others"));
        // "two men were killed and another two injured": "another" adds to a count of the same
        // outcome told before, else it is a count of its own
        // ("five others" only to one in its own sentence: "two were killed and five others
        // wounded" tells two groups)
        let explicit_more = (f.count.start.saturating_sub(1)..f.count.end)
            .any(|k| matches!(doc.toks[k].lower.as_str(), "another" | "additional" | "more" | "further"));
        let additive = f.count.additive
            && frames[..i].iter().any(|(g, t)| g.outcome == f.outcome && !is_hit(doc, g, after_dead(g, *t)) && (explicit_more || t == s));
        // "a man ... a woman": people told one by one, each with an indefinite article
        // (alone with their outcome in their sentence, and a man told from a woman)
        let alone = frames.iter().filter(|(g, t)| t == s && g.outcome == f.outcome).count() == 1;
        // (told apart by the noun's gender or by the age: "a 20-year-old man ... a 23-year-old man")
        let indefinite = matches!(doc.toks[f.count.start].lower.as_str(), "a" | "an");
        // ("the driver ... the passenger": definite people told apart by their roles)
        let role_told = f.count.head.is_some_and(|h| role(&doc.toks[h].lower).is_some())
            && matches!(doc.toks[f.count.start].lower.as_str(), "the" | "his" | "her" | "their");
        let person = (f.count.amount.best == 1 && !f.count.additive && (indefinite || role_told || !name_of(doc, f).is_empty()))
            .then(|| who(doc, f))
            .flatten();
        let single = person.clone().filter(|_| alone);
        cas_meta.push(Meta {
            single,
            sent: *s,
            explicit: f.explicit_cause,
            additive,
            claim: doc.sents[*s].claim,
            hit,
            self_kill,
            all_dead,
            toll: f.extractor == casualties::TOLL,
            person,
        });
    }
    // "the toll could not be independently verified" may stand anywhere in the report
    let disclaimer = doc.sents.iter().any(|s| s.disclaimer);
    let cas = consolidate(cas, &cas_meta, disclaimer);

    // ---- actors: the attacking side and the side attacked
    // (the attacker's own death makes no battle)
    let victims: Vec<(ActorKind, Outcome)> =
        cas.iter().filter(|c| !c.superseded && c.evidence.extractor != casualties::SELF_KILL).map(|c| (c.party, c.outcome)).collect();
    let non_state = |k: ActorKind| matches!(k, ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia);
    let state = |k: ActorKind| matches!(k, ActorKind::StateForces | ActorKind::ExternalForces);
    let opposed =
        |a: ActorKind, b: ActorKind| (state(a) && !state(b)) || (non_state(a) && b != a) || (!state(a) && !non_state(a) && a != b);
    let attacker_name = |a: &Option<(String, ActorKind, Option<Span>)>| a.as_ref().map(|a| a.0.clone()).unwrap_or_default();
    // a generic armed group stands for the named one when the text names one ("ISWAP
    // militants"); the same for the side acted on
    let upgrade = |p: (String, ActorKind, Option<Span>)| -> (String, ActorKind, Option<Span>) {
        match named_armed {
            Some(n) if p.1 == ActorKind::PoliticalMilitia && generic_name(&p.0) => (n.name.clone(), n.kind, Some(n.span)),
            _ => p,
        }
    };
    let agents: Vec<&Participant> = participants.iter().filter(|p| p.side == Side::Agent).collect();
    let mut attacker: Option<(String, ActorKind, Option<Span>)> = agents
        .iter()
        .filter(|p| p.kind != ActorKind::Civilians)
        .min_by_key(|p| p.order)
        .map(|p| upgrade((p.name.clone(), p.kind, Some(p.span))));
    let demo = act_set.contains(&Act::Protest) || act_set.contains(&Act::Riot) || act_set.contains(&Act::Mob);
    let mut demo_state: Option<(String, ActorKind, Option<Span>)> = None;
    if demo && attacker.as_ref().is_none_or(|a| !matches!(a.1, ActorKind::Protesters | ActorKind::Rioters)) {
        // the forces that dispersed or arrested them are the other side
        demo_state = attacker.take().filter(|a| state(a.1));
        let riot = act_set.contains(&Act::Riot) || act_set.contains(&Act::Mob);
        let kind = if riot { ActorKind::Rioters } else { ActorKind::Protesters };
        let p = participants.iter().find(|p| p.kind == kind);
        let name = p.map(|p| p.name.clone()).unwrap_or_else(|| with_country(if riot { "Rioters" } else { "Protesters" }, cc));
        attacker = Some((name, kind, p.map(|p| p.span)));
    }
    let akind = attacker.as_ref().map(|a| a.1);
    // the side acted on: not the attacker again (a generic "militants" after "ISWAP" is ISWAP)
    let same_side = |k: ActorKind| akind.is_some_and(|a| a == k || (non_state(a) && k == ActorKind::PoliticalMilitia));
    let mut targets: Vec<&Participant> = participants.iter().filter(|p| p.side == Side::Target && !same_side(p.kind)).collect();
    targets.sort_by_key(|p| p.order);
    // the victims the text counts are acted on too; the earliest of them, the named targets and
    // the target nouns is the side acted on
    let victim_first = frames
        .iter()
        .map(|(f, _)| (f, party_kind(f.count.party, f.count.country, cc, armed_kind, target_hint)))
        .filter(|(_, k)| !same_side(*k) && *k != ActorKind::Unknown)
        .map(|(f, k)| (doc.toks[f.count.start].span.start, k))
        .min_by_key(|x| x.0);
    if let Some((at, k)) = victim_first
        && at < target_hint_at
    {
        target_hint = Some(k);
        target_hint_at = at;
    }
    // (a named target that is the counted victim itself, "at least 20 soldiers were killed",
    // is that side: it starts inside the count, after the count's first word)
    let first_target =
        targets.first().filter(|p| p.span.start < target_hint_at || target_hint.is_none_or(&same_side) || target_hint == Some(p.kind));
    let mut target: Option<(String, ActorKind, Option<Span>)> =
        demo_state.or_else(|| first_target.map(|p| (p.name.clone(), p.kind, Some(p.span))));
    // two parties acting together ("soldiers and militants exchanged gunfire"): the other one;
    // a party across the line between the state and armed groups before a rival group of the
    // attacker's own kind (two groups named together, "al-Qaeda and Islamic State fighters",
    // are one side, not both)
    let aname = attacker_name(&attacker);
    if target.is_none()
        && (act_set.contains(&Act::Clash) || act_set.contains(&Act::Resist))
        && let Some(a) = akind
        && let Some(p) = agents
            .iter()
            .filter(|p| {
                p.kind != ActorKind::Civilians
                    && ((opposed(a, p.kind) && !same_side(p.kind)) || (non_state(a) && p.kind == a && !p.generic && p.name != aname))
            })
            .min_by_key(|p| (!opposed(a, p.kind) || same_side(p.kind), p.order))
    {
        target = Some((p.name.clone(), p.kind, Some(p.span)));
    }
    let victim_kind = victims.iter().filter(|(k, _)| !same_side(*k)).map(|(k, _)| *k).next();
    if target.is_none()
        && let Some(k) = victim_kind.or(target_hint).filter(|k| !same_side(*k))
    {
        target = Some((actor_name_for(k, named_armed, cc), k, None));
    }
    if target.as_ref().is_some_and(|t| t.1 == ActorKind::Civilians && victims.iter().any(|v| v.0 == ActorKind::IdentityMilitia)) {
        target = Some((with_country("Unidentified Communal Militia", cc), ActorKind::IdentityMilitia, None));
    }
    if resist && target.as_ref().is_none_or(|t| t.1 == ActorKind::Civilians) && akind != Some(ActorKind::IdentityMilitia) {
        target = Some((with_country("Unidentified Communal Militia", cc), ActorKind::IdentityMilitia, None));
    }
    if attacker.is_none() {
        // no one named as acting: the armed group the text names, else an unidentified one
        let violent = act_set.iter().any(|a| a.violent() || matches!(a, Act::Loot | Act::Takeover | Act::Movement));
        let tkind = target.as_ref().map(|t| t.1);
        if let Some(n) = named_armed.filter(|n| Some(n.kind) != tkind || tkind.is_some_and(state)) {
            attacker = Some((n.name.clone(), n.kind, Some(n.span)));
        } else if violent && tkind.is_some_and(|t| !non_state(t)) {
            attacker = Some((with_country("Unidentified Armed Group", cc), ActorKind::PoliticalMilitia, None));
        } else if violent && tkind.is_some_and(non_state) {
            // militants killed: by the state forces the text names, if any
            if let Some(p) = participants.iter().filter(|p| state(p.kind)).min_by_key(|p| p.order) {
                attacker = Some((p.name.clone(), p.kind, Some(p.span)));
            }
        } else if let Some(p) =
            participants.iter().filter(|p| p.side != Side::Target && p.kind != ActorKind::Civilians).min_by_key(|p| p.order)
        {
            attacker = Some(upgrade((p.name.clone(), p.kind, Some(p.span))));
        }
    }
    if let Some(t) = target.take() {
        target = Some(if attacker.as_ref().is_some_and(|a| non_state(a.1)) { t } else { upgrade(t) });
    }
    // Battles between the state and militants named only by their casualties: the armed side
    if let (Some(a), None) = (&attacker, &target)
        && state(a.1)
        && victims.iter().any(|v| non_state(v.0))
    {
        let k = armed_kind;
        target = Some((actor_name_for(k, named_armed, cc), k, None));
    }
    // a battle is fought against an armed side: the opposing armed party the text names
    let battle_like =
        act_set.contains(&Act::Clash) || act_set.contains(&Act::Resist) || victims.iter().any(|v| state(v.0) || non_state(v.0));
    if battle_like
        && let Some(a) = attacker.as_ref().map(|a| a.1)
        && target.as_ref().is_none_or(|t| !state(t.1) && !non_state(t.1))
        && let Some(p) = participants
            .iter()
            .filter(|p| opposed(a, p.kind) && (state(p.kind) || non_state(p.kind)) && !same_side(p.kind))
            .min_by_key(|p| p.order)
    {
        target = Some((p.name.clone(), p.kind, Some(p.span)));
    }

    let armed_kind_of = |k: ActorKind| {
        matches!(
            k,
            ActorKind::StateForces
                | ActorKind::Rebels
                | ActorKind::PoliticalMilitia
                | ActorKind::IdentityMilitia
                | ActorKind::ExternalForces
        )
    };
    let unarmed = !participants.iter().any(|p| armed_kind_of(p.kind) && !p.synthetic)
        && !frames.iter().any(|(f, _)| matches!(f.count.party, Party::State | Party::Armed | Party::Identity));
    let mut all_victims = victims.clone();
    for &si in &own {
        for f in &doc.sents[si].parts {
            all_victims.push((party_kind(f.count.party, f.count.country, cc, armed_kind, target_hint), f.outcome));
        }
    }
    // farmers against herders, rival camps: a fight between groups of civilians is mob
    // violence, unless the groups are communities (ethnic, clan) that ACLED codes as militias
    let communal = own.iter().any(|&si| {
        let st = &doc.sents[si];
        (st.lo..st.hi).any(|k| {
            ethnic(&doc.toks[k].lower)
                || matches!(doc.toks[k].lower.as_str(), "militias" | "militia" | "communities" | "community" | "clans" | "clan")
        })
    });
    let civil_clash = unarmed && (act_set.contains(&Act::Clash) || act_set.contains(&Act::Resist));
    if civil_clash && communal {
        attacker = Some((with_country("Unidentified Communal Militia", cc), ActorKind::IdentityMilitia, None));
        target = None;
    } else if civil_clash && attacker.as_ref().is_some_and(|a| a.1 == ActorKind::IdentityMilitia) {
        attacker = None;
    }
    let unarmed = unarmed && !(civil_clash && communal);
    let facts = Facts {
        acts: act_set.clone(),
        attacker: attacker.as_ref().map(|a| a.1),
        target: target.as_ref().map(|t| t.1),
        victims: all_victims,
        unarmed,
    };
    let sub = classify(&facts);
    let etype = sub.event_type();
    // background politics never make an event
    if d.role == SourceRole::Background && matches!(sub, SubEventType::Agreement | SubEventType::Other | SubEventType::NonViolentTransfer) {
        return None;
    }
    if !etype.is_violent() && !matches!(etype, EventType::Protests | EventType::StrategicDevelopments) {
        return None;
    }
    if sub == SubEventType::MobViolence && unarmed && !act_set.contains(&Act::Mob) {
        // a fight between groups of civilians: rioters on both sides
        target = None;
    }
    let actors_out = dyad(sub, attacker, target, article, cc, named_armed);

    // ---- date
    let date = date_of(doc, article, d, main);

    // ---- tactics
    let mut tactics = Vec::new();
    for &s in &own {
        for (name, a, b) in &doc.sents[s].tactics {
            let span = Span::new(doc.toks[*a].span.start, doc.toks[*b - 1].span.end);
            tactics.push(TacticValue { name: name.to_string(), evidence: ev(article, span, TACTIC_RULE) });
        }
    }

    let type_evidence =
        first_cue.map(|c| ev(article, c.span, TYPE_RULE)).or_else(|| frames.first().map(|(f, _)| ev(article, f.span, TYPE_RULE)));
    let mut sentences: Vec<Span> = own.iter().map(|&s| orig(article, doc.sents[s].span)).collect();
    sentences.sort();
    Some(EventMention {
        role: d.role,
        event_type: etype,
        sub_event_type: sub,
        type_evidence,
        date,
        location,
        actors: actors_out,
        casualties: cas,
        tactics,
        sentences,
    })
}

/// Ethnic and community names ACLED gives communal militias.
fn ethnic(w: &str) -> bool {
    matches!(
        w,
        "fulani"
            | "peul"
            | "peulh"
            | "tuareg"
            | "touareg"
            | "tuaregs"
            | "zarma"
            | "djerma"
            | "hausa"
            | "haoussa"
            | "kanuri"
            | "toubou"
            | "arab"
            | "arabs"
            | "buduma"
            | "dawsahak"
            | "dogon"
            | "bambara"
            | "mossi"
            | "zaghawa"
            | "songhai"
            | "dendi"
            | "beriberi"
            | "fulbe"
            | "mahamid"
    )
}

/// People of communities that field communal militias (herders, farmers, villagers): one of
/// them acting is their community's militia, not a lone armed individual.
fn community_noun(w: &str) -> bool {
    matches!(
        w,
        "villager"
            | "herder"
            | "herdsman"
            | "herdsboy"
            | "pastoralist"
            | "shepherd"
            | "farmer"
            | "peasant"
            | "hunter"
            | "rancher"
            | "breeder"
            | "cattleman"
            | "fisherman"
            | "fisher"
            | "elder"
            | "chief"
            | "youth"
    )
}

fn is_villager(doc: &Doc, f: &Frame) -> bool {
    f.count.head.is_some_and(|h| {
        matches!(
            doc.toks[h].lower.as_str(),
            "villager" | "villagers" | "resident" | "residents" | "youths" | "youth" | "locals" | "inhabitants" | "hunters"
        )
    })
}

fn generic_name(name: &str) -> bool {
    name.starts_with("Unidentified Armed Group")
}

fn with_country(base: &str, cc: Option<&str>) -> String {
    match cc.and_then(country_name) {
        Some(c) => format!("{base} ({c})"),
        None => base.to_string(),
    }
}

fn actor_name_for(k: ActorKind, named: Option<&Participant>, cc: Option<&str>) -> String {
    let c = cc.and_then(country_name);
    match k {
        ActorKind::StateForces => c.map_or("Military Forces".to_string(), |c| format!("Military Forces of {c}")),
        ActorKind::Civilians => with_country("Civilians", cc),
        ActorKind::Rebels | ActorKind::PoliticalMilitia if named.is_some_and(|n| n.kind == k) => {
            named.map(|n| n.name.clone()).unwrap_or_default()
        }
        ActorKind::Rebels | ActorKind::PoliticalMilitia => with_country("Unidentified Armed Group", cc),
        ActorKind::IdentityMilitia => with_country("Unidentified Communal Militia", cc),
        ActorKind::Protesters => with_country("Protesters", cc),
        ActorKind::Rioters => with_country("Rioters", cc),
        ActorKind::ExternalForces => "External Forces".to_string(),
        ActorKind::Unknown => "Unknown".to_string(),
    }
}

/// The ACLED kind of a counted party in this event.
fn party_kind(p: Party, country: Option<&str>, event_country: Option<&str>, armed: ActorKind, target: Option<ActorKind>) -> ActorKind {
    match p {
        Party::State => match (country, event_country) {
            (Some(a), Some(b)) if a != b => ActorKind::ExternalForces,
            _ => ActorKind::StateForces,
        },
        Party::Armed => armed,
        Party::Identity => ActorKind::IdentityMilitia,
        Party::Civilian => ActorKind::Civilians,
        Party::Protester => ActorKind::Protesters,
        Party::Rioter => ActorKind::Rioters,
        Party::Unknown => target.unwrap_or(ActorKind::Civilians),
    }
}

/// Actor mentions of the event's sentences with their side: the subject of an act is an
/// agent, what follows an act (or "by") the other side; mentions inside attributions ("the
/// defence ministry said") and inside casualty counts are left out.
fn participants(doc: &Doc, table: &ActorTable, sents: &[usize], frames: &[(&Frame, usize)], cc: Option<&str>) -> Vec<Participant> {
    participants_of(doc, table, sents, frames, cc)
}

fn participants_of(doc: &Doc, table: &ActorTable, sents: &[usize], frames: &[(&Frame, usize)], cc: Option<&str>) -> Vec<Participant> {
    let mut out = Vec::new();
    let mut order = 0;
    for &si in sents {
        let s = &doc.sents[si];
        for m in doc.actors.iter().filter(|m| s.span.contains(&m.span)) {
            let first = doc.toks.partition_point(|t| t.span.start < m.span.start);
            let last = doc.toks.partition_point(|t| t.span.start < m.span.end);
            let (name, mut kind) = table.resolve(m.entry, cc);
            let generic = table.is_generic(m.entry);
            let non_state = matches!(kind, ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia);
            // "the defence ministry said": a source, not a party; but "ISWAP claimed to have ..."
            // names the party that acted
            if (generic || !non_state) && s.attributions.iter().any(|a| first >= a.toks.0 && first < a.toks.1) {
                continue;
            }
            let in_count = frames.iter().any(|(f, fs)| *fs == si && first >= f.count.start && first < f.count.end);
            let government = name.starts_with("Government of");
            let side = side_of(doc, s, first, last, in_count);
            if kind == ActorKind::Civilians && side == Side::Agent && s.acts.iter().any(|a| a.act == Act::Resist) {
                kind = ActorKind::IdentityMilitia;
            }
            // "French and Nigerien forces": the first demonym names a force too, and comes first
            if matches!(kind, ActorKind::StateForces | ActorKind::ExternalForces)
                && first >= s.lo + 2
                && doc.toks[first - 1].is("and")
                && let Some(c2) = demonym(&doc.toks[first - 2].lower).filter(|_| doc.toks[first - 2].cap)
                && let Some(cn) = country_name(c2)
            {
                let k2 = if Some(c2) == cc { ActorKind::StateForces } else { ActorKind::ExternalForces };
                out.push(Participant {
                    name: format!("Military Forces of {cn}"),
                    kind: k2,
                    side,
                    span: doc.toks[first - 2].span,
                    generic: false,
                    order,
                    synthetic: false,
                });
                order += 1;
            }
            out.push(Participant {
                name,
                kind,
                side,
                span: m.span,
                generic,
                order: order + if government { 5_000 } else { 0 },
                synthetic: false,
            });
            order += 1;
        }
        // people who are not in the table acting as an armed side: "villagers killed three
        // militants", "pastoralists with machetes attacked farmers" (ACLED: a communal militia)
        for a in s.acts.iter().filter(|a| matches!(a.act, Act::Attack | Act::Kill | Act::Wound | Act::Clash | Act::Resist | Act::Raid)) {
            let from = a.tok.saturating_sub(6).max(s.lo);
            let Some(k) = (from..a.tok).rev().find(|&k| person_noun(&doc.toks[k].lower).is_some()) else { continue };
            let pn = person_noun(&doc.toks[k].lower).unwrap_or(PersonNoun { party: Party::Unknown, singular: false });
            if pn.party != Party::Civilian || doc.actors.iter().any(|m| m.span.contains(&doc.toks[k].span)) {
                continue;
            }
            let armed_mod = (k.saturating_sub(2).max(s.lo)..k).any(|q| arming_modifier(&doc.toks[q].lower));
            if armed_mod || frames.iter().any(|(f, fs)| *fs == si && k >= f.count.start && k < f.count.end) {
                continue;
            }
            // only when nothing else names the side acting here
            if out.iter().any(|p: &Participant| p.side == Side::Agent && doc.toks.partition_point(|t| t.span.start < p.span.start) >= from)
            {
                continue;
            }
            // one unnamed person who is not of a community that fields militias ("a man shot
            // his neighbour"): an unidentified armed individual, which ACLED codes as an
            // unidentified armed group
            let w = doc.toks[k].lower.as_str();
            let lone = pn.singular && !ethnic(w) && !community_noun(w);
            let (name, kind) = if lone {
                (with_country("Unidentified Armed Group", cc), ActorKind::PoliticalMilitia)
            } else {
                (with_country("Unidentified Communal Militia", cc), ActorKind::IdentityMilitia)
            };
            out.push(Participant { name, kind, side: Side::Agent, span: doc.toks[k].span, generic: true, order, synthetic: true });
            order += 1;
        }
    }
    out
}

/// The side of an actor mention in its sentence: the subject of an act is an agent; what
/// follows an act (or "against") is acted on; "by X" is an agent; counted victims are acted
/// on; a vehicle that struck a mine was acted on.
fn side_of(doc: &Doc, s: &Sent, first: usize, last: usize, in_count: bool) -> Side {
    let w = |i: usize| if i >= s.lo && i < s.hi { doc.toks[i].lower.as_str() } else { "" };
    let prev = w(first.wrapping_sub(1));
    let prev2 = w(first.wrapping_sub(2));
    let by = prev == "by" || (prev2 == "by" && matches!(prev, "the" | "presumed" | "suspected" | "alleged" | "a" | "an" | "likely"));
    let next_act = s.acts.iter().find(|a| a.tok >= last && a.act.agentive());
    let prev_act = s.acts.iter().rev().find(|a| a.end <= first);
    let against = matches!(prev, "against" | "on" | "targeting" | "with" | "at" | "upon");
    if in_count {
        return Side::Target;
    }
    if by {
        return Side::Agent;
    }
    if against && prev_act.is_some() {
        return Side::Target;
    }
    if let Some(a) = next_act.filter(|a| a.tok - last <= 14)
        && prev_act.is_none_or(|p| first - p.end > 3)
    {
        // "an army vehicle struck an IED": the vehicle was hit
        let struck = matches!(w(a.tok), "struck" | "hit" | "triggered" | "detonated")
            && (a.end..(a.end + 4).min(s.hi))
                .any(|k| matches!(w(k), "ied" | "ieds" | "mine" | "landmine" | "device" | "explosive" | "bomb"));
        return if struck { Side::Target } else { Side::Agent };
    }
    if prev_act.is_some_and(|a| first - a.end <= 10) {
        return Side::Target;
    }
    Side::Mentioned
}

/// ACLED's dyad for the event type: who acted and on whom.
fn dyad(
    sub: SubEventType,
    attacker: Option<(String, ActorKind, Option<Span>)>,
    target: Option<(String, ActorKind, Option<Span>)>,
    article: &Article,
    cc: Option<&str>,
    named: Option<&Participant>,
) -> Vec<ActorValue> {
    use SubEventType as S;
    let mut out = Vec::new();
    let val = |a: (String, ActorKind, Option<Span>), role: ActorRole| ActorValue {
        name: a.0,
        kind: a.1,
        role,
        evidence: a.2.map(|s| ev(article, s, ExtractorId::new("actor.table.v1"))),
    };
    let etype = sub.event_type();
    match etype {
        EventType::Protests => {
            let p = attacker
                .filter(|a| a.1 == ActorKind::Protesters)
                .unwrap_or_else(|| (with_country("Protesters", cc), ActorKind::Protesters, None));
            out.push(val(p, ActorRole::Other));
            if matches!(sub, S::ProtestWithIntervention | S::ExcessiveForce) {
                let t = target
                    .filter(|t| t.1 == ActorKind::StateForces)
                    .unwrap_or_else(|| (actor_name_for(ActorKind::StateForces, None, cc), ActorKind::StateForces, None));
                out.push(val(t, if sub == S::ExcessiveForce { ActorRole::Attacker } else { ActorRole::Other }));
            }
        }
        EventType::Riots => {
            let r =
                attacker.filter(|a| a.1 == ActorKind::Rioters).unwrap_or_else(|| (with_country("Rioters", cc), ActorKind::Rioters, None));
            out.push(val(r, ActorRole::Attacker));
            if let Some(t) = target.filter(|t| t.1 != ActorKind::Rioters && t.1 != ActorKind::Protesters) {
                out.push(val(t, ActorRole::Target));
            }
        }
        EventType::ViolenceAgainstCivilians => {
            let a = attacker
                .filter(|a| a.1 != ActorKind::Civilians)
                .unwrap_or_else(|| (with_country("Unidentified Armed Group", cc), ActorKind::PoliticalMilitia, None));
            out.push(val(a, ActorRole::Attacker));
            let t = target
                .filter(|t| t.1 == ActorKind::Civilians)
                .unwrap_or_else(|| (with_country("Civilians", cc), ActorKind::Civilians, None));
            out.push(val(t, ActorRole::Target));
        }
        EventType::StrategicDevelopments => match sub {
            S::Looting => {
                let a = attacker
                    .filter(|a| a.1 != ActorKind::Civilians)
                    .unwrap_or_else(|| (with_country("Unidentified Armed Group", cc), ActorKind::PoliticalMilitia, None));
                out.push(val(a, ActorRole::Attacker));
                let t = target.unwrap_or_else(|| (with_country("Civilians", cc), ActorKind::Civilians, None));
                out.push(val(t, ActorRole::Target));
            }
            S::Arrests | S::DisruptedWeaponsUse => {
                let a = attacker
                    .filter(|a| matches!(a.1, ActorKind::StateForces | ActorKind::ExternalForces))
                    .unwrap_or_else(|| (actor_name_for(ActorKind::StateForces, None, cc), ActorKind::StateForces, None));
                out.push(val(a, ActorRole::Attacker));
                let t = target.filter(|t| !matches!(t.1, ActorKind::StateForces)).unwrap_or_else(|| {
                    if sub == S::DisruptedWeaponsUse {
                        named.map_or_else(
                            || (with_country("Unidentified Armed Group", cc), ActorKind::PoliticalMilitia, None),
                            |n| (n.name.clone(), n.kind, Some(n.span)),
                        )
                    } else {
                        (with_country("Civilians", cc), ActorKind::Civilians, None)
                    }
                });
                out.push(val(t, ActorRole::Target));
            }
            _ => {
                if let Some(a) = attacker {
                    out.push(val(a, ActorRole::Attacker));
                }
                if let Some(t) = target {
                    out.push(val(t, ActorRole::Target));
                }
            }
        },
        _ => {
            let a = attacker.unwrap_or_else(|| (with_country("Unidentified Armed Group", cc), ActorKind::PoliticalMilitia, None));
            let akind = a.1;
            // the same side told twice is one actor; two armed groups of one kind, each named,
            // are both sides of a fight between them
            let aname = a.0.clone();
            let rivals =
                |t: &(String, ActorKind, Option<Span>)| t.0 != aname && t.2.is_some() && !generic_name(&t.0) && !generic_name(&aname);
            out.push(val(a, ActorRole::Attacker));
            if let Some(t) = target.filter(|t| t.1 != akind || rivals(t)) {
                out.push(val(t, ActorRole::Target));
            }
        }
    }
    out
}

/// One figure per party, outcome and cause: repeated figures merged; within a sentence
/// counts add up; a total that a breakdown with an accident explains is superseded by the
/// breakdown ("10 killed ... six in the fighting and four in a vehicle crash"); otherwise, across
/// sentences, the highest figure stands and lower ones are superseded ("at least ten" early,
/// then 12).
/// What consolidation needs to know about one figure.
struct Meta {
    sent: usize,
    explicit: bool,
    additive: bool,
    claim: bool,
    /// A count of people shot ("five people were shot"): the killed among them as well as the
    /// wounded.
    hit: bool,
    /// One person introduced with an indefinite article, and the noun ("a man", "a woman"):
    /// such people, each with another noun, are told apart across sentences.
    single: Option<Who>,
    /// "killed himself", "turned the gun on himself".
    self_kill: bool,
    /// A count of all the dead ("four people are dead"), which may include the shooter.
    all_dead: bool,
    /// "bringing the death toll to three": a total of its own, never a part of its sentence's sum.
    toll: bool,
    /// One person told by an indefinite article or a name, alone in the sentence or not ("a man
    /// was shot in the leg and a woman was hurt").
    person: Option<Who>,
}

fn consolidate(cas: Vec<CasualtyValue>, meta: &[Meta], disclaimer: bool) -> Vec<CasualtyValue> {
    let n = cas.len();
    let mut keep: Vec<bool> = vec![true; n];
    // exact repeats (same party, outcome, cause, amount) in other sentences: dropped
    for i in 0..n {
        for j in 0..i {
            if keep[j]
                && cas[j].party == cas[i].party
                && cas[j].outcome == cas[i].outcome
                && cas[j].cause == cas[i].cause
                && cas[j].amount == cas[i].amount
                && meta[j].sent != meta[i].sent
                && !matches!((&meta[i].single, &meta[j].single), (Some(a), Some(b)) if a.distinct(b))
            {
                keep[i] = false;
                break;
            }
        }
    }
    let mut superseded = vec![false; n];
    // the attackers' own claims stand only when nothing else is said and nothing casts doubt
    let independent = (0..n).any(|i| keep[i] && !meta[i].claim);
    for i in 0..n {
        if meta[i].claim && (independent || disclaimer) {
            superseded[i] = true;
        }
    }
    // units: the non-additive figures of one sentence for one group, summed
    let units = |ids: &[usize]| -> Vec<(usize, Vec<usize>)> {
        let mut by_sent: Vec<(usize, Vec<usize>)> = Vec::new();
        for &i in ids {
            // the people told one by one make one unit together
            let key = if meta[i].single.is_some() {
                usize::MAX
            } else if meta[i].toll {
                usize::MAX - 1 - meta[i].sent
            } else {
                meta[i].sent
            };
            match by_sent.iter_mut().find(|(s, _)| *s == key) {
                Some((_, v)) => v.push(i),
                None => by_sent.push((key, vec![i])),
            }
        }
        by_sent
    };
    let sum = |ids: &[usize]| ids.iter().map(|&i| cas[i].amount.best).sum::<u64>();
    // the highest unit wins; the others are superseded
    let highest = |us: &[(usize, Vec<usize>)], superseded: &mut Vec<bool>| {
        if us.len() < 2 {
            return;
        }
        let best = us.iter().enumerate().max_by_key(|(k, (_, ids))| (sum(ids), std::cmp::Reverse(*k))).map_or(0, |(k, _)| k);
        for (k, (_, ids)) in us.iter().enumerate() {
            if k != best {
                for &i in ids {
                    superseded[i] = true;
                }
            }
        }
    };
    let groups: BTreeSet<(ActorKind, Outcome)> = cas.iter().map(|c| (c.party, c.outcome)).collect();
    for (party, outcome) in groups {
        let idx: Vec<usize> = (0..n)
            .filter(|&i| {
                keep[i] && cas[i].party == party && cas[i].outcome == outcome && !meta[i].additive && !meta[i].claim && !meta[i].hit
            })
            .collect();
        let acc: Vec<usize> =
            (0..n).filter(|&i| keep[i] && cas[i].party == party && cas[i].outcome == outcome && cas[i].cause == Cause::Accident).collect();
        let acc_units = units(&acc);
        highest(&acc_units, &mut superseded);
        let accident: u64 = acc.iter().filter(|&&i| !superseded[i]).map(|&i| cas[i].amount.best).sum();
        let explicit: Vec<usize> = idx.iter().copied().filter(|&i| cas[i].cause == Cause::Violence && meta[i].explicit).collect();
        let implicit: Vec<usize> = idx.iter().copied().filter(|&i| cas[i].cause == Cause::Violence && !meta[i].explicit).collect();
        if accident > 0 && !explicit.is_empty() {
            let ex_units = units(&explicit);
            highest(&ex_units, &mut superseded);
            let ex: u64 = explicit.iter().filter(|&&i| !superseded[i]).map(|&i| cas[i].amount.best).sum();
            for (_, ids) in units(&implicit) {
                if sum(&ids) <= ex + accident {
                    for i in ids {
                        superseded[i] = true;
                    }
                }
            }
            let rest: Vec<usize> = idx.iter().copied().filter(|&i| cas[i].cause == Cause::Violence && !superseded[i]).collect();
            highest(&units(&rest), &mut superseded);
        } else {
            let viol: Vec<usize> = idx.iter().copied().filter(|&i| cas[i].cause == Cause::Violence).collect();
            highest(&units(&viol), &mut superseded);
        }
    }
    // the shooter's own death, when a count of all the dead is given, is in it
    if (0..n).any(|i| keep[i] && meta[i].all_dead && !superseded[i]) {
        for i in 0..n {
            if meta[i].self_kill {
                superseded[i] = true;
            }
        }
    }
    // people shot: the highest count of them, less the killed and the wounded told apart
    // ("five people were shot; one died" is one killed and four wounded)
    let mut hit_plan: Vec<(Vec<usize>, Vec<usize>, u64, ActorKind)> = Vec::new();
    let parties: BTreeSet<ActorKind> = (0..n).filter(|&i| keep[i] && meta[i].hit).map(|i| cas[i].party).collect();
    for party in parties {
        let hits: Vec<usize> = (0..n).filter(|&i| keep[i] && meta[i].hit && cas[i].party == party && !superseded[i]).collect();
        let hit_units = units(&hits);
        let Some((_, best)) = hit_units.iter().max_by_key(|(s, ids)| (sum(ids), std::cmp::Reverse(*s))).cloned() else { continue };
        let total = sum(&best);
        hit_plan.push((best, hits, total, party));
    }
    let mut cas = cas;
    for (best, hits, total, party) in hit_plan {
        // (people told one by one and told apart from everyone hit are not among them: "a
        // 16-year-old girl was found dead ... a 20-year-old man was taken to a hospital")
        let apart = |i: usize| {
            meta[i].person.as_ref().is_some_and(|w| best.iter().all(|&b| meta[b].person.as_ref().is_some_and(|x| x.distinct(w))))
        };
        let told: u64 = (0..n)
            .filter(|&i| keep[i] && !superseded[i] && !meta[i].hit && cas[i].party == party && !apart(i))
            .filter(|&i| matches!(cas[i].outcome, Outcome::Killed | Outcome::Wounded))
            .map(|i| cas[i].amount.best)
            .sum();
        for &i in &hits {
            superseded[i] = true;
        }
        if total > told {
            let d = told;
            let low: u64 = best.iter().map(|&i| cas[i].amount.low).sum();
            let high: Option<u64> = best.iter().map(|&i| cas[i].amount.high).sum();
            let vague = best.iter().any(|&i| cas[i].amount.vague);
            let i = best[0];
            cas[i].amount = Amount {
                low: low.saturating_sub(d).min(total - d),
                best: total - d,
                high: high.map(|h| h.saturating_sub(d).max(total - d)),
                vague,
                stated: total - d,
            };
            superseded[i] = false;
        }
    }
    cas.into_iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(i, mut c)| {
            c.superseded = superseded[i];
            c
        })
        .collect()
}

/// Fixes a place given only as the neighbour a border is shared with ("near the border with
/// Burkina Faso" in a report on Niger is in Niger).
fn fix_border_country(doc: &Doc, loc: &mut LocationValue, home: Option<&str>, article: &Article) {
    let Some(h) = home else { return };
    let p = &loc.place;
    if p.precision != Some(LocationPrecision::Country) || p.country_code.as_deref() == Some(h) {
        return;
    }
    let Some(evd) = &loc.evidence else { return };
    // find the place mention in the cleaned text that maps to this evidence
    let near_border = doc.places.iter().any(|m| {
        orig(article, m.span) == evd.span && {
            let first = doc.toks.partition_point(|t| t.span.start < m.span.start);
            let last = doc.toks.partition_point(|t| t.span.start < m.span.end);
            let before = (first.saturating_sub(3)..first).any(|k| doc.toks[k].lower.starts_with("border"));
            let after = (last..(last + 2).min(doc.toks.len())).any(|k| doc.toks[k].lower.starts_with("border"));
            before || after
        }
    });
    if near_border {
        loc.place = Location {
            name: country_name(h).map(str::to_string),
            country_code: Some(h.to_string()),
            precision: Some(LocationPrecision::Country),
            ..Location::default()
        };
    }
}

fn date_of(doc: &Doc, article: &Article, d: &Draft, main: Option<&EventMention>) -> DateValue {
    let mut out = DateValue::unknown();
    // an expression dated from another event of the text ("four weeks prior to this incident")
    let anchor = &doc.sents[d.anchor];
    if d.role == SourceRole::Background
        && let Some(t) =
            anchor.timexes.iter().map(|&i| &doc.timexes[i]).find(|t| matches!(t.anchor, Anchor::Event { offset_days } if offset_days < 0))
    {
        let Anchor::Event { offset_days } = t.anchor else { unreachable!() };
        out.relative_to = Some(RelativeDate { mention: 0, offset_days });
        out.expression = Some(doc.text[t.span.start..t.span.end].to_string());
        out.evidence = Some(ev(article, t.span, t.extractor.clone()));
        if let Some(m) = main
            && let (Some(a), Some(b)) = (m.date.earliest, m.date.latest)
            && let Some((x, y, p)) = t.resolve_from(a, b, m.date.precision)
        {
            out.earliest = Some(x);
            out.latest = Some(y);
            out.precision = p;
            out.from_publication = m.date.from_publication;
        }
        return out;
    }
    let order: Vec<usize> =
        std::iter::once(d.anchor).chain(d.sents.iter().copied().filter(|&s| s != d.anchor)).chain(d.context.iter().copied()).collect();
    // what dates the violence itself first (the anchor sentence's, then the others'), then
    // the anchor sentence's other expressions, then the rest
    let spans: Vec<Span> = order.iter().map(|&s| doc.sents[s].span).collect();
    let strong_anchor = violent_timexes(doc, &[d.anchor]);
    let strong = violent_timexes(doc, &order);
    let mut chosen: Option<Timex> = None;
    if let Some(t) = sitrep_time::event_date(&strong_anchor, &[anchor.span]).or_else(|| sitrep_time::event_date(&strong, &spans)) {
        chosen = Some(refine(doc, &order, t));
    } else {
        let anchor_usable = usable_timexes(doc, &[d.anchor], false);
        if let Some(t) = sitrep_time::event_date(&anchor_usable, &[anchor.span]) {
            chosen = Some(t.clone());
        } else {
            // the days of telling about it only through the fallbacks of `read` (a neutral day
            // of an unclaimed sentence first, then a day of telling of the publication day or the
            // day before, not of an arrest or a court): "police said Monday" of a report two days
            // after the shooting, "was charged Friday" of a follow-up, are not its day
            let usable = if usable_timexes(doc, &order, false).is_empty() { Vec::new() } else { event_timexes(doc, &order) };
            if let Some(t) = sitrep_time::event_date(&usable, &spans) {
                chosen = Some(t.clone());
            }
        }
    }
    if let Some(t) = chosen {
        set_date(&mut out, doc, article, &t);
    }
    out
}

/// The first clock time of these sentences whose day the text does not say and that does not
/// time telling about the event ("shot around 1:15 a.m.", "The shooting happened at 9 p.m."),
/// dated as TimeML does to the publication day (a same-day report), at day precision.
fn clock_time(doc: &Doc, sents: &[usize]) -> Option<Timex> {
    let mut t = usable_timexes(doc, sents, false).into_iter().find(|t| t.day_assumed)?;
    t.precision = DatePrecision::Day;
    Some(t)
}

/// A date of the violence coarser than a day narrowed by a day the same sentences give inside
/// it ("shot last weekend ... the party on Saturday night").
fn refine(doc: &Doc, sents: &[usize], t: &Timex) -> Timex {
    if t.granularity == DatePrecision::Day {
        return t.clone();
    }
    let (Some(a), Some(b)) = (t.earliest, t.latest) else { return t.clone() };
    // "the weekend" of a shooting report takes in its Friday night ("five shot over the
    // weekend ... officers responded at 11 p.m. Friday")
    let a = if t.value.ends_with("-WE") { a.pred_opt().unwrap_or(a) } else { a };
    let inside: Vec<Timex> = usable_timexes(doc, sents, false)
        .into_iter()
        .filter(|u| {
            u.datable && u.granularity == DatePrecision::Day && u.earliest.is_some_and(|x| x >= a) && u.latest.is_some_and(|y| y <= b)
        })
        .collect();
    let mut days: Vec<_> = inside.iter().map(|u| (u.earliest, u.latest)).collect();
    days.dedup();
    if days.len() == 1 { inside[0].clone() } else { t.clone() }
}

fn set_date(out: &mut DateValue, doc: &Doc, article: &Article, t: &Timex) {
    out.expression = Some(doc.text[t.span.start..t.span.end].to_string());
    out.evidence = Some(ev(article, t.span, t.extractor.clone()));
    if t.earliest.is_some() && t.latest.is_some() {
        out.earliest = t.earliest;
        out.latest = t.latest;
        out.precision = t.precision;
    } else {
        out.precision = DatePrecision::Unknown;
    }
    out.from_publication = matches!(t.anchor, Anchor::Publication);
}
